import type { Message } from "../message";

/** Importing publications (BibTeX, RIS), the ORCID iD and the yearly reconfirmation of profiles. */
export const vi = {
  "publications.import.title": "Nhập công bố từ tệp BibTeX hoặc RIS",
  "publications.import.heading": "Nhập từ tệp BibTeX hoặc RIS",
  "publications.import.intro":
    "Không cần gõ lại: xuất danh sách công bố từ Google Scholar, ORCID, Scopus hoặc Zotero thành tệp .bib hoặc .ris rồi tải lên đây. Bạn sẽ xem trước và chọn mục nào được thêm.",
  "publications.import.file": "Tệp .bib, .ris hoặc .txt (tối đa 2 MB)",
  "publications.import.preview": "Xem trước",
  "publications.import.previewHeading": ({ count }) => `Tìm thấy ${count} công bố trong tệp`,
  "publications.import.previewIntro":
    "Bỏ chọn những mục bạn không muốn thêm. Mục “đã có” sẽ được gộp vào mục sẵn có, chỉ bổ sung thông tin còn thiếu.",
  "publications.import.listed": "đã có",
  "publications.import.pick": ({ title }) => `Nhập “${title}”`,
  "publications.import.submit": "Nhập các mục đã chọn",
  "publications.import.another": "Chọn tệp khác",
  "publications.import.back": "Quay lại hồ sơ",
  "publications.import.done": ({ added, merged }) =>
    `Đã thêm ${added} công bố${Number(merged) > 0 ? `, gộp ${merged} mục trùng với mục đã có` : ""}.`,
  "publications.import.noProfile": "Hãy lưu hồ sơ chuyên gia trước, rồi nhập công bố.",
  "publications.import.missing": "Hãy chọn một tệp .bib, .ris hoặc .txt.",
  "publications.import.tooLarge": "Tệp lớn hơn 2 MB. Hãy xuất ít công bố hơn trong một lần.",
  "publications.import.notText": "Tệp không phải văn bản UTF-8. Hãy xuất lại dưới dạng BibTeX hoặc RIS.",
  "publications.import.unknownFormat":
    "Không nhận ra định dạng tệp: tệp BibTeX có các mục bắt đầu bằng @article{…, tệp RIS có các dòng “TY  - ”.",
  "publications.import.empty": "Tệp không có công bố nào có tiêu đề.",
  "publications.import.malformedAt": ({ format, line, detail }) => `Tệp ${format} bị lỗi ở dòng ${line}: ${detail}`,
  "publications.import.malformed": ({ format, detail }) => `Tệp ${format} bị lỗi: ${detail}`,
  "publications.import.tooManyInFile": ({ max }) =>
    `Tệp có hơn ${max} công bố. Hãy chia thành nhiều tệp, mỗi tệp tối đa ${max} mục.`,
  "publications.import.tooManyOnProfile": ({ max, listed }) =>
    `Hồ sơ chỉ chứa được ${max} mục (hiện có ${listed}). Hãy bỏ chọn bớt hoặc xóa mục cũ trước.`,
  "publications.import.nothingPicked": "Bạn chưa chọn mục nào để nhập.",
  "publications.import.stale": "Danh sách xem trước không còn hợp lệ. Hãy tải tệp lên lại.",
  "publications.authors": "Tác giả",
  "publications.venue": "Nơi công bố",
  "publications.year": "Năm",
  "publications.doi": "DOI",
  "publications.orcid": "Mã ORCID iD",
  "publications.orcidHint": "Ví dụ 0000-0002-1825-0097 hoặc https://orcid.org/0000-0002-1825-0097.",
  "publications.orcidInvalid":
    "Mã ORCID iD không đúng: cần 16 chữ số (chữ số cuối có thể là X) và chữ số kiểm tra hợp lệ.",
  "publications.orcidLink": ({ orcid }) => `ORCID iD ${orcid}`,
  "profileConfirm.heading": "Xác nhận hồ sơ vẫn đúng",
  "profileConfirm.intro":
    "Mỗi năm một lần, hãy xác nhận thông tin hồ sơ vẫn còn chính xác để doanh nghiệp tiếp tục tìm thấy bạn.",
  "profileConfirm.stale":
    "Hồ sơ của bạn đã hơn một năm chưa được cập nhật hay xác nhận. Nếu không xác nhận, hồ sơ sẽ bị ẩn khỏi tìm kiếm và gợi ý kết nối.",
  "profileConfirm.hidden":
    "Hồ sơ của bạn đang bị ẩn khỏi tìm kiếm, API và gợi ý kết nối vì quá hạn xác nhận. Xác nhận hoặc cập nhật hồ sơ để hiện lại.",
  "profileConfirm.button": "Xác nhận hồ sơ vẫn đúng",
  "profileConfirm.done": "Cảm ơn bạn: hồ sơ đã được xác nhận và hiển thị bình thường.",
  "profileConfirm.hiddenPublic": "Chỉ mình bạn thấy trang này: hồ sơ đang bị ẩn vì quá hạn xác nhận.",
  "notify.profileStale": "Hồ sơ chuyên gia của bạn đã một năm chưa được xác nhận: hãy xác nhận thông tin vẫn đúng",
  "notify.profileHidden": "Hồ sơ chuyên gia của bạn đã bị ẩn vì quá hạn xác nhận: xác nhận để hiện lại",
  "mail.action.confirmProfile": "Xác nhận hồ sơ",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "publications.import.title": "Import publications from a BibTeX or RIS file",
  "publications.import.heading": "Import from a BibTeX or RIS file",
  "publications.import.intro":
    "No retyping: export your publications from Google Scholar, ORCID, Scopus or Zotero as a .bib or .ris file and upload it here. You will see a preview and choose what is added.",
  "publications.import.file": ".bib, .ris or .txt file (2 MB at most)",
  "publications.import.preview": "Preview",
  "publications.import.previewHeading": ({ count }) => `${count} publications found in the file`,
  "publications.import.previewIntro":
    "Untick what you do not want added. Entries marked “listed” merge into the entry you have, filling in only what it lacks.",
  "publications.import.listed": "listed",
  "publications.import.pick": ({ title }) => `Import “${title}”`,
  "publications.import.submit": "Import the ticked entries",
  "publications.import.another": "Choose another file",
  "publications.import.back": "Back to the profile",
  "publications.import.done": ({ added, merged }) =>
    `${added} publications added${Number(merged) > 0 ? `, ${merged} merged into entries you had` : ""}.`,
  "publications.import.noProfile": "Save your expert profile first, then import publications.",
  "publications.import.missing": "Choose a .bib, .ris or .txt file.",
  "publications.import.tooLarge": "The file is larger than 2 MB. Export fewer publications at a time.",
  "publications.import.notText": "The file is not UTF-8 text. Export it again as BibTeX or RIS.",
  "publications.import.unknownFormat":
    "The file's format is not recognised: BibTeX entries start with @article{…, RIS files have “TY  - ” lines.",
  "publications.import.empty": "The file holds no publication with a title.",
  "publications.import.malformedAt": ({ format, line, detail }) =>
    `The ${format} file is broken at line ${line}: ${detail}`,
  "publications.import.malformed": ({ format, detail }) => `The ${format} file is broken: ${detail}`,
  "publications.import.tooManyInFile": ({ max }) =>
    `The file has more than ${max} publications. Split it into files of ${max} at most.`,
  "publications.import.tooManyOnProfile": ({ max, listed }) =>
    `A profile holds ${max} entries at most (it has ${listed}). Untick some, or remove old entries first.`,
  "publications.import.nothingPicked": "You have not ticked any entry to import.",
  "publications.import.stale": "The preview is no longer valid. Upload the file again.",
  "publications.authors": "Authors",
  "publications.venue": "Published in",
  "publications.year": "Year",
  "publications.doi": "DOI",
  "publications.orcid": "ORCID iD",
  "publications.orcidHint": "For example 0000-0002-1825-0097 or https://orcid.org/0000-0002-1825-0097.",
  "publications.orcidInvalid":
    "This ORCID iD is not valid: it needs 16 digits (the last may be X) and a matching check digit.",
  "publications.orcidLink": ({ orcid }) => `ORCID iD ${orcid}`,
  "profileConfirm.heading": "Confirm the profile is still accurate",
  "profileConfirm.intro": "Once a year, confirm your profile is still accurate so that businesses keep finding you.",
  "profileConfirm.stale":
    "Your profile has not been updated or confirmed for over a year. Unless you confirm it, it will be hidden from search and suggestions.",
  "profileConfirm.hidden":
    "Your profile is hidden from search, the API and suggestions because its confirmation is overdue. Confirm or update it to show it again.",
  "profileConfirm.button": "Confirm the profile is still accurate",
  "profileConfirm.done": "Thank you: your profile is confirmed and shown as usual.",
  "profileConfirm.hiddenPublic": "Only you see this page: the profile is hidden because its confirmation is overdue.",
  "notify.profileStale": "Your expert profile has not been confirmed for a year: confirm it is still accurate",
  "notify.profileHidden":
    "Your expert profile was hidden because its confirmation is overdue: confirm it to show it again",
  "mail.action.confirmProfile": "Confirm the profile",
};
