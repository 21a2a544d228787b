import type { Message } from "../message";

/** Notification preferences and one-click unsubscribe. */
export const vi = {
  "mail.unsubscribe": "Ngừng nhận loại thư này",

  "prefs.title": "Cài đặt thông báo",
  "prefs.link": "Cài đặt thông báo và e-mail",
  "prefs.intro":
    "Chọn cách bạn muốn nhận từng loại thông báo. Thư về tài khoản và bảo mật (xác nhận đăng ký, đặt lại mật khẩu) luôn được gửi.",
  "prefs.kinds": "Các loại thông báo",
  "prefs.channel.email": "Trên cổng và qua e-mail",
  "prefs.channel.in_app": "Chỉ trên cổng",
  "prefs.channel.digest": "Gộp vào bản tin hằng tuần",
  "prefs.channel.off": "Tắt",
  "prefs.type.suggestion": "Gợi ý kết nối phù hợp",
  "prefs.type.invitation": "Lời mời tham gia yêu cầu công nghệ",
  "prefs.type.response": "Đề xuất, câu hỏi và trả lời về yêu cầu",
  "prefs.type.message": "Tin nhắn mới",
  "prefs.type.status": "Thay đổi trạng thái (yêu cầu, đề xuất, lịch hẹn)",
  "prefs.type.review": "Kết quả duyệt và việc chờ duyệt",
  "prefs.type.claim": "Yêu cầu quản lý hồ sơ đơn vị",
  "prefs.type.alert": "Kết quả mới của tìm kiếm đã lưu",
  "prefs.type.event": "Sự kiện đã đăng ký: xác nhận, danh sách chờ, nhắc lịch",
  "prefs.type.meeting": "Lời mời gặp gỡ tại sự kiện",
  "prefs.type.agreement": "Thỏa thuận cần xác nhận",
  "prefs.digest": "Bản tin hằng tuần",
  "prefs.digest.on": "Gửi cho tôi bản tin hằng tuần qua e-mail",
  "prefs.digest.hint": "Bản tin gộp các thông báo bạn chọn \u201cGộp vào bản tin hằng tuần\u201d.",
  "prefs.saved": "Đã lưu cài đặt thông báo.",

  "unsubscribe.title": "Ngừng nhận e-mail",
  "unsubscribe.what.type": "Bạn sẽ không nhận e-mail về \u201c{kind}\u201d nữa. Thông báo vẫn hiện trên cổng.",
  "unsubscribe.what.digest": "Bạn sẽ không nhận bản tin hằng tuần qua e-mail nữa.",
  "unsubscribe.what.search":
    "Bạn sẽ không nhận e-mail về tìm kiếm đã lưu \u201c{label}\u201d nữa; tìm kiếm này sẽ bị xoá.",
  "unsubscribe.what.searchGone": "Tìm kiếm đã lưu này không còn nữa; bạn sẽ không nhận e-mail về nó.",
  "unsubscribe.confirm": "Ngừng nhận",
  "unsubscribe.done.type": "Đã xong. Bạn sẽ không nhận e-mail về \u201c{kind}\u201d nữa.",
  "unsubscribe.done.digest": "Đã xong. Bạn sẽ không nhận bản tin hằng tuần nữa.",
  "unsubscribe.done.search": "Đã xong. Tìm kiếm đã lưu đã được xoá, bạn sẽ không nhận e-mail về nó nữa.",
  "unsubscribe.settings": "Xem và đổi mọi cài đặt thông báo (cần đăng nhập)",
  "unsubscribe.invalid":
    "Liên kết ngừng nhận này không hợp lệ: có thể nó đã bị sao chép thiếu. Hãy mở lại liên kết trong e-mail, hoặc đăng nhập và đổi cài đặt thông báo.",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "mail.unsubscribe": "Stop these e-mails",

  "prefs.title": "Notification settings",
  "prefs.link": "Notification and e-mail settings",
  "prefs.intro":
    "Choose how you hear of each kind of notification. Account and security e-mails (sign-up confirmation, password reset) are always sent.",
  "prefs.kinds": "Kinds of notification",
  "prefs.channel.email": "In the portal and by e-mail",
  "prefs.channel.in_app": "In the portal only",
  "prefs.channel.digest": "In the weekly digest",
  "prefs.channel.off": "Off",
  "prefs.type.suggestion": "Matching suggestions",
  "prefs.type.invitation": "Invitations to technology requests",
  "prefs.type.response": "Proposals, questions and answers on requests",
  "prefs.type.message": "New messages",
  "prefs.type.status": "Status changes (requests, proposals, bookings)",
  "prefs.type.review": "Review results and items awaiting review",
  "prefs.type.claim": "Claims to manage a listing",
  "prefs.type.alert": "New results of saved searches",
  "prefs.type.event": "Events you registered for: confirmations, waitlist, reminders",
  "prefs.type.meeting": "Meeting requests at events",
  "prefs.type.agreement": "Agreements to confirm",
  "prefs.digest": "Weekly digest",
  "prefs.digest.on": "Send me the weekly digest by e-mail",
  "prefs.digest.hint": "The digest gathers the notifications you set to \u201cIn the weekly digest\u201d.",
  "prefs.saved": "Notification settings saved.",

  "unsubscribe.title": "Stop e-mails",
  "unsubscribe.what.type":
    "You will no longer get e-mails about \u201c{kind}\u201d. Notifications still show in the portal.",
  "unsubscribe.what.digest": "You will no longer get the weekly digest by e-mail.",
  "unsubscribe.what.search":
    "You will no longer get e-mails about the saved search \u201c{label}\u201d; the search will be deleted.",
  "unsubscribe.what.searchGone": "This saved search no longer exists; you will get no e-mails about it.",
  "unsubscribe.confirm": "Stop",
  "unsubscribe.done.type": "Done. You will no longer get e-mails about \u201c{kind}\u201d.",
  "unsubscribe.done.digest": "Done. You will no longer get the weekly digest.",
  "unsubscribe.done.search": "Done. The saved search was deleted; you will get no more e-mails about it.",
  "unsubscribe.settings": "See and change all notification settings (sign-in needed)",
  "unsubscribe.invalid":
    "This unsubscribe link is not valid: it may have been copied incompletely. Open the link in the e-mail again, or sign in and change your notification settings.",
};
