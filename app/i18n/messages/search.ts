import type { Message } from "../message";

/** The search shared by the list pages: suggestions and the ways out of zero results. */
export const vi = {
  "search.suggestions": "Gợi ý",
  "search.suggestOrganizations": "Tổ chức",
  "search.suggestFields": "Lĩnh vực",
  "search.suggestOffers": "Dịch vụ, thiết bị, công nghệ",
  "search.suggestHint": "Dùng phím mũi tên để chọn gợi ý, Enter để mở, Esc để đóng.",
  "search.suggestCount": ({ count }) => `${count} gợi ý`,
  "search.zero.title": ({ q }) => `Không có kết quả cho “${q}”.`,
  "search.zero.titleNoQuery": "Không có kết quả với các bộ lọc này.",
  "search.zero.withoutFilters": ({ count }) => `Bỏ bộ lọc: ${count} kết quả`,
  "search.zero.didYouMean": "Có phải bạn muốn tìm:",
  "search.zero.relatedFields": "Lĩnh vực liên quan:",
  "search.zero.postRequest": "Đăng yêu cầu công nghệ với nội dung này",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "search.suggestions": "Suggestions",
  "search.suggestOrganizations": "Organizations",
  "search.suggestFields": "Fields",
  "search.suggestOffers": "Services, equipment, technologies",
  "search.suggestHint": "Use the arrow keys to pick a suggestion, Enter to open it, Escape to close.",
  "search.suggestCount": ({ count }) => `${count} ${Number(count) === 1 ? "suggestion" : "suggestions"}`,
  "search.zero.title": ({ q }) => `No results for “${q}”.`,
  "search.zero.titleNoQuery": "No results with these filters.",
  "search.zero.withoutFilters": ({ count }) =>
    `Without the filters: ${count} ${Number(count) === 1 ? "result" : "results"}`,
  "search.zero.didYouMean": "Did you mean:",
  "search.zero.relatedFields": "Related fields:",
  "search.zero.postRequest": "Post a technology request about this",
};
