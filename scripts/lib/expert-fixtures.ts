import crypto from "node:crypto";
import Database from "better-sqlite3";
import { expertSearchText, type ExpertForIndex } from "#search/expert-document";
import { ACADEMIC_TITLE_LABELS, OFFERS, type AcademicTitle } from "~/domain/expert-values";
import { slugify } from "~/utils/text";
import {
  indexedField,
  loadFields,
  pickFields,
  researchOrganizations,
  seeded,
  sqlDate,
  weighted,
  withFixtureDatabase,
  type FixtureRunOptions,
} from "./organization-fixtures";

/**
 * Synthetic but realistic expertise profiles for scale tests and the
 * benchmark: Vietnamese names with their marks, academic titles, affiliations
 * among the research organizations already in the database (mostly one in
 * the expert's own area), fields from the taxonomy, keywords, bios in
 * Vietnamese (and often English), publications and offers. Deterministic for
 * a seed. Each profile has its own account, which cannot sign in.
 *
 * Written through prepared SQLite statements like the organization fixtures;
 * run those (or the seed) first: the experts need organizations and fields.
 */
export type ExpertFixtureOptions = FixtureRunOptions & { count: number };

type Term = { vi: string; en: string };

/** Research topics per area of the taxonomy: the keywords and publication titles are made of these. */
const TOPICS: Record<string, Term[]> = {
  "ai-data": [
    { vi: "học sâu", en: "deep learning" },
    { vi: "xử lý ảnh", en: "image processing" },
    { vi: "nhận dạng tiếng nói", en: "speech recognition" },
    { vi: "xử lý tiếng Việt", en: "Vietnamese language processing" },
    { vi: "mô hình ngôn ngữ lớn", en: "large language models" },
    { vi: "phân tích dữ liệu lớn", en: "big data analytics" },
    { vi: "hệ khuyến nghị", en: "recommender systems" },
    { vi: "thị giác máy tính", en: "computer vision" },
  ],
  "software-internet": [
    { vi: "kiểm thử phần mềm", en: "software testing" },
    { vi: "điện toán đám mây", en: "cloud computing" },
    { vi: "kiến trúc vi dịch vụ", en: "microservices" },
    { vi: "chuyển đổi số", en: "digital transformation" },
    { vi: "an toàn ứng dụng web", en: "web application security" },
    { vi: "hệ thống phân tán", en: "distributed systems" },
  ],
  "electronics-telecom-semiconductors": [
    { vi: "cảm biến khí", en: "gas sensors" },
    { vi: "thiết kế vi mạch", en: "integrated circuit design" },
    { vi: "anten", en: "antennas" },
    { vi: "mạng 5G", en: "5G networks" },
    { vi: "Internet vạn vật", en: "internet of things" },
    { vi: "hệ thống nhúng", en: "embedded systems" },
    { vi: "linh kiện bán dẫn", en: "semiconductor devices" },
    { vi: "xử lý tín hiệu số", en: "digital signal processing" },
  ],
  "cybersecurity-cryptography": [
    { vi: "mật mã khóa công khai", en: "public-key cryptography" },
    { vi: "phát hiện xâm nhập", en: "intrusion detection" },
    { vi: "phân tích mã độc", en: "malware analysis" },
    { vi: "bảo mật IoT", en: "IoT security" },
    { vi: "chữ ký số", en: "digital signatures" },
  ],
  "materials-nanotechnology": [
    { vi: "vật liệu nano", en: "nanomaterials" },
    { vi: "màng mỏng", en: "thin films" },
    { vi: "oxit kim loại", en: "metal oxides" },
    { vi: "vật liệu từ", en: "magnetic materials" },
    { vi: "graphene", en: "graphene" },
    { vi: "lớp phủ chống ăn mòn", en: "anti-corrosion coatings" },
    { vi: "vật liệu polyme", en: "polymer materials" },
    { vi: "chấm lượng tử", en: "quantum dots" },
  ],
  "biotechnology-life-sciences": [
    { vi: "giải trình tự gen", en: "gene sequencing" },
    { vi: "enzyme công nghiệp", en: "industrial enzymes" },
    { vi: "vi sinh vật", en: "microorganisms" },
    { vi: "chế phẩm sinh học", en: "bioproducts" },
    { vi: "nuôi cấy mô", en: "tissue culture" },
    { vi: "protein tái tổ hợp", en: "recombinant proteins" },
  ],
  "medicine-pharmacy-health": [
    { vi: "dược liệu", en: "medicinal plants" },
    { vi: "bào chế thuốc", en: "drug formulation" },
    { vi: "dịch tễ học", en: "epidemiology" },
    { vi: "chẩn đoán hình ảnh", en: "medical imaging" },
    { vi: "vắc xin", en: "vaccines" },
    { vi: "thiết bị y tế", en: "medical devices" },
  ],
  "chemistry-chemical-engineering": [
    { vi: "xúc tác", en: "catalysis" },
    { vi: "hóa dược", en: "medicinal chemistry" },
    { vi: "tổng hợp hữu cơ", en: "organic synthesis" },
    { vi: "hợp chất thiên nhiên", en: "natural products" },
    { vi: "hóa phân tích", en: "analytical chemistry" },
    { vi: "lọc hóa dầu", en: "petroleum refining" },
  ],
  "mathematics-physics-nuclear": [
    { vi: "tối ưu hóa", en: "optimization" },
    { vi: "mô phỏng số", en: "numerical simulation" },
    { vi: "quang tử", en: "photonics" },
    { vi: "vật lý hạt nhân", en: "nuclear physics" },
    { vi: "thống kê ứng dụng", en: "applied statistics" },
    { vi: "laser", en: "lasers" },
  ],
  "energy-electrical-power": [
    { vi: "pin lithium-ion", en: "lithium-ion batteries" },
    { vi: "điện mặt trời", en: "solar power" },
    { vi: "lưu trữ năng lượng", en: "energy storage" },
    { vi: "lưới điện thông minh", en: "smart grids" },
    { vi: "điện gió", en: "wind power" },
    { vi: "tiết kiệm năng lượng", en: "energy efficiency" },
  ],
  environment: [
    { vi: "xử lý nước thải", en: "wastewater treatment" },
    { vi: "quan trắc không khí", en: "air quality monitoring" },
    { vi: "xử lý chất thải rắn", en: "solid waste treatment" },
    { vi: "kim loại nặng", en: "heavy metals" },
    { vi: "biến đổi khí hậu", en: "climate change" },
    { vi: "vi nhựa", en: "microplastics" },
  ],
  "earth-water-natural-resources": [
    { vi: "thủy văn", en: "hydrology" },
    { vi: "sạt lở đất", en: "landslides" },
    { vi: "xâm nhập mặn", en: "saltwater intrusion" },
    { vi: "nước ngầm", en: "groundwater" },
    { vi: "khai thác khoáng sản", en: "mineral extraction" },
    { vi: "mô hình thủy lực", en: "hydraulic modelling" },
  ],
  "agriculture-forestry-food": [
    { vi: "chọn giống lúa", en: "rice breeding" },
    { vi: "bảo quản sau thu hoạch", en: "post-harvest preservation" },
    { vi: "phân bón hữu cơ", en: "organic fertilizers" },
    { vi: "nông nghiệp công nghệ cao", en: "high-tech agriculture" },
    { vi: "an toàn thực phẩm", en: "food safety" },
    { vi: "chế biến gỗ", en: "wood processing" },
    { vi: "bệnh cây trồng", en: "plant diseases" },
  ],
  "mechanical-automation-manufacturing": [
    { vi: "robot công nghiệp", en: "industrial robots" },
    { vi: "điều khiển tự động", en: "automatic control" },
    { vi: "gia công CNC", en: "CNC machining" },
    { vi: "in 3D", en: "3D printing" },
    { vi: "bảo trì dự đoán", en: "predictive maintenance" },
    { vi: "cơ học vật liệu", en: "mechanics of materials" },
  ],
  "construction-transport-urban": [
    { vi: "bê tông cường độ cao", en: "high-strength concrete" },
    { vi: "kết cấu thép", en: "steel structures" },
    { vi: "giao thông thông minh", en: "intelligent transport" },
    { vi: "quy hoạch đô thị", en: "urban planning" },
    { vi: "vật liệu xây dựng xanh", en: "green building materials" },
    { vi: "xe điện", en: "electric vehicles" },
  ],
  "space-aerospace": [
    { vi: "ảnh vệ tinh", en: "satellite imagery" },
    { vi: "viễn thám", en: "remote sensing" },
    { vi: "vệ tinh nhỏ", en: "small satellites" },
    { vi: "máy bay không người lái", en: "drones" },
    { vi: "định vị GNSS", en: "GNSS positioning" },
  ],
  "finance-commerce-logistics": [
    { vi: "thanh toán số", en: "digital payments" },
    { vi: "tối ưu chuỗi cung ứng", en: "supply chain optimization" },
    { vi: "thương mại điện tử", en: "e-commerce" },
    { vi: "quản trị rủi ro", en: "risk management" },
    { vi: "định tuyến giao hàng", en: "delivery routing" },
  ],
  "education-training": [
    { vi: "học tập trực tuyến", en: "online learning" },
    { vi: "đánh giá năng lực", en: "competency assessment" },
    { vi: "giáo dục STEM", en: "STEM education" },
    { vi: "học tập thích ứng", en: "adaptive learning" },
  ],
  "economics-business-social-sciences": [
    { vi: "kinh tế số", en: "digital economy" },
    { vi: "chính sách công", en: "public policy" },
    { vi: "quản trị doanh nghiệp", en: "corporate governance" },
    { vi: "hành vi người tiêu dùng", en: "consumer behaviour" },
  ],
  "startups-innovation": [
    { vi: "chuyển giao công nghệ", en: "technology transfer" },
    { vi: "thương mại hóa kết quả nghiên cứu", en: "research commercialization" },
    { vi: "đổi mới sáng tạo mở", en: "open innovation" },
    { vi: "sở hữu trí tuệ", en: "intellectual property" },
  ],
  multidisciplinary: [
    { vi: "nghiên cứu liên ngành", en: "interdisciplinary research" },
    { vi: "đo lường", en: "metrology" },
    { vi: "phát triển bền vững", en: "sustainable development" },
  ],
};
const APPLICATIONS: Term[] = [
  { vi: "công nghiệp", en: "industry" },
  { vi: "nông nghiệp", en: "agriculture" },
  { vi: "y tế", en: "healthcare" },
  { vi: "đô thị thông minh", en: "smart cities" },
  { vi: "quan trắc môi trường", en: "environmental monitoring" },
  { vi: "doanh nghiệp nhỏ và vừa", en: "small and medium enterprises" },
  { vi: "Đồng bằng sông Hồng", en: "the Red River Delta" },
];

