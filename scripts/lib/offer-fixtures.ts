import crypto from "node:crypto";
import Database from "better-sqlite3";
import { offerSearchFields, type OfferForIndex } from "#search/offer-document";
import { ACCESS_MODES, AUDIENCES, OFFERED_AS, type EquipmentCategory } from "~/domain/offer-values";
import { OFFER_COLUMNS } from "~/domain/offer-columns";
import {
  indexedField,
  loadFields,
  researchOrganizations,
  seeded,
  sqlDate,
  weighted,
  withFixtureDatabase,
  type Field,
  type FixtureRunOptions,
  type ResearchOrganization,
} from "./organization-fixtures";

/**
 * Synthetic but realistic offers for scale tests and the benchmark (issue 17):
 * services, instruments and technologies of the research organizations
 * already in the database (labs, institutes, universities; technologies also
 * in a researcher's own name), with real instruments' makes and models, real
 * methods, fields from the taxonomy, prices and access modes, inventors among
 * the experts, and the folded `searchText` the app writes (offerSearchFields).
 * Published and confirmed, as a manager's offer is. Deterministic for a seed.
 *
 * Written through prepared SQLite statements like the other fixtures; run the
 * seed or the organization fixtures first (and the expert fixtures for owners
 * and inventors of technologies).
 */
export type OfferFixtureOptions = FixtureRunOptions & { services: number; equipment: number; technologies: number };

type Term = { vi: string; en: string };

/** Rows of a fixture table: one a line, cells separated by " | ". */
function table<T>(text: string, row: (cells: string[]) => T): T[] {
  return text
    .trim()
    .split("\n")
    .map((line) => row(line.split(" | ").map((cell) => cell.trim())));
}

/** An instrument: make, model, category, the areas whose organizations have one, what it does. */
type Instrument = {
  make: string;
  model: string;
  category: EquipmentCategory;
  areas: string[];
  name: Term;
  does: Term;
  specifications: string[];
};

