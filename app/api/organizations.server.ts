import { searchDirectory } from "~/models/search-gateway.server";
import { publishedExpertsOf } from "~/models/expert.server";
import { getTaxonomy } from "~/models/field.server";
import { getPublishedOrganization } from "~/models/organization.server";
import { notFound } from "./errors";
import { fieldSlugsOf } from "./field-links.server";
import { listEnvelope } from "./pagination";
import { checkPageInRange, expandFields, parseNoParameters, parseOrganizationQuery } from "./params";
import { SLUG_PATTERN } from "~/utils/text";
import type { ApiArgs } from "./respond.server";
import { organizationDetail, organizationSummary } from "./serializers";

/** The directory's own search (engine, or the database while it is down), so the API and the pages agree. */
export async function listOrganizations({ url, origin }: ApiArgs) {
  const query = parseOrganizationQuery(url.searchParams);
  const fields = expandFields(query.fields, await getTaxonomy());
  const found = await searchDirectory({ ...query, areas: [], fields, lang: query.lang });
  checkPageInRange(query, found.total);
  const cards = found.results.map((result) => result.organization);
  const slugs = await fieldSlugsOf(
    "organization",
    cards.map((card) => card.id),
  );
  return listEnvelope(
    url,
    query,
    { total: found.total, degraded: found.mode === "database" },
    cards.map((card) => organizationSummary(card, slugs.get(card.id) ?? [], origin)),
  );
}

export async function showOrganization({ params, url, origin }: ApiArgs) {
  parseNoParameters(url.searchParams);
  const slug = params.slug ?? "";
  const organization = SLUG_PATTERN.test(slug) ? await getPublishedOrganization(slug) : null;
  if (!organization) throw notFound("No published organization has this slug.");
  const experts = await publishedExpertsOf(organization.id);
  return {
    data: organizationDetail(
      organization,
      experts.map((expert) => expert.slug),
      origin,
    ),
  };
}
