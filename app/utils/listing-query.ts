/**
 * The URL state of the experts and requests lists: `?q=…&area=…&offer=…&page=2`.
 * Unknown or malformed values are dropped (a shared link keeps working).
 */
export type ListingParams = { q: string; areas: string[]; extra: string[]; page: number };

const SLUG = /^[a-z0-9_]+(?:-[a-z0-9_]+)*$/;

export function parseListingParams(params: URLSearchParams, extraName: string, allowedExtra: readonly string[]): ListingParams {
  const q = (params.get("q") ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, 200);
  const areas = [...new Set(params.getAll("area"))].filter((value) => SLUG.test(value) && value.length <= 80).slice(0, 20);
  const extra = [...new Set(params.getAll(extraName))].filter((value) => allowedExtra.includes(value));
  const pageRaw = params.get("page") ?? "1";
  const page = /^\d{1,3}$/.test(pageRaw) && Number(pageRaw) >= 1 ? Math.min(Number(pageRaw), 500) : 1;
  return { q, areas, extra, page };
}

export function listingSearch(params: ListingParams, extraName: string, page = params.page): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  for (const area of params.areas) search.append("area", area);
  for (const value of params.extra) search.append(extraName, value);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return text ? `?${text}` : "";
}
