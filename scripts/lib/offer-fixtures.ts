import crypto from "node:crypto";
import Database from "better-sqlite3";
import { offerSearchFields, type OfferForIndex } from "#search/offer-document";
import {
  ACCESS_MODES,
  AUDIENCES,
  OFFER_MATERIAL_COLUMNS,
  OFFERED_AS,
  type EquipmentCategory,
} from "~/domain/offer-values";
import {
  loadFields,
  mulberry32,
  researchOrganizations,
  sqlDate,
  weighted,
  withFixtureDatabase,
  type Field,
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
export type OfferFixtureOptions = {
  services: number;
  equipment: number;
  technologies: number;
  seed?: number;
  batchSize?: number;
  /** Queue each offer for the search index (default true); false when the index is rebuilt afterwards */
  outbox?: boolean;
  databaseUrl?: string;
  onProgress?: (done: number) => void;
};

type Term = { vi: string; en: string };
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

const INSTRUMENTS: Instrument[] = [
  {
    make: "Bruker",
    model: "D8 Advance",
    category: "diffraction",
    areas: ["materials-nanotechnology", "chemistry-chemical-engineering"],
    name: { vi: "Máy nhiễu xạ tia X", en: "X-ray diffractometer" },
    does: { vi: "xác định pha tinh thể và kích thước tinh thể", en: "identifies crystal phases and crystallite size" },
    specifications: ["Ống phát Cu Kα, 40 kV/40 mA", "Góc quét 2θ từ 5° đến 140°", "Detector LynxEye"],
  },
  {
    make: "Rigaku",
    model: "SmartLab",
    category: "diffraction",
    areas: ["materials-nanotechnology", "mathematics-physics-nuclear"],
    name: { vi: "Hệ nhiễu xạ tia X đa năng", en: "Multipurpose X-ray diffractometer" },
    does: { vi: "đo nhiễu xạ màng mỏng và phản xạ tia X", en: "measures thin-film diffraction and X-ray reflectivity" },
    specifications: ["Ống phát Cu 9 kW", "Đo màng mỏng góc tới nhỏ (GIXRD)"],
  },
  {
    make: "Hitachi",
    model: "S-4800",
    category: "microscopy",
    areas: ["materials-nanotechnology", "electronics-telecom-semiconductors"],
    name: { vi: "Kính hiển vi điện tử quét phát xạ trường", en: "Field-emission scanning electron microscope" },
    does: {
      vi: "chụp ảnh bề mặt vật liệu ở độ phân giải nano",
      en: "images material surfaces at nanometre resolution",
    },
    specifications: ["Độ phân giải 1 nm ở 15 kV", "Phổ tán sắc năng lượng (EDS)"],
  },
  {
    make: "JEOL",
    model: "JEM-2100",
    category: "microscopy",
    areas: ["materials-nanotechnology", "biotechnology-life-sciences"],
    name: { vi: "Kính hiển vi điện tử truyền qua", en: "Transmission electron microscope" },
    does: { vi: "quan sát cấu trúc hạt nano và mạng tinh thể", en: "resolves nanoparticles and crystal lattices" },
    specifications: ["Điện áp gia tốc 200 kV", "Độ phân giải điểm 0,23 nm"],
  },
  {
    make: "Thermo Scientific",
    model: "Nicolet iS50",
    category: "spectroscopy",
    areas: ["chemistry-chemical-engineering", "materials-nanotechnology"],
    name: { vi: "Máy quang phổ hồng ngoại biến đổi Fourier", en: "FTIR spectrometer" },
    does: {
      vi: "nhận diện nhóm chức trong mẫu hữu cơ và polyme",
      en: "identifies functional groups in organic and polymer samples",
    },
    specifications: ["Dải đo 7800–350 cm⁻¹", "Phụ kiện ATR kim cương"],
  },
  {
    make: "Horiba",
    model: "LabRAM HR Evolution",
    category: "spectroscopy",
    areas: ["materials-nanotechnology", "mathematics-physics-nuclear"],
    name: { vi: "Hệ quang phổ Raman", en: "Raman spectrometer" },
    does: {
      vi: "phân tích cấu trúc graphene, ống nano và khoáng vật",
      en: "analyses graphene, nanotubes and minerals",
    },
    specifications: ["Laser 532 nm và 633 nm", "Bản đồ Raman độ phân giải 1 µm"],
  },
  {
    make: "Agilent",
    model: "7900 ICP-MS",
    category: "chromatography",
    areas: ["environment", "agriculture-forestry-food", "chemistry-chemical-engineering"],
    name: { vi: "Máy khối phổ plasma cảm ứng", en: "ICP mass spectrometer" },
    does: { vi: "định lượng kim loại nặng ở mức vết", en: "quantifies trace heavy metals" },
    specifications: ["Giới hạn phát hiện ng/L", "Buồng va chạm khử nhiễu"],
  },
  {
    make: "Agilent",
    model: "1260 Infinity II",
    category: "chromatography",
    areas: ["medicine-pharmacy-health", "agriculture-forestry-food", "chemistry-chemical-engineering"],
    name: { vi: "Hệ sắc ký lỏng hiệu năng cao", en: "HPLC system" },
    does: {
      vi: "định lượng hoạt chất, phụ gia và dư lượng",
      en: "quantifies active ingredients, additives and residues",
    },
    specifications: ["Detector DAD và huỳnh quang", "Bơm bậc bốn 600 bar"],
  },
  {
    make: "Shimadzu",
    model: "GCMS-QP2020 NX",
    category: "chromatography",
    areas: ["environment", "agriculture-forestry-food", "medicine-pharmacy-health"],
    name: { vi: "Máy sắc ký khí khối phổ", en: "Gas chromatograph–mass spectrometer" },
    does: {
      vi: "phân tích hợp chất dễ bay hơi và thuốc bảo vệ thực vật",
      en: "analyses volatile compounds and pesticides",
    },
    specifications: ["Thư viện phổ NIST", "Bộ lấy mẫu headspace"],
  },
  {
    make: "Netzsch",
    model: "STA 449 F3 Jupiter",
    category: "thermal",
    areas: ["materials-nanotechnology", "construction-transport-urban"],
    name: { vi: "Máy phân tích nhiệt đồng thời TGA/DSC", en: "Simultaneous thermal analyser (TGA/DSC)" },
    does: { vi: "đo độ bền nhiệt và chuyển pha", en: "measures thermal stability and phase transitions" },
    specifications: ["Nhiệt độ đến 1600 °C", "Khí quyển N₂, Ar, không khí"],
  },
  {
    make: "Instron",
    model: "5982",
    category: "mechanical",
    areas: ["mechanical-automation-manufacturing", "construction-transport-urban"],
    name: { vi: "Máy thử kéo nén vạn năng", en: "Universal testing machine" },
    does: { vi: "thử kéo, nén, uốn vật liệu và kết cấu", en: "tests tension, compression and bending" },
    specifications: ["Tải trọng tối đa 100 kN", "Buồng nhiệt −70 đến 350 °C"],
  },
  {
    make: "Bio-Rad",
    model: "CFX96 Touch",
    category: "bio",
    areas: ["biotechnology-life-sciences", "medicine-pharmacy-health", "agriculture-forestry-food"],
    name: { vi: "Máy PCR định lượng thời gian thực", en: "Real-time quantitative PCR system" },
    does: { vi: "định lượng gen và phát hiện vi sinh vật", en: "quantifies genes and detects microorganisms" },
    specifications: ["96 giếng", "5 kênh màu huỳnh quang"],
  },
  {
    make: "Illumina",
    model: "MiSeq",
    category: "bio",
    areas: ["biotechnology-life-sciences", "medicine-pharmacy-health"],
    name: { vi: "Máy giải trình tự gen thế hệ mới", en: "Next-generation sequencer" },
    does: { vi: "giải trình tự gen vi khuẩn, amplicon và hệ gen nhỏ", en: "sequences bacterial genomes and amplicons" },
    specifications: ["Đọc 2 × 300 bp", "Đến 15 Gb mỗi lần chạy"],
  },
  {
    make: "Bruker",
    model: "Avance III 500 MHz",
    category: "spectroscopy",
    areas: ["chemistry-chemical-engineering", "medicine-pharmacy-health"],
    name: { vi: "Máy cộng hưởng từ hạt nhân", en: "NMR spectrometer" },
    does: {
      vi: "xác định cấu trúc hợp chất thiên nhiên và tổng hợp",
      en: "elucidates natural and synthetic compound structures",
    },
    specifications: ["Từ trường 11,7 T", "Đầu dò BBO 5 mm"],
  },
  {
    make: "Malvern Panalytical",
    model: "Zetasizer Nano ZS",
    category: "other",
    areas: ["materials-nanotechnology", "medicine-pharmacy-health"],
    name: { vi: "Máy đo kích thước hạt và thế zeta", en: "Particle size and zeta potential analyser" },
    does: { vi: "đo phân bố kích thước hạt nano trong dung dịch", en: "sizes nanoparticles in suspension" },
    specifications: ["Dải đo 0,3 nm – 10 µm", "Đo thế zeta"],
  },
  {
    make: "Micromeritics",
    model: "ASAP 2020",
    category: "other",
    areas: ["materials-nanotechnology", "chemistry-chemical-engineering", "energy-electrical-power"],
    name: { vi: "Máy đo diện tích bề mặt riêng BET", en: "BET surface area analyser" },
    does: { vi: "đo diện tích bề mặt và phân bố mao quản", en: "measures surface area and pore size distribution" },
    specifications: ["Hấp phụ N₂ ở 77 K", "Diện tích từ 0,01 m²/g"],
  },
  {
    make: "Oxford Instruments",
    model: "PlasmaPro 100",
    category: "fabrication",
    areas: ["electronics-telecom-semiconductors", "materials-nanotechnology"],
    name: { vi: "Hệ khắc plasma ion phản ứng", en: "Reactive ion etching system" },
    does: {
      vi: "khắc vi cấu trúc trên đế silic trong phòng sạch",
      en: "etches microstructures on silicon in the clean room",
    },
    specifications: ["Đế đến 200 mm", "Khí SF₆, CHF₃, O₂"],
  },
  {
    make: "Keysight",
    model: "N9041B UXA",
    category: "other",
    areas: ["electronics-telecom-semiconductors"],
    name: { vi: "Máy phân tích phổ tín hiệu", en: "Signal analyser" },
    does: { vi: "đo phổ và kiểm tra thiết bị vô tuyến 5G", en: "measures spectra and tests 5G radio equipment" },
    specifications: ["Dải tần 2 Hz – 110 GHz", "Băng thông phân tích 1 GHz"],
  },
  {
    make: "Teledyne",
    model: "RD Instruments RiverPro ADCP",
    category: "environment",
    areas: ["earth-water-natural-resources", "environment"],
    name: { vi: "Thiết bị đo lưu lượng dòng chảy ADCP", en: "ADCP river discharge profiler" },
    does: { vi: "đo lưu tốc và lưu lượng sông, kênh", en: "measures river and canal velocity and discharge" },
    specifications: ["Độ sâu đo đến 40 m", "Định vị GNSS RTK"],
  },
  {
    make: "NVIDIA",
    model: "DGX A100",
    category: "computing",
    areas: ["ai-data", "software-internet"],
    name: { vi: "Máy chủ tính toán GPU", en: "GPU computing server" },
    does: {
      vi: "huấn luyện mô hình học sâu và mô hình ngôn ngữ lớn",
      en: "trains deep learning and large language models",
    },
    specifications: ["8 GPU A100 80 GB", "Bộ nhớ hệ thống 2 TB"],
  },
];

/** Services: what is measured or produced, by which method and instrument kind. */
const SERVICES: { name: Term; method: Term; instrument: number; sample: string; turnaround: string }[] = [
  {
    name: {
      vi: "Phân tích pha tinh thể bằng nhiễu xạ tia X (XRD)",
      en: "Crystal phase analysis by X-ray diffraction (XRD)",
    },
    method: { vi: "Nhiễu xạ tia X, phân tích Rietveld", en: "X-ray diffraction with Rietveld refinement" },
    instrument: 0,
    sample: "Mẫu bột tối thiểu 1 g hoặc màng phẳng 1 × 1 cm",
    turnaround: "5 ngày làm việc",
  },
  {
    name: { vi: "Chụp ảnh SEM và phân tích thành phần EDS", en: "SEM imaging and EDS composition analysis" },
    method: { vi: "Hiển vi điện tử quét, phổ tán sắc năng lượng", en: "Scanning electron microscopy with EDS" },
    instrument: 2,
    sample: "Mẫu rắn khô, kích thước dưới 2 cm",
    turnaround: "3–5 ngày làm việc",
  },
  {
    name: { vi: "Chụp ảnh TEM hạt nano", en: "TEM imaging of nanoparticles" },
    method: { vi: "Hiển vi điện tử truyền qua", en: "Transmission electron microscopy" },
    instrument: 3,
    sample: "Huyền phù hạt nano 1 mL",
    turnaround: "7 ngày làm việc",
  },
  {
    name: { vi: "Đo phổ hồng ngoại FTIR", en: "FTIR spectroscopy" },
    method: { vi: "Quang phổ hồng ngoại ATR", en: "ATR infrared spectroscopy" },
    instrument: 4,
    sample: "Mẫu rắn hoặc lỏng, tối thiểu 50 mg",
    turnaround: "2 ngày làm việc",
  },
  {
    name: { vi: "Xác định kim loại nặng trong nước và đất", en: "Heavy metals in water and soil" },
    method: { vi: "ICP-MS theo TCVN 6665, EPA 200.8", en: "ICP-MS following TCVN 6665 and EPA 200.8" },
    instrument: 6,
    sample: "Nước 500 mL trong chai nhựa sạch; đất 200 g",
    turnaround: "7 ngày làm việc",
  },
  {
    name: { vi: "Kiểm nghiệm dư lượng thuốc bảo vệ thực vật", en: "Pesticide residue testing" },
    method: { vi: "GC-MS/MS theo phương pháp QuEChERS", en: "GC-MS/MS with QuEChERS extraction" },
    instrument: 8,
    sample: "Rau quả tươi 500 g",
    turnaround: "5 ngày làm việc",
  },
  {
    name: {
      vi: "Định lượng hoạt chất trong dược liệu bằng HPLC",
      en: "HPLC assay of active compounds in medicinal plants",
    },
    method: {
      vi: "Sắc ký lỏng hiệu năng cao theo Dược điển Việt Nam V",
      en: "HPLC following the Vietnamese Pharmacopoeia V",
    },
    instrument: 7,
    sample: "Dược liệu khô 100 g hoặc cao chiết 10 g",
    turnaround: "10 ngày làm việc",
  },
  {
    name: { vi: "Phân tích nhiệt TGA/DSC", en: "Thermal analysis (TGA/DSC)" },
    method: {
      vi: "Phân tích nhiệt trọng lượng và nhiệt lượng quét vi sai",
      en: "Thermogravimetry and differential scanning calorimetry",
    },
    instrument: 9,
    sample: "Mẫu rắn 20 mg",
    turnaround: "3 ngày làm việc",
  },
  {
    name: { vi: "Thử kéo, nén, uốn vật liệu", en: "Tensile, compression and bending tests" },
    method: { vi: "Theo TCVN 197, ASTM E8, ISO 527", en: "Per TCVN 197, ASTM E8 and ISO 527" },
    instrument: 10,
    sample: "Mẫu gia công theo tiêu chuẩn, tối thiểu 5 mẫu",
    turnaround: "5 ngày làm việc",
  },
  {
    name: { vi: "Phát hiện vi sinh vật gây bệnh bằng real-time PCR", en: "Pathogen detection by real-time PCR" },
    method: { vi: "Tách chiết ADN, real-time PCR", en: "DNA extraction and real-time PCR" },
    instrument: 11,
    sample: "Mẫu thực phẩm 25 g hoặc dịch nuôi cấy",
    turnaround: "3 ngày làm việc",
  },
  {
    name: { vi: "Giải trình tự gen vi khuẩn", en: "Bacterial genome sequencing" },
    method: {
      vi: "Giải trình tự thế hệ mới, phân tích tin sinh học",
      en: "Next-generation sequencing with bioinformatics",
    },
    instrument: 12,
    sample: "ADN tinh sạch 1 µg",
    turnaround: "15 ngày làm việc",
  },
  {
    name: { vi: "Xác định cấu trúc hợp chất bằng NMR", en: "Structure elucidation by NMR" },
    method: { vi: "Phổ ¹H, ¹³C, DEPT, HSQC, HMBC", en: "¹H, ¹³C, DEPT, HSQC and HMBC spectra" },
    instrument: 13,
    sample: "Chất tinh khiết 10 mg",
    turnaround: "7 ngày làm việc",
  },
  {
    name: { vi: "Đo diện tích bề mặt riêng BET", en: "BET surface area measurement" },
    method: { vi: "Hấp phụ – giải hấp N₂", en: "N₂ adsorption–desorption" },
    instrument: 15,
    sample: "Mẫu bột khô 0,5 g",
    turnaround: "5 ngày làm việc",
  },
  {
    name: { vi: "Gia công vi cấu trúc trong phòng sạch", en: "Microfabrication in the clean room" },
    method: { vi: "Quang khắc, khắc plasma, phún xạ", en: "Photolithography, plasma etching and sputtering" },
    instrument: 16,
    sample: "Đế silic hoặc thủy tinh theo thiết kế",
    turnaround: "Theo thỏa thuận",
  },
  {
    name: { vi: "Đo đạc lưu lượng và khảo sát thủy văn", en: "Discharge measurement and hydrological surveys" },
    method: { vi: "Đo ADCP, khảo sát mặt cắt", en: "ADCP measurement and cross-section surveys" },
    instrument: 18,
    sample: "Khảo sát tại hiện trường",
    turnaround: "Theo thỏa thuận",
  },
  {
    name: { vi: "Thuê máy chủ GPU huấn luyện mô hình AI", en: "GPU server time for training AI models" },
    method: { vi: "Cấp tài nguyên tính toán theo giờ", en: "Compute time by the hour" },
    instrument: 19,
    sample: "Dữ liệu và mã nguồn của khách hàng",
    turnaround: "1 ngày làm việc",
  },
];

/** Technologies: what they are, the problem they solve, where they apply, their area. */
const TECHNOLOGIES: { name: Term; problem: Term; applications: string; area: string }[] = [
  {
    name: {
      vi: "Vật liệu nano bạc kháng khuẩn cho màng bọc thực phẩm",
      en: "Antibacterial nanosilver food packaging film",
    },
    problem: { vi: "Kéo dài thời gian bảo quản rau quả tươi", en: "Extends the shelf life of fresh produce" },
    applications: "Bao bì thực phẩm, bảo quản sau thu hoạch",
    area: "materials-nanotechnology",
  },
  {
    name: {
      vi: "Quy trình xử lý nước thải dệt nhuộm bằng keo tụ điện hóa",
      en: "Electrocoagulation treatment of textile dyeing wastewater",
    },
    problem: {
      vi: "Khử màu và COD nước thải dệt nhuộm với chi phí thấp",
      en: "Removes colour and COD from dyeing wastewater at low cost",
    },
    applications: "Khu công nghiệp dệt may, làng nghề",
    area: "environment",
  },
  {
    name: {
      vi: "Chế phẩm vi sinh xử lý phụ phẩm nông nghiệp thành phân bón hữu cơ",
      en: "Microbial product turning crop residues into organic fertilizer",
    },
    problem: { vi: "Giảm đốt rơm rạ và chi phí phân bón", en: "Cuts straw burning and fertilizer costs" },
    applications: "Hợp tác xã nông nghiệp, trang trại",
    area: "agriculture-forestry-food",
  },
  {
    name: {
      vi: "Hệ thống cảm biến IoT quan trắc chất lượng không khí",
      en: "IoT air quality monitoring sensor network",
    },
    problem: { vi: "Quan trắc bụi mịn PM2.5 liên tục với chi phí thấp", en: "Continuous low-cost PM2.5 monitoring" },
    applications: "Đô thị, trường học, khu công nghiệp",
    area: "electronics-telecom-semiconductors",
  },
  {
    name: {
      vi: "Mô hình nhận dạng tiếng nói tiếng Việt cho tổng đài",
      en: "Vietnamese speech recognition for call centres",
    },
    problem: { vi: "Tự động hóa tổng đài chăm sóc khách hàng", en: "Automates customer service call centres" },
    applications: "Ngân hàng, viễn thông, dịch vụ công",
    area: "ai-data",
  },
  {
    name: { vi: "Cao chiết dược liệu hỗ trợ điều trị tiểu đường", en: "Herbal extract supporting diabetes treatment" },
    problem: {
      vi: "Sản phẩm hỗ trợ hạ đường huyết từ dược liệu Việt Nam",
      en: "A blood-sugar supplement from Vietnamese medicinal plants",
    },
    applications: "Thực phẩm bảo vệ sức khỏe, dược phẩm",
    area: "medicine-pharmacy-health",
  },
  {
    name: {
      vi: "Lớp phủ chống ăn mòn cho kết cấu thép ven biển",
      en: "Anti-corrosion coating for coastal steel structures",
    },
    problem: {
      vi: "Kéo dài tuổi thọ kết cấu thép trong môi trường biển",
      en: "Extends the life of steel in marine environments",
    },
    applications: "Cầu cảng, giàn khoan, nhà xưởng ven biển",
    area: "materials-nanotechnology",
  },
  {
    name: { vi: "Bê tông cường độ siêu cao dùng phụ gia tro bay", en: "Ultra-high-performance concrete with fly ash" },
    problem: { vi: "Tận dụng tro bay nhiệt điện, giảm xi măng", en: "Reuses power-plant fly ash and cuts cement" },
    applications: "Cầu, nhà cao tầng, cấu kiện đúc sẵn",
    area: "construction-transport-urban",
  },
  {
    name: { vi: "Bộ điều khiển robot hàn tự động", en: "Automatic welding robot controller" },
    problem: {
      vi: "Tự động hóa hàn cho doanh nghiệp cơ khí vừa và nhỏ",
      en: "Automates welding for small machine shops",
    },
    applications: "Cơ khí chế tạo, đóng tàu",
    area: "mechanical-automation-manufacturing",
  },
  {
    name: {
      vi: "Hệ thống lưu trữ năng lượng pin lithium cho điện mặt trời mái nhà",
      en: "Lithium battery storage for rooftop solar",
    },
    problem: { vi: "Lưu điện mặt trời dùng vào giờ cao điểm", en: "Stores solar power for peak hours" },
    applications: "Hộ gia đình, nhà xưởng",
    area: "energy-electrical-power",
  },
  {
    name: { vi: "Bản đồ nguy cơ ngập lụt từ ảnh vệ tinh", en: "Flood risk mapping from satellite imagery" },
    problem: { vi: "Cảnh báo sớm ngập lụt đô thị", en: "Early warning of urban flooding" },
    applications: "Quy hoạch đô thị, phòng chống thiên tai",
    area: "space-aerospace",
  },
  {
    name: { vi: "Giống lúa chịu mặn năng suất cao", en: "High-yield salt-tolerant rice variety" },
    problem: { vi: "Canh tác lúa ở vùng xâm nhập mặn", en: "Rice farming where saltwater intrudes" },
    applications: "Đồng bằng sông Cửu Long, ven biển Bắc Bộ",
    area: "agriculture-forestry-food",
  },
  {
    name: { vi: "Phần mềm phát hiện mã độc trên thiết bị IoT", en: "Malware detection for IoT devices" },
    problem: { vi: "Bảo vệ camera và thiết bị IoT khỏi mã độc", en: "Protects cameras and IoT devices from malware" },
    applications: "Nhà thông minh, nhà máy",
    area: "cybersecurity-cryptography",
  },
  {
    name: {
      vi: "Enzyme tái tổ hợp cho chế biến thức ăn chăn nuôi",
      en: "Recombinant enzyme for animal feed processing",
    },
    problem: { vi: "Tăng hấp thu dinh dưỡng, giảm chi phí thức ăn", en: "Raises nutrient uptake and cuts feed costs" },
    applications: "Chăn nuôi gia cầm, thủy sản",
    area: "biotechnology-life-sciences",
  },
];

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
const SAMPLE_KINDS: Term[] = [
  { vi: "mẫu bột", en: "powders" },
  { vi: "màng mỏng", en: "thin films" },
  { vi: "mẫu môi trường", en: "environmental samples" },
  { vi: "mẫu thực phẩm", en: "food samples" },
  { vi: "mẫu công nghiệp", en: "industrial samples" },
  { vi: "mẫu nghiên cứu", en: "research samples" },
];

type Owner = ResearchOrganization;
type Expert = { id: string; fullName: string; areaSlug: string | null };

const COLUMNS = [
  "id",
  "type",
  "organizationId",
  "ownerExpertId",
  ...OFFER_MATERIAL_COLUMNS,
  "status",
  "publishedAt",
  "confirmedAt",
  "searchText",
  "sortNameVi",
  "sortNameEn",
  "createdAt",
  "updatedAt",
] as const;
type Row = Record<(typeof COLUMNS)[number], string | number | null>;

export function generateOffers(options: OfferFixtureOptions): number {
  return withFixtureDatabase(options.databaseUrl, (sqlite) => generateInto(sqlite, options));
}

function generateInto(sqlite: Database.Database, options: OfferFixtureOptions): number {
  const random = mulberry32(options.seed ?? 20261205);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const { fields, fieldsByArea } = loadFields(sqlite);

  // Research organizations by the areas of their fields: who runs labs and owns patents.
  const { all: allOwners, byArea: ownersByArea } = researchOrganizations(sqlite);
  if (allOwners.length === 0) throw new Error("No published lab, institute or university: run the seed first");
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
      const row: Row = Object.fromEntries(COLUMNS.map((column) => [column, null])) as Row;
      Object.assign(row, {
        id,
        type,
        audience: "",
        priceMode: "unknown",
        freeFor: "",
        offeredAs: "",
        status: "published",
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
        const instrument = INSTRUMENTS[service.instrument]!;
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
        fields: ownFields.map((field) => ({
          field: {
            slug: field.slug,
            nameVi: field.nameVi,
            nameEn: field.nameEn,
            aliases: field.aliases,
            parent: field.parent,
          },
        })),
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
