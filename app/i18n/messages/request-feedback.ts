import type { Message } from "../message";

/** Deadline and feedback reminders, where a response stands, both sides' figures, public agencies. */
export const vi = {
  "feedback.notify.deadlineSoon": ({ title, deadline, count, windowEnd }) =>
    `Đặt hàng “${title}” hết hạn nhận đề xuất ngày ${deadline}; ${count} đề xuất đang chờ bạn. ` +
    `Sau hạn, đặt hàng không nhận thêm đề xuất và bạn có đến ${windowEnd} để phản hồi từng đề xuất (hoặc gia hạn)`,
  "feedback.notify.windowOpened": ({ title, count, windowEnd }) =>
    `Đặt hàng “${title}” đã hết hạn nhận đề xuất: ${count} đề xuất đang chờ bạn phản hồi trước ${windowEnd}`,
  "feedback.notify.lastCall": ({ title, count, windowEnd }) =>
    `Còn ít ngày: ${count} đề xuất cho “${title}” vẫn chờ bạn phản hồi trước ${windowEnd}`,
  "feedback.windowClosed":
    "Thời hạn phản hồi đề xuất của đặt hàng này đã kết thúc; hãy gia hạn đặt hàng để tiếp tục xét chọn.",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "feedback.notify.deadlineSoon": ({ title, deadline, count, windowEnd }) =>
    `Your request “${title}” stops taking proposals on ${deadline}; ${count} proposals are waiting for you. ` +
    `After that it takes no new proposals and you have until ${windowEnd} to answer each one (or renew it)`,
  "feedback.notify.windowOpened": ({ title, count, windowEnd }) =>
    `Your request “${title}” has stopped taking proposals: ${count} proposals are waiting for your answer by ${windowEnd}`,
  "feedback.notify.lastCall": ({ title, count, windowEnd }) =>
    `A few days left: ${count} proposals for “${title}” still wait for your answer by ${windowEnd}`,
  "feedback.windowClosed": "The time to answer this request's proposals has ended; renew the request to keep choosing.",
};
