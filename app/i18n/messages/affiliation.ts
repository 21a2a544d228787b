import type { Message } from "../message";

/** Verified affiliations and the yearly reconfirmation of profiles. */
export const vi = {
  "affiliation.title": "Xác minh đơn vị công tác",
  "affiliation.verified": "Đã xác minh đơn vị công tác",
  "affiliation.unverified": "Chưa xác minh đơn vị công tác",
  "affiliation.facet": "Đã xác minh",
  "affiliation.none": "Hãy chọn đơn vị công tác trong hồ sơ và lưu lại trước, rồi xác minh tại đây.",
  "affiliation.verifiedByEmail": ({ organization, email }) =>
    `Đơn vị công tác \u201c${organization}\u201d đã được xác minh qua địa chỉ ${email}. Địa chỉ này không hiển thị công khai.`,
  "affiliation.verifiedByOfficial": ({ organization }) =>
    `Đơn vị công tác \u201c${organization}\u201d đã được cán bộ quản lý cổng xác minh.`,
  "affiliation.intro": ({ organization, domains }) =>
    `Nhập e-mail công vụ của bạn tại \u201c${organization}\u201d (có đuôi ${domains}). Chúng tôi gửi một liên kết xác nhận đến địa chỉ đó; địa chỉ không hiển thị công khai.`,
  "affiliation.email": "E-mail tại đơn vị",
  "affiliation.send": "Gửi liên kết xác nhận",
  "affiliation.sent": ({ hours }) =>
    `Đã gửi liên kết xác nhận. Hãy mở hộp thư đơn vị và bấm vào liên kết trong ${hours} giờ tới.`,
  "affiliation.noDomain": ({ organization }) =>
    `Cổng chưa biết tên miền e-mail của \u201c${organization}\u201d. Bạn có thể đề nghị cán bộ quản lý cổng xác minh thủ công.`,
  "affiliation.askOfficial": "Đề nghị cán bộ xác minh",
  "affiliation.asked": "Đã gửi đề nghị. Cán bộ quản lý cổng sẽ kiểm tra và báo cho bạn kết quả.",
  "affiliation.waiting": "Bạn đã đề nghị xác minh; cán bộ quản lý cổng đang kiểm tra.",
  "affiliation.error.domain": ({ domains }) => `Địa chỉ phải có đuôi ${domains} (hoặc một tên miền con của nó).`,
  "affiliation.error.noAffiliation": "Hồ sơ chưa có đơn vị công tác.",
  "affiliation.error.throttled": "Bạn đã yêu cầu nhiều liên kết trong một giờ qua. Hãy thử lại sau.",
  "affiliation.mail.subject": ({ organization }) => `Xác nhận e-mail tại ${organization}`,
  "affiliation.mail.body": ({ organization, hours }) =>
    `Bạn vừa đề nghị xác minh đơn vị công tác \u201c${organization}\u201d trên hồ sơ chuyên gia. Bấm nút dưới đây (và đăng nhập nếu được hỏi) để xác nhận. Liên kết dùng được một lần, trong ${hours} giờ.`,
  "affiliation.mail.notYou": "Nếu bạn không đề nghị việc này, hãy bỏ qua thư; không có gì thay đổi.",
  "affiliation.mail.action": "Xác nhận đơn vị công tác",
  "affiliation.confirm.title": "Xác nhận đơn vị công tác",
  "affiliation.confirm.body": ({ email }) => `Xác nhận rằng ${email} là e-mail công vụ của bạn?`,
  "affiliation.confirm.button": "Xác nhận",
  "affiliation.confirm.invalid":
    "Liên kết này không còn dùng được: đã dùng, đã hết hạn, thuộc về tài khoản khác, hoặc đơn vị công tác trong hồ sơ đã đổi. Hãy gửi liên kết mới từ trang hồ sơ.",
  "affiliation.confirm.done": "Đã xác minh đơn vị công tác. Huy hiệu hiển thị trên trang hồ sơ công khai của bạn.",
  "affiliation.admin.title": "Xác minh đơn vị công tác",
  "affiliation.admin.intro":
    "Các nhà khoa học có đơn vị chưa có tên miền e-mail đã đề nghị xác minh. Kiểm tra (ví dụ trên trang của đơn vị) rồi xác minh hoặc từ chối kèm ghi chú.",
  "affiliation.admin.empty": "Không có đề nghị nào đang chờ.",
  "affiliation.admin.link": ({ count }) => `Đề nghị xác minh đơn vị công tác (${count})`,
  "affiliation.admin.requested": ({ date }) => `Đề nghị ngày ${date}`,
  "affiliation.admin.note": "Ghi chú gửi nhà khoa học",
  "affiliation.admin.verify": "Xác minh",
  "affiliation.admin.decline": "Từ chối",
  "affiliation.admin.done": "Đã ghi nhận và báo cho nhà khoa học.",
  "affiliation.domains.title": "Tên miền e-mail của đơn vị",
  "affiliation.domains.hint": ({ max }) =>
    `Mỗi dòng một tên miền, tối đa ${max} (ví dụ sis.hust.edu.vn). Nhà khoa học có e-mail ở các tên miền này (và tên miền của trang web) có thể xác minh mình công tác tại đây. Không hiển thị công khai.`,
  "affiliation.domains.label": "Tên miền",
  "affiliation.domains.website": ({ domain }) => `Tên miền của trang web (${domain}) luôn được chấp nhận.`,
  "affiliation.domains.save": "Cập nhật tên miền",
  "affiliation.domains.saved": "Đã lưu tên miền e-mail.",
  "affiliation.domains.invalid": ({ value }) =>
    `\u201c${value}\u201d không dùng được: cần tên miền riêng của đơn vị (như hust.edu.vn), không phải đuôi chung như edu.vn hay dịch vụ thư công cộng như gmail.com.`,
  "affiliation.domains.tooMany": ({ max }) => `Tối đa ${max} tên miền.`,
  "notify.affiliationCheck": ({ name, organization }) =>
    `${name} đề nghị xác minh đơn vị công tác \u201c${organization}\u201d`,
  "notify.affiliationVerified": "Đơn vị công tác trong hồ sơ của bạn đã được xác minh",
  "notify.affiliationLapsed":
    "Đơn vị công tác trong hồ sơ của bạn không còn được xác minh: địa chỉ e-mail bạn đã xác nhận không còn thuộc tên miền của đơn vị. Bạn có thể xác minh lại.",
  "notify.affiliationDeclined": ({ note }) =>
    note
      ? `Đề nghị xác minh đơn vị công tác chưa được chấp nhận: ${note}`
      : "Đề nghị xác minh đơn vị công tác chưa được chấp nhận",
  "audit.action.affiliation.verify": "Xác minh đơn vị công tác",
  "audit.action.affiliation.decline": "Từ chối xác minh đơn vị công tác",
  "audit.action.organization.domains": "Sửa tên miền e-mail của đơn vị",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "affiliation.title": "Verify your affiliation",
  "affiliation.verified": "Affiliation verified",
  "affiliation.unverified": "Affiliation not verified",
  "affiliation.facet": "Verified",
  "affiliation.none": "Choose your affiliation in the profile and save it first, then verify it here.",
  "affiliation.verifiedByEmail": ({ organization, email }) =>
    `Your affiliation \u201c${organization}\u201d was verified through ${email}. The address is not shown publicly.`,
  "affiliation.verifiedByOfficial": ({ organization }) =>
    `Your affiliation \u201c${organization}\u201d was verified by the portal's staff.`,
  "affiliation.intro": ({ organization, domains }) =>
    `Enter your work e-mail at \u201c${organization}\u201d (ending in ${domains}). We send a confirmation link to it; the address is not shown publicly.`,
  "affiliation.email": "Work e-mail",
  "affiliation.send": "Send the confirmation link",
  "affiliation.sent": ({ hours }) =>
    `Confirmation link sent. Open your work mailbox and click the link within ${hours} hours.`,
  "affiliation.noDomain": ({ organization }) =>
    `The portal does not know the e-mail domain of \u201c${organization}\u201d. You can ask the portal's staff to verify it by hand.`,
  "affiliation.askOfficial": "Ask the staff to verify",
  "affiliation.asked": "Request sent. The portal's staff will check and tell you the result.",
  "affiliation.waiting": "You asked for a check; the portal's staff are looking into it.",
  "affiliation.error.domain": ({ domains }) => `The address must end in ${domains} (or a sub-domain of it).`,
  "affiliation.error.noAffiliation": "The profile has no affiliation.",
  "affiliation.error.throttled": "You asked for several links in the past hour. Please try again later.",
  "affiliation.mail.subject": ({ organization }) => `Confirm your e-mail at ${organization}`,
  "affiliation.mail.body": ({ organization, hours }) =>
    `You asked to verify your affiliation \u201c${organization}\u201d on your expertise profile. Press the button below (and sign in if asked) to confirm. The link works once, for ${hours} hours.`,
  "affiliation.mail.notYou": "If you did not ask for this, ignore this e-mail; nothing changes.",
  "affiliation.mail.action": "Confirm the affiliation",
  "affiliation.confirm.title": "Confirm your affiliation",
  "affiliation.confirm.body": ({ email }) => `Confirm that ${email} is your work e-mail?`,
  "affiliation.confirm.button": "Confirm",
  "affiliation.confirm.invalid":
    "This link no longer works: it was used, it expired, it belongs to another account, or the profile's affiliation changed. Send a new link from your profile page.",
  "affiliation.confirm.done": "Affiliation verified. The badge shows on your public profile.",
  "affiliation.admin.title": "Affiliation checks",
  "affiliation.admin.intro":
    "Researchers whose affiliation has no known e-mail domain asked to be verified. Check (for example on the organization's site), then verify or decline with a note.",
  "affiliation.admin.empty": "No requests waiting.",
  "affiliation.admin.link": ({ count }) => `Affiliation checks (${count})`,
  "affiliation.admin.requested": ({ date }) => `Asked on ${date}`,
  "affiliation.admin.note": "Note to the researcher",
  "affiliation.admin.verify": "Verify",
  "affiliation.admin.decline": "Decline",
  "affiliation.admin.done": "Recorded, and the researcher was told.",
  "affiliation.domains.title": "The organization's e-mail domains",
  "affiliation.domains.hint": ({ max }) =>
    `One domain per line, at most ${max} (for example sis.hust.edu.vn). Researchers with an address at these domains (or the website's) can verify they work here. Not shown publicly.`,
  "affiliation.domains.label": "Domains",
  "affiliation.domains.website": ({ domain }) => `The website's domain (${domain}) is always accepted.`,
  "affiliation.domains.save": "Update the domains",
  "affiliation.domains.saved": "E-mail domains saved.",
  "affiliation.domains.invalid": ({ value }) =>
    `\u201c${value}\u201d cannot be used: list the organization's own domain (such as hust.edu.vn), not a shared ending such as edu.vn or a public mail service such as gmail.com.`,
  "affiliation.domains.tooMany": ({ max }) => `At most ${max} domains.`,
  "notify.affiliationCheck": ({ name, organization }) =>
    `${name} asks to verify the affiliation \u201c${organization}\u201d`,
  "notify.affiliationVerified": "The affiliation on your profile was verified",
  "notify.affiliationLapsed":
    "The affiliation on your profile is no longer verified: the address you confirmed is no longer at one of the organization's domains. You can verify it again.",
  "notify.affiliationDeclined": ({ note }) =>
    note ? `Your affiliation check was declined: ${note}` : "Your affiliation check was declined",
  "audit.action.affiliation.verify": "Verify an affiliation",
  "audit.action.affiliation.decline": "Decline an affiliation check",
  "audit.action.organization.domains": "Edit an organization's e-mail domains",
};
