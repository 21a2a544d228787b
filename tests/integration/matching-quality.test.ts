import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { JOB_HANDLERS } from "~/jobs/handlers.server";
import { JobWorker } from "~/jobs/worker.server";
import { saveProfile } from "~/models/expert.server";
import { invalidateTaxonomyCache } from "~/models/field.server";
import {
  loadCandidateExperts,
  loadCandidateOffers,
  loadCandidateOrganizations,
} from "~/models/match-candidates.server";
import { computeSuggestions, getSuggestions, matchNewOffer, type Reason } from "~/models/matching.server";
import { createOffer, editOffer, offerColumns, type OfferData } from "~/models/offer.server";
import { reviewOffer } from "~/models/offer-review.server";
import { OfferSchema } from "~/validation/offer";
import { createRequestInTransaction, reviewRequest } from "~/models/request.server";
import { write } from "~/models/write.server";
import { declineRequest, requestsForYou } from "~/models/requests-for-you.server";
import { reasonText } from "~/domain/match-reasons";
import { translator } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { prisma } from "~/db/client.server";
import type { AcademicTitle, Offer } from "~/domain/expert-values";
import { ExpertProfileSchema } from "~/validation/expert";
import { RequestSchema, type RequestInput } from "~/validation/request";
import { runDir } from "./run-dir";
import { makeOffer, makeOrganization, makeUser } from "../factories";
import { drainOutbox, eventually, seedAndIndex } from "./helpers";

/**
 * Matching quality: requests and expertise profiles whose best matches are
 * known, on the real seed directory. Everything goes in through the model
 * functions (so the search outbox and the jobs are the real path), the outbox
 * is drained to Meilisearch, and the jobs the writes queued are run, as the
 * portal's workers would.
 */

// Suggestions are mailed to the experts: into a scratch mailbox, not .data/.
const mailbox = path.join(runDir(), `matching-mailbox-${process.pid}.mbox`);
process.env.MAILBOX_FILE = mailbox;
afterAll(() => fs.rmSync(mailbox, { force: true }));

const jobs = new JobWorker({ db: prisma, handlers: JOB_HANDLERS });

/**
 * What the portal's two workers do after a write: index it, then run the jobs
 * it queued. A job that failed (the engine timing out on a loaded machine) is
 * retried after its backoff, as the job worker would.
 */
