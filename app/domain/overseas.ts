/** An expertise profile based abroad: how the expert works with Hanoi (docs/decisions/076). */
import { vocabulary } from "./vocabulary";
import { COUNTRY_NAMES, LANGUAGE_NAMES } from "./overseas-names";

export const { values: WORK_MODES, labels: WORK_MODE_LABELS } = vocabulary({
  remote_advice: { vi: "Tư vấn từ xa", en: "Remote advice" },
  visits: { vi: "Về làm việc tại Hà Nội", en: "Visits to Hanoi" },
  co_supervision: { vi: "Đồng hướng dẫn nghiên cứu sinh, học viên", en: "Co-supervision of students" },
  joint_projects: { vi: "Dự án nghiên cứu chung", en: "Joint projects" },
});
export type WorkMode = (typeof WORK_MODES)[number];

/** The languages a profile may name (ISO 639-1): those Hanoi's partners work in most. */
export const WORK_LANGUAGES = [
  "vi",
  "en",
  "fr",
  "de",
  "ja",
  "ko",
  "zh",
  "ru",
  "es",
  "it",
  "nl",
  "sv",
  "pl",
  "cs",
] as const;
export type WorkLanguage = (typeof WORK_LANGUAGES)[number];

/**
 * ISO 3166-1 alpha-2 codes of the countries and territories a profile may be based in:
 * every assigned code but Vietnam's (a profile in Vietnam has no country).
 */
export const COUNTRIES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VU WF WS YE YT ZA ZM ZW"
).split(" ");

const COUNTRY_SET = new Set(COUNTRIES);
export const isCountryCode = (code: string) => COUNTRY_SET.has(code);
export const isWorkLanguage = (code: string): code is WorkLanguage =>
  (WORK_LANGUAGES as readonly string[]).includes(code);

/** A country's name in the reader's language (app/domain/overseas-names.ts), its code when unknown. */
export function countryName(code: string, lang: "vi" | "en"): string {
  return COUNTRY_NAMES[code]?.[lang] ?? code;
}

/** A language's name in the reader's language, capitalised as a label ("Tiếng Nhật", "Japanese"). */
export function languageName(code: string, lang: "vi" | "en"): string {
  return LANGUAGE_NAMES[code]?.[lang] ?? code;
}

/**
 * The countries as a select's options, sorted by their name in the reader's language. Sorted
 * by folded text, not Intl.Collator, whose data may differ between the server and the browser.
 */
export function countryOptions(lang: "vi" | "en") {
  const key = (label: string) =>
    label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase();
  return COUNTRIES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) =>
    key(a.label) < key(b.label) ? -1 : key(a.label) > key(b.label) ? 1 : 0,
  );
}

/** Work modes as stored (one per line), known ones only, in the vocabulary's order. */
export function workModesOf(stored: string): WorkMode[] {
  const lines = new Set(stored.split("\n").map((line) => line.trim()));
  return WORK_MODES.filter((mode) => lines.has(mode));
}

/** Languages as stored (one per line). */
export function languagesOf(stored: string): string[] {
  return stored
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Slugs a profile may not take: the paths beside /experts/$slug (the overseas network's page). */
export const RESERVED_EXPERT_SLUGS: ReadonlySet<string> = new Set(["overseas"]);
