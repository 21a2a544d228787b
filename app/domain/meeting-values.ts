/** Values of a meeting at an event, with their labels (docs/decisions/073). */
import { vocabulary } from "./vocabulary";

/** requested | accepted | declined | cancelled */
export const MEETING_STATUSES = ["requested", "accepted", "declined", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What each side says came of a meeting, after the event. */
export const { values: MEETING_OUTCOMES, labels: MEETING_OUTCOME_LABELS } = vocabulary({
  follow_up_request: { vi: "Sẽ đặt hàng công nghệ", en: "A technology request to follow" },
  response: { vi: "Sẽ gửi đề xuất", en: "A proposal to follow" },
  agreement: { vi: "Đã đi đến thỏa thuận", en: "An agreement" },
  nothing: { vi: "Chưa có kết quả", en: "Nothing for now" },
});
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
