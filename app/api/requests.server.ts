import { getTaxonomy } from "~/models/field.server";
import { getRequest, openRequestCards, visibleRequest } from "~/models/request.server";
import { searchOpenRequests } from "~/models/search-gateway.server";
import { prisma } from "~/db/client.server";
import { notFound } from "./errors";
import { fieldSlugsOf } from "./field-links.server";
import { listEnvelope } from "./pagination";
import { checkPageInRange, expandFields, parseRequestQuery, parseNoParameters } from "./params";
import type { ApiArgs } from "./respond.server";
import { requestDetail, requestSummary } from "./serializers";

/**
 * Open requests only: approved by an official and not yet closed or expired.
 * Pending, rejected, closed and expired ones are not part of the API.
 */
export async function listRequests({ url, origin }: ApiArgs) {
  const query = parseRequestQuery(url.searchParams);
  const fields = expandFields(query.fields, await getTaxonomy());
  const found = await searchOpenRequests({ ...query, areas: [], fields, extra: query.sectors });
  checkPageInRange(query, found.total);
  const cards = await openRequestCards(found.hits.map((hit) => hit.id));
  const slugs = await fieldSlugsOf(
    "request",
    cards.map((card) => card.id),
  );
  return listEnvelope(
    url,
    query,
    { total: found.total, degraded: found.mode === "database" },
    cards.map((card) => requestSummary(card, slugs.get(card.id) ?? [], origin)),
  );
}

const ID = /^[a-z0-9]{1,40}$/;

export async function showRequest({ params, url, origin }: ApiArgs) {
  parseNoParameters(url.searchParams);
  const id = params.id ?? "";
  const request = ID.test(id) ? await getRequest(id) : null;
  // visibleRequest for an anonymous viewer: the same rules as the public page.
  const visible = request?.status === "open" ? visibleRequest(request, null) : null;
  if (!visible) throw notFound("No open request has this id.");
  const listing = visible.organization
    ? await prisma.organization.findFirst({
        where: { slug: visible.organization.slug, status: "published" },
        select: { slug: true, nameVi: true, nameEn: true, acronym: true },
      })
    : null;
  return { data: requestDetail(visible, listing, origin) };
}