// make | model | category | areas | name (vi) | name (en) | what it does (vi) | (en) | key specifications
const INSTRUMENTS: Instrument[] = table(
  `
Bruker | D8 Advance | diffraction | materials-nanotechnology chemistry-chemical-engineering | Máy nhiễu xạ tia X | X-ray diffractometer | xác định pha tinh thể và kích thước tinh thể | identifies crystal phases and crystallite size | Ống phát Cu Kα, 40 kV/40 mA; Góc quét 2θ từ 5° đến 140°; Detector LynxEye
Rigaku | SmartLab | diffraction | materials-nanotechnology mathematics-physics-nuclear | Hệ nhiễu xạ tia X đa năng | Multipurpose X-ray diffractometer | đo nhiễu xạ màng mỏng và phản xạ tia X | measures thin-film diffraction and X-ray reflectivity | Ống phát Cu 9 kW; Đo màng mỏng góc tới nhỏ (GIXRD)
Hitachi | S-4800 | microscopy | materials-nanotechnology electronics-telecom-semiconductors | Kính hiển vi điện tử quét phát xạ trường | Field-emission scanning electron microscope | chụp ảnh bề mặt vật liệu ở độ phân giải nano | images material surfaces at nanometre resolution | Độ phân giải 1 nm ở 15 kV; Phổ tán sắc năng lượng (EDS)
JEOL | JEM-2100 | microscopy | materials-nanotechnology biotechnology-life-sciences | Kính hiển vi điện tử truyền qua | Transmission electron microscope | quan sát cấu trúc hạt nano và mạng tinh thể | resolves nanoparticles and crystal lattices | Điện áp gia tốc 200 kV; Độ phân giải điểm 0,23 nm
Thermo Scientific | Nicolet iS50 | spectroscopy | chemistry-chemical-engineering materials-nanotechnology | Máy quang phổ hồng ngoại biến đổi Fourier | FTIR spectrometer | nhận diện nhóm chức trong mẫu hữu cơ và polyme | identifies functional groups in organic and polymer samples | Dải đo 7800–350 cm⁻¹; Phụ kiện ATR kim cương
Horiba | LabRAM HR Evolution | spectroscopy | materials-nanotechnology mathematics-physics-nuclear | Hệ quang phổ Raman | Raman spectrometer | phân tích cấu trúc graphene, ống nano và khoáng vật | analyses graphene, nanotubes and minerals | Laser 532 nm và 633 nm; Bản đồ Raman độ phân giải 1 µm
Agilent | 7900 ICP-MS | chromatography | environment agriculture-forestry-food chemistry-chemical-engineering | Máy khối phổ plasma cảm ứng | ICP mass spectrometer | định lượng kim loại nặng ở mức vết | quantifies trace heavy metals | Giới hạn phát hiện ng/L; Buồng va chạm khử nhiễu
Agilent | 1260 Infinity II | chromatography | medicine-pharmacy-health agriculture-forestry-food chemistry-chemical-engineering | Hệ sắc ký lỏng hiệu năng cao | HPLC system | định lượng hoạt chất, phụ gia và dư lượng | quantifies active ingredients, additives and residues | Detector DAD và huỳnh quang; Bơm bậc bốn 600 bar
Shimadzu | GCMS-QP2020 NX | chromatography | environment agriculture-forestry-food medicine-pharmacy-health | Máy sắc ký khí khối phổ | Gas chromatograph–mass spectrometer | phân tích hợp chất dễ bay hơi và thuốc bảo vệ thực vật | analyses volatile compounds and pesticides | Thư viện phổ NIST; Bộ lấy mẫu headspace
Netzsch | STA 449 F3 Jupiter | thermal | materials-nanotechnology construction-transport-urban | Máy phân tích nhiệt đồng thời TGA/DSC | Simultaneous thermal analyser (TGA/DSC) | đo độ bền nhiệt và chuyển pha | measures thermal stability and phase transitions | Nhiệt độ đến 1600 °C; Khí quyển N₂, Ar, không khí
Instron | 5982 | mechanical | mechanical-automation-manufacturing construction-transport-urban | Máy thử kéo nén vạn năng | Universal testing machine | thử kéo, nén, uốn vật liệu và kết cấu | tests tension, compression and bending | Tải trọng tối đa 100 kN; Buồng nhiệt −70 đến 350 °C
Bio-Rad | CFX96 Touch | bio | biotechnology-life-sciences medicine-pharmacy-health agriculture-forestry-food | Máy PCR định lượng thời gian thực | Real-time quantitative PCR system | định lượng gen và phát hiện vi sinh vật | quantifies genes and detects microorganisms | 96 giếng; 5 kênh màu huỳnh quang
Illumina | MiSeq | bio | biotechnology-life-sciences medicine-pharmacy-health | Máy giải trình tự gen thế hệ mới | Next-generation sequencer | giải trình tự gen vi khuẩn, amplicon và hệ gen nhỏ | sequences bacterial genomes and amplicons | Đọc 2 × 300 bp; Đến 15 Gb mỗi lần chạy
Bruker | Avance III 500 MHz | spectroscopy | chemistry-chemical-engineering medicine-pharmacy-health | Máy cộng hưởng từ hạt nhân | NMR spectrometer | xác định cấu trúc hợp chất thiên nhiên và tổng hợp | elucidates natural and synthetic compound structures | Từ trường 11,7 T; Đầu dò BBO 5 mm
Malvern Panalytical | Zetasizer Nano ZS | other | materials-nanotechnology medicine-pharmacy-health | Máy đo kích thước hạt và thế zeta | Particle size and zeta potential analyser | đo phân bố kích thước hạt nano trong dung dịch | sizes nanoparticles in suspension | Dải đo 0,3 nm – 10 µm; Đo thế zeta
Micromeritics | ASAP 2020 | other | materials-nanotechnology chemistry-chemical-engineering energy-electrical-power | Máy đo diện tích bề mặt riêng BET | BET surface area analyser | đo diện tích bề mặt và phân bố mao quản | measures surface area and pore size distribution | Hấp phụ N₂ ở 77 K; Diện tích từ 0,01 m²/g
Oxford Instruments | PlasmaPro 100 | fabrication | electronics-telecom-semiconductors materials-nanotechnology | Hệ khắc plasma ion phản ứng | Reactive ion etching system | khắc vi cấu trúc trên đế silic trong phòng sạch | etches microstructures on silicon in the clean room | Đế đến 200 mm; Khí SF₆, CHF₃, O₂
Keysight | N9041B UXA | other | electronics-telecom-semiconductors | Máy phân tích phổ tín hiệu | Signal analyser | đo phổ và kiểm tra thiết bị vô tuyến 5G | measures spectra and tests 5G radio equipment | Dải tần 2 Hz – 110 GHz; Băng thông phân tích 1 GHz
Teledyne | RD Instruments RiverPro ADCP | environment | earth-water-natural-resources environment | Thiết bị đo lưu lượng dòng chảy ADCP | ADCP river discharge profiler | đo lưu tốc và lưu lượng sông, kênh | measures river and canal velocity and discharge | Độ sâu đo đến 40 m; Định vị GNSS RTK
NVIDIA | DGX A100 | computing | ai-data software-internet | Máy chủ tính toán GPU | GPU computing server | huấn luyện mô hình học sâu và mô hình ngôn ngữ lớn | trains deep learning and large language models | 8 GPU A100 80 GB; Bộ nhớ hệ thống 2 TB
`,
  ([make, model, category, areas, nameVi, nameEn, doesVi, doesEn, specifications]) => ({
    make: make!,
    model: model!,
    category: category as EquipmentCategory,
    areas: areas!.split(" "),
    name: { vi: nameVi!, en: nameEn! },
    does: { vi: doesVi!, en: doesEn! },
    specifications: specifications!.split("; "),
  }),
);

