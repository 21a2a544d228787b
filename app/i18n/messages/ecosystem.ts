import type { Message } from "../message";

/** The ecosystem page: figures and charts, and their downloads. */
export const vi = {
  "nav.ecosystem": "Số liệu",

  "ecosystem.title": "Hệ sinh thái đổi mới sáng tạo Hà Nội qua số liệu",
  "ecosystem.metaDescription":
    "Số tổ chức theo loại hình, lĩnh vực và khu vực (quận, huyện cũ); chuyên gia theo lĩnh vực; đặt hàng công nghệ và kết nối giữa doanh nghiệp với viện, trường.",
  "ecosystem.intro":
    "Tổng hợp từ các hồ sơ tổ chức và chuyên gia đã công khai và các đặt hàng công nghệ đã được duyệt trên cổng. Mỗi biểu đồ kèm bảng số liệu và có thể tải về.",
  "ecosystem.asOf": ({ time, date }) => `Số liệu tính lúc ${time} ngày ${date}.`,
  "ecosystem.showTable": "Xem bảng số liệu",
  "ecosystem.download": "Tải dữ liệu:",
  "ecosystem.empty": "Chưa có dữ liệu.",
  "ecosystem.none": "Chưa có",
  "ecosystem.barsSummary": ({ count }) =>
    `Biểu đồ thanh ngang, ${count} mục. Số liệu chi tiết có trong bảng số liệu ngay sau biểu đồ.`,
  "ecosystem.columnsSummary": ({ count }) =>
    `Biểu đồ cột theo ${count} tháng. Số liệu chi tiết có trong bảng số liệu ngay sau biểu đồ.`,
  "ecosystem.percent": ({ value }) => `${value}%`,
  "ecosystem.hours": ({ value }) => `${value} giờ`,
  "ecosystem.days": ({ value }) => `${value} ngày`,
  "ecosystem.unit.percent": "%",
  "ecosystem.unit.hours": "giờ",
  "ecosystem.key": "Mã",
  "ecosystem.value": "Giá trị",
  "ecosystem.indicator": "Chỉ số",
  "ecosystem.badFormat": "Định dạng tải về là csv hoặc json.",

  "ecosystem.summary.title": "Tổng quan",
  "ecosystem.kpi.organizations": "Tổ chức trong danh bạ",
  "ecosystem.kpi.experts": "Chuyên gia có hồ sơ công khai",
  "ecosystem.kpi.requests": "Đặt hàng công nghệ đã duyệt",
  "ecosystem.kpi.matches": "Kết nối thành công",
  "ecosystem.kpi.matchesDetail": "Đề xuất của chuyên gia được doanh nghiệp chấp nhận",
  "ecosystem.kpi.matchedShare": "Tỷ lệ đặt hàng tìm được đối tác",
  "ecosystem.kpi.matchedShareDetail": ({ matched, requests }) => `${matched} trên ${requests} đặt hàng đã duyệt`,
  "ecosystem.kpi.firstResponse": "Thời gian đến đề xuất đầu tiên (trung vị)",
  "ecosystem.kpi.firstResponseDetail": ({ count }) =>
    `Từ lúc đặt hàng được công khai; tính trên ${count} đặt hàng đã có đề xuất`,

  "ecosystem.kinds.title": "Tổ chức theo loại hình",
  "ecosystem.kinds.category": "Loại hình",
  "ecosystem.series.organizations": "Số tổ chức",
  "ecosystem.fields.title": "Lĩnh vực có nhiều tổ chức nhất",
  "ecosystem.fields.description": ({ count }) =>
    `${count} lĩnh vực đứng đầu; một tổ chức được tính ở mỗi lĩnh vực của mình.`,
  "ecosystem.field": "Lĩnh vực",
  "ecosystem.districts.title": "Tổ chức theo khu vực (quận, huyện cũ)",
  "ecosystem.districts.category": "Khu vực (quận, huyện cũ)",
  "ecosystem.districts.none": "Chưa ghi khu vực",
  "ecosystem.expertFields.title": "Chuyên gia theo lĩnh vực",
  "ecosystem.expertFields.description": ({ count }) => `${count} lĩnh vực có nhiều chuyên gia công khai hồ sơ nhất.`,
  "ecosystem.series.experts": "Số chuyên gia",
  "ecosystem.requests.title": "Đặt hàng công nghệ theo tháng",
  "ecosystem.requests.description": ({ count }) =>
    `${count} tháng gần nhất: đặt hàng được duyệt và công khai trong tháng, và đặt hàng có kết nối thành công đầu tiên trong tháng.`,
  "ecosystem.month": "Tháng",
  "ecosystem.series.opened": "Đặt hàng mới",
  "ecosystem.series.matched": "Tìm được đối tác",
  "ecosystem.collaborations.title": "Kết nối giữa doanh nghiệp và tổ chức nghiên cứu",
  "ecosystem.collaborations.description": ({ count }) =>
    `Mỗi kết nối là một đặt hàng đã được duyệt và đã chọn được chuyên gia, xếp theo bên đặt hàng → đơn vị công tác của chuyên gia. ${count} kết nối là giữa doanh nghiệp (doanh nghiệp, startup có hồ sơ, hoặc người đặt hàng đăng ký là doanh nghiệp nhưng chưa có hồ sơ hay đặt hàng ẩn danh) với trường đại học, viện nghiên cứu, phòng thí nghiệm: đúng các dòng tương ứng của bảng.`,
  "ecosystem.collaborations.category": "Bên đặt hàng → bên nghiên cứu",
  "ecosystem.collaborations.unlistedCompany": "Doanh nghiệp chưa có hồ sơ hoặc ẩn danh",
  "ecosystem.collaborations.unlistedRequester": "Người đặt hàng khác chưa có hồ sơ",
  "ecosystem.collaborations.unlistedExpert": "Chuyên gia độc lập",
  "ecosystem.series.matches": "Kết nối",
  "ecosystem.structure.title": "Đơn vị trực thuộc",
  "ecosystem.structure.description":
    "Tổ chức trong danh bạ trực thuộc một tổ chức khác, theo loại hình (ví dụ: phòng thí nghiệm của trường đại học).",
  "ecosystem.structure.category": "Tổ chức chủ quản → đơn vị trực thuộc",
  "ecosystem.series.units": "Số đơn vị",

  "ecosystem.official.title": "Dành cho cán bộ quản lý",
  "ecosystem.official.intro":
    "Phần này chỉ hiện với cán bộ quản lý và quản trị viên. Số liệu được tính mới mỗi lần mở trang.",
  "ecosystem.curation.title": "Hàng chờ duyệt",
  "ecosystem.curation.pendingRequests": "Đặt hàng chờ duyệt",
  "ecosystem.curation.pendingClaims": "Đề nghị quản lý hồ sơ chờ duyệt",
  "ecosystem.curation.pendingRevisions": "Đề xuất sửa hồ sơ tổ chức chờ duyệt",
  "ecosystem.curation.pendingProfiles": "Hồ sơ chuyên gia chờ xem xét",
  "ecosystem.curation.staleListings": "Hồ sơ tổ chức quá 12 tháng chưa cập nhật",
  "ecosystem.curation.reviewTime": "Thời gian duyệt đặt hàng (trung vị)",
  "ecosystem.organizations.title": "Tổ chức hoạt động nhiều nhất",
  "ecosystem.organizations.description":
    "Chuyên gia công tác tại tổ chức, đặt hàng đã duyệt của tổ chức và kết nối thành công ở một trong hai phía.",
  "ecosystem.organizations.category": "Tổ chức",
  "ecosystem.series.requests": "Đặt hàng",
  "ecosystem.curators.title": "Khối lượng duyệt của cán bộ",
  "ecosystem.curators.description":
    "Theo từng cán bộ: đặt hàng đã xét (duyệt hoặc từ chối), đề nghị quản lý hồ sơ đã xét, và các thao tác khác ghi trong nhật ký (xét hồ sơ chuyên gia, đề xuất sửa, xác minh, lưu trữ, gộp hồ sơ…).",
  "ecosystem.curators.category": "Cán bộ",
  "ecosystem.series.requestsReviewed": "Đặt hàng đã xét",
  "ecosystem.series.claims": "Đề nghị quản lý hồ sơ",
  "ecosystem.series.otherActions": "Thao tác khác",
} satisfies Record<string, Message>;

