import { pageCount, type Paging } from "./params";

/**
 * The envelope of every list: the page of items, where it sits, and links to
 * its neighbours (absolute, keeping the caller's filters) so a client can
 * walk the list without building URLs.
 */
export type ListEnvelope<T> = {
  data: T[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
  /** True when the search engine did not answer and the database did (plain text match, no ranking) */
  degraded: boolean;
  links: { self: string; next: string | null; prev: string | null };
};

export function listEnvelope<T>(
  url: URL,
  paging: Paging,
  found: { total: number; degraded: boolean },
  data: T[],
): ListEnvelope<T> {
  const totalPages = pageCount(found.total, paging.perPage);
  const pageUrl = (page: number) => {
    const next = new URL(url);
    next.searchParams.set("page", String(page));
    return next.toString();
  };
  return {
    data,
    page: paging.page,
    perPage: paging.perPage,
    total: found.total,
    totalPages,
    degraded: found.degraded,
    links: {
      self: url.toString(),
      next: paging.page < totalPages ? pageUrl(paging.page + 1) : null,
      prev: paging.page > 1 ? pageUrl(paging.page - 1) : null,
    },
  };
}