async function settle() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await drainOutbox();
    await jobs.drain();
    await drainOutbox();
    const pending = await prisma.job.findMany({
      where: { doneAt: null },
      select: { kind: true, attempts: true, lastError: true },
    });
    if (pending.length === 0) return;
    if (Date.now() > deadline) throw new Error(`jobs left undone: ${JSON.stringify(pending)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The request form's action: createRequestInTransaction in a transaction. */
async function createRequest(authorId: string, input: RequestInput) {
  return write((tx, effects) => createRequestInTransaction(authorId, input, tx, effects));
}

// ------------------------------------------------------------------ people

/** Someone who never signs in, named as the test's people are. */
const person = (name: string, accountType: "business" | "researcher", role: "member" | "curator" = "member") =>
  makeUser({ label: "matching", name, accountType, role, password: null });

type ProfileSpec = {
  title: AcademicTitle;
  fullName: string;
  affiliation?: string;
  position?: string;
  fieldSlugs: string[];
  keywords: string[];
  bioVi?: string;
  bioEn?: string;
  offers: Offer[];
  publications: string[];
};

/** Through the profile form's own schema, then saveProfile: what publishing from /me/profile does. */
async function publishProfile(userId: string, spec: ProfileSpec) {
  const input = ExpertProfileSchema.parse({
    intent: "publish",
    title: spec.title,
    fullName: spec.fullName,
    affiliation: spec.affiliation,
    position: spec.position,
    fieldSlugs: spec.fieldSlugs,
    keywords: spec.keywords.join(", "),
    bioVi: spec.bioVi,
    bioEn: spec.bioEn,
    offers: spec.offers,
    links: spec.publications.map((title, i) => ({ kind: "publication", title, year: String(2018 + i) })),
  });
  const saved = await saveProfile(userId, input);
  if (!saved.ok) throw new Error(`profile of ${spec.fullName} not saved: ${JSON.stringify(saved)}`);
  return prisma.expertProfile.findUniqueOrThrow({ where: { userId }, select: { id: true, slug: true } });
}

const PROFILES = {
  gasSensors: {
    title: "pgs_ts",
    fullName: "Nguyễn Đức Hoàng",
    affiliation: "hust-itims",
    position: "Trưởng nhóm cảm biến khí",
    fieldSlugs: ["sensors", "nanomaterials"],
    keywords: ["cảm biến khí", "oxit kim loại", "dây nano", "SnO2", "khí độc"],
    bioVi:
      "Nghiên cứu chế tạo cảm biến khí trên cơ sở dây nano oxit kim loại (SnO2, ZnO, WO3) để phát hiện khí độc H2S, NH3 và CO trong nhà máy và quan trắc môi trường.",
    bioEn: "Metal-oxide nanowire gas sensors for detecting toxic gases in factories and for environmental monitoring.",
    offers: ["contract_research", "lab_services"],
    publications: [
      "Cảm biến khí H2S độ nhạy cao trên cơ sở dây nano SnO2",
      "Low-power metal oxide nanowire gas sensors for industrial leak detection",
    ],
  },
  mems: {
    title: "ts",
    fullName: "Nguyễn Thị Thu Trang",
    affiliation: "vnu-key-lab-micro-nano",
    fieldSlugs: ["sensors", "nanomaterials", "mems-nems"],
    keywords: ["cảm biến khí", "màng mỏng", "MEMS", "vi nhiệt"],
    bioVi: "Thiết kế và chế tạo cảm biến khí MEMS công suất thấp với màng mỏng nano trên đế vi nhiệt.",
    offers: ["contract_research", "equipment_access"],
    publications: ["Cảm biến khí MEMS tích hợp vi nhiệt công suất thấp"],
  },
  iot: {
    title: "ths",
    fullName: "Ngô Văn Nam",
    affiliation: "ptit",
    fieldSlugs: ["internet-of-things", "sensors"],
    keywords: ["hệ thống nhúng", "giám sát từ xa", "LoRa", "nhà thông minh"],
    bioVi: "Phát triển thiết bị IoT và hệ thống nhúng cho nhà thông minh và giám sát từ xa qua mạng LoRa.",
    offers: ["consulting", "student_projects"],
    publications: [],
  },
  nlp: {
    title: "ts",
    fullName: "Lê Thị Hồng Nhung",
    affiliation: "hust-bkai",
    fieldSlugs: ["vietnamese-language-processing", "natural-language-processing", "conversational-ai"],
    keywords: ["xử lý tiếng Việt", "chatbot", "trích xuất thông tin", "phân loại văn bản", "mô hình ngôn ngữ lớn"],
    bioVi:
      "Xử lý ngôn ngữ tự nhiên cho tiếng Việt: chatbot hỏi đáp, trích xuất thông tin và phân loại văn bản với mô hình ngôn ngữ lớn.",
    bioEn:
      "Natural language processing for Vietnamese: question-answering chatbots, information extraction and text classification.",
    offers: ["contract_research", "consulting"],
    publications: [
      "Trích xuất thông tin từ văn bản hành chính tiếng Việt",
      "A Vietnamese question answering chatbot for customer service",
    ],
  },
  rice: {
    // Vietnamese only, on purpose: English requests must still find it.
    title: "gs_ts",
    fullName: "Đoàn Văn Lợi",
    affiliation: "lmi-rice",
    fieldSlugs: ["rice-genomics", "molecular-breeding", "plant-genetics"],
    keywords: ["hệ gen lúa", "chịu mặn", "chỉ thị phân tử", "chọn giống lúa"],
    bioVi:
      "Giải mã hệ gen các giống lúa địa phương, tìm gen chịu mặn và chịu hạn, chọn giống lúa bằng chỉ thị phân tử cho Đồng bằng sông Cửu Long.",
    offers: ["contract_research", "consulting"],
    publications: ["Xác định gen chịu mặn ở các giống lúa địa phương Việt Nam"],
  },
  concrete: {
    title: "pgs_ts",
    fullName: "Trần Quang Vinh",
    affiliation: "huce",
    fieldSlugs: ["construction-materials", "structural-engineering"],
    keywords: ["bê tông cường độ cao", "tro bay", "bê tông tự lèn", "bê tông", "công trình biển"],
    bioVi:
      "Bê tông cường độ cao và bê tông tự lèn dùng tro bay, xỉ lò cao; độ bền của kết cấu bê tông trong môi trường biển.",
    bioEn:
      "High-strength and self-compacting concrete with fly ash and slag; durability of concrete structures in marine environments.",
    offers: ["lab_services", "consulting"],
    publications: [
      "Bê tông cường độ cao sử dụng tro bay và xỉ lò cao",
      "Durability of fly ash concrete in marine environments",
    ],
  },
  corrosion: {
    title: "ts",
    fullName: "Bùi Thị Thanh Hương",
    affiliation: "vast-itt",
    fieldSlugs: ["corrosion-protection", "coatings"],
    keywords: ["chống ăn mòn", "lớp phủ", "sơn bảo vệ", "ăn mòn cốt thép"],
    bioVi: "Lớp phủ và sơn bảo vệ chống ăn mòn cho kết cấu thép trong khí hậu nhiệt đới biển.",
    offers: ["lab_services"],
    publications: [],
  },
  battery: {
    title: "ts",
    fullName: "Đỗ Minh Khôi",
    affiliation: "hus-nano-energy-center",
    fieldSlugs: ["energy-materials", "energy-storage"],
    keywords: ["pin lithium-ion", "pin natri-ion", "vật liệu điện cực", "lưu trữ năng lượng"],
    bioVi: "Vật liệu điện cực cho pin lithium-ion và pin natri-ion từ khoáng sản trong nước; hệ lưu trữ năng lượng.",
    bioEn:
      "Electrode materials for lithium-ion and sodium-ion batteries from domestic minerals; energy storage systems.",
    offers: ["contract_research", "lab_services"],
    publications: [
      "Vật liệu điện cực LiFePO4 cho pin lithium-ion",
      "Sodium-ion battery cathodes from abundant minerals",
    ],
  },
  vision: {
    title: "ts",
    fullName: "Vũ Quang Huy",
    affiliation: "vnu-uet",
    fieldSlugs: ["computer-vision", "machine-learning"],
    keywords: ["thị giác máy tính", "phát hiện lỗi sản phẩm", "kiểm tra chất lượng", "học sâu"],
    bioVi:
      "Thị giác máy tính và học sâu cho kiểm tra chất lượng tự động: phát hiện lỗi sản phẩm trên dây chuyền sản xuất.",
    bioEn: "Computer vision and deep learning for automated quality inspection on production lines.",
    offers: ["contract_research", "consulting"],
    publications: [
      "Phát hiện lỗi bề mặt sản phẩm bằng học sâu trên dây chuyền sản xuất",
      "Deep learning for visual defect inspection in electronics manufacturing",
    ],
  },
  water: {
    title: "pgs_ts",
    fullName: "Hoàng Thị Thu Hà",
    affiliation: "hunre",
    fieldSlugs: ["environmental-engineering", "environmental-chemistry"],
    keywords: ["xử lý nước thải", "nước thải dệt nhuộm", "hấp phụ", "kim loại nặng", "màng lọc"],
    bioVi: "Công nghệ xử lý nước thải công nghiệp, đặc biệt nước thải dệt nhuộm, bằng vật liệu hấp phụ và màng lọc.",
    offers: ["lab_services", "consulting", "contract_research"],
    publications: [
      "Xử lý nước thải dệt nhuộm bằng vật liệu hấp phụ từ phụ phẩm nông nghiệp",
      "Removal of arsenic from groundwater using iron oxide adsorbents",
    ],
  },
  pharma: {
    title: "gs_ts",
    fullName: "Phan Văn Kiên",
    affiliation: "vast-inpc",
    fieldSlugs: ["medicinal-chemistry", "natural-products-chemistry", "bioactive-compounds"],
    keywords: ["hóa dược", "hợp chất thiên nhiên", "dược liệu", "chiết xuất", "tổng hợp hữu cơ"],
    bioVi: "Chiết xuất, tinh chế và tổng hợp hoạt chất từ dược liệu Việt Nam cho thuốc và thực phẩm chức năng.",
    offers: ["contract_research", "lab_services"],
    publications: [
      "Chiết xuất và tinh chế hoạt chất từ dược liệu Việt Nam",
      "Synthesis and anticancer activity of flavonoid derivatives",
    ],
  },
  foodSafety: {
    title: "ts",
    fullName: "Đặng Thị Mai",
    affiliation: "vnu-analysis-research-education-centre",
    fieldSlugs: ["analytical-chemistry", "food-safety"],
    keywords: ["sắc ký", "dư lượng thuốc bảo vệ thực vật", "kim loại nặng", "kiểm nghiệm thực phẩm"],
    bioVi: "Phân tích dư lượng thuốc bảo vệ thực vật và kim loại nặng trong thực phẩm bằng sắc ký và ICP-MS.",
    offers: ["lab_services"],
    publications: [],
  },
  robotics: {
    // Later edited to move into water treatment (suggestions must follow).
    title: "ts",
    fullName: "Trịnh Văn Sơn",
    affiliation: "haui",
    fieldSlugs: ["mechatronics", "automation"],
    keywords: ["robot công nghiệp", "điều khiển chuyển động"],
    bioVi: "Robot công nghiệp và điều khiển chuyển động cho dây chuyền lắp ráp.",
    offers: ["consulting"],
    publications: [],
  },
} satisfies Record<string, ProfileSpec>;
type ExpertKey = keyof typeof PROFILES;

const experts = {} as Record<ExpertKey, { id: string; userId: string }>;
const nameOf = new Map<string, string>();

// ------------------------------------------------------------------ requests

type RequestSpec = {
  title: string;
  problem: string;
  desiredOutcome: string;
  fieldSlugs: string[];
  trl?: number;
  companyName: string;
  sector: string;
  organizationSlug?: string;
};

function deadlineIn(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Posted through the request form's schema, then approved by an official: the request opens and its suggestions are computed by the job. */
async function postRequest(authorId: string, spec: RequestSpec) {
  const input = RequestSchema.parse({
    title: spec.title,
    problem: spec.problem,
    desiredOutcome: spec.desiredOutcome,
    fieldSlugs: spec.fieldSlugs,
    trl: String(spec.trl ?? 5),
    budget: "to_discuss",
    deadline: deadlineIn(120),
    visibility: "public",
    companyName: spec.companyName,
    organizationSlug: spec.organizationSlug,
    sector: spec.sector,
    companySize: "small",
    district: "cau-giay",
  });
  const request = await createRequest(authorId, input);
  expect(await reviewRequest(request.id, official.id, { approve: true, note: null })).toBe(true);
  return request.id;
}

type Suggestion = Awaited<ReturnType<typeof getSuggestions>>[number];
async function suggestionsFor(requestId: string) {
  const rows = await getSuggestions(requestId);
  return {
    experts: rows.filter((row) => row.targetType === "expert"),
    organizations: rows.filter((row) => row.targetType === "organization"),
  };
}
const expertIds = (rows: Suggestion[]) => rows.map((row) => row.expertId!);
/** Readable names in failure messages. */
const names = (rows: Suggestion[]) =>
  rows.map((row) => `${nameOf.get(row.expertId ?? row.organizationId!)} (${row.score})`);
const orgSlugs = (rows: Suggestion[]) => rows.map((row) => row.organization!.slug);

function reasonOf<K extends Reason["kind"]>(row: Suggestion | undefined, kind: K) {
  return row?.reasons.find((reason): reason is Extract<Reason, { kind: K }> => reason.kind === kind);
}

let official: { id: string };
const excluded = {} as { labScientist: string; director: string };
let ownLab: { id: string; slug: string };
const requests = {} as Record<
  | "gasVi"
  | "gasEn"
  | "textileNoMarks"
  | "visionEn"
  | "riceEn"
  | "batteryOtherArea"
  | "pharma"
  | "concreteMarine"
  | "chatbot",
  string
>;

beforeAll(async () => {
  await seedAndIndex();
  official = await person("Cán bộ Sở KH&CN", "business", "curator");

  // The gas-sensor company has its own lab listing (which it manages) and a
  // scientist there, and its director has an expertise profile of his own:
  // all three fit its request perfectly, and none may be suggested to it.
  const gasCompany = await person("Phạm Quốc Bảo", "business");
  const sensorsField = await prisma.field.findUniqueOrThrow({ where: { slug: "sensors" } });
  const nanoField = await prisma.field.findUniqueOrThrow({ where: { slug: "nanomaterials" } });
  const lab = await makeOrganization({
    kind: "lab",
    nameVi: "Phòng thí nghiệm Cảm biến khí Sông Hồng",
    nameEn: "Song Hong Gas Sensor Laboratory",
    summaryVi: "Phòng thí nghiệm của Công ty Cảm biến Sông Hồng: cảm biến khí, dây nano oxit kim loại.",
    fieldIds: [sensorsField.id, nanoField.id],
    verified: true,
  });
  ownLab = { id: lab.id, slug: lab.slug };
  await prisma.organizationManager.create({ data: { userId: gasCompany.id, organizationId: lab.id } });
  await drainOutbox();
  nameOf.set(lab.id, "own lab");

  for (const key of Object.keys(PROFILES) as ExpertKey[]) {
    const user = await person(PROFILES[key].fullName, "researcher");
    const profile = await publishProfile(user.id, PROFILES[key]);
    experts[key] = { id: profile.id, userId: user.id };
    nameOf.set(profile.id, key);
  }
  const ownLabScientist = await person("Lý Minh Đức", "researcher");
  const colleague = await publishProfile(ownLabScientist.id, {
    title: "ts",
    fullName: "Lý Minh Đức",
    affiliation: lab.slug,
    fieldSlugs: ["sensors", "nanomaterials"],
    keywords: ["cảm biến khí", "khí độc", "rò rỉ khí", "dây nano"],
    bioVi: "Cảm biến khí độc và cảnh báo rò rỉ khí trong nhà máy hóa chất.",
    offers: ["contract_research", "lab_services"],
    publications: ["Cảm biến khí độc H2S cảnh báo rò rỉ trong nhà máy hóa chất"],
  });
  nameOf.set(colleague.id, "own lab's scientist");
  const director = await publishProfile(gasCompany.id, {
    title: "ts",
    fullName: "Phạm Quốc Bảo",
    fieldSlugs: ["sensors"],
    keywords: ["cảm biến khí", "khí độc", "rò rỉ khí"],
    bioVi: "Giám đốc kỹ thuật, mười năm phát triển thiết bị cảnh báo rò rỉ khí độc.",
    offers: ["consulting"],
    publications: [],
  });
  nameOf.set(director.id, "the requester himself");
  Object.assign(excluded, { labScientist: colleague.id, director: director.id });
  await settle();

  const business = await person("Trần Thị Bình", "business");
  requests.gasVi = await postRequest(gasCompany.id, {
    title: "Cảm biến khí giá rẻ cảnh báo rò rỉ khí độc trong nhà máy",
    problem:
      "Nhà máy hóa chất của chúng tôi cần cảm biến khí độ nhạy cao để phát hiện rò rỉ khí độc H2S và NH3; cần thử nghiệm và đo lường trong điều kiện thực tế của nhà máy.",
    desiredOutcome: "Mẫu cảm biến hoạt động ổn định, giá thành thấp, và quy trình chế tạo có thể chuyển giao.",
    fieldSlugs: ["sensors"],
    companyName: "Công ty Cổ phần Cảm biến Sông Hồng",
    sector: "electronics",
    organizationSlug: lab.slug,
  });
  requests.gasEn = await postRequest(business.id, {
    title: "Low-cost gas sensors for toxic gas leak alarms",
    problem:
      "Our chemical plant needs sensitive, low-cost gas sensors to detect leaks of toxic gases such as H2S and ammonia before they reach workers.",
    desiredOutcome: "A working sensor prototype validated in the plant, with a manufacturing process we can take over.",
    fieldSlugs: ["sensors", "nanomaterials"],
    companyName: "Hanoi Chemicals JSC",
    sector: "chemicals_materials",
  });
  requests.textileNoMarks = await postRequest(business.id, {
    title: "He thong xu ly nuoc thai det nhuom dat chuan xa thai",
    problem:
      "Xuong det nhuom cua chung toi thai ra nuoc thai co mau dam va kim loai nang, can cong nghe xu ly nuoc thai re va de van hanh de dat quy chuan.",
    desiredOutcome: "Quy trinh xu ly nuoc thai dat QCVN, chi phi van hanh thap, co the lap dat trong 6 thang.",
    fieldSlugs: ["environmental-engineering"],
    companyName: "Cong ty Det may Ha Dong",
    sector: "textiles",
  });
  requests.visionEn = await postRequest(business.id, {
    title: "Automated visual inspection of solder defects on circuit boards",
    problem:
      "We assemble circuit boards and still inspect solder joints by eye. We want deep learning for defect inspection in electronics manufacturing, running on the production line camera.",
    desiredOutcome: "An inspection system that flags defective boards with fewer than 1% missed defects.",
    fieldSlugs: ["computer-vision"],
    companyName: "Hanoi PCB Assembly Co.",
    sector: "electronics",
  });
  requests.riceEn = await postRequest(business.id, {
    title: "Salt-tolerant rice varieties for coastal provinces",
    problem:
      "Seawater intrusion is ruining our contract farmers' rice harvests. We need rice varieties that tolerate salinity, bred with modern genetic methods.",
    desiredOutcome: "Two or three salt-tolerant lines ready for field trials with our farmers within two seasons.",
    fieldSlugs: ["rice-genomics"],
    companyName: "Red River Seeds JSC",
    sector: "agriculture_food",
  });
  requests.batteryOtherArea = await postRequest(business.id, {
    // The company picked the field of its product, not of the science it needs.
    title: "Pin natri-ion cho xe máy điện giá rẻ",
    problem:
      "Chúng tôi sản xuất xe máy điện và muốn thay pin lithium-ion nhập khẩu bằng pin natri-ion rẻ hơn, làm từ nguyên liệu trong nước.",
    desiredOutcome: "Mẫu pin natri-ion đạt 500 chu kỳ sạc, quy trình sản xuất thử nghiệm.",
    fieldSlugs: ["electric-vehicles"],
    companyName: "Công ty Xe điện Thăng Long",
    sector: "transport_logistics",
  });
  requests.pharma = await postRequest(business.id, {
    title: "Chiết xuất hoạt chất từ dược liệu cho thực phẩm chức năng",
    problem:
      "Công ty cần quy trình chiết xuất và tinh chế hoạt chất từ dược liệu trồng ở Việt Nam đạt tiêu chuẩn để sản xuất thực phẩm chức năng.",
    desiredOutcome: "Quy trình chiết xuất ở quy mô pilot và hồ sơ kiểm nghiệm hàm lượng hoạt chất.",
    fieldSlugs: ["bioactive-compounds", "natural-products-chemistry"],
    companyName: "Dược phẩm Hà Thành",
    sector: "health_pharma",
  });
  requests.concreteMarine = await postRequest(business.id, {
    title: "Bê tông bền trong môi trường biển cho kè chắn sóng",
    problem:
      "Các công trình kè ven biển của chúng tôi xuống cấp nhanh. Cần cấp phối bê tông cường độ cao dùng tro bay, bền trong nước biển.",
    desiredOutcome: "Cấp phối bê tông đã thí nghiệm độ bền và hướng dẫn thi công.",
    fieldSlugs: ["construction-materials"],
    companyName: "Tổng công ty Xây dựng Bạch Đằng",
    sector: "construction",
  });
  requests.chatbot = await postRequest(business.id, {
    title: "Chatbot tiếng Việt trả lời câu hỏi khách hàng",
    problem:
      "Tổng đài của chúng tôi nhận hàng nghìn câu hỏi mỗi ngày. Cần chatbot hiểu tiếng Việt, kể cả tiếng Việt không dấu, để trả lời câu hỏi thường gặp.",
    desiredOutcome: "Chatbot trả lời đúng 80% câu hỏi thường gặp, tích hợp với website và Zalo.",
    fieldSlugs: ["vietnamese-language-processing", "conversational-ai"],
    companyName: "Công ty Viễn thông Hà Nội",
    sector: "ict",
  });
  await settle();
}, 240_000);

// ------------------------------------------------------------------ tests

describe("the known best expert comes first, with the reasons", () => {
  test("gas sensors (Vietnamese): the gas-sensor scientist, for her field, keywords, publication and lab services", async () => {
    const { experts: rows } = await suggestionsFor(requests.gasVi);
    expect(names(rows)[0]).toMatch(/^gasSensors/);
    const best = rows[0];
    expect(reasonOf(best, "fields")?.fields).toEqual([{ vi: "Cảm biến", en: "Sensors" }]);
    expect(reasonOf(best, "keywords")?.terms).toEqual(expect.arrayContaining(["cảm biến khí", "khí độc"]));
    expect(reasonOf(best, "publication")?.title).toBe("Cảm biến khí H2S độ nhạy cao trên cơ sở dây nano SnO2");
    const offers = best!.reasons.filter((reason) => reason.kind === "offer").map((reason) => reason.offer);
    expect(offers).toEqual(expect.arrayContaining(["lab_services", "contract_research"]));
    // The MEMS gas-sensor scientist next; the IoT engineer (same field, no gas sensing) after both.
    const ids = expertIds(rows);
    expect(ids.indexOf(experts.mems.id), names(rows).join(", ")).toBe(1);
    expect(ids.indexOf(experts.iot.id), names(rows).join(", ")).toBe(2);
    expect(rows[2]!.score).toBeLessThan(rows[1]!.score);
  });

  test("water treatment typed without diacritics: the water-treatment scientist, her keywords named with their marks", async () => {
    const { experts: rows } = await suggestionsFor(requests.textileNoMarks);
    expect(names(rows)[0]).toMatch(/^water/);
    expect(reasonOf(rows[0], "fields")?.fields.map((field) => field.en)).toEqual(["Environmental engineering"]);
    expect(reasonOf(rows[0], "keywords")?.terms).toEqual(
      expect.arrayContaining(["xử lý nước thải", "nước thải dệt nhuộm"]),
    );
    expect(reasonOf(rows[0], "publication")?.title).toBe(
      "Xử lý nước thải dệt nhuộm bằng vật liệu hấp phụ từ phụ phẩm nông nghiệp",
    );
    // The food-safety chemist shares "kim loại nặng" only: suggested at most, and well below.
    const foodSafety = rows.find((row) => row.expertId === experts.foodSafety.id);
    expect(foodSafety?.score ?? 0, names(rows).join(", ")).toBeLessThan(rows[0]!.score / 2);
  });

  test("computer vision (English): the inspection scientist, for the field and the English publication", async () => {
    const { experts: rows } = await suggestionsFor(requests.visionEn);
    expect(names(rows)[0]).toMatch(/^vision/);
    expect(reasonOf(rows[0], "fields")?.fields).toEqual([{ vi: "Thị giác máy tính", en: "Computer vision" }]);
    expect(reasonOf(rows[0], "publication")?.title).toBe(
      "Deep learning for visual defect inspection in electronics manufacturing",
    );
  });

  test("rice (English request, profile only in Vietnamese): the rice geneticist, by the shared field", async () => {
    const { experts: rows } = await suggestionsFor(requests.riceEn);
    expect(names(rows)[0]).toMatch(/^rice/);
    expect(reasonOf(rows[0], "fields")?.fields).toEqual([{ vi: "Hệ gen cây lúa", en: "Rice genomics" }]);
  });

  test("gas sensors (English): the three gas-sensor scientists, equally good for it, are the top three", async () => {
    // Its words match no Vietnamese keyword, so the two shared fields decide; the
    // Song Hong lab's scientist is one of the three (the lab is not this company's).
    const { experts: rows } = await suggestionsFor(requests.gasEn);
    const best = [experts.gasSensors.id, experts.mems.id, excluded.labScientist];
    expect(expertIds(rows).slice(0, 3).sort(), names(rows).join(", ")).toEqual([...best].sort());
    for (const row of rows.slice(0, 3))
      expect(
        reasonOf(row, "fields")
          ?.fields.map((field) => field.en)
          .sort(),
      ).toEqual(["Nanomaterials", "Sensors"]);
    // One shared field only: the IoT engineer and the director come after them.
    expect(rows[3]!.score).toBeLessThan(rows[2]!.score);
  });

  test("pharmaceutical extraction: the natural-products chemist, for fields and keywords", async () => {
    const { experts: rows } = await suggestionsFor(requests.pharma);
    expect(names(rows)[0]).toMatch(/^pharma/);
    expect(
      reasonOf(rows[0], "fields")
        ?.fields.map((field) => field.en)
        .sort(),
    ).toEqual(["Bioactive compounds", "Natural products chemistry"]);
    expect(reasonOf(rows[0], "keywords")?.terms).toEqual(expect.arrayContaining(["dược liệu", "chiết xuất"]));
    expect(reasonOf(rows[0], "publication")?.title).toBe("Chiết xuất và tinh chế hoạt chất từ dược liệu Việt Nam");
  });

  test("marine concrete: the concrete engineer first, the corrosion chemist (no shared field) after him if at all", async () => {
    const { experts: rows } = await suggestionsFor(requests.concreteMarine);
    expect(names(rows)[0]).toMatch(/^concrete/);
    expect(reasonOf(rows[0], "keywords")?.terms).toEqual(expect.arrayContaining(["bê tông cường độ cao", "bê tông"]));
    expect(reasonOf(rows[0], "publication")?.title).toBe("Bê tông cường độ cao sử dụng tro bay và xỉ lò cao");
    const corrosion = rows.find((row) => row.expertId === experts.corrosion.id);
    expect(corrosion?.score ?? 0, names(rows).join(", ")).toBeLessThan(rows[0]!.score);
  });

  test("Vietnamese chatbot: the NLP scientist, for both fields and her keywords", async () => {
    const { experts: rows } = await suggestionsFor(requests.chatbot);
    expect(names(rows)[0]).toMatch(/^nlp/);
    expect(
      reasonOf(rows[0], "fields")
        ?.fields.map((field) => field.vi)
        .sort(),
    ).toEqual(["Trí tuệ nhân tạo hội thoại", "Xử lý tiếng Việt"]);
    expect(reasonOf(rows[0], "keywords")?.terms).toEqual(expect.arrayContaining(["chatbot"]));
  });
});

describe("irrelevant experts are not suggested", () => {
  const offTopic: [keyof typeof requests, ExpertKey[]][] = [
    ["gasVi", ["nlp", "rice", "concrete", "battery", "vision", "pharma", "robotics"]],
    ["gasEn", ["nlp", "rice", "concrete", "battery", "vision", "pharma", "robotics", "water"]],
    ["textileNoMarks", ["gasSensors", "mems", "nlp", "rice", "concrete", "battery", "vision", "robotics"]],
    ["visionEn", ["gasSensors", "rice", "concrete", "battery", "water", "pharma", "corrosion"]],
    [
      "riceEn",
      ["gasSensors", "mems", "iot", "nlp", "concrete", "battery", "vision", "water", "pharma", "corrosion", "robotics"],
    ],
    ["pharma", ["gasSensors", "mems", "iot", "nlp", "rice", "concrete", "battery", "vision", "robotics"]],
    ["concreteMarine", ["gasSensors", "mems", "iot", "nlp", "rice", "battery", "vision", "pharma"]],
    [
      "chatbot",
      ["gasSensors", "mems", "iot", "rice", "concrete", "battery", "water", "pharma", "corrosion", "foodSafety"],
    ],
    ["batteryOtherArea", ["nlp", "rice", "vision", "water", "pharma", "foodSafety"]],
  ];
  test.each(offTopic)("%s", async (request, keys) => {
    const { experts: rows } = await suggestionsFor(requests[request]);
    const suggested = new Set(expertIds(rows));
    expect(
      keys.filter((key) => suggested.has(experts[key].id)),
      names(rows).join(", "),
    ).toEqual([]);
  });
});

describe("research organizations in the right field", () => {
  test("only labs, institutes and universities are suggested, each for a reason", async () => {
    for (const id of Object.values(requests)) {
      const { organizations } = await suggestionsFor(id);
      for (const row of organizations) {
        expect(["lab", "institute", "university"]).toContain(row.organization!.kind);
        expect(row.reasons.some((reason) => ["fields", "area", "text"].includes(reason.kind))).toBe(true);
      }
    }
  });

  test.each([
    ["gasVi", "hust-itims"],
    ["gasEn", "hust-itims"],
    ["riceEn", "lmi-rice"],
    ["pharma", "vast-inpc"],
    ["concreteMarine", "huce"],
  ] as const)("%s suggests %s among the first three, for a shared field", async (request, slug) => {
    const { organizations } = await suggestionsFor(requests[request]);
    expect(orgSlugs(organizations).slice(0, 3)).toContain(slug);
    expect(
      reasonOf(
        organizations.find((row) => row.organization!.slug === slug),
        "fields",
      ),
    ).toBeDefined();
  });

  test("textileNoMarks suggests research organizations in environmental engineering first", async () => {
    const { organizations } = await suggestionsFor(requests.textileNoMarks);
    expect(organizations.length).toBeGreaterThanOrEqual(3);
    for (const row of organizations.slice(0, 3)) {
      expect(
        reasonOf(row, "fields")?.fields.map((field) => field.en),
        row.organization!.slug,
      ).toContain("Environmental engineering");
    }
  });

  test("enterprises are never suggested, however well they fit (the AI companies for the chatbot)", async () => {
    const { organizations } = await suggestionsFor(requests.chatbot);
    expect(orgSlugs(organizations)).not.toEqual(expect.arrayContaining(["fpt-ai", "vbee", "coc-coc", "got-it"]));
  });
});

describe("never suggested: the requester's own organization, its people, the requester", () => {
  test("the company's own lab, its scientist and its director are left out, though they fit best", async () => {
    const { experts: rows, organizations } = await suggestionsFor(requests.gasVi);
    expect(organizations.map((row) => row.organizationId)).not.toContain(ownLab.id);
    expect(expertIds(rows)).not.toContain(excluded.labScientist);
    expect(expertIds(rows)).not.toContain(excluded.director);
  });

  test("…but for another company's request they are suggested, near the top", async () => {
    const { experts: rows, organizations } = await suggestionsFor(requests.gasEn);
    expect(expertIds(rows).slice(0, 5)).toEqual(expect.arrayContaining([excluded.labScientist, excluded.director]));
    expect(organizations.map((row) => row.organizationId).slice(0, 5)).toContain(ownLab.id);
  });
});

describe("suggestions follow changes", () => {
  test("a profile edited into the request's field is suggested once the recompute job runs; the expert is told", async () => {
    const before = await suggestionsFor(requests.textileNoMarks);
    expect(expertIds(before.experts)).not.toContain(experts.robotics.id);

    await publishProfile(experts.robotics.userId, {
      ...PROFILES.robotics,
      fieldSlugs: ["automation", "environmental-engineering"],
      keywords: ["tự động hóa trạm xử lý nước thải", "xử lý nước thải", "điều khiển chuyển động"],
      bioVi: "Tự động hóa và điều khiển trạm xử lý nước thải công nghiệp; robot công nghiệp.",
    });
    // Nothing changes until the jobs run: the write only queued them.
    expect(expertIds((await suggestionsFor(requests.textileNoMarks)).experts)).not.toContain(experts.robotics.id);
    await settle();

    const after = await suggestionsFor(requests.textileNoMarks);
    const row = after.experts.find((suggestion) => suggestion.expertId === experts.robotics.id);
    expect(row, names(after.experts).join(", ")).toBeDefined();
    expect(reasonOf(row, "fields")?.fields.map((field) => field.en)).toEqual(["Environmental engineering"]);
    expect(reasonOf(row, "keywords")?.terms).toContain("xử lý nước thải");
    // Still below the water-treatment specialist.
    expect(names(after.experts)[0]).toMatch(/^water/);
    const told = await prisma.notification.findMany({ where: { userId: experts.robotics.userId, type: "suggestion" } });
    // The notice leads to "Requests for you", at this request; its e-mail says why, in the expert's language.
    expect(told.map((notification) => notification.url)).toContain(
      `/me/requests-for-you#request-${requests.textileNoMarks}`,
    );
    // The notice itself says why, in either language the page is read in.
    const notice = told.find((notification) => notification.url.endsWith(requests.textileNoMarks));
    const { key, params } = JSON.parse(notice!.data) as { key: MessageKey; params: Record<string, string> };
    expect(translator("vi")(key, params)).toMatch(
      /\(Cùng lĩnh vực: Kỹ thuật môi trường; Từ khóa khớp: .*xử lý nước thải/,
    );
    expect(translator("en")(key, params)).toMatch(/\(Same fields: Environmental engineering; /);
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: experts.robotics.userId } });
    const mail = await prisma.mailMessage.findFirst({ where: { to: email, subject: { contains: "được gợi ý" } } });
    expect(mail, "no suggestion mail").not.toBeNull();
    expect(mail!.subject, "the subject stays one short line").not.toContain("Cùng lĩnh vực");
    expect(mail!.text).toContain("Vì sao phù hợp:");
    expect(mail!.text).toContain("> - Cùng lĩnh vực: Kỹ thuật môi trường");
    expect(mail!.text).toMatch(/> - Từ khóa khớp: .*xử lý nước thải/);
    expect(mail!.text).toContain(`/me/requests-for-you#request-${requests.textileNoMarks}`);
  });

  test("a profile taken back to draft disappears from the suggestions it was in", async () => {
    expect(expertIds((await suggestionsFor(requests.pharma)).experts)).toContain(experts.pharma.id);
    const input = ExpertProfileSchema.parse({
      intent: "save-draft",
      title: PROFILES.pharma.title,
      fullName: PROFILES.pharma.fullName,
      affiliation: PROFILES.pharma.affiliation,
      fieldSlugs: PROFILES.pharma.fieldSlugs,
      keywords: PROFILES.pharma.keywords.join(", "),
      bioVi: PROFILES.pharma.bioVi,
      offers: PROFILES.pharma.offers,
    });
    expect((await saveProfile(experts.pharma.userId, input)).ok).toBe(true);
    await settle();
    expect(expertIds((await suggestionsFor(requests.pharma)).experts)).not.toContain(experts.pharma.id);
  });

  test("a request can be posted when the taxonomy cache has expired (30 s after the form loaded)", async () => {
    // A read of the taxonomy on the shared client inside the transaction would
    // wait for the transaction, which waits for it (until Prisma's 5 s timeout).
    const author = await person("Đỗ Văn Chậm", "business");
    const input = RequestSchema.parse({
      title: "Cảm biến đo độ ẩm hạt cà phê",
      problem: "Kho cà phê cần cảm biến đo độ ẩm hạt nhanh, rẻ và bền để kiểm soát chất lượng khi thu mua.",
      desiredOutcome: "Thiết bị cầm tay đo độ ẩm sai số dưới 1%.",
      fieldSlugs: ["sensors"],
      trl: "5",
      budget: "under_100m",
      deadline: deadlineIn(30),
      visibility: "public",
      companyName: "Cà phê Tây Nguyên",
      sector: "agriculture_food",
      companySize: "micro",
    });
    invalidateTaxonomyCache();
    const request = await write((tx, effects) => createRequestInTransaction(author.id, input, tx, effects));
    expect(request.status).toBe("pending");
  });

  test("a request has no suggestions until an official approves it; approving computes them", async () => {
    const author = await person("Nguyễn Thị Hoa", "business");
    const input = RequestSchema.parse({
      title: "Kiểm tra chất lượng bao bì bằng camera và học sâu",
      problem:
        "Dây chuyền đóng gói cần phát hiện lỗi sản phẩm (bao bì rách, in lệch) tự động bằng thị giác máy tính thay cho kiểm tra thủ công.",
      desiredOutcome: "Hệ thống kiểm tra chất lượng tự động chạy trên dây chuyền hiện có.",
      fieldSlugs: ["computer-vision"],
      trl: "6",
      budget: "500m_2b",
      deadline: deadlineIn(60),
      visibility: "anonymous",
      companyName: "Bao bì Việt",
      sector: "manufacturing",
      companySize: "medium",
    });
    const request = await createRequest(author.id, input);
    await settle();
    expect(await prisma.matchSuggestion.count({ where: { requestId: request.id } })).toBe(0);
    // computeSuggestions itself does not look at the status: it is the job that stores only open requests' suggestions.
    expect((await computeSuggestions(request.id))?.experts[0]?.id).toBe(experts.vision.id);

    await reviewRequest(request.id, official.id, { approve: true, note: null });
    await settle();
    const { experts: rows } = await suggestionsFor(request.id);
    expect(names(rows)[0]).toMatch(/^vision/);
    expect(reasonOf(rows[0], "keywords")?.terms).toEqual(
      expect.arrayContaining(["phát hiện lỗi sản phẩm", "thị giác máy tính", "kiểm tra chất lượng"]),
    );
  });
});

