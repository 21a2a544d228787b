import type { Message } from "../message";

/** Messages: times, live updates, attachments, older messages. */
export const vi = {
  "notify.messageWithFiles": ({ name, title, count }) => `Tin nhắn mới từ ${name} về “${title}”, kèm ${count} tệp`,
  "thread.today": "Hôm nay",
  "thread.yesterday": "Hôm qua",
  "thread.loadingOlder": "Đang tải tin nhắn cũ hơn…",
  "thread.newMessage": "Có tin nhắn mới",
  "thread.bodyOrFile": "Hãy viết tin nhắn hoặc đính kèm tệp.",
  "attachments.label": "Đính kèm tệp (không bắt buộc)",
  "attachments.hint": "PDF, PNG, JPEG hoặc WebP; tối đa 3 tệp, mỗi tệp không quá 10 MB.",
  "attachments.error.type": "Chỉ nhận tệp PDF, PNG, JPEG hoặc WebP. Tệp bạn chọn không thuộc các loại này.",
  "attachments.error.size": "Mỗi tệp không được quá 10 MB.",
  "attachments.error.count": "Mỗi tin nhắn đính kèm tối đa 3 tệp.",
  "attachments.error.pixels": "Ảnh quá lớn: tối đa 40 triệu điểm ảnh. Hãy thu nhỏ ảnh rồi gửi lại.",
  "attachments.error.tooMany": "Bạn đã gửi nhiều tệp trong thời gian ngắn. Vui lòng thử lại sau.",
  "attachments.chooseAgain": "Vì lý do an toàn, trình duyệt không giữ tệp đã chọn: hãy chọn lại tệp trước khi gửi.",
  "attachments.download": "Tải về",
  "attachments.count": ({ count }) => `${count} tệp đính kèm`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "notify.messageWithFiles": ({ name, title, count }) =>
    `New message from ${name} about “${title}”, with ${count} ${Number(count) === 1 ? "file" : "files"}`,
  "thread.today": "Today",
  "thread.yesterday": "Yesterday",
  "thread.loadingOlder": "Loading older messages…",
  "thread.newMessage": "New message",
  "thread.bodyOrFile": "Write a message or attach a file.",
  "attachments.label": "Attach files (optional)",
  "attachments.hint": "PDF, PNG, JPEG or WebP; up to 3 files, each at most 10 MB.",
  "attachments.error.type": "Only PDF, PNG, JPEG or WebP files are accepted. The file you chose is none of these.",
  "attachments.error.size": "Each file may be at most 10 MB.",
  "attachments.error.count": "A message may carry at most 3 files.",
  "attachments.error.pixels": "The image is too large: at most 40 megapixels. Make it smaller and send it again.",
  "attachments.error.tooMany": "You have sent many files in a short time. Please try again later.",
  "attachments.chooseAgain":
    "For your safety the browser does not keep chosen files: choose them again before sending.",
  "attachments.download": "Download",
  "attachments.count": ({ count }) => `${count} ${Number(count) === 1 ? "attachment" : "attachments"}`,
} satisfies Record<keyof typeof vi, Message>;
