import { formatDays, type BookingDeclineReason } from "~/domain/booking";
import type { Message } from "../message";

/** Equipment booking requests: the form, the steps in the conversation, the calendar. */
type Params = Record<string, string | number>;
const days = (lang: "vi" | "en", params: Params) => formatDays(lang, String(params.start), String(params.end));

const REASONS_VI: Record<BookingDeclineReason, string> = {
  unavailable: "thiết bị đã kín lịch",
  maintenance: "thiết bị đang bảo trì",
  samples: "mẫu không phù hợp với thiết bị",
  scope: "yêu cầu nằm ngoài phạm vi phục vụ",
  other: "lý do khác",
};
const REASONS_EN: Record<BookingDeclineReason, string> = {
  unavailable: "the instrument is fully booked",
  maintenance: "the instrument is under maintenance",
  samples: "the samples do not suit the instrument",
  scope: "the request is outside what the lab serves",
  other: "another reason",
};
const reasonVi = (params: Params) =>
  `${REASONS_VI[params.reason as BookingDeclineReason] ?? params.reason}${params.note ? ` (“${params.note}”)` : ""}`;
const reasonEn = (params: Params) =>
  `${REASONS_EN[params.reason as BookingDeclineReason] ?? params.reason}${params.note ? ` (“${params.note}”)` : ""}`;

