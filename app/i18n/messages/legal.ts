import type { Message } from "../message";

/** The footer, the terms of use and the privacy notice (drafts for the operator's legal review). */
export const vi = {
  "footer.operator": ({ name }) => `Cơ quan vận hành: ${name}`,
  "footer.contact": "Liên hệ",
  "footer.terms": "Điều khoản sử dụng",
  "footer.privacy": "Chính sách quyền riêng tư",
  "footer.license": "Dữ liệu mở theo giấy phép CC BY 4.0; mã nguồn theo giấy phép Apache 2.0.",
  "footer.openData": "Tải dữ liệu mở",
  "footer.nav": "Thông tin về cổng",

  "demo.banner":
    "Bản trình diễn: các chuyên gia, đặt hàng, đề xuất và tin nhắn ghi “ví dụ” là dữ liệu mẫu; danh bạ tổ chức là dữ liệu thật từ nguồn công khai.",
  "legal.draft":
    "Bản dự thảo: nội dung này cần được bộ phận pháp chế của cơ quan vận hành rà soát trước khi cổng thông tin đi vào hoạt động chính thức.",
  "legal.updated": ({ date }) => `Cập nhật: ${date}`,
  "legal.operatorLine": ({ name }) => `Cổng thông tin do ${name} vận hành.`,

  "terms.title": "Điều khoản sử dụng",
  "terms.metaDescription":
    "Những điều người dùng đồng ý khi tra cứu, đăng hồ sơ, đặt hàng và trao đổi trên Mạng lưới Đổi mới sáng tạo Hà Nội.",
  "terms.use.title": "Sử dụng cổng thông tin",
  "terms.use.body":
    "Ai cũng có thể tra cứu danh bạ, hồ sơ chuyên gia và đặt hàng công nghệ đã công khai mà không cần tài khoản. Khi tạo tài khoản, bạn cam kết thông tin về bản thân và tổ chức của mình là đúng, và giữ mật khẩu của mình an toàn.",
  "terms.content.title": "Nội dung bạn đăng",
  "terms.content.body":
    "Bạn chịu trách nhiệm về hồ sơ, đặt hàng, đề xuất và tin nhắn mình gửi. Không đăng thông tin sai sự thật, bí mật của người khác, nội dung vi phạm pháp luật hoặc quảng cáo không liên quan. Cán bộ quản lý duyệt hồ sơ và đặt hàng trước khi công khai, và có thể từ chối hoặc lưu trữ nội dung không phù hợp, kèm lý do.",
  "terms.data.title": "Dữ liệu mở",
  "terms.data.body":
    "Danh bạ tổ chức, số liệu hệ sinh thái công khai và giao diện lập trình (API) được công bố theo giấy phép Creative Commons Ghi công 4.0 (CC BY 4.0): bạn được dùng lại tự do, nêu rõ nguồn là cổng thông tin này. Dữ liệu ban đầu được tổng hợp từ các nguồn công khai; mỗi hồ sơ ghi rõ nguồn.",
  "terms.liability.title": "Trách nhiệm",
  "terms.liability.body":
    "Cổng thông tin kết nối các bên; các thỏa thuận hợp tác, hợp đồng và chuyển giao công nghệ là giữa các bên với nhau. Thông tin trên cổng có thể chưa đầy đủ hoặc chưa cập nhật; hãy kiểm tra lại với tổ chức trước khi quyết định.",

  "privacy.title": "Chính sách quyền riêng tư",
  "privacy.metaDescription": "Cổng thông tin lưu những dữ liệu cá nhân nào, vì sao, trong bao lâu, và quyền của bạn.",
  "privacy.stores.title": "Chúng tôi lưu gì, và vì sao",
  "privacy.stores.account":
    "Tài khoản: họ tên, e-mail, loại tài khoản (doanh nghiệp hoặc nhà nghiên cứu), vai trò, ngôn ngữ nhận thư, và mật khẩu dưới dạng băm argon2id (không ai đọc lại được mật khẩu). Để bạn đăng nhập và nhận thông báo.",
  "privacy.stores.sessions":
    "Phiên đăng nhập: mã băm SHA-256 của mã phiên trong cookie, trình duyệt bạn dùng (user agent) và thời hạn (30 ngày, gia hạn khi bạn dùng). Để giữ bạn đăng nhập và để bạn đăng xuất khỏi mọi nơi.",
  "privacy.stores.content":
    "Nội dung bạn gửi: hồ sơ chuyên gia, đặt hàng, đề xuất, tin nhắn, yêu cầu quản lý hồ sơ tổ chức, và nhật ký các thao tác của cán bộ quản lý. Để cổng thông tin hoạt động và để mọi thay đổi có thể kiểm tra lại.",
  "privacy.stores.mail":
    "Thư điện tử cổng gửi cho bạn (thông báo, đường dẫn đặt lại mật khẩu) được lưu lại cho đến khi gửi xong, để không thư nào bị mất.",
  "privacy.stores.cookies":
    "Cookie: chỉ hai cookie cần thiết, phiên đăng nhập (khi bạn đăng nhập) và ngôn ngữ giao diện. Không có cookie quảng cáo hay công cụ theo dõi của bên thứ ba; trang không tải gì từ máy chủ khác.",
  "privacy.stores.addresses":
    "Địa chỉ IP chỉ được giữ trong bộ nhớ, trong vài phút đến một giờ, để giới hạn số lần thử đăng nhập; nhật ký máy chủ không ghi địa chỉ IP.",
  "privacy.public.title": "Điều gì được công khai",
  "privacy.public.body":
    "Hồ sơ chuyên gia và đặt hàng chỉ công khai sau khi bạn gửi và cán bộ quản lý duyệt. E-mail của bạn không bao giờ hiển thị cho người dùng khác. Đặt hàng ẩn danh không hiện tên tổ chức của bạn ở bất kỳ trang, tệp tải về hay API nào.",
  "privacy.rights.title": "Quyền của bạn",
  "privacy.rights.body":
    "Bạn có thể xem và sửa thông tin của mình trong trang Tài khoản và Hồ sơ, đăng xuất khỏi mọi thiết bị, và yêu cầu cơ quan vận hành xóa tài khoản. Việc xử lý dữ liệu cá nhân tuân theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "footer.operator": ({ name }) => `Operated by ${name}`,
  "footer.contact": "Contact",
  "footer.terms": "Terms of use",
  "footer.privacy": "Privacy notice",
  "footer.license": "Open data under CC BY 4.0; source code under the Apache License 2.0.",
  "footer.openData": "Download the open data",
  "footer.nav": "About the portal",

  "demo.banner":
    "Demonstration: the experts, requests, responses and messages marked “ví dụ” (example) are sample data; the organization directory is real public data.",
  "legal.draft": "Draft: the operator's legal team must review this text before the portal goes into official service.",
  "legal.updated": ({ date }) => `Updated: ${date}`,
  "legal.operatorLine": ({ name }) => `The portal is operated by ${name}.`,

  "terms.title": "Terms of use",
  "terms.metaDescription":
    "What users agree to when they search, publish profiles, post requests and message on the Hanoi Innovation Network.",
  "terms.use.title": "Using the portal",
  "terms.use.body":
    "Anyone can search the directory, published expertise profiles and public technology requests without an account. When you create an account you confirm that what you say about yourself and your organization is true, and you keep your password safe.",
  "terms.content.title": "What you publish",
  "terms.content.body":
    "You are responsible for the profiles, requests, responses and messages you send. Do not post false information, other people's secrets, unlawful content or unrelated advertising. Officials review profiles and requests before they are public, and may refuse or archive unsuitable content, with a reason.",
  "terms.data.title": "Open data",
  "terms.data.body":
    "The organization directory, the public ecosystem figures and the API are published under the Creative Commons Attribution 4.0 licence (CC BY 4.0): reuse them freely, naming this portal as the source. The initial data was compiled from public sources; every listing names its source.",
  "terms.liability.title": "Responsibility",
  "terms.liability.body":
    "The portal connects people; collaboration agreements, contracts and technology transfers are between the parties. Information on the portal may be incomplete or out of date; check with the organization before you decide.",

  "privacy.title": "Privacy notice",
  "privacy.metaDescription": "Which personal data the portal keeps, why, for how long, and your rights.",
  "privacy.stores.title": "What we keep, and why",
  "privacy.stores.account":
    "Your account: name, e-mail, account type (business or researcher), role, the language of your e-mails, and your password as an argon2id hash (nobody can read the password back). So that you can sign in and receive notifications.",
  "privacy.stores.sessions":
    "Sign-in sessions: the SHA-256 hash of the session code in your cookie, your browser (user agent) and the expiry (30 days, extended while you use the portal). To keep you signed in and to let you sign out everywhere.",
  "privacy.stores.content":
    "What you send: expertise profiles, requests, responses, messages, claims to manage a listing, and the log of officials' actions. So that the portal works and every change can be checked later.",
  "privacy.stores.mail":
    "E-mails the portal sends you (notifications, password reset links) are kept until they are delivered, so that none is lost.",
  "privacy.stores.cookies":
    "Cookies: only two necessary ones, your session (when signed in) and the interface language. No advertising cookies or third-party trackers; pages load nothing from other servers.",
  "privacy.stores.addresses":
    "IP addresses are kept in memory only, for minutes up to an hour, to limit sign-in attempts; the server's logs do not record IP addresses.",
  "privacy.public.title": "What is public",
  "privacy.public.body":
    "Expertise profiles and requests become public only after you submit them and an official approves them. Your e-mail address is never shown to other users. An anonymous request does not show your organization on any page, download or API answer.",
  "privacy.rights.title": "Your rights",
  "privacy.rights.body":
    "You can see and correct your data on your Account and Profile pages, sign out of every device, and ask the operator to delete your account. Personal data is processed under Decree 13/2023/ND-CP on personal data protection.",
};