/** Services: what is measured or produced, on which instrument (its model), by which method. */
// instrument model | name (vi) | name (en) | method (vi) | method (en) | sample requirements | turnaround
const SERVICES = table(
  `
D8 Advance | Phân tích pha tinh thể bằng nhiễu xạ tia X (XRD) | Crystal phase analysis by X-ray diffraction (XRD) | Nhiễu xạ tia X, phân tích Rietveld | X-ray diffraction with Rietveld refinement | Mẫu bột tối thiểu 1 g hoặc màng phẳng 1 × 1 cm | 5 ngày làm việc
S-4800 | Chụp ảnh SEM và phân tích thành phần EDS | SEM imaging and EDS composition analysis | Hiển vi điện tử quét, phổ tán sắc năng lượng | Scanning electron microscopy with EDS | Mẫu rắn khô, kích thước dưới 2 cm | 3–5 ngày làm việc
JEM-2100 | Chụp ảnh TEM hạt nano | TEM imaging of nanoparticles | Hiển vi điện tử truyền qua | Transmission electron microscopy | Huyền phù hạt nano 1 mL | 7 ngày làm việc
Nicolet iS50 | Đo phổ hồng ngoại FTIR | FTIR spectroscopy | Quang phổ hồng ngoại ATR | ATR infrared spectroscopy | Mẫu rắn hoặc lỏng, tối thiểu 50 mg | 2 ngày làm việc
7900 ICP-MS | Xác định kim loại nặng trong nước và đất | Heavy metals in water and soil | ICP-MS theo TCVN 6665, EPA 200.8 | ICP-MS following TCVN 6665 and EPA 200.8 | Nước 500 mL trong chai nhựa sạch; đất 200 g | 7 ngày làm việc
GCMS-QP2020 NX | Kiểm nghiệm dư lượng thuốc bảo vệ thực vật | Pesticide residue testing | GC-MS/MS theo phương pháp QuEChERS | GC-MS/MS with QuEChERS extraction | Rau quả tươi 500 g | 5 ngày làm việc
1260 Infinity II | Định lượng hoạt chất trong dược liệu bằng HPLC | HPLC assay of active compounds in medicinal plants | Sắc ký lỏng hiệu năng cao theo Dược điển Việt Nam V | HPLC following the Vietnamese Pharmacopoeia V | Dược liệu khô 100 g hoặc cao chiết 10 g | 10 ngày làm việc
STA 449 F3 Jupiter | Phân tích nhiệt TGA/DSC | Thermal analysis (TGA/DSC) | Phân tích nhiệt trọng lượng và nhiệt lượng quét vi sai | Thermogravimetry and differential scanning calorimetry | Mẫu rắn 20 mg | 3 ngày làm việc
5982 | Thử kéo, nén, uốn vật liệu | Tensile, compression and bending tests | Theo TCVN 197, ASTM E8, ISO 527 | Per TCVN 197, ASTM E8 and ISO 527 | Mẫu gia công theo tiêu chuẩn, tối thiểu 5 mẫu | 5 ngày làm việc
CFX96 Touch | Phát hiện vi sinh vật gây bệnh bằng real-time PCR | Pathogen detection by real-time PCR | Tách chiết ADN, real-time PCR | DNA extraction and real-time PCR | Mẫu thực phẩm 25 g hoặc dịch nuôi cấy | 3 ngày làm việc
MiSeq | Giải trình tự gen vi khuẩn | Bacterial genome sequencing | Giải trình tự thế hệ mới, phân tích tin sinh học | Next-generation sequencing with bioinformatics | ADN tinh sạch 1 µg | 15 ngày làm việc
Avance III 500 MHz | Xác định cấu trúc hợp chất bằng NMR | Structure elucidation by NMR | Phổ ¹H, ¹³C, DEPT, HSQC, HMBC | ¹H, ¹³C, DEPT, HSQC and HMBC spectra | Chất tinh khiết 10 mg | 7 ngày làm việc
ASAP 2020 | Đo diện tích bề mặt riêng BET | BET surface area measurement | Hấp phụ – giải hấp N₂ | N₂ adsorption–desorption | Mẫu bột khô 0,5 g | 5 ngày làm việc
PlasmaPro 100 | Gia công vi cấu trúc trong phòng sạch | Microfabrication in the clean room | Quang khắc, khắc plasma, phún xạ | Photolithography, plasma etching and sputtering | Đế silic hoặc thủy tinh theo thiết kế | Theo thỏa thuận
RD Instruments RiverPro ADCP | Đo đạc lưu lượng và khảo sát thủy văn | Discharge measurement and hydrological surveys | Đo ADCP, khảo sát mặt cắt | ADCP measurement and cross-section surveys | Khảo sát tại hiện trường | Theo thỏa thuận
DGX A100 | Thuê máy chủ GPU huấn luyện mô hình AI | GPU server time for training AI models | Cấp tài nguyên tính toán theo giờ | Compute time by the hour | Dữ liệu và mã nguồn của khách hàng | 1 ngày làm việc
`,
  ([model, nameVi, nameEn, methodVi, methodEn, sample, turnaround]) => ({
    instrument: INSTRUMENTS.find((instrument) => instrument.model === model)!,
    name: { vi: nameVi!, en: nameEn! },
    method: { vi: methodVi!, en: methodEn! },
    sample: sample!,
    turnaround: turnaround!,
  }),
);