/** Problems this file found in the matcher, fixed; kept so they stay fixed. */
describe("matching problems found and fixed", () => {
  test('a keyword followed by a comma still counts ("kim loại nặng," "tro bay,")', async () => {
    // scoreExpert looks for ` keyword ` in the folded request text, which keeps punctuation.
    const water = await suggestionsFor(requests.textileNoMarks);
    expect(reasonOf(water.experts[0], "keywords")?.terms).toContain("kim loại nặng");
    const concrete = await suggestionsFor(requests.concreteMarine);
    expect(reasonOf(concrete.experts[0], "keywords")?.terms).toContain("tro bay");
  });

  test('"thí nghiệm" (lab testing) is a signal for lab services', async () => {
    // OFFER_SIGNALS.lab_services knows "thử nghiệm" but not "thí nghiệm".
    const { experts: rows } = await suggestionsFor(requests.concreteMarine);
    expect(rows[0]!.reasons).toContainEqual({ kind: "offer", offer: "lab_services" });
  });

  test("the organization the requester belongs to (their own profile's affiliation) and its experts are left out", async () => {
    // docs/decisions/012: "the organizations they manage or belong to, and their experts are never
    // suggested"; requestFacts leaves out only the managed ones and the request's own organization.
    const founder = await person("Cao Minh Tâm", "business");
    await publishProfile(founder.id, {
      title: "ts",
      fullName: "Cao Minh Tâm",
      affiliation: "vnu-key-lab-micro-nano",
      fieldSlugs: ["mems-nems"],
      keywords: ["vi cơ điện tử"],
      bioVi: "Nhà sáng lập công ty khởi nguồn từ phòng thí nghiệm vi nano.",
      offers: ["consulting"],
      publications: [],
    });
    await settle();
    const input = RequestSchema.parse({
      title: "Cảm biến khí MEMS cho thiết bị đeo",
      problem:
        "Công ty khởi nguồn cần cảm biến khí MEMS công suất thấp với màng mỏng nano để tích hợp vào thiết bị đeo.",
      desiredOutcome: "Mẫu cảm biến tích hợp được vào vòng đeo tay.",
      fieldSlugs: ["sensors", "mems-nems"],
      trl: "4",
      budget: "to_discuss",
      deadline: deadlineIn(60),
      visibility: "public",
      companyName: "Công ty Vi Nano",
      sector: "electronics",
      companySize: "micro",
    });
    const request = await createRequest(founder.id, input);
    const computed = (await computeSuggestions(request.id))!;
    const labId = (await prisma.organization.findUniqueOrThrow({ where: { slug: "vnu-key-lab-micro-nano" } })).id;
    expect(computed.organizations.map((entry) => entry.id)).not.toContain(labId);
    expect(computed.experts.map((entry) => entry.id)).not.toContain(experts.mems.id);
  });

  test("a request filed under another area still finds the expert its words name (battery chemistry for an e-scooter maker)", async () => {
    // No field or area in common, so only the engine's text query can find her,
    // and with matchingStrategy "frequency" it returns nothing for this title.
    const { experts: rows } = await suggestionsFor(requests.batteryOtherArea);
    expect(names(rows)[0]).toMatch(/^battery/);
    expect(reasonOf(rows[0], "keywords")?.terms).toEqual(expect.arrayContaining(["pin natri-ion", "pin lithium-ion"]));
  });

  test("a research lab in the request's area is suggested when none has its exact fields (the NLP lab for the chatbot)", async () => {
    // Organizations are found by exact field or by the text query only; the
    // text query finds none here, and no research organization has these fields.
    const { organizations } = await suggestionsFor(requests.chatbot);
    expect(orgSlugs(organizations).slice(0, 3)).toContain("hust-bkai");
  });

  test("a profile's change reaches the suggestions even when the jobs run before the search index has it", async () => {
    // In the portal the job worker and the outbox worker run side by side; the
    // recompute often queries the engine before the edited profile is indexed.
    const user = await person("Mai Văn Tú", "researcher");
    const profile = await publishProfile(user.id, {
      ...PROFILES.water,
      fullName: "Mai Văn Tú",
      affiliation: undefined,
    });
    await jobs.drain();
    await drainOutbox();
    await eventually(
      async () => {
        await jobs.drain();
        expect(expertIds((await suggestionsFor(requests.textileNoMarks)).experts)).toContain(profile.id);
      },
      { timeoutMs: 5_000, intervalMs: 250 },
    );
  });
});

