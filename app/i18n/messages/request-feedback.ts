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
  "feedback.answeredOn": ({ date }) => `Đã phản hồi ngày ${date}`,
  "feedback.expectedBy": ({ date }) => `Phản hồi dự kiến trước ${date}`,
  "feedback.noAnswerInTime": ({ date }) => `Bên đặt hàng chưa phản hồi trong thời hạn (đến ${date})`,
  "feedback.meaning.submitted":
    "Bên đặt hàng đã nhận đề xuất và sẽ xem xét; bạn vẫn có thể chỉnh lại nội dung cho đến khi họ bắt đầu xem xét.",
  "feedback.meaning.screening": "Bên đặt hàng đang đọc đề xuất của bạn; chưa có quyết định.",
  "feedback.meaning.shortlisted": "Đề xuất của bạn được chọn vào vòng sau; bên đặt hàng có thể trao đổi thêm với bạn.",
  "feedback.meaning.accepted": "Bên đặt hàng chọn bạn; hai bên tiếp tục trao đổi trong cuộc trò chuyện.",
  "feedback.meaning.declined": "Bên đặt hàng không chọn đề xuất này; lý do (nếu có) ghi bên dưới.",
  "feedback.window.open": ({ date }) =>
    `Bạn có đến ${date} để phản hồi từng đề xuất: chọn vào danh sách rút gọn, chấp nhận hoặc từ chối kèm lý do.`,
  "feedback.window.waiting": ({ count }) => `${count} đề xuất còn chờ bạn phản hồi.`,
  "feedback.window.closed": ({ date }) =>
    `Thời hạn phản hồi đã kết thúc ngày ${date}; gia hạn đặt hàng để tiếp tục xét chọn.`,
  "feedback.needsAnswer": "Chờ phản hồi",
  "feedback.requesterFigure": ({ answered, count, days }) =>
    `Bên đặt hàng này đã phản hồi ${answered}/${count} đề xuất trong thời hạn` +
    (days === "" ? "" : ` · thường trong ${days} ngày`),
  "feedback.invitationsFigure": ({ answered, count }) => `Đã trả lời ${answered}/${count} lời mời tham gia đặt hàng`,
  "requester.section": "Về bên đặt hàng",
  "requester.legend": "Ai đặt hàng?",
  "requester.business": "Doanh nghiệp",
  "requester.agency": "Cơ quan nhà nước",
  "requester.name": "Tên doanh nghiệp hoặc cơ quan",
  "requester.sizeHint": "Chỉ doanh nghiệp chọn quy mô; cơ quan nhà nước bỏ qua ô này.",
  "requester.facet": "Bên đặt hàng",
  "requester.agencyBadge": "Cơ quan nhà nước đặt hàng",
  "requester.chart.title": "Đặt hàng theo bên đặt hàng",
  "requester.chart.description":
    "Đặt hàng đã được duyệt của doanh nghiệp và của cơ quan nhà nước: đã đăng, đang mở, đã kết nối.",
  "requester.chart.posted": "Đã đăng",
  "requester.chart.open": "Đang mở",
  "requester.chart.matched": "Đã kết nối",
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
  "feedback.answeredOn": ({ date }) => `Answered on ${date}`,
  "feedback.expectedBy": ({ date }) => `Answer expected by ${date}`,
  "feedback.noAnswerInTime": ({ date }) => `The requester gave no answer in time (by ${date})`,
  "feedback.meaning.submitted":
    "The requester received your proposal and will review it; you can edit it until they start screening.",
  "feedback.meaning.screening": "The requester is reading your proposal; nothing is decided yet.",
  "feedback.meaning.shortlisted": "Your proposal made the shortlist; the requester may ask you more.",
  "feedback.meaning.accepted": "The requester chose you; you continue in the conversation.",
  "feedback.meaning.declined": "The requester did not choose this proposal; the reason, if given, is below.",
  "feedback.window.open": ({ date }) =>
    `You have until ${date} to answer each proposal: shortlist, accept, or decline with a reason.`,
  "feedback.window.waiting": ({ count }) => `${count} proposals still wait for your answer.`,
  "feedback.window.closed": ({ date }) =>
    `The time to answer proposals ended on ${date}; renew the request to keep choosing.`,
  "feedback.needsAnswer": "Awaiting your answer",
  "feedback.requesterFigure": ({ answered, count, days }) =>
    `This requester answered ${answered}/${count} proposals in time` +
    (days === "" ? "" : ` · usually within ${days} days`),
  "feedback.invitationsFigure": ({ answered, count }) => `Answered ${answered}/${count} invitations to requests`,
  "requester.section": "About the requester",
  "requester.legend": "Who is posting?",
  "requester.business": "Business",
  "requester.agency": "Public agency",
  "requester.name": "Name of the business or agency",
  "requester.sizeHint": "Only a business picks a size; a public agency leaves this.",
  "requester.facet": "Requester",
  "requester.agencyBadge": "Posted by a public agency",
  "requester.chart.title": "Requests by requester",
  "requester.chart.description": "Approved requests from businesses and from public agencies: posted, open, matched.",
  "requester.chart.posted": "Posted",
  "requester.chart.open": "Open",
  "requester.chart.matched": "Matched",
};
