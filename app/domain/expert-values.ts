/** Values of the expertise profile's enumerations, with their labels. */
type Label = { vi: string; en: string };

export const ACADEMIC_TITLES = ["none", "gs_ts", "pgs_ts", "ts", "ths", "ks", "cn"] as const;
export type AcademicTitle = (typeof ACADEMIC_TITLES)[number];
export const ACADEMIC_TITLE_LABELS: Record<AcademicTitle, Label> = {
  none: { vi: "Không ghi", en: "None" },
  gs_ts: { vi: "GS.TS.", en: "Prof. Dr." },
  pgs_ts: { vi: "PGS.TS.", en: "Assoc. Prof. Dr." },
  ts: { vi: "TS.", en: "Dr." },
  ths: { vi: "ThS.", en: "MSc" },
  ks: { vi: "KS.", en: "Eng." },
  cn: { vi: "CN.", en: "BSc" },
};

export const OFFERS = [
  "consulting",
  "contract_research",
  "lab_services",
  "equipment_access",
  "student_projects",
] as const;
export type Offer = (typeof OFFERS)[number];
export const OFFER_LABELS: Record<Offer, Label> = {
  consulting: { vi: "Tư vấn", en: "Consulting" },
  contract_research: { vi: "Nghiên cứu theo hợp đồng", en: "Contract research" },
  lab_services: {
    vi: "Dịch vụ phòng thí nghiệm (đo, phân tích, thử nghiệm)",
    en: "Lab services (measurement, analysis, testing)",
  },
  equipment_access: { vi: "Cho sử dụng thiết bị", en: "Equipment access" },
  student_projects: { vi: "Dự án cho sinh viên", en: "Student projects" },
};

export const LINK_KINDS = ["publication", "patent", "project"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_KIND_LABELS: Record<LinkKind, Label> = {
  publication: { vi: "Công bố", en: "Publication" },
  patent: { vi: "Sáng chế", en: "Patent" },
  project: { vi: "Dự án", en: "Project" },
};

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