describe("the candidates' rows, read in one statement per side", () => {
  const fieldsSelect = {
    orderBy: { field: { position: "asc" } },
    select: {
      field: {
        select: { id: true, nameVi: true, nameEn: true, parent: { select: { id: true, nameVi: true, nameEn: true } } },
      },
    },
  } as const;

  test("are the published experts and organizations asked for, as the ORM reads them", async () => {
    // Rows of every shape: a profile listing a field group itself (no parent) and links, a draft, a draft organization.
    const [area, leaf] = await Promise.all([
      prisma.field.findFirstOrThrow({ where: { parentId: null } }),
      prisma.field.findFirstOrThrow({ where: { parentId: { not: null } } }),
    ]);
    for (const status of ["published", "draft"]) {
      const user = await prisma.user.create({
        data: { email: `rows-${status}@example.vn`, name: status, passwordHash: "!", accountType: "researcher" },
      });
      await prisma.expertProfile.create({
        data: {
          userId: user.id,
          slug: `rows-${status}`,
          fullName: `Rows ${status}`,
          status,
          keywords: "a\nb",
          offers: "consulting",
          fields: { create: [{ fieldId: area.id }, { fieldId: leaf.id }] },
          links: {
            create: [
              { kind: "publication", title: "Second" },
              { kind: "project", title: "First" },
            ],
          },
        },
      });
    }
    await makeOrganization({ status: "draft" });
    const [experts, organizations] = await Promise.all([
      prisma.expertProfile.findMany({
        select: {
          id: true,
          userId: true,
          affiliationId: true,
          keywords: true,
          offers: true,
          fullName: true,
          // Based abroad (docs/decisions/076)
          country: true,
          workModes: true,
          status: true,
          fields: fieldsSelect,
          links: { select: { title: true }, orderBy: { id: "asc" } },
        },
      }),
      prisma.organization.findMany({
        select: { id: true, kind: true, verified: true, sortNameVi: true, status: true, fields: fieldsSelect },
      }),
    ]);
    // Unpublished rows and an unknown id among those asked for are left out.
    expect(experts.some((row) => row.status !== "published")).toBe(true);
    expect(experts.some((row) => row.links.length > 0)).toBe(true);
    expect(organizations.some((row) => row.status !== "published")).toBe(true);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const published = <T extends { status: string }>(rows: T[]) =>
      rows.filter((row) => row.status === "published").map(({ status: _, ...row }) => row);

    const loadedExperts = await loadCandidateExperts([...experts.map((row) => row.id), "no-such-id"], prisma);
    expect(
      byId(
        loadedExperts.map((row) => ({ ...row, links: [...row.links].sort((a, b) => a.title.localeCompare(b.title)) })),
      ),
    ).toEqual(
      byId(
        published(experts).map((row) => ({
          ...row,
          links: [...row.links].sort((a, b) => a.title.localeCompare(b.title)),
        })),
      ),
    );
    const loadedOrganizations = await loadCandidateOrganizations(
      [...organizations.map((row) => row.id), "no-such-id"],
      prisma,
    );
    expect(byId(loadedOrganizations)).toEqual(byId(published(organizations)));
    expect(await loadCandidateExperts([], prisma)).toEqual([]);
  });
});

