import { getPublishedExpert, getPublishedExpertCards } from "~/models/expert.server";
import { getTaxonomy } from "~/models/field.server";
import { searchExperts } from "~/models/search-gateway.server";
import { notFound } from "./errors";
import { fieldSlugsOf } from "./field-links.server";
import { listEnvelope } from "./pagination";
import { checkPageInRange, expandFields, parseExpertQuery, parseNoParameters } from "./params";
import { SLUG_PATTERN } from "~/utils/text";
import type { ApiArgs } from "./respond.server";
import { expertDetail, expertSummary } from "./serializers";

/** Published expertise profiles only; an account's e-mail is never part of them. */
export async function listExperts({ url, origin }: ApiArgs) {
  const query = parseExpertQuery(url.searchParams);
  const fields = expandFields(query.fields, await getTaxonomy());
  const found = await searchExperts({ ...query, areas: [], fields, extra: query.offers });
  checkPageInRange(query, found.total);
  const cards = await getPublishedExpertCards(found.hits.map((hit) => hit.id));
  const slugs = await fieldSlugsOf(
    "expert",
    cards.map((card) => card.id),
  );
  return listEnvelope(
    url,
    query,
    { total: found.total, degraded: found.mode === "database" },
    cards.map((card) => expertSummary(card, slugs.get(card.id) ?? [], origin)),
  );
}

export async function showExpert({ params, url, origin }: ApiArgs) {
  parseNoParameters(url.searchParams);
  const slug = params.slug ?? "";
  const expert = SLUG_PATTERN.test(slug) ? await getPublishedExpert(slug) : null;
  if (!expert) throw notFound("No published expert has this slug.");
  return { data: expertDetail(expert, origin) };
}