export const vi = {
  "booking.title": "Đặt lịch sử dụng thiết bị",
  "booking.intro":
    "Chọn ngày và cho biết mục đích, mẫu cần đo. Đơn vị quản lý thiết bị sẽ trả lời trong cuộc trao đổi.",
  "booking.signIn": "Đăng nhập để đặt lịch",
  "booking.own": "Đây là thiết bị của bạn: các yêu cầu đặt lịch hiện trong lịch bên dưới.",
  "booking.start": "Từ ngày",
  "booking.end": "Đến ngày",
  "booking.datesHint": ({ max }) => `Tính cả hai ngày; tối đa ${max} ngày.`,
  "booking.purpose": "Mục đích sử dụng",
  "booking.purposeHint": "Đo gì, để làm gì.",
  "booking.samples": "Mẫu (loại và số lượng)",
  "booking.samplesHint": "Ví dụ: 12 mẫu bột gốm, mỗi mẫu khoảng 2 g",
  "booking.message": "Lời nhắn (không bắt buộc)",
  "booking.submit": "Gửi yêu cầu đặt lịch",
  "booking.datePast": "Ngày bắt đầu đã qua.",
  "booking.dateReversed": "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.",
  "booking.dateTooLong": ({ max }) => `Một lần đặt tối đa ${max} ngày.`,
  "booking.dateTooFar": "Chỉ đặt được trong vòng một năm tới.",
  "booking.overlap": "Thiết bị đã có lịch trong những ngày này. Hãy chọn ngày khác (xem lịch thiết bị).",
  "booking.ownInstrument": "Bạn không thể đặt lịch thiết bị của chính đơn vị mình.",
  "booking.notBookable": "Chỉ đặt lịch được cho thiết bị.",
  "booking.wrongStatus": "Yêu cầu đặt lịch đã thay đổi; hãy xem trạng thái mới.",
  "booking.panel": "Yêu cầu đặt lịch",
  "booking.dates": "Ngày",
  "booking.requestedDates": "Ngày yêu cầu ban đầu",
  "booking.statusLabel": "Trạng thái",
  "booking.status.requested": "Chờ đơn vị trả lời",
  "booking.status.proposed": "Đơn vị đề xuất ngày khác",
  "booking.status.accepted": "Đã xác nhận",
  "booking.status.declined": "Đã từ chối",
  "booking.status.cancelled": "Đã hủy",
  "booking.declinedBecause": "Lý do từ chối",
  "booking.reason.unavailable": "Thiết bị đã kín lịch",
  "booking.reason.maintenance": "Thiết bị đang bảo trì",
  "booking.reason.samples": "Mẫu không phù hợp với thiết bị",
  "booking.reason.scope": "Ngoài phạm vi phục vụ",
  "booking.reason.other": "Lý do khác",
  "booking.step.accept": "Chấp nhận",
  "booking.step.decline": "Từ chối",
  "booking.step.propose": "Đề xuất ngày khác",
  "booking.step.acceptProposal": "Đồng ý ngày đề xuất",
  "booking.step.declineProposal": "Không đồng ý",
  "booking.step.cancel": "Hủy đặt lịch",
  "booking.declineReason": "Lý do",
  "booking.declineNote": "Ghi chú (không bắt buộc)",
  "booking.calendar": "Lịch thiết bị",
  "booking.calendarPrevious": "‹ Tháng trước",
  "booking.calendarNext": "Tháng sau ›",
  "booking.calendarMonth": ({ month, year }) => `Tháng ${month}/${year}`,
  "booking.calendarEmpty": "Chưa có lịch đặt nào trong tháng này.",
  "booking.calendarBooked": "Đã có lịch",
  "booking.calendarOpen": "Xem trao đổi",
  "booking.event.requested": (params) =>
    `${params.name} gửi yêu cầu đặt lịch ${days("vi", params)}. Mục đích: ${params.purpose}. Mẫu: ${params.samples}.`,
  "booking.event.accepted": (params) => `${params.name} đã chấp nhận lịch ${days("vi", params)}.`,
  "booking.event.declined": (params) => `${params.name} đã từ chối yêu cầu đặt lịch: ${reasonVi(params)}.`,
  "booking.event.proposed": (params) => `${params.name} đề xuất ngày khác: ${days("vi", params)}.`,
  "booking.event.proposalAccepted": (params) => `${params.name} đã đồng ý lịch ${days("vi", params)}.`,
  "booking.event.proposalDeclined": (params) => `${params.name} không đồng ý ngày đề xuất ${days("vi", params)}.`,
  "booking.event.cancelled": (params) => `${params.name} đã hủy lịch ${days("vi", params)}.`,
  "notify.booking.requested": (params) => `${params.name} muốn đặt lịch “${params.title}” ${days("vi", params)}`,
  "notify.booking.event.accepted": (params) => `Lịch “${params.title}” ${days("vi", params)} đã được chấp nhận`,
  "notify.booking.event.declined": (params) => `Yêu cầu đặt lịch “${params.title}” bị từ chối: ${reasonVi(params)}`,
  "notify.booking.event.proposed": (params) =>
    `${params.name} đề xuất ngày khác cho “${params.title}”: ${days("vi", params)}`,
  "notify.booking.event.proposalAccepted": (params) =>
    `${params.name} đã đồng ý lịch “${params.title}” ${days("vi", params)}`,
  "notify.booking.event.proposalDeclined": (params) => `${params.name} không đồng ý ngày đề xuất cho “${params.title}”`,
  "notify.booking.event.cancelled": (params) => `${params.name} đã hủy lịch “${params.title}” ${days("vi", params)}`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "booking.title": "Book this instrument",
  "booking.intro":
    "Choose the dates and say what for and which samples. The instrument's owner answers in a conversation.",
  "booking.signIn": "Sign in to book",
  "booking.own": "This is your instrument: booking requests show in the calendar below.",
  "booking.start": "From",
  "booking.end": "To",
  "booking.datesHint": ({ max }) => `Both days included; ${max} days at most.`,
  "booking.purpose": "Purpose",
  "booking.purposeHint": "What you want to measure, and why.",
  "booking.samples": "Samples (what and how many)",
  "booking.samplesHint": "For example: 12 ceramic powder samples, about 2 g each",
  "booking.message": "Message (optional)",
  "booking.submit": "Send the booking request",
  "booking.datePast": "The start date has passed.",
  "booking.dateReversed": "The end date must be on or after the start date.",
  "booking.dateTooLong": ({ max }) => `A booking lasts ${max} days at most.`,
  "booking.dateTooFar": "Bookings can be made up to a year ahead.",
  "booking.overlap": "The instrument is already booked on these dates. Choose others (see its calendar).",
  "booking.ownInstrument": "You cannot book your own organization's instrument.",
  "booking.notBookable": "Only instruments can be booked.",
  "booking.wrongStatus": "This booking has changed meanwhile; see its new status.",
  "booking.panel": "Booking request",
  "booking.dates": "Dates",
  "booking.requestedDates": "Dates first requested",
  "booking.statusLabel": "Status",
  "booking.status.requested": "Waiting for the owner's answer",
  "booking.status.proposed": "The owner proposed other dates",
  "booking.status.accepted": "Confirmed",
  "booking.status.declined": "Declined",
  "booking.status.cancelled": "Cancelled",
  "booking.declinedBecause": "Reason declined",
  "booking.reason.unavailable": "The instrument is fully booked",
  "booking.reason.maintenance": "The instrument is under maintenance",
  "booking.reason.samples": "The samples do not suit the instrument",
  "booking.reason.scope": "Outside what the lab serves",
  "booking.reason.other": "Another reason",
  "booking.step.accept": "Accept",
  "booking.step.decline": "Decline",
  "booking.step.propose": "Propose other dates",
  "booking.step.acceptProposal": "Accept the proposed dates",
  "booking.step.declineProposal": "Decline",
  "booking.step.cancel": "Cancel the booking",
  "booking.declineReason": "Reason",
  "booking.declineNote": "Note (optional)",
  "booking.calendar": "Instrument calendar",
  "booking.calendarPrevious": "‹ Previous month",
  "booking.calendarNext": "Next month ›",
  "booking.calendarMonth": ({ month, year }) =>
    `${["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][Number(month) - 1]} ${year}`,
  "booking.calendarEmpty": "No bookings this month.",
  "booking.calendarBooked": "Booked",
  "booking.calendarOpen": "Open the conversation",
  "booking.event.requested": (params) =>
    `${params.name} requested a booking for ${days("en", params)}. Purpose: ${params.purpose}. Samples: ${params.samples}.`,
  "booking.event.accepted": (params) => `${params.name} accepted the booking for ${days("en", params)}.`,
  "booking.event.declined": (params) => `${params.name} declined the booking request: ${reasonEn(params)}.`,
  "booking.event.proposed": (params) => `${params.name} proposed other dates: ${days("en", params)}.`,
  "booking.event.proposalAccepted": (params) => `${params.name} accepted the booking for ${days("en", params)}.`,
  "booking.event.proposalDeclined": (params) => `${params.name} declined the proposed dates ${days("en", params)}.`,
  "booking.event.cancelled": (params) => `${params.name} cancelled the booking for ${days("en", params)}.`,
  "notify.booking.requested": (params) =>
    `${params.name} would like to book “${params.title}” for ${days("en", params)}`,
  "notify.booking.event.accepted": (params) =>
    `Your booking of “${params.title}” for ${days("en", params)} is confirmed`,
  "notify.booking.event.declined": (params) =>
    `Your booking request for “${params.title}” was declined: ${reasonEn(params)}`,
  "notify.booking.event.proposed": (params) =>
    `${params.name} proposed other dates for “${params.title}”: ${days("en", params)}`,
  "notify.booking.event.proposalAccepted": (params) =>
    `${params.name} accepted the booking of “${params.title}” for ${days("en", params)}`,
  "notify.booking.event.proposalDeclined": (params) =>
    `${params.name} declined the dates proposed for “${params.title}”`,
  "notify.booking.event.cancelled": (params) =>
    `${params.name} cancelled the booking of “${params.title}” for ${days("en", params)}`,
};