/** Technologies: their area, what they are, the problem they solve, where they apply. */
// area | name (vi) | name (en) | problem solved (vi) | (en) | applications
const TECHNOLOGIES = table(
  `
materials-nanotechnology | Vật liệu nano bạc kháng khuẩn cho màng bọc thực phẩm | Antibacterial nanosilver food packaging film | Kéo dài thời gian bảo quản rau quả tươi | Extends the shelf life of fresh produce | Bao bì thực phẩm, bảo quản sau thu hoạch
environment | Quy trình xử lý nước thải dệt nhuộm bằng keo tụ điện hóa | Electrocoagulation treatment of textile dyeing wastewater | Khử màu và COD nước thải dệt nhuộm với chi phí thấp | Removes colour and COD from dyeing wastewater at low cost | Khu công nghiệp dệt may, làng nghề
agriculture-forestry-food | Chế phẩm vi sinh xử lý phụ phẩm nông nghiệp thành phân bón hữu cơ | Microbial product turning crop residues into organic fertilizer | Giảm đốt rơm rạ và chi phí phân bón | Cuts straw burning and fertilizer costs | Hợp tác xã nông nghiệp, trang trại
electronics-telecom-semiconductors | Hệ thống cảm biến IoT quan trắc chất lượng không khí | IoT air quality monitoring sensor network | Quan trắc bụi mịn PM2.5 liên tục với chi phí thấp | Continuous low-cost PM2.5 monitoring | Đô thị, trường học, khu công nghiệp
ai-data | Mô hình nhận dạng tiếng nói tiếng Việt cho tổng đài | Vietnamese speech recognition for call centres | Tự động hóa tổng đài chăm sóc khách hàng | Automates customer service call centres | Ngân hàng, viễn thông, dịch vụ công
medicine-pharmacy-health | Cao chiết dược liệu hỗ trợ điều trị tiểu đường | Herbal extract supporting diabetes treatment | Sản phẩm hỗ trợ hạ đường huyết từ dược liệu Việt Nam | A blood-sugar supplement from Vietnamese medicinal plants | Thực phẩm bảo vệ sức khỏe, dược phẩm
materials-nanotechnology | Lớp phủ chống ăn mòn cho kết cấu thép ven biển | Anti-corrosion coating for coastal steel structures | Kéo dài tuổi thọ kết cấu thép trong môi trường biển | Extends the life of steel in marine environments | Cầu cảng, giàn khoan, nhà xưởng ven biển
construction-transport-urban | Bê tông cường độ siêu cao dùng phụ gia tro bay | Ultra-high-performance concrete with fly ash | Tận dụng tro bay nhiệt điện, giảm xi măng | Reuses power-plant fly ash and cuts cement | Cầu, nhà cao tầng, cấu kiện đúc sẵn
mechanical-automation-manufacturing | Bộ điều khiển robot hàn tự động | Automatic welding robot controller | Tự động hóa hàn cho doanh nghiệp cơ khí vừa và nhỏ | Automates welding for small machine shops | Cơ khí chế tạo, đóng tàu
energy-electrical-power | Hệ thống lưu trữ năng lượng pin lithium cho điện mặt trời mái nhà | Lithium battery storage for rooftop solar | Lưu điện mặt trời dùng vào giờ cao điểm | Stores solar power for peak hours | Hộ gia đình, nhà xưởng
space-aerospace | Bản đồ nguy cơ ngập lụt từ ảnh vệ tinh | Flood risk mapping from satellite imagery | Cảnh báo sớm ngập lụt đô thị | Early warning of urban flooding | Quy hoạch đô thị, phòng chống thiên tai
agriculture-forestry-food | Giống lúa chịu mặn năng suất cao | High-yield salt-tolerant rice variety | Canh tác lúa ở vùng xâm nhập mặn | Rice farming where saltwater intrudes | Đồng bằng sông Cửu Long, ven biển Bắc Bộ
cybersecurity-cryptography | Phần mềm phát hiện mã độc trên thiết bị IoT | Malware detection for IoT devices | Bảo vệ camera và thiết bị IoT khỏi mã độc | Protects cameras and IoT devices from malware | Nhà thông minh, nhà máy
biotechnology-life-sciences | Enzyme tái tổ hợp cho chế biến thức ăn chăn nuôi | Recombinant enzyme for animal feed processing | Tăng hấp thu dinh dưỡng, giảm chi phí thức ăn | Raises nutrient uptake and cuts feed costs | Chăn nuôi gia cầm, thủy sản
`,
  ([area, nameVi, nameEn, problemVi, problemEn, applications]) => ({
    area: area!,
    name: { vi: nameVi!, en: nameEn! },
    problem: { vi: problemVi!, en: problemEn! },
    applications: applications!,
  }),
);

