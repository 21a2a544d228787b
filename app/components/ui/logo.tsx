/**
 * The portal's mark: three linked nodes (government, science, enterprise) around a
 * centre, in a rounded square. Drawn inline so it needs no request and follows the
 * brand colour; public/favicon.svg is the same drawing.
 */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="7" fill="#174c99" />
      <g stroke="#fff" strokeWidth="1.8" strokeLinecap="round">
        <path d="M16 16 9 10.5M16 16l7-5.5M16 16v8" />
        <path d="M9 10.5h14M9 10.5 16 24M23 10.5 16 24" opacity=".45" />
      </g>
      <circle cx="16" cy="16" r="2.6" fill="#ffcd00" />
      <g fill="#fff">
        <circle cx="9" cy="10.5" r="2.4" />
        <circle cx="23" cy="10.5" r="2.4" />
        <circle cx="16" cy="24" r="2.4" />
      </g>
    </svg>
  );
}