const FAMILY: [string, number][] = [
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9],
  ["Phạm", 7],
  ["Hoàng", 5],
  ["Huỳnh", 2],
  ["Phan", 4],
  ["Vũ", 4],
  ["Võ", 2],
  ["Đặng", 2],
  ["Bùi", 2],
  ["Đỗ", 2],
  ["Hồ", 1],
  ["Ngô", 1],
  ["Dương", 1],
  ["Lý", 1],
  ["Đinh", 1],
  ["Trịnh", 1],
  ["Đoàn", 1],
  ["Lương", 1],
];
const MIDDLE = {
  female: ["Thị", "Thị Thu", "Thị Thanh", "Thị Hồng", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hải"],
  male: ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Ngọc", "Tiến", "Mạnh", "Công", "Việt"],
};
const GIVEN = {
  female: [
    "Anh",
    "Châu",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Hương",
    "Huyền",
    "Lan",
    "Linh",
    "Loan",
    "Mai",
    "Nga",
    "Ngân",
    "Nhung",
    "Phương",
    "Quyên",
    "Thảo",
    "Trang",
    "Tuyết",
    "Vân",
    "Yến",
  ],
  male: [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Đức",
    "Hải",
    "Hiếu",
    "Hoàng",
    "Hùng",
    "Huy",
    "Khánh",
    "Khôi",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Thành",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
  ],
};
const TITLE_WEIGHTS: [AcademicTitle, number][] = [
  ["ts", 38],
  ["pgs_ts", 16],
  ["gs_ts", 5],
  ["ths", 24],
  ["ks", 7],
  ["cn", 4],
  ["none", 6],
];
/** How far back a generated profile's last confirmation lies: under the reconfirmation's year. */
const CONFIRMED_WITHIN_MS = 300 * 86_400_000;

const POSITIONS = [
  "Giảng viên",
  "Nghiên cứu viên",
  "Nghiên cứu viên chính",
  "Trưởng nhóm nghiên cứu",
  "Trưởng phòng thí nghiệm",
  "Phó viện trưởng",
  "Trưởng bộ môn",
];

type IndexSource = Pick<
  ExpertForIndex,
  | "id"
  | "slug"
  | "title"
  | "fullName"
  | "bioVi"
  | "bioEn"
  | "keywords"
  | "offers"
  | "publishedAt"
  | "createdAt"
  | "affiliation"
  | "fields"
  | "links"
>;
export function generateExperts(options: ExpertFixtureOptions): number {
  return withFixtureDatabase(options.databaseUrl, (sqlite) => generateInto(sqlite, options));
}

function generateInto(sqlite: Database.Database, options: ExpertFixtureOptions): number {
  const { random, pick } = seeded(options.seed ?? 20261123);
  const { fields, fieldsByArea } = loadFields(sqlite);

  // Research organizations, by the areas of their fields: where scientists work.
  const { all: allOrganizations, byArea: organizationsByArea } = researchOrganizations(sqlite);

  const insertUser = sqlite.prepare(
    `INSERT INTO User (id, email, name, passwordHash, role, accountType, locale, createdAt, updatedAt)
     VALUES (@id, @email, @name, '!fixture: no sign-in', 'member', 'researcher', 'vi', @createdAt, @createdAt)`,
  );
  const insertProfile = sqlite.prepare(
    `INSERT INTO ExpertProfile (id, userId, slug, title, fullName, affiliationId, position, bioVi, bioEn, keywords, offers, status, searchText, publishedAt, confirmedAt, createdAt, updatedAt)
     VALUES (@id, @userId, @slug, @title, @fullName, @affiliationId, @position, @bioVi, @bioEn, @keywords, @offers, 'published', @searchText, @createdAt, @confirmedAt, @createdAt, @createdAt)`,
  );
  const insertField = sqlite.prepare("INSERT INTO ExpertField (expertId, fieldId) VALUES (?, ?)");
  const insertLink = sqlite.prepare(
    "INSERT INTO ExpertLink (id, expertId, kind, title, url, year, position) VALUES (?, ?, ?, ?, NULL, ?, ?)",
  );
  const insertOutbox = sqlite.prepare(
    "INSERT INTO SearchOutbox (entity, entityId, createdAt, availableAt) VALUES ('expert', ?, ?, ?)",
  );

  type Row = {
    user: Record<string, string>;
    profile: Record<string, string | null>;
    fieldIds: string[];
    links: { kind: string; title: string; year: number }[];
  };
  const writeBatch = sqlite.transaction((batch: Row[]) => {
    const stamp = sqlDate(new Date());
    for (const row of batch) {
      insertUser.run(row.user);
      insertProfile.run(row.profile);
      for (const fieldId of row.fieldIds) insertField.run(row.profile.id, fieldId);
      row.links.forEach((link, position) =>
        insertLink.run(`${row.profile.id}l${position}`, row.profile.id, link.kind, link.title, link.year, position),
      );
      if (options.outbox !== false) insertOutbox.run(row.profile.id, stamp, stamp);
    }
  });

  const runId = crypto.randomBytes(3).toString("hex");
  const batchSize = options.batchSize ?? 2_000;
  const now = Date.now();
  let done = 0;
  while (done < options.count) {
    const size = Math.min(batchSize, options.count - done);
    const batch: Row[] = [];
    for (let i = 0; i < size; i++) {
      const n = done + i;
      const id = `ex${runId}${n.toString(36).padStart(7, "0")}`;
      const userId = `ux${runId}${n.toString(36).padStart(7, "0")}`;
      const gender = random() < 0.42 ? "female" : "male";
      const fullName = `${weighted(FAMILY, random())} ${pick(MIDDLE[gender])} ${pick(GIVEN[gender])}`;
      const title = weighted(TITLE_WEIGHTS, random());
      const own = pickFields(fields, fieldsByArea, 1 + Math.floor(random() * 4), random);
      const area = own[0]!.parent!.slug;
      const roll = random();
      const affiliation =
        roll < 0.85 && organizationsByArea.get(area)?.length
          ? pick(organizationsByArea.get(area)!)
          : roll < 0.95 && allOrganizations.length
            ? pick(allOrganizations)
            : null;

      const topics = TOPICS[area] ?? TOPICS.multidisciplinary!;
      const chosen = [...new Set(Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(topics)))];
      const keywords = [
        ...chosen.map((topic) => topic.vi),
        ...own.slice(0, 1 + Math.floor(random() * 2)).map((field) => field.nameVi.toLowerCase()),
      ];
      const offers = OFFERS.filter(() => random() < 0.4);
      if (offers.length === 0) offers.push(pick(OFFERS));
      const place = affiliation?.nameVi ?? affiliation?.nameEn;
      const years = 3 + Math.floor(random() * 25);
      const titleLabel = title === "none" ? "" : `${ACADEMIC_TITLE_LABELS[title].vi} `;
      const bioVi =
        `${titleLabel}${fullName} nghiên cứu về ${own.map((field) => field.nameVi.toLowerCase()).join(", ")}${place ? ` tại ${place}` : ""}, ` +
        `tập trung vào ${chosen.map((topic) => topic.vi).join(", ")}. ${years} năm kinh nghiệm, đã hợp tác với doanh nghiệp trong lĩnh vực ${pick(APPLICATIONS).vi}.`;
      const bioEn =
        random() < 0.6
          ? `Works on ${own.map((field) => field.nameEn.toLowerCase()).join(", ")}, focusing on ${chosen.map((topic) => topic.en).join(", ")}; ${years} years of experience with industry partners.`
          : null;
      const links = Array.from({ length: Math.floor(random() * 5) }, () => {
        const topic = pick(chosen);
        const application = pick(APPLICATIONS);
        const english = random() < 0.5;
        const text = english
          ? `${capitalize(topic.en)} for ${application.en}: ${pick(["a field study", "design and evaluation", "a low-cost approach", "lessons from Vietnam"])}`
          : `${pick(["Nghiên cứu", "Phát triển", "Ứng dụng", "Đánh giá"])} ${topic.vi} trong ${application.vi}`;
        return {
          kind: random() < 0.85 ? "publication" : pick(["patent", "project"]),
          title: text,
          year: 2005 + Math.floor(random() * 21),
        };
      });
      const createdAt = new Date(now - Math.floor(random() * 3 * 365 * 86_400_000));
      const slug = `${slugify(fullName, 50)}-${n.toString(36)}${runId}`;
      // Confirmed by its owner within the yearly reconfirmation's year (docs/decisions/071), as
      // kept profiles are: without it a portal's clock found every generated profile due. Derived
      // from the creation time, so the generator's random sequence stays as it was.
      const confirmedAt = new Date(Math.max(createdAt.getTime(), now - (createdAt.getTime() % CONFIRMED_WITHIN_MS)));

      // What the search text is made of (the profile's other columns do not enter it).
      const forIndex: IndexSource = {
        id,
        slug,
        title,
        fullName,
        bioVi,
        bioEn,
        keywords: [...new Set(keywords)].join("\n"),
        offers: offers.join("\n"),
        publishedAt: createdAt,
        createdAt,
        affiliation: affiliation ? { ...affiliation, status: "published" } : null,
        fields: own.map(indexedField),
        links: links.map((link) => ({ title: link.title, kind: link.kind })),
      };
      batch.push({
        user: {
          id: userId,
          email: `expert-${runId}-${n}@fixtures.example.vn`,
          name: fullName,
          createdAt: sqlDate(createdAt),
        },
        profile: {
          id,
          userId,
          slug,
          title,
          fullName,
          affiliationId: affiliation?.id ?? null,
          position: pick(POSITIONS),
          bioVi,
          bioEn,
          keywords: forIndex.keywords,
          offers: forIndex.offers,
          searchText: expertSearchText(forIndex as ExpertForIndex),
          confirmedAt: sqlDate(confirmedAt),
          createdAt: sqlDate(createdAt),
        },
        fieldIds: own.map((field) => field.id),
        links,
      });
    }
    writeBatch(batch);
    done += size;
    options.onProgress?.(done);
  }
  return done;
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
