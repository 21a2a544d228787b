import type { Language, Translate } from "~/i18n/i18n";
import { OFFER_LABELS, type Offer } from "./expert-values";
import { OFFER_TYPE_LABELS, type OfferType } from "./offer-values";
import { countryName, WORK_MODE_LABELS, type WorkMode } from "./overseas";

/**
 * Why a match was suggested (app/models/matching.server.ts computes them), and
 * how each reads: on the request's page and in the mail that tells a request's
 * owner about a new offer, in the reader's language.
 */
export type Reason =
  | { kind: "fields"; fields: { vi: string; en: string }[] }
  | { kind: "area"; areas: { vi: string; en: string }[] }
  | { kind: "keywords"; terms: string[] }
  | { kind: "publication"; title: string }
  | { kind: "offer"; offer: Offer }
  | { kind: "text" }
  | { kind: "verified" }
  /** An offer of the type the request's words ask for (a service for testing, equipment for a clean room…). */
  | { kind: "offerType"; type: OfferType }
  /** An offer whose owner listing is suggested for the request too. */
  | { kind: "owner"; name: { vi: string; en: string } }
  /** An expert based abroad (docs/decisions/076): the country's code and how they work with Hanoi. */
  | { kind: "overseas"; country: string; modes: WorkMode[] };

export function reasonText(reason: Reason, t: Translate, lang: Language): string {
  switch (reason.kind) {
    case "fields":
      return t("reason.fields", { names: reason.fields.map((field) => field[lang]).join(", ") });
    case "area":
      return t("reason.area", { names: reason.areas.map((area) => area[lang]).join(", ") });
    case "keywords":
      return t("reason.keywords", { terms: reason.terms.join(", ") });
    case "publication":
      return t("reason.publication", { title: reason.title });
    case "offer":
      return t("reason.offer", { offer: OFFER_LABELS[reason.offer]?.[lang].toLowerCase() ?? reason.offer });
    case "text":
      return t("reason.text");
    case "verified":
      return t("reason.verified");
    case "offerType":
      return t("reason.offerType", { type: OFFER_TYPE_LABELS[reason.type]?.[lang] ?? reason.type });
    case "owner":
      return t("reason.owner", { name: reason.name[lang] });
    case "overseas":
      return t("overseas.reason", {
        country: countryName(reason.country, lang),
        // Lower-case as part of the sentence, proper names kept ("về làm việc tại Hà Nội").
        modes: reason.modes.map((mode) => lowerFirst(WORK_MODE_LABELS[mode]?.[lang] ?? mode)).join(", "),
      });
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
