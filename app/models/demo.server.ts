import { enqueueSearchSync } from "#search/outbox";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type DbClient } from "~/db/client.server";
import { hashPassword } from "~/auth/password.server";
import { refreshOfferSearchFields } from "#search/offer-document";
import { refreshExpertSearchText } from "./expert.server";
import { refreshRequestSearchText } from "./request.server";

/**
 * Example people and things for `npm run demo`, written only into the demo's own database
 * (scripts/demo.ts never opens the real one): a business, three researchers with profiles at
 * real listings, two open requests, a response waiting for an answer and a match with a
 * conversation, an official and an administrator, and two confirmed offers of each type (with
 * prices and access modes, unlike the seeded public-source ones). Every name says it is an example
 * ("ví dụ"), and every page shows a banner while the portal runs as a demonstration.
 * Loading twice changes nothing.
 */
export const DEMO_ACCOUNTS = [
  {
    key: "business",
    email: "doanh-nghiep@demo.example",
    name: "Nguyễn Minh Anh (tài khoản ví dụ)",
    role: "member",
    accountType: "business",
  },
  {
    key: "researcher",
    email: "nha-khoa-hoc@demo.example",
    name: "TS. Trần Thu Hà (tài khoản ví dụ)",
    role: "member",
    accountType: "researcher",
  },
  {
    key: "researcher2",
    email: "nha-khoa-hoc-2@demo.example",
    name: "PGS.TS. Lê Quang Huy (tài khoản ví dụ)",
    role: "member",
    accountType: "researcher",
  },
  {
    key: "researcher3",
    email: "nha-khoa-hoc-3@demo.example",
    name: "ThS. Phạm Ngọc Lan (tài khoản ví dụ)",
    role: "member",
    accountType: "researcher",
  },
  {
    key: "curator",
    email: "can-bo@demo.example",
    name: "Cán bộ quản lý (tài khoản ví dụ)",
    role: "curator",
    accountType: "business",
  },
  {
    key: "admin",
    email: "quan-tri@demo.example",
    name: "Quản trị viên (tài khoản ví dụ)",
    role: "admin",
    accountType: "business",
  },
] as const;

type Key = (typeof DEMO_ACCOUNTS)[number]["key"];

const EXPERTS: Record<
  "researcher" | "researcher2" | "researcher3",
  {
    slug: string;
    title: string;
    fullName: string;
    affiliation: string;
    position: string;
    bio: string;
    keywords: string;
    fields: string[];
    /** Based abroad (docs/decisions/076): an invented example, no real person */
    abroad?: { country: string; institution: string; workModes: string[]; languages: string[] };
  }
> = {
  researcher: {
    slug: "vi-du-tran-thu-ha",
    title: "ts",
    fullName: "Trần Thu Hà (ví dụ)",
    affiliation: "hust",
    position: "Giảng viên, Viện Khoa học và Công nghệ Môi trường",
    bio: "Hồ sơ ví dụ. Nghiên cứu xử lý nước thải công nghiệp bằng màng lọc và vi sinh, đã chuyển giao hệ thống xử lý cho các làng nghề dệt nhuộm.",
    keywords: "xử lý nước thải\nmàng lọc\nvi sinh",
    fields: ["environmental-engineering", "water-resources-engineering"],
  },
  researcher2: {
    slug: "vi-du-le-quang-huy",
    title: "pgs_ts",
    fullName: "Lê Quang Huy (ví dụ)",
    affiliation: "hup",
    position: "Trưởng bộ môn Kiểm nghiệm",
    bio: "Hồ sơ ví dụ. Kiểm nghiệm dược liệu và thực phẩm chức năng bằng sắc ký lỏng hiệu năng cao, xây dựng tiêu chuẩn cơ sở cho doanh nghiệp.",
    keywords: "kiểm nghiệm dược liệu\nsắc ký\ntiêu chuẩn cơ sở",
    fields: ["pharmacy", "food-safety"],
  },
  researcher3: {
    slug: "vi-du-pham-ngoc-lan",
    title: "ths",
    fullName: "Phạm Ngọc Lan (ví dụ)",
    affiliation: "hust",
    position: "Nghiên cứu viên",
    bio: "Hồ sơ ví dụ. Học máy cho dự báo hỏng hóc thiết bị trong nhà máy từ dữ liệu cảm biến.",
    keywords: "học máy\nbảo trì dự đoán\ncảm biến",
    fields: ["machine-learning", "artificial-intelligence"],
    abroad: {
      country: "JP",
      institution: "Một trường đại học ở Nhật Bản (ví dụ)",
      workModes: ["remote_advice", "joint_projects"],
      languages: ["vi", "en", "ja"],
    },
  },
};

