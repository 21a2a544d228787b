import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n";

/** Previous / next links for the experts and requests lists. */
export function SimplePager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useT();
  if (pages <= 1) return null;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100";
  return (
    <nav aria-label={t("directory.pagination")} className="mt-6 flex items-center justify-between gap-3">
      <p className="text-sm text-slate-600">{t("directory.page", { page, pages })}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link to={href(page - 1)} rel="prev" className={linkClass}>
            ← {t("directory.previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link to={href(page + 1)} rel="next" className={linkClass}>
            {t("directory.next")} →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
