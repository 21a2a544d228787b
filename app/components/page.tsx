import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n";
import { cx } from "~/utils/misc";

/** A narrow page for forms: title, optional intro, content. */
export function FormPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-bold">{title}</h1>
      {intro ? <p className="mt-2 text-slate-700">{intro}</p> : null}
      <div className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6">{children}</div>
    </div>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <h1 className="text-2xl font-bold">{title}</h1>
      {children ? <div className="flex flex-wrap gap-2">{children}</div> : null}
    </div>
  );
}

/** The breadcrumb of a detail page: one link up to the list it belongs to. */
export function ParentLink({ to, children }: { to: string; children: ReactNode }) {
  const t = useT();
  return (
    <nav aria-label={t("org.breadcrumb")} className="text-sm">
      <Link to={to} className="text-brand-700 hover:underline">
        {children}
      </Link>
    </nav>
  );
}

/** A card named by its heading (aria-labelledby `id`): a section of a detail or account page. */
export function Panel({
  id,
  title,
  as: Element = "section",
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  as?: "section" | "aside";
  className?: string;
  children: ReactNode;
}) {
  return (
    <Element aria-labelledby={id} className={cx("rounded-2xl border border-slate-200 bg-white p-5", className)}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </Element>
  );
}