describe("the candidate offers' rows", () => {
  test("are the public offers asked for, with their owner and fields; never a withdrawn, hidden or unpublished one", async () => {
    const published = await makeOrganization({ acronym: "PUB", verified: true });
    const draftOwner = await makeOrganization({ status: "draft" });
    const [field] = await prisma.field.findMany({ where: { parentId: { not: null } }, take: 1 });
    const shown = await makeOffer({ organizationId: published.id, fieldIds: [field!.id], instrument: "XRD" });
    const others = [
      await makeOffer({ organizationId: published.id, status: "pending" }),
      await makeOffer({ organizationId: published.id, status: "archived" }),
      await makeOffer({ organizationId: published.id, hiddenAt: new Date() }),
      await makeOffer({ organizationId: draftOwner.id }),
    ];
    const rows = await loadCandidateOffers([shown.id, ...others.map((offer) => offer.id), "no-such-id"], prisma);
    expect(rows.map((row) => row.id)).toEqual([shown.id]);
    expect(rows[0]).toMatchObject({
      organizationId: published.id,
      ownerNameVi: "PUB",
      ownerVerified: true,
      instrument: "XRD",
      fields: [{ field: { id: field!.id } }],
    });
    expect(await loadCandidateOffers([], prisma)).toEqual([]);
  });
});