type DemoOffer = {
  owner: { organization: string } | { expert: keyof typeof EXPERTS };
  inventors?: (keyof typeof EXPERTS)[];
  fields: string[];
} & Omit<Prisma.OfferUncheckedCreateInput, "organizationId" | "ownerExpertId" | "fields" | "inventors">;

const DEMO_OFFERS: DemoOffer[] = [
  {
    owner: { organization: "hust" },
    type: "service",
    nameVi: "(Ví dụ) Phân tích pha tinh thể bằng nhiễu xạ tia X (XRD)",
    nameEn: "(Example) Crystal phase analysis by X-ray diffraction (XRD)",
    descriptionVi: "Dịch vụ ví dụ. Xác định pha tinh thể, kích thước tinh thể cho mẫu bột và màng mỏng.",
    method: "Nhiễu xạ tia X, phân tích Rietveld",
    instrument: "Bruker D8 Advance",
    sampleRequirements: "Mẫu bột tối thiểu 1 g",
    turnaround: "5 ngày làm việc",
    audience: "companies\nstartups\nstudents",
    priceMode: "range",
    priceMinVnd: 600_000,
    priceMaxVnd: 1_200_000,
    freeFor: "students",
    fields: ["materials-science"],
  },
  {
    owner: { organization: "hup" },
    type: "service",
    nameVi: "(Ví dụ) Định lượng hoạt chất trong dược liệu bằng HPLC",
    nameEn: "(Example) HPLC assay of active compounds in medicinal plants",
    descriptionVi: "Dịch vụ ví dụ. Định lượng hoạt chất theo Dược điển Việt Nam V, kèm báo cáo thẩm định phương pháp.",
    method: "Sắc ký lỏng hiệu năng cao",
    instrument: "Agilent 1260 Infinity II",
    sampleRequirements: "Dược liệu khô 100 g",
    turnaround: "10 ngày làm việc",
    audience: "companies\nstartups",
    priceMode: "quote",
    fields: ["pharmacy"],
  },
  {
    owner: { organization: "hust" },
    type: "equipment",
    nameVi: "(Ví dụ) Kính hiển vi điện tử quét phát xạ trường Hitachi S-4800",
    nameEn: "(Example) Hitachi S-4800 field-emission SEM",
    descriptionVi: "Thiết bị ví dụ. Chụp ảnh bề mặt vật liệu độ phân giải 1 nm, kèm phổ EDS.",
    instrument: "Hitachi S-4800",
    make: "Hitachi",
    model: "S-4800",
    category: "microscopy",
    specifications: "Độ phân giải 1 nm ở 15 kV\nPhổ tán sắc năng lượng (EDS)",
    building: "Nhà C9, phòng 102",
    accessMode: "staff_run",
    conditions: "Đặt lịch trước 3 ngày; 1.500.000 đồng một giờ máy.",
    fields: ["materials-science"],
  },
  {
    owner: { organization: "hup" },
    type: "equipment",
    nameVi: "(Ví dụ) Hệ sắc ký lỏng hiệu năng cao Agilent 1260 Infinity II",
    nameEn: "(Example) Agilent 1260 Infinity II HPLC system",
    descriptionVi: "Thiết bị ví dụ. Định lượng hoạt chất, phụ gia và dư lượng.",
    instrument: "Agilent 1260 Infinity II",
    make: "Agilent",
    model: "1260 Infinity II",
    category: "chromatography",
    accessMode: "self_use",
    conditions: "Tự vận hành sau khóa đào tạo 2 buổi; phí theo giờ máy.",
    fields: ["pharmacy"],
  },
  {
    owner: { organization: "hust" },
    inventors: ["researcher"],
    type: "technology",
    nameVi: "(Ví dụ) Keo tụ điện hóa xử lý nước thải dệt nhuộm",
    nameEn: "(Example) Electrocoagulation for textile dyeing wastewater",
    descriptionVi: "Công nghệ ví dụ. Khử màu và COD nước thải dệt nhuộm trên diện tích nhỏ.",
    applications: "Làng nghề dệt nhuộm, khu công nghiệp",
    trl: 6,
    ipStatus: "granted_utility",
    ipNumber: "2-0002345",
    offeredAs: "licence\nco_development",
    fields: ["environmental-engineering"],
  },
  {
    owner: { expert: "researcher3" },
    inventors: ["researcher3"],
    type: "technology",
    nameVi: "(Ví dụ) Dự báo hỏng hóc thiết bị từ dữ liệu cảm biến",
    nameEn: "(Example) Equipment failure prediction from sensor data",
    descriptionVi: "Công nghệ ví dụ. Mô hình học máy cảnh báo sớm hỏng hóc máy móc trong nhà máy.",
    applications: "Nhà máy sản xuất, bảo trì dự đoán",
    trl: 5,
    ipStatus: "know_how",
    offeredAs: "consulting\nco_development",
    fields: ["machine-learning"],
  },
];

