/** Values of the expertise profile's enumerations, with their labels. */
import { vocabulary } from "./vocabulary";

export const { values: ACADEMIC_TITLES, labels: ACADEMIC_TITLE_LABELS } = vocabulary({
  none: { vi: "Không ghi", en: "None" },
  gs_ts: { vi: "GS.TS.", en: "Prof. Dr." },
  pgs_ts: { vi: "PGS.TS.", en: "Assoc. Prof. Dr." },
  ts: { vi: "TS.", en: "Dr." },
  ths: { vi: "ThS.", en: "MSc" },
  ks: { vi: "KS.", en: "Eng." },
  cn: { vi: "CN.", en: "BSc" },
});
export type AcademicTitle = (typeof ACADEMIC_TITLES)[number];

export const { values: OFFERS, labels: OFFER_LABELS } = vocabulary({
  consulting: { vi: "Tư vấn", en: "Consulting" },
  contract_research: { vi: "Nghiên cứu theo hợp đồng", en: "Contract research" },
  lab_services: {
    vi: "Dịch vụ phòng thí nghiệm (đo, phân tích, thử nghiệm)",
    en: "Lab services (measurement, analysis, testing)",
  },
  equipment_access: { vi: "Cho sử dụng thiết bị", en: "Equipment access" },
  student_projects: { vi: "Dự án cho sinh viên", en: "Student projects" },
});
export type Offer = (typeof OFFERS)[number];

export const { values: LINK_KINDS, labels: LINK_KIND_LABELS } = vocabulary({
  publication: { vi: "Công bố", en: "Publication" },
  patent: { vi: "Sáng chế", en: "Patent" },
  project: { vi: "Dự án", en: "Project" },
});
export type LinkKind = (typeof LINK_KINDS)[number];

export function splitLines(text: string): string[] {
  return text
    .split(/\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function displayName(profile: { title: string; fullName: string }, lang: "vi" | "en"): string {
  const title = ACADEMIC_TITLE_LABELS[profile.title as AcademicTitle];
  return title && profile.title !== "none" ? `${title[lang]} ${profile.fullName}` : profile.fullName;
}

/** Publications, patents and projects one profile may list (the profile form has a row for each). */
export const MAX_PROFILE_LINKS = 150;

/** A BibTeX or RIS file to import publications from: its size and its entries (docs/decisions/071). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 300;
