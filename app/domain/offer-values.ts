/**
 * Values of the offers' enumerations (services, equipment, technologies), with
 * their labels, and the rules every part of the portal shares about an offer's
 * life: when it is public, when it goes stale, when it is hidden
 * (docs/decisions/050).
 */
import { vocabulary } from "./vocabulary";

export const { values: OFFER_TYPES, labels: OFFER_TYPE_LABELS } = vocabulary({
  service: { vi: "Dịch vụ", en: "Service" },
  equipment: { vi: "Thiết bị", en: "Equipment" },
  technology: { vi: "Công nghệ", en: "Technology" },
});
export type OfferType = (typeof OFFER_TYPES)[number];

/** The API's path for each type: /api/v1/services, /equipment, /technologies. */
export const OFFER_TYPE_PATHS = { service: "services", equipment: "equipment", technology: "technologies" } as const;

export const { values: OFFER_STATUSES, labels: OFFER_STATUS_LABELS } = vocabulary({
  draft: { vi: "Bản nháp", en: "Draft" },
  pending: { vi: "Chờ duyệt", en: "Awaiting review" },
  published: { vi: "Đã công bố", en: "Published" },
  rejected: { vi: "Bị từ chối", en: "Rejected" },
  archived: { vi: "Đã lưu trữ", en: "Archived" },
});
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const { values: AUDIENCES, labels: AUDIENCE_LABELS } = vocabulary({
  companies: { vi: "Doanh nghiệp", en: "Companies" },
  startups: { vi: "Doanh nghiệp khởi nghiệp", en: "Startups" },
  students: { vi: "Sinh viên, học viên", en: "Students" },
  researchers: { vi: "Nhà nghiên cứu khác", en: "Other researchers" },
});
export type Audience = (typeof AUDIENCES)[number];

export const { values: PRICE_MODES, labels: PRICE_MODE_LABELS } = vocabulary({
  range: { vi: "Có bảng giá", en: "Price range" },
  quote: { vi: "Báo giá theo yêu cầu", en: "On quote" },
  free: { vi: "Miễn phí", en: "Free" },
  // Seeded offers: no price is shown until a manager confirms the offer.
  unknown: { vi: "Chưa công bố giá", en: "Price not published" },
});
export type PriceMode = (typeof PRICE_MODES)[number];

export const { values: ACCESS_MODES, labels: ACCESS_MODE_LABELS } = vocabulary({
  staff_run: { vi: "Cán bộ phòng thí nghiệm vận hành", en: "Run by staff" },
  self_use: { vi: "Tự sử dụng sau khi được đào tạo", en: "Self-use after training" },
  collaboration: { vi: "Chỉ trong hợp tác nghiên cứu", en: "Collaboration only" },
});
export type AccessMode = (typeof ACCESS_MODES)[number];

export const { values: EQUIPMENT_CATEGORIES, labels: EQUIPMENT_CATEGORY_LABELS } = vocabulary({
  microscopy: { vi: "Kính hiển vi", en: "Microscopy" },
  diffraction: { vi: "Nhiễu xạ, cấu trúc tinh thể", en: "Diffraction and crystallography" },
  spectroscopy: { vi: "Quang phổ", en: "Spectroscopy" },
  chromatography: { vi: "Sắc ký, khối phổ", en: "Chromatography and mass spectrometry" },
  thermal: { vi: "Phân tích nhiệt", en: "Thermal analysis" },
  mechanical: { vi: "Thử nghiệm cơ học", en: "Mechanical testing" },
  fabrication: { vi: "Chế tạo, phòng sạch", en: "Fabrication and clean room" },
  bio: { vi: "Sinh học, y sinh", en: "Biology and biomedicine" },
  computing: { vi: "Tính toán, dữ liệu", en: "Computing and data" },
  irradiation: { vi: "Chiếu xạ, hạt nhân", en: "Irradiation and nuclear" },
  environment: { vi: "Môi trường, thủy lực", en: "Environment and hydraulics" },
  other: { vi: "Khác", en: "Other" },
});
export type EquipmentCategory = (typeof EQUIPMENT_CATEGORIES)[number];

export const { values: IP_STATUSES, labels: IP_STATUS_LABELS } = vocabulary({
  granted_patent: { vi: "Bằng độc quyền sáng chế", en: "Granted patent" },
  granted_utility: { vi: "Bằng độc quyền giải pháp hữu ích", en: "Granted utility solution" },
  pending: { vi: "Đang nộp đơn", en: "Application pending" },
  know_how: { vi: "Bí quyết kỹ thuật", en: "Know-how" },
  open: { vi: "Công bố mở", en: "Open" },
});
export type IpStatus = (typeof IP_STATUSES)[number];

export const { values: OFFERED_AS, labels: OFFERED_AS_LABELS } = vocabulary({
  licence: { vi: "Cấp phép sử dụng (li-xăng)", en: "Licence" },
  co_development: { vi: "Cùng phát triển", en: "Co-development" },
  sale: { vi: "Chuyển nhượng", en: "Sale" },
  spin_off: { vi: "Thành lập doanh nghiệp spin-off", en: "Spin-off" },
  consulting: { vi: "Tư vấn", en: "Consulting" },
});
export type OfferedAs = (typeof OFFERED_AS)[number];

export const TRL_MIN = 1;
export const TRL_MAX = 9;

/** An owner is asked to reconfirm an offer a year after it was last confirmed (or its clock started). */
export const RECONFIRM_AFTER_DAYS = 365;
/** A stale offer nobody reconfirms is hidden from search, the API and exports this long after. */
export const HIDE_AFTER_STALE_DAYS = 90;

/**
 * The condition, as a Prisma where, for an offer anyone may see: published, not hidden, and
 * its organization (when it has one) published too: an archived listing's offers go with it.
 */
export const PUBLIC_OFFER = {
  status: "published" as const,
  hiddenAt: null,
  AND: [{ OR: [{ organizationId: null }, { organization: { status: "published" } }] }],
};

/** The same, for an offer already read with its organization's status. */
export function isPublicOffer(offer: {
  status: string;
  hiddenAt: Date | null;
  organization?: { status: string } | null;
}): boolean {
  return (
    offer.status === PUBLIC_OFFER.status &&
    offer.hiddenAt === null &&
    (!offer.organization || offer.organization.status === "published")
  );
}

/** The columns that show what an offer is: an owner changing any of them sends it back to review. */
export const OFFER_MATERIAL_COLUMNS = [
  "nameVi",
  "nameEn",
  "descriptionVi",
  "descriptionEn",
  "method",
  "sampleRequirements",
  "turnaround",
  "audience",
  "priceMode",
  "priceMinVnd",
  "priceMaxVnd",
  "freeFor",
  "instrument",
  "make",
  "model",
  "category",
  "specifications",
  "building",
  "district",
  "ward",
  "accessMode",
  "conditions",
  "applications",
  "trl",
  "ipStatus",
  "ipNumber",
  "offeredAs",
  "transferredTo",
] as const;
