import { Link } from "@remix-run/react";
import { useT } from "~/i18n/i18n";
import { directorySearch, type DirectoryQuery } from "~/utils/directory-query";
import { cx } from "~/utils/misc";

/** Page numbers around the current one, with the first and last: 1 … 4 5 [6] 7 8 … 20 */
export function pageWindow(current: number, pages: number, radius = 2): (number | "gap")[] {
  const numbers = new Set([1, pages]);
  for (let page = current - radius; page <= current + radius; page++) if (page >= 1 && page <= pages) numbers.add(page);
  const sorted = [...numbers].sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  sorted.forEach((page, i) => {
    if (i > 0 && page - sorted[i - 1]! > 1) result.push("gap");
    result.push(page);
  });
  return result;
}

export function Pagination({ query, pages }: { query: DirectoryQuery; pages: number }) {
  const t = useT();
  const href = (page: number) => `/directory${directorySearch({ ...query, page })}`;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100";
  return (
    <nav aria-label={t("directory.pagination")} className="mt-6 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-600">{t("directory.page", { page: query.page, pages })}</p>
      <ul className="flex flex-wrap items-center gap-1">
        {query.page > 1 ? (
          <li>
            <Link to={href(query.page - 1)} rel="prev" className={linkClass}>
              ← <span className="sr-only sm:not-sr-only">{t("directory.previous")}</span>
            </Link>
          </li>
        ) : null}
        {pageWindow(query.page, pages).map((page, i) =>
          page === "gap" ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-slate-500">
              …
            </li>
          ) : (
            <li
              key={page}
              className={cx(Math.abs(page - query.page) > 1 && page !== 1 && page !== pages && "hidden sm:block")}
            >
              <Link
                to={href(page)}
                aria-label={t("directory.goToPage", { page })}
                aria-current={page === query.page ? "page" : undefined}
                className={cx(
                  linkClass,
                  page === query.page && "border-brand-700 bg-brand-700 text-white hover:bg-brand-800",
                )}
              >
                {page}
              </Link>
            </li>
          ),
        )}
        {query.page < pages ? (
          <li>
            <Link to={href(query.page + 1)} rel="next" className={linkClass}>
              <span className="sr-only sm:not-sr-only">{t("directory.next")}</span> →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
