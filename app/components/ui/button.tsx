import { Link, type LinkProps } from "@remix-run/react";
import type { ButtonHTMLAttributes } from "react";
import { cx } from "~/utils/misc";

/**
 * The portal's buttons, and links that look like one: one place for their classes.
 * `primary` is the main action of a form or page, `secondary` any other, `danger`
 * a destructive one (`dangerOutline` when it sits beside other choices); `inverse`
 * sits on the brand colour (the home page's hero), `quiet` among navigation links.
 */
const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
  dangerOutline: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  inverse: "bg-white text-brand-800 hover:bg-brand-50",
  quiet: "text-brand-800 hover:bg-brand-50",
} as const;

const sizes = {
  sm: "px-3 py-1.5 text-sm",
  md: "px-4 py-2",
  lg: "px-5 py-2.5",
  xl: "px-5 py-3",
  /** The header's: as tall as its links */
  nav: "px-3 py-2 text-sm",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;
type Look = { variant?: ButtonVariant; size?: ButtonSize; className?: string };

export function buttonClass({ variant = "primary", size = "md", className }: Look = {}) {
  return cx(
    "inline-block rounded-lg font-semibold disabled:cursor-wait disabled:opacity-70",
    variants[variant],
    sizes[size],
    className,
  );
}

/** A `<button>`; `type` defaults to "button" so that a button never submits a form by accident. */
export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

/** A link (to another page) that looks like a button. */
export function ButtonLink({ variant, size, className, ...props }: Look & LinkProps) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}