const IP_WEIGHTS: [string, number][] = [
  ["granted_patent", 30],
  ["granted_utility", 20],
  ["pending", 20],
  ["know_how", 25],
  ["open", 5],
];
const PRICE_WEIGHTS: [string, number][] = [
  ["range", 55],
  ["quote", 35],
  ["free", 10],
];
const BUILDINGS = ["Nhà C1", "Nhà A2", "Nhà B5", "Tòa nhà thí nghiệm trung tâm", "Nhà T3", "Khu thí nghiệm D"];
// Vietnamese | English
const SAMPLE_KINDS: Term[] = table(
  `
mẫu bột | powders
màng mỏng | thin films
mẫu môi trường | environmental samples
mẫu thực phẩm | food samples
mẫu công nghiệp | industrial samples
mẫu nghiên cứu | research samples
`,
  ([vi, en]) => ({ vi: vi!, en: en! }),
);

type Owner = ResearchOrganization;
type Expert = { id: string; fullName: string; areaSlug: string | null };

/** A row before its type's columns are filled: every column the INSERT names, with the defaults that matter. */
function blankRow() {
  const row: Record<string, string | number | null> = {
    id: null,
    type: null,
    organizationId: null,
    ownerExpertId: null,
    ...Object.fromEntries(OFFER_COLUMNS.map((column) => [column, null])),
    audience: "",
    priceMode: "unknown",
    freeFor: "",
    offeredAs: "",
    status: "published",
    publishedAt: null,
    confirmedAt: null,
    searchText: null,
    sortNameVi: null,
    sortNameEn: null,
    createdAt: null,
    updatedAt: null,
  };
  return row;
}
const COLUMNS = Object.keys(blankRow());
type Row = ReturnType<typeof blankRow>;

