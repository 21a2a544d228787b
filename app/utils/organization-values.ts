/** Values of the organization model's string enumerations (see prisma/schema.prisma). */

export const ORGANIZATION_KINDS = ["university", "institute", "lab", "incubator", "startup", "enterprise"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_STATUSES = ["draft", "pending", "published", "archived"] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export function isOrganizationKind(value: string): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

type Label = { vi: string; en: string };

/** How each kind is called, one and many, plus extra words people search with. */
export const KIND_LABELS: Record<OrganizationKind, { one: Label; many: Label; searchTerms: string[] }> = {
  university: {
    one: { vi: "Trường đại học", en: "University" },
    many: { vi: "Trường đại học", en: "Universities" },
    searchTerms: ["Trường đại học", "Đại học", "Học viện", "University", "Academy"],
  },
  institute: {
    one: { vi: "Viện nghiên cứu", en: "Research institute" },
    many: { vi: "Viện nghiên cứu", en: "Research institutes" },
    searchTerms: ["Viện nghiên cứu", "Viện", "Research institute", "Institute"],
  },
  lab: {
    one: { vi: "Phòng thí nghiệm", en: "Lab" },
    many: { vi: "Phòng thí nghiệm", en: "Labs" },
    searchTerms: ["Phòng thí nghiệm", "Trung tâm nghiên cứu", "Lab", "Laboratory", "Research centre"],
  },
  incubator: {
    one: { vi: "Vườn ươm", en: "Incubator" },
    many: { vi: "Vườn ươm & hỗ trợ khởi nghiệp", en: "Incubators & accelerators" },
    searchTerms: ["Vườn ươm", "Tăng tốc khởi nghiệp", "Trung tâm đổi mới sáng tạo", "Incubator", "Accelerator", "Innovation hub"],
  },
  startup: {
    one: { vi: "Doanh nghiệp khởi nghiệp", en: "Startup" },
    many: { vi: "Doanh nghiệp khởi nghiệp", en: "Startups" },
    searchTerms: ["Khởi nghiệp", "Startup", "Start-up"],
  },
  enterprise: {
    one: { vi: "Doanh nghiệp", en: "Enterprise" },
    many: { vi: "Doanh nghiệp", en: "Enterprises" },
    searchTerms: ["Doanh nghiệp", "Công ty", "Tập đoàn", "Enterprise", "Company"],
  },
};

/** In the public links chart: a requester with no listing shown who signed up as a business. */
export const UNLISTED_BUSINESS = "business";
