import { AGREEMENT_TYPE_LABELS } from "~/domain/agreement-values";
import type { Message } from "../message";

/** Agreements: recording, confirming, the licensed mark. */
type Params = Record<string, string | number>;
const typeOf = (lang: "vi" | "en", params: Params) =>
  AGREEMENT_TYPE_LABELS[params.type as keyof typeof AGREEMENT_TYPE_LABELS]?.[lang] ?? String(params.type);
const typeVi = (params: Params) => typeOf("vi", params).toLowerCase();
const typeEn = (params: Params) => typeOf("en", params).toLowerCase();

export const vi = {
  "agreement.panel": "Thỏa thuận hợp tác",
  "agreement.privacy":
    "Loại thỏa thuận, giá trị và ghi chú chỉ hai bên và cán bộ quản lý xem được. Chỉ thỏa thuận đã được bên kia xác nhận mới được tính vào số liệu.",
  "agreement.none": "Chưa có thỏa thuận nào được ghi nhận trong cuộc trao đổi này.",
  "agreement.record": "Ghi nhận một thỏa thuận",
  "agreement.type": "Loại thỏa thuận",
  "agreement.typeChoose": "Chọn loại thỏa thuận",
  "agreement.signedOn": "Ngày ký",
  "agreement.signedOnHint": "Theo giờ Hà Nội; không sau hôm nay và không trước ngày bắt đầu cuộc trao đổi.",
  "agreement.valueRange": "Giá trị (không bắt buộc)",
  "agreement.valueHint": "Chỉ hai bên và cán bộ quản lý thấy.",
  "agreement.valueNone": "Không nêu",
  "agreement.note": "Ghi chú riêng (không bắt buộc)",
  "agreement.noteHint": "Chỉ hai bên và cán bộ quản lý đọc được.",
  "agreement.licensesOfferLabel": "Thỏa thuận này cấp phép hoặc chuyển giao chính công nghệ đang trao đổi",
  "agreement.licensesOffer": "Cấp phép/chuyển giao công nghệ của cuộc trao đổi",
  "agreement.offer": "Công nghệ",
  "agreement.submit": "Ghi nhận và gửi bên kia xác nhận",
  "agreement.recordedBy": "Ghi nhận bởi",
  "agreement.yourSide": "Phía bạn",
  "agreement.waiting": "Đang chờ bên kia xác nhận.",
  "agreement.status.pending": "Chờ xác nhận",
  "agreement.status.confirmed": "Đã xác nhận",
  "agreement.status.disputed": "Bên kia không xác nhận",
  "agreement.status.withdrawn": "Đã rút lại",
  "agreement.step.confirm": "Xác nhận",
  "agreement.step.dispute": "Không đúng, không xác nhận",
  "agreement.step.withdraw": "Rút lại",
  "agreement.error.future": "Ngày ký không được sau hôm nay.",
  "agreement.error.beforeConversation": "Ngày ký không được trước ngày bắt đầu cuộc trao đổi.",
  "agreement.error.notLicensing":
    "Chỉ thỏa thuận li-xăng hoặc chuyển giao công nghệ mới có thể gắn với công nghệ của cuộc trao đổi.",
  "agreement.error.wrongStatus": "Thỏa thuận này đã được xử lý trước đó.",
  "agreement.error.notYours": "Bạn không thể thực hiện bước này với thỏa thuận do phía mình ghi nhận.",
  "agreement.event.recorded": (params) => `${params.name} đã ghi nhận một thỏa thuận (${typeVi(params)}).`,
  "agreement.event.confirmed": (params) => `${params.name} đã xác nhận thỏa thuận (${typeVi(params)}).`,
  "agreement.event.disputed": (params) => `${params.name} không xác nhận thỏa thuận (${typeVi(params)}).`,
  "agreement.event.withdrawn": (params) => `${params.name} đã rút lại thỏa thuận (${typeVi(params)}).`,
  "notify.agreementRecorded":
    "{name} đã ghi nhận một thỏa thuận trong cuộc trao đổi “{title}”: hãy xác nhận hoặc báo không đúng.",
  "notify.agreementConfirmed": "{name} đã xác nhận thỏa thuận trong cuộc trao đổi “{title}”.",
  "notify.agreementDisputed": "{name} không xác nhận thỏa thuận trong cuộc trao đổi “{title}”.",
  "notify.agreementWithdrawn": "{name} đã rút lại thỏa thuận trong cuộc trao đổi “{title}”.",
  "mail.action.agreement": "Xem thỏa thuận",
  "offer.licensedBadge": "Đã chuyển giao/cấp phép qua cổng",
  "myAgreements.title": "Thỏa thuận của tôi",
  "myAgreements.intro":
    "Các thỏa thuận được ghi nhận trong những cuộc trao đổi của bạn (cả do bạn và do bên kia ghi nhận), với trạng thái xác nhận.",
  "myAgreements.empty": "Chưa có thỏa thuận nào. Bạn có thể ghi nhận thỏa thuận trong một cuộc trao đổi.",
  "myAgreements.conversation": "Cuộc trao đổi",
  "myAgreements.recordedByMe": "Bạn ghi nhận",
  "myAgreements.recordedByOther": "Bên kia ghi nhận",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "agreement.panel": "Agreements",
  "agreement.privacy":
    "The type, value and note of an agreement are seen by the two sides and officials only. Only agreements the other side confirmed count in figures.",
  "agreement.none": "No agreement has been recorded in this conversation yet.",
  "agreement.record": "Record an agreement",
  "agreement.type": "Type of agreement",
  "agreement.typeChoose": "Choose a type",
  "agreement.signedOn": "Signed on",
  "agreement.signedOnHint": "Hanoi date; not after today and not before the conversation began.",
  "agreement.valueRange": "Value (optional)",
  "agreement.valueHint": "Seen by the two sides and officials only.",
  "agreement.valueNone": "Not stated",
  "agreement.note": "Private note (optional)",
  "agreement.noteHint": "Read by the two sides and officials only.",
  "agreement.licensesOfferLabel": "This agreement licenses or transfers the technology this conversation is about",
  "agreement.licensesOffer": "Licenses/transfers this conversation's technology",
  "agreement.offer": "Technology",
  "agreement.submit": "Record and ask the other side to confirm",
  "agreement.recordedBy": "Recorded by",
  "agreement.yourSide": "Your side",
  "agreement.waiting": "Waiting for the other side to confirm.",
  "agreement.status.pending": "Waiting for confirmation",
  "agreement.status.confirmed": "Confirmed",
  "agreement.status.disputed": "Disputed by the other side",
  "agreement.status.withdrawn": "Withdrawn",
  "agreement.step.confirm": "Confirm",
  "agreement.step.dispute": "Not right, dispute",
  "agreement.step.withdraw": "Withdraw",
  "agreement.error.future": "The signing date cannot be after today.",
  "agreement.error.beforeConversation": "The signing date cannot be before the conversation began.",
  "agreement.error.notLicensing":
    "Only a licence or a technology transfer can be tied to this conversation's technology.",
  "agreement.error.wrongStatus": "This agreement has already been dealt with.",
  "agreement.error.notYours": "You cannot take this step on an agreement your own side recorded.",
  "agreement.event.recorded": (params) => `${params.name} recorded an agreement (${typeEn(params)}).`,
  "agreement.event.confirmed": (params) => `${params.name} confirmed the agreement (${typeEn(params)}).`,
  "agreement.event.disputed": (params) => `${params.name} disputed the agreement (${typeEn(params)}).`,
  "agreement.event.withdrawn": (params) => `${params.name} withdrew the agreement (${typeEn(params)}).`,
  "notify.agreementRecorded":
    "{name} recorded an agreement in the conversation “{title}”: please confirm or dispute it.",
  "notify.agreementConfirmed": "{name} confirmed the agreement in the conversation “{title}”.",
  "notify.agreementDisputed": "{name} disputed the agreement in the conversation “{title}”.",
  "notify.agreementWithdrawn": "{name} withdrew the agreement in the conversation “{title}”.",
  "mail.action.agreement": "See the agreement",
  "offer.licensedBadge": "Licensed/transferred through the portal",
  "myAgreements.title": "My agreements",
  "myAgreements.intro":
    "Agreements recorded in your conversations (by you or by the other side), with whether they are confirmed.",
  "myAgreements.empty": "No agreements yet. You can record one in a conversation.",
  "myAgreements.conversation": "Conversation",
  "myAgreements.recordedByMe": "Recorded by you",
  "myAgreements.recordedByOther": "Recorded by the other side",
};