// ------------------------------------------------------------------ offers

/**
 * Services, equipment and technologies: sent by a lab's manager and approved
 * by an official (the real path: the approval queues the "match-offer" job),
 * after the requests above are open, so their owners are told.
 */
type OfferSpec = {
  owner: string;
  type: "service" | "equipment" | "technology";
  nameVi: string;
  nameEn?: string;
  descriptionVi: string;
  fieldSlugs: string[];
  extra?: Record<string, unknown>;
};
const OFFERS = {
  gasTesting: {
    owner: "hust-itims",
    type: "service",
    nameVi: "Thử nghiệm và hiệu chuẩn cảm biến khí độc",
    nameEn: "Toxic gas sensor testing and calibration",
    descriptionVi:
      "Đo độ nhạy, độ chọn lọc và thời gian đáp ứng của cảm biến khí với H2S, NH3 và CO trong buồng khí chuẩn.",
    fieldSlugs: ["sensors"],
    extra: { priceMode: "quote", method: "Buồng khí chuẩn, lưu lượng kế khối" },
  },
  textileTreatment: {
    owner: "hunre",
    type: "technology",
    nameVi: "Công nghệ xử lý nước thải dệt nhuộm bằng vật liệu hấp phụ",
    nameEn: "Textile dyeing wastewater treatment with adsorbents",
    descriptionVi: "Khử màu và kim loại nặng trong nước thải dệt nhuộm, đạt quy chuẩn xả thải, chi phí vận hành thấp.",
    fieldSlugs: ["environmental-engineering"],
    extra: { trl: "7", ipStatus: "know_how", offeredAs: ["licence", "consulting"] },
  },
  hplc: {
    owner: "vast-inpc",
    type: "equipment",
    nameVi: "Hệ thống sắc ký lỏng hiệu năng cao HPLC",
    nameEn: "High-performance liquid chromatography (HPLC)",
    descriptionVi: "Định lượng hoạt chất trong dược liệu và thực phẩm chức năng; kiểm nghiệm hàm lượng theo dược điển.",
    fieldSlugs: ["natural-products-chemistry", "analytical-chemistry"],
    extra: { category: "chromatography", accessMode: "staff_run", instrument: "Agilent 1260 Infinity" },
  },
  sem: {
    owner: "hust-itims",
    type: "equipment",
    nameVi: "Kính hiển vi điện tử quét SEM",
    nameEn: "Scanning electron microscope",
    descriptionVi: "Chụp ảnh bề mặt vật liệu nano và màng mỏng ở độ phóng đại cao.",
    fieldSlugs: ["electron-microscopy", "materials-characterization"],
    extra: { category: "microscopy", accessMode: "staff_run", instrument: "Hitachi S-4800" },
  },
  ownLabTesting: {
    owner: "own lab",
    type: "service",
    nameVi: "Thử nghiệm cảm biến khí độc rò rỉ trong nhà máy",
    descriptionVi: "Thử nghiệm cảm biến khí độc H2S và NH3, cảnh báo rò rỉ khí độc trong nhà máy hóa chất.",
    fieldSlugs: ["sensors", "nanomaterials"],
    extra: { priceMode: "quote" },
  },
} satisfies Record<string, OfferSpec>;
type OfferKey = keyof typeof OFFERS;
const offers = {} as Record<OfferKey | "pending" | "archived" | "hidden", string>;

async function offerData(spec: OfferSpec): Promise<OfferData> {
  const parsed = OfferSchema.parse({
    type: spec.type,
    nameVi: spec.nameVi,
    nameEn: spec.nameEn,
    descriptionVi: spec.descriptionVi,
    fieldSlugs: spec.fieldSlugs,
    ...spec.extra,
  });
  const { fieldSlugs: _fields, inventors: _inventors, ...input } = parsed;
  const fields = await prisma.field.findMany({ where: { slug: { in: spec.fieldSlugs } }, select: { id: true } });
  expect(fields).toHaveLength(spec.fieldSlugs.length);
  return { ...offerColumns(input), fieldIds: fields.map((field) => field.id), inventorIds: [] };
}