export function generateOffers(options: OfferFixtureOptions): number {
  const run = seeded(options.seed ?? 20261205);
  return withFixtureDatabase(options.databaseUrl, (sqlite) => fill(sqlite, options, run));
}

function fill(sqlite: Database.Database, options: OfferFixtureOptions, { random, pick }: ReturnType<typeof seeded>) {
  // Research organizations by the areas of their fields: who runs labs and owns patents.
  const { all: allOwners, byArea: ownersByArea } = researchOrganizations(sqlite);
  if (allOwners.length === 0) throw new Error("No published lab, institute or university: run the seed first");
  const { fields, fieldsByArea } = loadFields(sqlite);
  // Published researchers, by the area of their first field: technologies' inventors and own owners.
  const experts = sqlite
    .prepare(
      `SELECT e.id, e.fullName, (SELECT a.slug FROM ExpertField l JOIN Field f ON f.id = l.fieldId
         JOIN Field a ON a.id = f.parentId WHERE l.expertId = e.id LIMIT 1) AS areaSlug
       FROM ExpertProfile e WHERE e.status = 'published' LIMIT 20000`,
    )
    .all() as Expert[];
  const expertsByArea = new Map<string, Expert[]>();
  for (const expert of experts) {
    const area = expert.areaSlug ?? "";
    expertsByArea.set(area, [...(expertsByArea.get(area) ?? []), expert]);
  }

  const insertOffer = sqlite.prepare(
    `INSERT INTO Offer (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((column) => `@${column}`).join(", ")})`,
  );
  const insertField = sqlite.prepare("INSERT INTO OfferField (offerId, fieldId) VALUES (?, ?)");
  const insertInventor = sqlite.prepare("INSERT INTO OfferInventor (offerId, expertId, position) VALUES (?, ?, ?)");
  const insertOutbox = sqlite.prepare(
    "INSERT INTO SearchOutbox (entity, entityId, createdAt, availableAt) VALUES ('offer', ?, ?, ?)",
  );
  type Batch = { row: Row; fieldIds: string[]; inventorIds: string[] }[];
  const writeBatch = sqlite.transaction((batch: Batch) => {
    const stamp = sqlDate(new Date());
    for (const { row, fieldIds, inventorIds } of batch) {
      insertOffer.run(row);
      for (const fieldId of fieldIds) insertField.run(row.id, fieldId);
      inventorIds.forEach((expertId, position) => insertInventor.run(row.id, expertId, position));
      if (options.outbox !== false) insertOutbox.run(row.id, stamp, stamp);
    }
  });

  const ownerIn = (areas: readonly string[]) => {
    const pool = areas.flatMap((area) => ownersByArea.get(area) ?? []);
    return random() < 0.9 && pool.length ? pick(pool) : pick(allOwners);
  };
  const fieldsIn = (area: string) => {
    const pool = fieldsByArea.get(area) ?? fields;
    return distinct(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(pool)));
  };
  const audience = () => AUDIENCES.filter(() => random() < 0.6).join("\n") || "companies";

  const runId = crypto.randomBytes(3).toString("hex");
  const plan: ("service" | "equipment" | "technology")[] = [
    ...Array<"service">(options.services).fill("service"),
    ...Array<"equipment">(options.equipment).fill("equipment"),
    ...Array<"technology">(options.technologies).fill("technology"),
  ];
  const batchSize = options.batchSize ?? 2_000;
  const now = Date.now();
  let done = 0;
  while (done < plan.length) {
    const batch: Batch = [];
    for (const type of plan.slice(done, done + batchSize)) {
      const n = done + batch.length;
      const id = `of${runId}${n.toString(36).padStart(7, "0")}`;
      const createdAt = new Date(now - Math.floor(random() * 2 * 365 * 86_400_000));
      const row: Row = blankRow();
      Object.assign(row, {
        id,
        type,
        publishedAt: sqlDate(createdAt),
        confirmedAt: sqlDate(createdAt),
        createdAt: sqlDate(createdAt),
        updatedAt: sqlDate(createdAt),
      });
      let owner: Owner | null;
      let ownFields: Field[];
      let ownerExpert: Expert | null = null;
      let inventors: Expert[] = [];
      if (type === "service") {
        const service = pick(SERVICES);
        const instrument = service.instrument;
        const kind = pick(SAMPLE_KINDS);
        owner = ownerIn(instrument.areas);
        ownFields = fieldsIn(pick(instrument.areas));
        const priceMode = weighted(PRICE_WEIGHTS, random());
        const min = (1 + Math.floor(random() * 20)) * 250_000;
        Object.assign(row, {
          nameVi: `${service.name.vi} cho ${kind.vi}`,
          nameEn: `${service.name.en} for ${kind.en}`,
          descriptionVi: `${capitalize(instrument.does.vi)}; nhận ${kind.vi} của doanh nghiệp và nhà nghiên cứu.`,
          descriptionEn: `${capitalize(instrument.does.en)}; ${kind.en} from companies and researchers.`,
          method: service.method.vi,
          sampleRequirements: service.sample,
          turnaround: service.turnaround,
          audience: audience(),
          priceMode,
          priceMinVnd: priceMode === "range" ? min : null,
          priceMaxVnd: priceMode === "range" ? min * (2 + Math.floor(random() * 3)) : null,
          freeFor: priceMode === "quote" ? "" : random() < 0.5 ? "students" : "",
          instrument: `${instrument.make} ${instrument.model}`,
        });
      } else if (type === "equipment") {
        const instrument = pick(INSTRUMENTS);
        owner = ownerIn(instrument.areas);
        ownFields = fieldsIn(pick(instrument.areas));
        Object.assign(row, {
          nameVi: `${instrument.name.vi} ${instrument.make} ${instrument.model}`,
          nameEn: `${instrument.make} ${instrument.model} ${instrument.name.en.toLowerCase()}`,
          descriptionVi: `${capitalize(instrument.does.vi)}.`,
          descriptionEn: `${capitalize(instrument.does.en)}.`,
          instrument: `${instrument.make} ${instrument.model}`,
          make: instrument.make,
          model: instrument.model,
          category: instrument.category,
          specifications: instrument.specifications.join("\n"),
          building: `${pick(BUILDINGS)}, phòng ${100 + Math.floor(random() * 400)}`,
          accessMode: pick(ACCESS_MODES),
          conditions: pick([
            "Đặt lịch trước 3 ngày; phí theo giờ máy.",
            "Người dùng tự vận hành sau khóa đào tạo 2 buổi.",
            "Chỉ trong khuôn khổ hợp tác nghiên cứu có thỏa thuận.",
          ]),
        });
      } else {
        const technology = pick(TECHNOLOGIES);
        ownFields = fieldsIn(technology.area);
        const pool = expertsByArea.get(technology.area)?.length ? expertsByArea.get(technology.area)! : experts;
        inventors = pool.length ? distinct(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pool))) : [];
        // One in ten in a researcher's own name, the first inventor's.
        ownerExpert = random() < 0.1 && inventors[0] ? inventors[0] : null;
        owner = ownerExpert ? null : ownerIn([technology.area]);
        const ipStatus = weighted(IP_WEIGHTS, random());
        const year = 2015 + Math.floor(random() * 11);
        Object.assign(row, {
          nameVi: technology.name.vi,
          nameEn: technology.name.en,
          descriptionVi: technology.problem.vi,
          descriptionEn: technology.problem.en,
          applications: technology.applications,
          trl: 3 + Math.floor(random() * 7),
          ipStatus,
          ipNumber:
            ipStatus === "granted_patent"
              ? `1-00${20000 + Math.floor(random() * 20000)}`
              : ipStatus === "granted_utility"
                ? `2-000${1000 + Math.floor(random() * 3000)}`
                : ipStatus === "pending"
                  ? `1-${year}-0${1000 + Math.floor(random() * 8000)}`
                  : null,
          offeredAs: OFFERED_AS.filter(() => random() < 0.4).join("\n") || "licence",
        });
      }
      row.organizationId = owner?.id ?? null;
      row.ownerExpertId = ownerExpert?.id ?? null;

      // The app reads an offer's fields in their key's order (OfferField's primary key).
      ownFields.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      // What the search text is made of, as the app reads an offer for its index.
      const forIndex = {
        ...row,
        staleSince: null,
        hiddenAt: null,
        fromPublicSource: false,
        publishedAt: createdAt,
        createdAt,
        updatedAt: createdAt,
        fields: ownFields.map(indexedField),
        organization: owner ? { ...owner, verified: Boolean(owner.verified), status: "published" } : null,
        ownerExpert: ownerExpert ? { id: ownerExpert.id, fullName: ownerExpert.fullName, status: "published" } : null,
        inventors: inventors.map((expert) => ({ expert: { fullName: expert.fullName } })),
      } as unknown as OfferForIndex;
      Object.assign(row, offerSearchFields(forIndex));
      batch.push({ row, fieldIds: ownFields.map((field) => field.id), inventorIds: inventors.map((e) => e.id) });
    }
    writeBatch(batch);
    done += batch.length;
    options.onProgress?.(done);
  }
  return done;
}

function distinct<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

function capitalize(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
