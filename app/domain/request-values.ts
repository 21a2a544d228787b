/** Values of a technology request's enumerations, with their labels. */
import { vocabulary, type Label } from "./vocabulary";

export const { values: SECTORS, labels: SECTOR_LABELS } = vocabulary({
  manufacturing: { vi: "Cơ khí, chế tạo", en: "Manufacturing" },
  electronics: { vi: "Điện tử, bán dẫn", en: "Electronics & semiconductors" },
  ict: { vi: "Công nghệ thông tin, phần mềm", en: "ICT & software" },
  agriculture_food: { vi: "Nông nghiệp, thực phẩm", en: "Agriculture & food" },
  health_pharma: { vi: "Y tế, dược phẩm", en: "Health & pharma" },
  energy: { vi: "Năng lượng", en: "Energy" },
  construction: { vi: "Xây dựng, vật liệu xây dựng", en: "Construction" },
  transport_logistics: { vi: "Giao thông, logistics", en: "Transport & logistics" },
  environment: { vi: "Môi trường, xử lý chất thải", en: "Environment & waste" },
  chemicals_materials: { vi: "Hóa chất, vật liệu", en: "Chemicals & materials" },
  textiles: { vi: "Dệt may, da giày", en: "Textiles & footwear" },
  finance: { vi: "Tài chính, thương mại", en: "Finance & commerce" },
  education: { vi: "Giáo dục", en: "Education" },
  other: { vi: "Lĩnh vực khác", en: "Other" },
});
export type Sector = (typeof SECTORS)[number];

export const { values: COMPANY_SIZES, labels: COMPANY_SIZE_LABELS } = vocabulary({
  micro: { vi: "Siêu nhỏ (dưới 10 người)", en: "Micro (under 10 people)" },
  small: { vi: "Nhỏ (10–99 người)", en: "Small (10–99 people)" },
  medium: { vi: "Vừa (100–299 người)", en: "Medium (100–299 people)" },
  large: { vi: "Lớn (từ 300 người)", en: "Large (300 people or more)" },
});
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const { values: BUDGETS, labels: BUDGET_LABELS } = vocabulary({
  under_100m: { vi: "Dưới 100 triệu đồng", en: "Under VND 100 million" },
  "100m_500m": { vi: "100–500 triệu đồng", en: "VND 100–500 million" },
  "500m_2b": { vi: "500 triệu – 2 tỷ đồng", en: "VND 500 million – 2 billion" },
  over_2b: { vi: "Trên 2 tỷ đồng", en: "Over VND 2 billion" },
  to_discuss: { vi: "Thỏa thuận", en: "To be discussed" },
});
export type Budget = (typeof BUDGETS)[number];

export const TRL_LABELS: Record<number, Label> = {
  1: { vi: "TRL 1 – Nguyên lý cơ bản", en: "TRL 1 – Basic principles" },
  2: { vi: "TRL 2 – Ý tưởng công nghệ", en: "TRL 2 – Technology concept" },
  3: { vi: "TRL 3 – Chứng minh khái niệm", en: "TRL 3 – Proof of concept" },
  4: { vi: "TRL 4 – Thử nghiệm trong phòng thí nghiệm", en: "TRL 4 – Validated in the lab" },
  5: { vi: "TRL 5 – Thử nghiệm trong môi trường liên quan", en: "TRL 5 – Validated in a relevant environment" },
  6: { vi: "TRL 6 – Trình diễn trong môi trường liên quan", en: "TRL 6 – Demonstrated in a relevant environment" },
  7: { vi: "TRL 7 – Mẫu thử trong môi trường thực", en: "TRL 7 – Prototype in operation" },
  8: { vi: "TRL 8 – Hệ thống hoàn chỉnh, đã kiểm định", en: "TRL 8 – System complete and qualified" },
  9: { vi: "TRL 9 – Đã vận hành thực tế", en: "TRL 9 – Proven in operation" },
};

/** Who posts the request: a business, or a public agency posting a problem (the city's "problem market"). */
export const REQUESTER_TYPES = ["business", "agency"] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];

export const VISIBILITIES = ["public", "anonymous"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const REQUEST_STATUSES = ["pending", "open", "rejected", "expired", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const OUTCOMES = ["agreement", "no_fit", "withdrawn"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const RESPONSE_STATUSES = ["submitted", "screening", "shortlisted", "accepted", "declined"] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** Where a response may go next, as the requesting company moves it along. */
export const RESPONSE_TRANSITIONS: Record<ResponseStatus, ResponseStatus[]> = {
  submitted: ["screening", "shortlisted", "declined"],
  screening: ["shortlisted", "declined"],
  shortlisted: ["accepted", "declined"],
  accepted: [],
  declined: [],
};

export const DECLINE_REASONS = [
  "expertise_mismatch",
  "budget",
  "timeline",
  "chose_other",
  "need_changed",
  "incomplete",
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Why a researcher says "not for me" to a suggested or invited request (optional; counted for officials). */
export const NOT_FOR_ME_REASONS = [
  "outside_expertise",
  "no_capacity",
  "budget",
  "timeline",
  "too_early",
  "unclear",
  "other",
] as const;
export type NotForMeReason = (typeof NOT_FOR_ME_REASONS)[number];

/** Days after the response deadline in which the business gives every response feedback. */
export const FEEDBACK_WINDOW_DAYS = 14;
/** Days before the deadline the business is reminded of it. */
export const DEADLINE_REMINDER_DAYS = 7;