/** A manager of the owner listing sends the offer; an official approves it unless told not to. */
async function publishOffer(spec: OfferSpec, options: { approve?: boolean } = {}) {
  const organizationId =
    spec.owner === "own lab"
      ? ownLab.id
      : (await prisma.organization.findUniqueOrThrow({ where: { slug: spec.owner } })).id;
  const manager = await person(`Quản lý ${spec.owner}`, "business");
  await prisma.organizationManager.create({ data: { userId: manager.id, organizationId } });
  const url = await createOffer(manager, { organizationId }, await offerData(spec), `offer-${spec.nameVi}`);
  const id = url.split("/")[2]!.split("?")[0]!;
  if (options.approve !== false) expect(await reviewOffer(id, official.id, { approve: true, note: null })).toBe(true);
  return { id, manager };
}

const offerIdsOf = (rows: Suggestion[]) => rows.map((row) => row.offerId!);
const offerNames = (rows: Suggestion[]) => rows.map((row) => `${row.offer?.nameVi} (${row.score})`);
async function offerSuggestionsFor(requestId: string) {
  return (await getSuggestions(requestId)).filter((row) => row.targetType === "offer");
}

let textileOwner: { id: string; email: string };
let gasOwner: { id: string; email: string };

/** The offers sent and approved once, for both describes below. */
let offersPublished: Promise<void> | undefined;
async function publishTheOffers() {
  const [textile, gas] = await Promise.all(
    [requests.textileNoMarks, requests.gasVi].map((id) =>
      prisma.techRequest.findUniqueOrThrow({ where: { id }, select: { author: true } }),
    ),
  );
  textileOwner = textile!.author;
  gasOwner = gas!.author;
  // The textile company reads the portal in English; the gas company in Vietnamese (the default).
  await prisma.user.update({ where: { id: textileOwner.id }, data: { locale: "en" } });
  for (const key of Object.keys(OFFERS) as OfferKey[]) {
    offers[key] = (await publishOffer(OFFERS[key])).id;
    nameOf.set(offers[key], key);
  }
  // As good a fit for the English gas request, but never public: one waits for review,
  // one was withdrawn, one was hidden for going unconfirmed.
  const twin = (name: string) => ({
    ...OFFERS.gasTesting,
    nameVi: `${name} cảm biến khí độc H2S`,
    nameEn: undefined,
  });
  offers.pending = (await publishOffer(twin("Chờ duyệt: thử nghiệm"), { approve: false })).id;
  offers.archived = (await publishOffer(twin("Đã rút: thử nghiệm"))).id;
  offers.hidden = (await publishOffer(twin("Đã ẩn: thử nghiệm"))).id;
  await settle();
  await prisma.offer.update({ where: { id: offers.archived }, data: { status: "archived" } });
  await prisma.offer.update({ where: { id: offers.hidden }, data: { hiddenAt: new Date() } });
  // The requests' suggestions are stored again, as the portal's jobs would on any later change.
  await write(async (_tx, effects) => {
    for (const id of Object.values(requests)) await effects.enqueue("recompute-matches", { requestId: id });
  });
  await settle();
}

describe("offers: services, equipment and technologies suggested beside the experts", () => {
  beforeAll(() => (offersPublished ??= publishTheOffers()), 240_000);

  test("the English gas request: the gas-sensor testing service near the top, for its field and the words it shares", async () => {
    const rows = await offerSuggestionsFor(requests.gasEn);
    const row = rows.find((suggestion) => suggestion.offerId === offers.gasTesting);
    expect(row, offerNames(rows).join(", ")).toBeDefined();
    expect(rows.indexOf(row!)).toBeLessThan(3);
    expect(reasonOf(row, "fields")?.fields).toEqual([{ vi: "Cảm biến", en: "Sensors" }]);
    expect(reasonOf(row, "keywords")?.terms).toEqual(expect.arrayContaining(["Toxic gas", "H2S"]));
  });

  test("the Vietnamese gas request: the service, with its words, its type and its owner lab also suggested", async () => {
    const rows = await offerSuggestionsFor(requests.gasVi);
    const row = rows.find((suggestion) => suggestion.offerId === offers.gasTesting);
    expect(row, offerNames(rows).join(", ")).toBeDefined();
    expect(rows.indexOf(row!)).toBeLessThan(3);
    expect(reasonOf(row, "keywords")?.terms).toEqual(expect.arrayContaining(["cảm biến khí", "H2S"]));
    // "thử nghiệm và đo lường" in the request: a testing service is what it asks for.
    expect(reasonOf(row, "offerType")).toEqual({ kind: "offerType", type: "service" });
    expect(reasonOf(row, "owner")?.name.en).toBe("ITIMS");
  });

  test("textile wastewater typed without marks: the treatment technology, its words shown with their marks", async () => {
    const rows = await offerSuggestionsFor(requests.textileNoMarks);
    expect(offerIdsOf(rows)[0], offerNames(rows).join(", ")).toBe(offers.textileTreatment);
    expect(reasonOf(rows[0], "fields")?.fields.map((field) => field.en)).toEqual(["Environmental engineering"]);
    expect(reasonOf(rows[0], "keywords")?.terms).toEqual(
      expect.arrayContaining(["xử lý nước thải dệt nhuộm", "kim loại nặng"]),
    );
  });

  test("pharmaceutical extraction: the HPLC instrument, for both fields and the words it shares", async () => {
    const rows = await offerSuggestionsFor(requests.pharma);
    const row = rows.find((suggestion) => suggestion.offerId === offers.hplc);
    expect(row, offerNames(rows).join(", ")).toBeDefined();
    expect(rows.indexOf(row!)).toBeLessThan(3);
    expect(reasonOf(row, "fields")?.fields.map((field) => field.en)).toEqual(["Natural products chemistry"]);
    expect(reasonOf(row, "keywords")?.terms).toEqual(expect.arrayContaining(["dược liệu", "thực phẩm chức năng"]));
  });

  test.each([
    ["riceEn", ["gasTesting", "textileTreatment", "hplc", "sem", "ownLabTesting"]],
    ["chatbot", ["gasTesting", "textileTreatment", "hplc", "sem", "ownLabTesting"]],
    ["textileNoMarks", ["gasTesting", "hplc", "sem", "ownLabTesting"]],
    ["pharma", ["gasTesting", "textileTreatment", "sem", "ownLabTesting"]],
    ["concreteMarine", ["gasTesting", "textileTreatment", "hplc", "ownLabTesting"]],
  ] as const)("%s is not offered the unrelated ones", async (request, keys) => {
    const rows = await offerSuggestionsFor(requests[request]);
    const suggested = new Set(offerIdsOf(rows));
    expect(
      keys.filter((key) => suggested.has(offers[key])),
      offerNames(rows).join(", "),
    ).toEqual([]);
  });

  test("never suggested: offers that are not public, and the requester's own lab's", async () => {
    const gasEn = offerIdsOf(await offerSuggestionsFor(requests.gasEn));
    for (const key of ["pending", "archived", "hidden"] as const) expect(gasEn).not.toContain(offers[key]);
    // …though the own lab's service is suggested to another company's request, near the top.
    expect(gasEn.slice(0, 3)).toContain(offers.ownLabTesting);
    expect(offerIdsOf(await offerSuggestionsFor(requests.gasVi))).not.toContain(offers.ownLabTesting);
  });

  test("every offer suggestion has a content reason, and the experts and labs are still suggested", async () => {
    for (const id of Object.values(requests)) {
      for (const row of await offerSuggestionsFor(id))
        expect(row.reasons.some((reason) => ["fields", "keywords", "text"].includes(reason.kind))).toBe(true);
    }
    const { experts: rows } = await suggestionsFor(requests.gasVi);
    expect(names(rows)[0]).toMatch(/^gasSensors/);
  });
});

