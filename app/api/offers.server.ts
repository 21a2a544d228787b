import { OFFER_TYPE_PATHS, type OfferType } from "~/domain/offer-values";
import { getTaxonomy } from "~/models/field.server";
import { getPublicOffer, publicOfferCards, searchOffers } from "~/models/offer-search.server";
import { notFound } from "./errors";
import { listEnvelope } from "./pagination";
import { checkPageInRange, expandFields, parseNoParameters, parseOfferQuery } from "./params";
import type { ApiArgs } from "./respond.server";
import { offerDetail, offerSummary } from "./serializers";

/**
 * /api/v1/services, /equipment, /technologies: public offers of one type
 * (published, not hidden for want of reconfirmation), searched as /offers is.
 */
export function listOffers(type: OfferType) {
  return async ({ url, origin }: ApiArgs) => {
    const query = parseOfferQuery(url.searchParams);
    const fields = expandFields(query.fields, await getTaxonomy());
    const found = await searchOffers({ ...query, fields, types: [type], areas: [], facets: false });
    checkPageInRange(query, found.total);
    const cards = await publicOfferCards(found.hits.map((hit) => hit.id));
    return listEnvelope(
      url,
      query,
      { total: found.total, degraded: found.mode === "database" },
      cards.map((card) => offerSummary(card, origin)),
    );
  };
}

const ID = /^[a-z0-9]{1,40}$/;

export function showOffer(type: OfferType) {
  return async ({ params, url, origin }: ApiArgs) => {
    parseNoParameters(url.searchParams);
    const id = params.id ?? "";
    const offer = ID.test(id) ? await getPublicOffer(id, type) : null;
    if (!offer) throw notFound(`No public ${OFFER_TYPE_PATHS[type]} offer has this id.`);
    return { data: offerDetail(offer, origin) };
  };
}
