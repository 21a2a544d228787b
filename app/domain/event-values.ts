/** Values of an event's enumerations, with their labels (docs/decisions/072). */
import { vocabulary } from "./vocabulary";

export const { values: EVENT_KINDS, labels: EVENT_KIND_LABELS } = vocabulary({
  technology_market: { vi: "Chợ công nghệ", en: "Technology market" },
  workshop: { vi: "Hội thảo khoa học", en: "Scientific workshop" },
  training: { vi: "Khóa đào tạo cho doanh nghiệp", en: "Training course for enterprises" },
  demo_day: { vi: "Ngày trình diễn (demo day)", en: "Demo day" },
  competition: { vi: "Cuộc thi", en: "Competition" },
});
export type EventKind = (typeof EVENT_KINDS)[number];

export const { values: EVENT_FORMATS, labels: EVENT_FORMAT_LABELS } = vocabulary({
  in_person: { vi: "Trực tiếp", en: "In person" },
  online: { vi: "Trực tuyến", en: "Online" },
  hybrid: { vi: "Trực tiếp và trực tuyến", en: "In person and online" },
});
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** draft | pending (waiting for an official) | published | rejected | cancelled */
export const EVENT_STATUSES = ["draft", "pending", "published", "rejected", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A waitlisted registration gets a seat when a registered one cancels, oldest first. */
export const REGISTRATION_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The kinds of listing whose managers may publish events; officials publish for anyone. */
export const EVENT_ORGANIZER_KINDS = ["incubator", "university", "institute"] as const;
