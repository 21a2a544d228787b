import type { Message } from "../message";

/** Inquiries from listings, blocking senders, and owners' responsiveness (docs/decisions/061). */
export const vi = {
  "notify.inquiry": ({ name, title }) => `${name} liên hệ với bạn về “${title}”`,
  "nav.messages": "Tin nhắn",
  "nav.unreadConversations": ({ count }) => `${count} cuộc trao đổi chưa đọc`,

  "inquiry.title": "Nhắn tin trực tiếp",
  "inquiry.intro":
    "Tin nhắn của bạn mở một cuộc trao đổi riêng trong mục Tin nhắn. Địa chỉ e-mail của hai bên không hiển thị.",
  "inquiry.toTeam": "Người nhận: những người quản lý hồ sơ này trên cổng.",
  "inquiry.message": "Nội dung",
  "inquiry.hint": "Giới thiệu bạn là ai, bạn cần gì và khi nào.",
  "inquiry.send": "Gửi liên hệ",
  "inquiry.signIn": "Đăng nhập để liên hệ",
  "inquiry.signInHint": "Cần tài khoản để gửi liên hệ; đăng nhập xong bạn sẽ quay lại trang này.",
  "inquiry.own": "Đây là hồ sơ của bạn. Liên hệ gửi tới bạn nằm trong mục Tin nhắn.",
  "inquiry.closed": "Nhà khoa học này chỉ nhận đặt hàng chính thức qua cổng, không nhận liên hệ trực tiếp.",
  "inquiry.postRequest": "Đăng đặt hàng công nghệ",
  "inquiry.unmanaged":
    "Chưa có ai quản lý hồ sơ này trên cổng nên chưa thể nhắn tin tại đây. Hãy dùng thông tin liên hệ công khai của đơn vị.",
  "inquiry.unmanagedContacts": "Xem thông tin liên hệ công khai",
  "inquiry.blocked": "Hồ sơ này không nhận tin nhắn của bạn.",
  "profile.inquiries": "Liên hệ trực tiếp",
  "profile.inquiries.open": "Nhận liên hệ trực tiếp từ trang hồ sơ (tin nhắn riêng, không lộ e-mail)",
  "profile.inquiries.requests-only": "Chỉ nhận đặt hàng chính thức qua cổng",

  "responsiveness.line": ({ answered, count }) => `Trả lời ${answered}/${count} liên hệ`,
  "responsiveness.typically": ({ time }) => `thường trong ${time}`,
  "responsiveness.minutes": ({ n }) => `${n} phút`,
  "responsiveness.hours": ({ n }) => `${n} giờ`,
  "responsiveness.days": ({ n }) => `${n} ngày`,
  "responsiveness.window": "Liên hệ và yêu cầu đặt lịch trong 12 tháng qua",

  "conversation.block": "Chặn người gửi",
  "conversation.blockHint":
    "Người này sẽ không gửi thêm tin nhắn hay liên hệ mới được cho bạn (với hồ sơ đơn vị: cho cả nhóm quản lý). Họ chỉ được báo rằng hồ sơ không nhận tin nhắn của họ.",
  "conversation.blockedByYou": "Bạn đã chặn người gửi này.",
  "conversation.unblock": "Bỏ chặn",
  "conversations.blocked": "Người gửi đã chặn",
  "conversations.blockedItem": ({ name, subject }) => `${name} · về “${subject}”`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "notify.inquiry": ({ name, title }) => `${name} contacted you about “${title}”`,
  "nav.messages": "Messages",
  "nav.unreadConversations": ({ count }) => `${count} unread ${Number(count) === 1 ? "conversation" : "conversations"}`,

  "inquiry.title": "Message directly",
  "inquiry.intro": "Your message opens a private conversation under Messages. Neither side's e-mail address is shown.",
  "inquiry.toTeam": "It goes to the people who manage this listing on the portal.",
  "inquiry.message": "Message",
  "inquiry.hint": "Say who you are, what you need and by when.",
  "inquiry.send": "Send",
  "inquiry.signIn": "Sign in to contact",
  "inquiry.signInHint": "You need an account to send a message; after signing in you come back to this page.",
  "inquiry.own": "This is your own listing. Messages sent to you are under Messages.",
  "inquiry.closed": "This researcher takes formal technology requests through the portal only, not direct messages.",
  "inquiry.postRequest": "Post a technology request",
  "inquiry.unmanaged":
    "Nobody manages this listing on the portal yet, so it cannot be messaged here. Use the organization's public contacts.",
  "inquiry.unmanagedContacts": "See the public contacts",
  "inquiry.blocked": "This listing does not accept your messages.",
  "profile.inquiries": "Direct inquiries",
  "profile.inquiries.open": "Take direct inquiries from my profile page (private messages, no e-mail shown)",
  "profile.inquiries.requests-only": "Formal technology requests through the portal only",

  "responsiveness.line": ({ answered, count }) => `Replied to ${answered}/${count} inquiries`,
  "responsiveness.typically": ({ time }) => `typically within ${time}`,
  "responsiveness.minutes": ({ n }) => `${n} ${Number(n) === 1 ? "minute" : "minutes"}`,
  "responsiveness.hours": ({ n }) => `${n} ${Number(n) === 1 ? "hour" : "hours"}`,
  "responsiveness.days": ({ n }) => `${n} ${Number(n) === 1 ? "day" : "days"}`,
  "responsiveness.window": "Inquiries and booking requests of the last 12 months",

  "conversation.block": "Block this sender",
  "conversation.blockHint":
    "They will not be able to send you new messages or inquiries (for an organization's listing: its whole team). They are only told that the listing does not accept their messages.",
  "conversation.blockedByYou": "You have blocked this sender.",
  "conversation.unblock": "Unblock",
  "conversations.blocked": "Blocked senders",
  "conversations.blockedItem": ({ name, subject }) => `${name} · about “${subject}”`,
};