export const en: Record<keyof typeof vi, Message> = {
  "nav.ecosystem": "Figures",

  "ecosystem.title": "Hanoi's innovation ecosystem in figures",
  "ecosystem.metaDescription":
    "Organizations by kind, field and area (former district); experts by field; technology requests and the links between enterprises and research organizations.",
  "ecosystem.intro":
    "Compiled from the organization and expert profiles published on the portal and the technology requests officials approved. Every chart comes with its data table and can be downloaded.",
  "ecosystem.asOf": ({ time, date }) => `Figures as of ${time} on ${date}.`,
  "ecosystem.showTable": "Show the data table",
  "ecosystem.download": "Download the data:",
  "ecosystem.empty": "No data yet.",
  "ecosystem.none": "None yet",
  "ecosystem.barsSummary": ({ count }) =>
    `Horizontal bar chart, ${count} ${Number(count) === 1 ? "item" : "items"}. The data table right after the chart has the figures.`,
  "ecosystem.columnsSummary": ({ count }) =>
    `Column chart over ${count} months. The data table right after the chart has the figures.`,
  "ecosystem.percent": ({ value }) => `${value}%`,
  "ecosystem.hours": ({ value }) => `${value} ${Number(value) === 1 ? "hour" : "hours"}`,
  "ecosystem.days": ({ value }) => `${value} ${Number(value) === 1 ? "day" : "days"}`,
  "ecosystem.unit.percent": "%",
  "ecosystem.unit.hours": "hours",
  "ecosystem.key": "Code",
  "ecosystem.value": "Value",
  "ecosystem.indicator": "Indicator",
  "ecosystem.badFormat": "The download format is csv or json.",

  "ecosystem.summary.title": "At a glance",
  "ecosystem.kpi.organizations": "Organizations in the directory",
  "ecosystem.kpi.experts": "Experts with a public profile",
  "ecosystem.kpi.requests": "Approved technology requests",
  "ecosystem.kpi.matches": "Matches",
  "ecosystem.kpi.matchesDetail": "Experts' proposals accepted by a business",
  "ecosystem.kpi.matchedShare": "Share of requests that found a match",
  "ecosystem.kpi.matchedShareDetail": ({ matched, requests }) => `${matched} of ${requests} approved requests`,
  "ecosystem.kpi.firstResponse": "Median time to the first proposal",
  "ecosystem.kpi.firstResponseDetail": ({ count }) =>
    `From the request's publication; over ${count} ${Number(count) === 1 ? "request" : "requests"} with a proposal`,

  "ecosystem.kinds.title": "Organizations by kind",
  "ecosystem.kinds.category": "Kind",
  "ecosystem.series.organizations": "Organizations",
  "ecosystem.fields.title": "Fields with the most organizations",
  "ecosystem.fields.description": ({ count }) =>
    `The top ${count} fields; an organization counts in each of its fields.`,
  "ecosystem.field": "Field",
  "ecosystem.districts.title": "Organizations by area (former district)",
  "ecosystem.districts.category": "Area (former district)",
  "ecosystem.districts.none": "Area not given",
  "ecosystem.expertFields.title": "Experts by field",
  "ecosystem.expertFields.description": ({ count }) =>
    `The ${count} fields with the most experts with a public profile.`,
  "ecosystem.series.experts": "Experts",
  "ecosystem.requests.title": "Technology requests by month",
  "ecosystem.requests.description": ({ count }) =>
    `The last ${count} months: requests approved and published in the month, and requests whose first match came in the month.`,
  "ecosystem.month": "Month",
  "ecosystem.series.opened": "Opened",
  "ecosystem.series.matched": "Matched",
  "ecosystem.collaborations.title": "Links between enterprises and research organizations",
  "ecosystem.collaborations.description": ({ count }) =>
    `Each link is an approved request that chose an expert, by requester → the expert's organization. ${count} ${Number(count) === 1 ? "link joins" : "links join"} a business (a listed enterprise or startup, or a requester who signed up as a business with no listing shown or an anonymous request) with a university, institute or lab: exactly the matching rows of the table.`,
  "ecosystem.collaborations.category": "Requester → research side",
  "ecosystem.collaborations.unlistedCompany": "Business not listed, or anonymous",
  "ecosystem.collaborations.unlistedRequester": "Other requester not listed",
  "ecosystem.collaborations.unlistedExpert": "Independent expert",
  "ecosystem.series.matches": "Matches",
  "ecosystem.structure.title": "Units within organizations",
  "ecosystem.structure.description":
    "Listed organizations that belong to another listed organization, by kind (a university's labs, for example).",
  "ecosystem.structure.category": "Parent → unit",
  "ecosystem.series.units": "Units",

  "ecosystem.official.title": "For officials",
  "ecosystem.official.intro":
    "Only curators and administrators see this part. Its figures are computed afresh every time the page opens.",
  "ecosystem.curation.title": "Review queue",
  "ecosystem.curation.pendingRequests": "Requests awaiting review",
  "ecosystem.curation.pendingClaims": "Listing claims awaiting review",
  "ecosystem.curation.pendingRevisions": "Listing edits awaiting review",
  "ecosystem.curation.pendingProfiles": "Expert profiles awaiting a look",
  "ecosystem.curation.staleListings": "Listings not updated for 12 months",
  "ecosystem.curation.reviewTime": "Median time to review a request",
  "ecosystem.organizations.title": "Most active organizations",
  "ecosystem.organizations.description":
    "Experts working there, the organization's approved requests, and matches on either side.",
  "ecosystem.organizations.category": "Organization",
  "ecosystem.series.requests": "Requests",
  "ecosystem.curators.title": "Curators' review workload",
  "ecosystem.curators.description":
    "Per official: requests reviewed (approved or rejected), listing claims decided, and the other actions in the audit log (expert profiles, proposed edits, verifying, archiving, merging…).",
  "ecosystem.curators.category": "Official",
  "ecosystem.series.requestsReviewed": "Requests reviewed",
  "ecosystem.series.claims": "Listing claims",
  "ecosystem.series.otherActions": "Other actions",
};