export async function loadDemoContent(password: string, db: DbClient = prisma) {
  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[0].email }, select: { id: true } }))
    return { created: false };
  const passwordHash = await hashPassword(password);
  const users = {} as Record<Key, { id: string }>;
  for (const account of DEMO_ACCOUNTS) {
    users[account.key] = await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        passwordHash,
        role: account.role,
        accountType: account.accountType,
        confirmedAt: new Date(),
      },
      select: { id: true },
    });
  }
  const fieldIds = async (slugs: string[]) =>
    (await db.field.findMany({ where: { slug: { in: slugs } }, select: { id: true } })).map((field) => field.id);
  const organizationId = async (slug: string) =>
    (await db.organization.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;

  const experts = {} as Record<keyof typeof EXPERTS, string>;
  for (const [key, expert] of Object.entries(EXPERTS) as [
    keyof typeof EXPERTS,
    (typeof EXPERTS)[keyof typeof EXPERTS],
  ][]) {
    const created = await db.expertProfile.create({
      data: {
        userId: users[key].id,
        slug: expert.slug,
        title: expert.title,
        fullName: expert.fullName,
        affiliationId: await organizationId(expert.affiliation),
        position: expert.position,
        bioVi: expert.bio,
        keywords: expert.keywords,
        offers: "consulting\ncontract_research",
        country: expert.abroad?.country ?? null,
        institutionAbroad: expert.abroad?.institution ?? null,
        workModes: expert.abroad?.workModes.join("\n") ?? "",
        languages: expert.abroad?.languages.join("\n") ?? "",
        status: "published",
        reviewState: "approved",
        publishedAt: new Date(),
        fields: { create: (await fieldIds(expert.fields)).map((fieldId) => ({ fieldId })) },
      },
    });
    await refreshExpertSearchText(created.id, db);
    experts[key] = created.id;
  }

  const request = async (title: string, problem: string, outcome: string, sector: string, fields: string[]) => {
    const created = await db.techRequest.create({
      data: {
        authorId: users.business.id,
        companyName: "Công ty TNHH Ví dụ An Phát",
        sector,
        companySize: "small",
        title,
        problem,
        desiredOutcome: outcome,
        trl: 5,
        budget: "500m_2b",
        deadline: new Date(Date.now() + 45 * 86_400_000),
        status: "open",
        reviewedById: users.curator.id,
        reviewedAt: new Date(),
        publishedAt: new Date(),
        fields: { create: (await fieldIds(fields)).map((fieldId) => ({ fieldId })) },
      },
    });
    await refreshRequestSearchText(created.id, db);
    return created.id;
  };
  const wastewater = await request(
    "(Ví dụ) Xử lý nước thải dệt nhuộm đạt chuẩn xả thải",
    "Đặt hàng ví dụ. Xưởng nhuộm 200 m³ nước thải mỗi ngày, độ màu và COD còn cao sau xử lý hiện có; cần công nghệ bổ sung phù hợp diện tích nhỏ.",
    "Hệ thống thử nghiệm đạt QCVN 13-MT:2015/BTNMT, kèm chi phí vận hành.",
    "textiles",
    ["environmental-engineering"],
  );
  const herbal = await request(
    "(Ví dụ) Kiểm nghiệm và xây dựng tiêu chuẩn cho cao dược liệu",
    "Đặt hàng ví dụ. Doanh nghiệp sản xuất cao dược liệu cần phương pháp định lượng hoạt chất và tiêu chuẩn cơ sở để đăng ký sản phẩm.",
    "Phương pháp định lượng đã thẩm định và hồ sơ tiêu chuẩn cơ sở.",
    "health_pharma",
    ["pharmacy"],
  );

  // Each response with its private conversation, as sending one opens it (docs/decisions/064).
  const respond = async (requestId: string, key: keyof typeof EXPERTS, status: string, approach: string) => {
    const { title, authorId } = await db.techRequest.findUniqueOrThrow({ where: { id: requestId } });
    const response = await db.requestResponse.create({
      data: {
        requestId,
        responderId: users[key].id,
        expertId: experts[key],
        approach,
        experience: "Đề xuất ví dụ.",
        timeline: "4 tháng",
        status,
        conversation: { create: { kind: "response", subject: title, starterId: authorId, ownerUserId: users[key].id } },
      },
      include: { conversation: { select: { id: true } } },
    });
    return { ...response, conversationId: response.conversation!.id };
  };
  const accepted = await respond(
    wastewater,
    "researcher",
    "accepted",
    "Đề xuất ví dụ: kết hợp keo tụ điện hóa với màng lọc MBR, thử nghiệm 4 tuần tại xưởng.",
  );
  await respond(
    herbal,
    "researcher2",
    "submitted",
    "Đề xuất ví dụ: định lượng hoạt chất bằng HPLC, thẩm định theo hướng dẫn ICH, lập hồ sơ tiêu chuẩn cơ sở.",
  );
  // The accepted response's conversation goes on as its match's, with its id (decisions 060, 064).
  const match = await db.match.create({
    data: { id: accepted.conversationId, requestId: wastewater, responseId: accepted.id },
  });
  await db.conversation.update({
    where: { id: match.id },
    data: {
      kind: "match",
      matchId: match.id,
      messages: {
        create: [
          { senderId: users.business.id, body: "Tin nhắn ví dụ: chị có thể khảo sát xưởng vào tuần sau không?" },
          { senderId: users.researcher.id, body: "Tin nhắn ví dụ: được, thứ Ba tuần sau nhóm tôi sẽ đến lấy mẫu." },
        ],
      },
    },
  });

  // Offers as a manager confirms them: prices, access modes, inventors (issue 17).
  const offers: string[] = [];
  for (const { owner, inventors = [], fields, ...data } of DEMO_OFFERS) {
    const organization = "organization" in owner ? await organizationId(owner.organization) : null;
    if ("organization" in owner && !organization) continue;
    const created = await db.offer.create({
      data: {
        ...data,
        organizationId: organization,
        ownerExpertId: "expert" in owner ? experts[owner.expert] : null,
        status: "published",
        reviewedById: users.curator.id,
        reviewedAt: new Date(),
        publishedAt: new Date(),
        confirmedAt: new Date(),
        fields: { create: (await fieldIds(fields)).map((fieldId) => ({ fieldId })) },
        inventors: { create: inventors.map((key, position) => ({ expertId: experts[key], position })) },
      },
    });
    await refreshOfferSearchFields(db, created.id);
    offers.push(created.id);
  }

  await enqueueSearchSync(db, "expert", Object.values(experts));
  await enqueueSearchSync(db, "offer", offers);
  await enqueueSearchSync(db, "request", [wastewater, herbal]);
  return { created: true };
}
