import { cx } from "~/utils/misc";

/**
 * An organization's logo, or a tidy placeholder: its acronym or the first
 * letters of its name on a tinted square. Decorative either way (the name is
 * beside it), so screen readers skip it.
 */
export function OrganizationLogo({
  url,
  name,
  acronym,
  size,
  className,
}: {
  url: string | null;
  name: string;
  acronym: string | null;
  size: 48 | 96;
  className?: string;
}) {
  const box = cx(
    "shrink-0 rounded-xl border border-slate-200 bg-white",
    size === 96 ? "h-20 w-20 sm:h-24 sm:w-24" : "h-12 w-12",
    className,
  );
  if (url) return <img src={url} alt="" width={size} height={size} className={cx(box, "object-contain")} />;
  return (
    <span
      aria-hidden="true"
      className={cx(box, "flex items-center justify-center bg-brand-50 font-bold text-brand-800")}
    >
      <span className={size === 96 ? "text-xl" : "text-sm"}>{initials(name, acronym)}</span>
    </span>
  );
}

/** The acronym (up to 5 letters) or the initials of the name's first two words that are not "of", "and"… */
export function initials(name: string, acronym: string | null): string {
  if (acronym && acronym.length <= 5) return acronym.toUpperCase();
  const words = name.split(/\s+/).filter((word) => /^\p{Lu}/u.test(word));
  return (words.length ? words : name.split(/\s+/))
    .slice(0, 2)
    .map((word) => word[0])
    .join("")
    .toUpperCase();
}
