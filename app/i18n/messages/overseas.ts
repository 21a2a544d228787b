import type { Message } from "../message";

/** Overseas experts: the profile's section, the facet and the network page (docs/decisions/076). */
export const vi = {
  "overseas.section": "Tôi đang làm việc ở nước ngoài",
  "overseas.sectionHint":
    "Chọn quốc gia nếu bạn đang làm việc ở nước ngoài; các mục bên dưới khi đó là bắt buộc. Để trống quốc gia nghĩa là bạn làm việc tại Việt Nam (các mục bên dưới sẽ không được lưu).",
  "overseas.country": "Quốc gia nơi làm việc",
  "overseas.countryNone": "— Tôi làm việc tại Việt Nam —",
  "overseas.institution": "Cơ quan, trường, viện ở nước ngoài",
  "overseas.workModes": "Cách bạn có thể hợp tác với Hà Nội",
  "overseas.languages": "Ngôn ngữ làm việc",
  "overseas.institutionRequired": "Nhập cơ quan bạn đang làm việc ở nước ngoài.",
  "overseas.workModesRequired": "Chọn ít nhất một cách hợp tác với Hà Nội.",
  "overseas.languagesRequired": "Chọn ít nhất một ngôn ngữ làm việc.",
  "overseas.based": "Chuyên gia ở nước ngoài",
  "overseas.badge": ({ country }) => `Ở nước ngoài: ${country}`,
  "overseas.modesHeading": "Hợp tác với Hà Nội",
  "overseas.languagesHeading": "Ngôn ngữ làm việc",
  "overseas.facet": "Nơi làm việc",
  "overseas.facet.domestic": "Trong nước",
  "overseas.facet.abroad": "Ở nước ngoài",
  "overseas.facet.country": "Quốc gia",
  "overseas.reason": ({ country, modes }) => `Ở nước ngoài (${country}) · ${modes}`,
  "overseas.page.title": "Mạng lưới chuyên gia ở nước ngoài",
  "overseas.page.intro":
    "Các nhà khoa học, chuyên gia người Việt đang làm việc ở nước ngoài sẵn sàng hợp tác với Hà Nội: tư vấn từ xa, về làm việc, đồng hướng dẫn, dự án chung. Mạng lưới của Trung tâm Đổi mới sáng tạo Quốc gia có hơn 1.600 chuyên gia người Việt ở nước ngoài.",
  "overseas.page.count": ({ count }) => `${count} chuyên gia ở nước ngoài có hồ sơ trên cổng`,
  "overseas.page.byCountry": "Theo quốc gia",
  "overseas.page.byField": "Theo nhóm lĩnh vực",
  "overseas.page.list": "Danh sách chuyên gia",
  "overseas.page.none": "Chưa có chuyên gia ở nước ngoài nào công bố hồ sơ.",
  "overseas.page.cta": "Bạn đang làm việc ở nước ngoài? Tạo hồ sơ chuyên gia",
  "overseas.link": "Mạng lưới chuyên gia ở nước ngoài",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "overseas.section": "I work abroad",
  "overseas.sectionHint":
    "Choose a country if you work abroad; the fields below are then required. No country means you work in Vietnam (the fields below are not kept).",
  "overseas.country": "Country you work in",
  "overseas.countryNone": "— I work in Vietnam —",
  "overseas.institution": "Institution abroad",
  "overseas.workModes": "How you can work with Hanoi",
  "overseas.languages": "Working languages",
  "overseas.institutionRequired": "Enter the institution you work at abroad.",
  "overseas.workModesRequired": "Choose at least one way to work with Hanoi.",
  "overseas.languagesRequired": "Choose at least one working language.",
  "overseas.based": "Expert abroad",
  "overseas.badge": ({ country }) => `Abroad: ${country}`,
  "overseas.modesHeading": "Working with Hanoi",
  "overseas.languagesHeading": "Working languages",
  "overseas.facet": "Based",
  "overseas.facet.domestic": "In Vietnam",
  "overseas.facet.abroad": "Abroad",
  "overseas.facet.country": "Country",
  "overseas.reason": ({ country, modes }) => `Abroad (${country}) · ${modes}`,
  "overseas.page.title": "Overseas experts network",
  "overseas.page.intro":
    "Vietnamese scientists and experts working abroad who are ready to work with Hanoi: remote advice, visits, co-supervision, joint projects. The National Innovation Center's network counts more than 1,600 overseas Vietnamese experts.",
  "overseas.page.count": ({ count }) =>
    `${count} overseas ${Number(count) === 1 ? "expert has" : "experts have"} a profile on the portal`,
  "overseas.page.byCountry": "By country",
  "overseas.page.byField": "By field group",
  "overseas.page.list": "The experts",
  "overseas.page.none": "No expert abroad has published a profile yet.",
  "overseas.page.cta": "Working abroad? Create an expert profile",
  "overseas.link": "Overseas experts network",
};
