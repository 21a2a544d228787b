import { z } from "zod";
import type { MessageKey } from "~/i18n/messages";
import { OFFERS } from "~/domain/expert-values";
import { SECTORS } from "~/domain/request-values";

/**
 * The URL state of the experts and requests lists: `?q=…&area=…&offer=…&page=2`,
 * one Zod schema per list. The directory's policy: every bad value is reported
 * (the page answers 400 and names it, in the visitor's language) and the list
 * still shows what the rest asks for; nothing is dropped silently.
 */
export type ListingParams = { q: string; areas: string[]; extra: string[]; page: number };
export type QueryProblem = { key: MessageKey; params?: Record<string, string | number> };

export const MAX_QUERY_LENGTH = 200;
export const MAX_VALUES_PER_FILTER = 20;
/** The engine counts up to 10,000 hits: 500 pages of 20. */
export const MAX_PAGE = 500;

const slug = z
  .string()
  .max(80)
  .regex(/^[a-z0-9_]+(?:-[a-z0-9_]+)*$/);
const values = <T extends z.ZodTypeAny>(value: T) => z.array(value).max(MAX_VALUES_PER_FILTER);
const page = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_PAGE));

export const LISTS = {
  experts: { extraName: "offer", extraValue: z.enum(OFFERS), unknownExtra: "error.offer.unknown" },
  requests: { extraName: "sector", extraValue: z.enum(SECTORS), unknownExtra: "error.sector.unknown" },
} as const;
export type ListName = keyof typeof LISTS;

/** The list's URL schema, on the parameters as sent (each repeatable one as an array). */
export function listingSchema(list: ListName) {
  return z.object({
    q: z.string().max(MAX_QUERY_LENGTH),
    area: values(slug),
    extra: values(LISTS[list].extraValue),
    page,
  });
}

export function parseListingParams(
  params: URLSearchParams,
  list: ListName,
): { query: ListingParams; problems: QueryProblem[] } {
  const { extraName, extraValue, unknownExtra } = LISTS[list];
  // Control characters carry no meaning in a search; they are dropped, not reported.
  const q = (params.get("q") ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const sent = {
    q,
    area: [
      ...new Set(
        params
          .getAll("area")
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ],
    extra: [
      ...new Set(
        params
          .getAll(extraName)
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ],
    page: params.get("page") || "1",
  };
  const problems: QueryProblem[] = [];
  const parsed = listingSchema(list).safeParse(sent);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [name, index] = issue.path;
    if (name === "q") problems.push({ key: "error.q.tooLong", params: { max: MAX_QUERY_LENGTH } });
    else if (name === "page") {
      const tooLarge = issue.code === "too_big";
      problems.push(
        tooLarge
          ? { key: "error.page.tooLarge", params: { max: MAX_PAGE } }
          : { key: "error.page.invalid", params: { value: shorten(sent.page) } },
      );
    } else if (index === undefined)
      problems.push({ key: "error.tooManyValues", params: { max: MAX_VALUES_PER_FILTER } });
    else {
      const value = sent[name as "area" | "extra"][Number(index)] ?? "";
      problems.push({ key: name === "area" ? "error.area.unknown" : unknownExtra, params: { value: shorten(value) } });
    }
  }
  if (parsed.success) {
    const { q: text, area, extra, page: number } = parsed.data;
    return { query: { q: text, areas: area, extra, page: number }, problems };
  }
  // What is valid still runs (the page shows it under the messages).
  const valid = (schema: z.ZodTypeAny, list: string[]) =>
    list.length > MAX_VALUES_PER_FILTER ? [] : list.filter((value) => schema.safeParse(value).success);
  const pageNumber = page.safeParse(sent.page);
  return {
    query: {
      q: q.slice(0, MAX_QUERY_LENGTH),
      areas: valid(slug, sent.area),
      extra: valid(extraValue, sent.extra),
      page: pageNumber.success ? pageNumber.data : 1,
    },
    problems,
  };
}

export function listingSearch(params: ListingParams, list: ListName, page = params.page): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  for (const area of params.areas) search.append("area", area);
  for (const value of params.extra) search.append(LISTS[list].extraName, value);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
