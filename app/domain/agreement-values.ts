/** Values of an agreement, with their labels (docs/decisions/074). */
import { vocabulary } from "./vocabulary";

export const { values: AGREEMENT_TYPES, labels: AGREEMENT_TYPE_LABELS } = vocabulary({
  research_contract: { vi: "Hợp đồng nghiên cứu", en: "Research contract" },
  licence: { vi: "Li-xăng (cấp phép sử dụng)", en: "Licence" },
  technology_transfer: { vi: "Chuyển giao công nghệ", en: "Technology transfer" },
  consulting: { vi: "Tư vấn", en: "Consulting" },
  equipment_use: { vi: "Sử dụng thiết bị", en: "Equipment use" },
  joint_grant: { vi: "Cùng xin tài trợ", en: "Joint grant" },
});
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

/** Value ranges in VND; optional. */
export const { values: AGREEMENT_VALUE_RANGES, labels: AGREEMENT_VALUE_RANGE_LABELS } = vocabulary({
  under_100m: { vi: "Dưới 100 triệu đồng", en: "Under VND 100 million" },
  "100m_500m": { vi: "100–500 triệu đồng", en: "VND 100–500 million" },
  "500m_2b": { vi: "500 triệu – 2 tỷ đồng", en: "VND 500 million – 2 billion" },
  "2b_10b": { vi: "2–10 tỷ đồng", en: "VND 2–10 billion" },
  over_10b: { vi: "Trên 10 tỷ đồng", en: "Over VND 10 billion" },
});
export type AgreementValueRange = (typeof AGREEMENT_VALUE_RANGES)[number];

/** pending (waiting for the other side) | confirmed | disputed (the other side said no) | withdrawn */
export const AGREEMENT_STATUSES = ["pending", "confirmed", "disputed", "withdrawn"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Agreement types that mark a technology offer as licensed once confirmed. */
export const LICENSING_TYPES = ["licence", "technology_transfer"] as const satisfies readonly AgreementType[];