describe("a newly public offer is told to the owners of the open requests it fits", () => {
  beforeAll(() => (offersPublished ??= publishTheOffers()), 240_000);
  const mailsTo = (email: string) =>
    prisma.mailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
  const offerNotices = (userId: string) =>
    prisma.notification.findMany({ where: { userId, data: { contains: "notify.offerMatched" } } });

  test("in the owner's language: which offer, why, and a link to the request's page, where it is suggested", async () => {
    const told = await offerNotices(textileOwner.id);
    const textile = told.filter((row) => row.data.includes("Textile dyeing wastewater"));
    expect(textile).toHaveLength(1);
    expect(textile[0]!.url).toBe(`/requests/${requests.textileNoMarks}#offer-suggestions`);
    const mail = (await mailsTo(textileOwner.email)).find((row) => row.subject.includes("Textile dyeing wastewater"));
    expect(mail, "no mail about the textile technology").toBeDefined();
    expect(mail!.subject).toMatch(/^“Textile dyeing wastewater treatment with adsorbents” may answer your request/);
    expect(mail!.text).toContain("Why it fits:");
    expect(mail!.text).toContain("> - Same fields: Environmental engineering");
    expect(mail!.text).toMatch(/> - Matching keywords: .*xử lý nước thải dệt nhuộm/);
    expect(mail!.text).toContain(`/requests/${requests.textileNoMarks}#offer-suggestions`);
    expect(mail!.html).toContain(`/requests/${requests.textileNoMarks}#offer-suggestions`);

    const vi = (await mailsTo(gasOwner.email)).find((row) => row.subject.includes("Thử nghiệm và hiệu chuẩn"));
    expect(vi, "no mail about the gas testing service").toBeDefined();
    expect(vi!.subject).toMatch(/có thể đáp ứng đặt hàng/);
    expect(vi!.text).toContain("Vì sao phù hợp:");
    expect(vi!.text).toContain("> - Cùng lĩnh vực: Cảm biến");
    expect(vi!.text).toContain(`/requests/${requests.gasVi}#offer-suggestions`);
  });

  test("an owner whose requests it does not fit is not told; nor about offers never public", async () => {
    const gasMails = await mailsTo(gasOwner.email);
    for (const name of [
      "Công nghệ xử lý nước thải",
      "Hệ thống sắc ký",
      "Kính hiển vi",
      "Chờ duyệt",
      "Thử nghiệm cảm biến khí độc rò rỉ",
    ])
      expect(
        gasMails
          .map((row) => row.subject)
          .filter((subject) => subject.includes(name) && /có thể đáp ứng/.test(subject)),
      ).toEqual([]);
  });

  test("once: a re-run of the job and a re-approval after an edit tell nobody again", async () => {
    const before = {
      notices: await prisma.offerMatchNotice.count(),
      notifications: (await offerNotices(textileOwner.id)).length + (await offerNotices(gasOwner.id)).length,
      mails: (await mailsTo(textileOwner.email)).length + (await mailsTo(gasOwner.email)).length,
    };
    expect(before.notices).toBeGreaterThanOrEqual(2);
    await matchNewOffer(offers.textileTreatment);
    await matchNewOffer(offers.gasTesting);
    // The manager changes the description: back to review; the official approves it again.
    const manager = await prisma.organizationManager.findFirstOrThrow({
      where: { organization: { slug: "hunre" }, user: { name: "Quản lý hunre" } },
      select: { userId: true },
    });
    const edited = await offerData({
      ...OFFERS.textileTreatment,
      descriptionVi: `${OFFERS.textileTreatment.descriptionVi} Đã lắp đặt tại 3 xưởng.`,
    });
    expect(await editOffer({ id: manager.userId, role: "member" }, offers.textileTreatment, edited)).toBe("pending");
    expect(await reviewOffer(offers.textileTreatment, official.id, { approve: true, note: null })).toBe(true);
    await settle();
    expect({
      notices: await prisma.offerMatchNotice.count(),
      notifications: (await offerNotices(textileOwner.id)).length + (await offerNotices(gasOwner.id)).length,
      mails: (await mailsTo(textileOwner.email)).length + (await mailsTo(gasOwner.email)).length,
    }).toEqual(before);
    // And the suggestion is still there, with the owner told once.
    expect(offerIdsOf(await offerSuggestionsFor(requests.textileNoMarks))[0]).toBe(offers.textileTreatment);
  });
});

describe('"not for me" and the reasons both sides see', () => {
  beforeAll(() => (offersPublished ??= publishTheOffers()), 240_000);
  /** The reasons as the pages write them (one shared component renders each line with reasonText). */
  const lines = (reasons: Reason[] | null | undefined, lang: "vi" | "en") =>
    (reasons ?? []).map((reason) => reasonText(reason, translator(lang), lang));

  test('a suggested expert\'s "Requests for you" shows the request with the very reasons its business sees', async () => {
    const business = (await suggestionsFor(requests.textileNoMarks)).experts.find(
      (row) => row.expertId === experts.water.id,
    );
    expect(business, "the water-treatment scientist is suggested").toBeDefined();
    const mine = (await requestsForYou(experts.water.userId))!.items.find(
      (item) => item.request.id === requests.textileNoMarks,
    );
    expect(mine, "the request is on her list").toBeDefined();
    expect(mine!.reasons).toEqual(business!.reasons);
    for (const lang of ["vi", "en"] as const) {
      expect(lines(mine!.reasons, lang)).toEqual(lines(business!.reasons, lang));
      expect(lines(mine!.reasons, lang).length).toBeGreaterThan(1);
    }
    expect(lines(mine!.reasons, "vi")).toContain("Cùng lĩnh vực: Kỹ thuật môi trường");
  });

  test("the declined expert leaves that request's suggestions at once and after a recompute; others still suggest them, and its offers stay", async () => {
    const gasScientist = experts.gasSensors;
    expect(expertIds((await suggestionsFor(requests.gasEn)).experts)).toContain(gasScientist.id);
    expect(expertIds((await suggestionsFor(requests.gasVi)).experts)).toContain(gasScientist.id);
    const offersBefore = offerIdsOf(await offerSuggestionsFor(requests.gasEn));
    expect(offersBefore).toContain(offers.gasTesting);

    expect(await declineRequest(gasScientist.userId, requests.gasEn, { reason: "timeline", note: null })).toBe(true);
    // At once, before any recompute: off the business's suggestions and off her list.
    expect(expertIds((await suggestionsFor(requests.gasEn)).experts)).not.toContain(gasScientist.id);
    const list = (await requestsForYou(gasScientist.userId))!.items.map((item) => item.request.id);
    expect(list).not.toContain(requests.gasEn);
    expect(list).toContain(requests.gasVi);
    // A second click writes nothing new.
    expect(await declineRequest(gasScientist.userId, requests.gasEn, { reason: "budget", note: "x" })).toBe(false);
    expect(await prisma.requestDecline.findMany({ where: { expertId: gasScientist.id } })).toEqual([
      expect.objectContaining({ requestId: requests.gasEn, reason: "timeline", note: null }),
    ]);

    // The portal recomputes every request (as after any change): still left out of that one only.
    expect((await computeSuggestions(requests.gasEn))!.experts.map((entry) => entry.id)).not.toContain(gasScientist.id);
    await write(async (_tx, effects) => {
      for (const id of [requests.gasEn, requests.gasVi]) await effects.enqueue("recompute-matches", { requestId: id });
    });
    await settle();
    const gasEn = await suggestionsFor(requests.gasEn);
    expect(expertIds(gasEn.experts)).not.toContain(gasScientist.id);
    // The other gas-sensor scientists still are, and so are the offers.
    expect(gasEn.experts.length).toBeGreaterThan(0);
    expect(offerIdsOf(await offerSuggestionsFor(requests.gasEn))).toContain(offers.gasTesting);
    expect(expertIds((await suggestionsFor(requests.gasVi)).experts)).toContain(gasScientist.id);
  });
});

// Overseas experts (docs/decisions/076): suggested like others, the explanation naming where and how they work.
describe("an expert based abroad", () => {
  test("is suggested for a request in her field, both sides reading where she is and how she works with Hanoi", async () => {
    const researcher = await person("Đỗ Minh Châu", "researcher");
    const input = ExpertProfileSchema.parse({
      intent: "publish",
      title: "ts",
      fullName: "Đỗ Minh Châu",
      fieldSlugs: ["solar-energy"],
      keywords: "pin mặt trời perovskite, màng mỏng perovskite",
      bioVi:
        "Nghiên cứu pin mặt trời perovskite màng mỏng, độ bền và hiệu suất chuyển đổi, tại một phòng thí nghiệm ở Nhật Bản.",
      offers: ["consulting"],
      country: "JP",
      institutionAbroad: "Phòng thí nghiệm năng lượng ở Nhật Bản",
      workModes: ["remote_advice", "joint_projects"],
      languages: ["vi", "ja", "en"],
    });
    const saved = await saveProfile(researcher.id, input);
    expect(saved.ok).toBe(true);
    const expert = await prisma.expertProfile.findUniqueOrThrow({ where: { userId: researcher.id } });
    const business = await person("Công ty Năng lượng Sông Hồng", "business");
    const requestId = await postRequest(business.id, {
      title: "Pin mặt trời perovskite cho mái nhà xưởng",
      problem:
        "Chúng tôi muốn thử nghiệm pin mặt trời perovskite màng mỏng trên mái nhà xưởng và cần đánh giá độ bền trong khí hậu nóng ẩm.",
      desiredOutcome: "Báo cáo đánh giá và một lô mẫu pin mặt trời perovskite thử nghiệm.",
      fieldSlugs: ["solar-energy"],
      companyName: "Công ty Năng lượng Sông Hồng",
      sector: "energy",
    });
    await settle();

    const suggested = (await suggestionsFor(requestId)).experts.find((row) => row.expertId === expert.id);
    expect(suggested, "the expert abroad is suggested").toBeDefined();
    expect(reasonOf(suggested, "overseas")).toEqual({
      kind: "overseas",
      country: "JP",
      modes: ["remote_advice", "joint_projects"],
    });
    // Her field and keywords are still why; being abroad is said, not scored.
    expect(reasonOf(suggested, "fields")).toBeDefined();
    const mine = (await requestsForYou(researcher.id))!.items.find((item) => item.request.id === requestId);
    expect(mine, "the request is on her list").toBeDefined();
    expect(mine!.reasons).toEqual(suggested!.reasons);
    const line = (lang: "vi" | "en") =>
      (mine!.reasons ?? []).map((reason) => reasonText(reason, translator(lang), lang));
    expect(line("vi")).toContain("Ở nước ngoài (Nhật Bản) · tư vấn từ xa, dự án nghiên cứu chung");
    expect(line("en")).toContain("Abroad (Japan) · remote advice, joint projects");
  });
});
