import type { ReactNode } from "react";
import { cx } from "~/utils/misc";

const tones = {
  info: "border-brand-100 bg-brand-50 text-brand-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
} as const;

/** A boxed message. `role="status"` for news, `role="alert"` for errors. */
export function Notice({
  tone = "info",
  title,
  children,
  role = "status",
}: {
  tone?: keyof typeof tones;
  title?: string;
  children?: ReactNode;
  role?: "status" | "alert";
}) {
  return (
    <div role={role} className={cx("rounded-lg border px-4 py-3 text-sm", tones[tone])}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
