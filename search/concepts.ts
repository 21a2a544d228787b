import { foldText } from "~/utils/text";

/**
 * The concept layer over the field taxonomy: the everyday words a business
 * uses for a problem ("nước thải", "website bị tấn công", "drug testing"),
 * in Vietnamese and English, mapped to the fields of the listings that solve
 * it. They serve twice (docs/decisions/044):
 * - documents carry the concept words of their fields beside the fields'
 *   names (search/synonyms.ts fieldTerms), so the words match the listing;
 * - a query's concept words are detected (detectConcepts) and the listings
 *   in those fields come first, with a removable "Showing results for" chip.
 * Words are written with their marks; matching folds them (the engine
 * ignores marks, detection folds both sides).
 */
export type Concept = { fields: readonly string[]; terms: readonly string[] };

export const CONCEPTS: readonly Concept[] = [
  concept(
    ["environmental-engineering"],
    `
    nước thải; xử lý nước thải; xử lý nước; nước sạch; cấp thoát nước; chất thải; rác thải; xử lý rác
    khí thải; xử lý khí thải; ô nhiễm; ô nhiễm nước; ô nhiễm môi trường; wastewater
    wastewater treatment; water treatment; waste treatment; pollution; sewage; solid waste; emissions
  `,
  ),
  concept(
    ["environmental-monitoring", "environmental-analysis", "environmental-chemistry", "environmental-physics"],
    `
    quan trắc; ô nhiễm không khí; chất lượng không khí; bụi mịn; phân tích mẫu môi trường; mẫu nước
    mẫu đất; kim loại nặng; air pollution; air quality; environmental testing; water quality
    heavy metals; pollution monitoring
  `,
  ),
  concept(
    ["testing-conformity-assessment", "standards-metrology"],
    `
    kiểm định; kiểm định chất lượng; kiểm tra chất lượng; chất lượng sản phẩm; chứng nhận
    chứng nhận hợp quy; hợp chuẩn; hợp quy; thử nghiệm sản phẩm; hiệu chuẩn; đo lường; thiết bị đo
    tiêu chuẩn; quality control; quality testing; product testing; certification; calibration; calibrate
    measuring instruments; inspection; standards
  `,
  ),
  concept(
    ["corrosion-protection", "coatings", "tropical-durability"],
    `
    ăn mòn; chống ăn mòn; gỉ sét; chống gỉ; rỉ sét; sơn chống gỉ; sơn phủ; mạ kim loại; độ bền vật liệu
    corrosion; rust; anti-corrosion; coating; paint; durability
  `,
  ),
  concept(
    ["integrated-circuits", "semiconductors", "mems-nems", "micro-nano-technology"],
    `
    vi mạch; thiết kế vi mạch; chip; con chip; thiết kế chip; bán dẫn; linh kiện bán dẫn; đóng gói chip
    chip design; ic design; microchip; semiconductor; microelectronics; vi điện tử; cảm biến mems
    microfabrication; vi chế tạo
  `,
  ),
  concept(
    ["drug-quality-control", "pharmacology", "pharmacy"],
    `
    kiểm nghiệm thuốc; chất lượng thuốc; thuốc giả; thử thuốc; dược phẩm; thuốc; bào chế; drug testing
    drug quality; medicine quality; pharmaceutical; pharmaceuticals; drugs; drug; counterfeit drugs
    drug development; bioequivalence
  `,
  ),
  concept(
    ["natural-products-chemistry", "traditional-medicine", "medicinal-chemistry", "marine-natural-products"],
    `
    dược liệu; cây thuốc; thảo dược; thuốc nam; thuốc bắc; đông y; chiết xuất; hoạt chất
    thực phẩm chức năng; medicinal plants; medicinal herbs; herbal medicine; herbs; extraction
    plant extracts; natural compounds; dietary supplements
  `,
  ),
  concept(
    [
      "hydraulic-modelling",
      "river-dynamics",
      "river-and-coastal-engineering",
      "disaster-risk-reduction",
      "meteorology-and-hydrology",
      "water-resources",
    ],
    `
    ngập lụt; lũ lụt; lũ; ngập úng; bản đồ ngập; cảnh báo lũ; triều cường; sạt lở; sạt lở bờ sông
    xói lở; bờ sông; đê điều; hạn hán; xâm nhập mặn; thiên tai; flood; floods; flooding; flood mapping
    flood risk; flood warning; erosion; riverbank; riverbank erosion; landslide; drought
    salinity intrusion; natural disasters; storm surge
  `,
  ),
  concept(
    ["meteorology-and-hydrology", "climate-change"],
    `
    thời tiết; dự báo thời tiết; mưa bão; bão; lượng mưa; khí hậu; weather; weather forecast
    weather forecasting; rainfall; storm; typhoon; climate; climate risk
  `,
  ),
  concept(
    ["cybersecurity", "information-security", "vulnerability-research", "security-operations"],
    `
    bị tấn công; tấn công mạng; hacker; bị hack; mã độc; virus máy tính; lộ dữ liệu; rò rỉ dữ liệu
    bảo mật hệ thống; bảo mật website; kiểm thử xâm nhập; đánh giá bảo mật; ransomware; hacked
    cyber attack; cyberattack; data breach; malware; penetration testing; pentest; security audit
    phishing; lừa đảo trực tuyến
  `,
  ),
  concept(
    ["food-safety", "food-technology", "nutrition"],
    `
    an toàn thực phẩm; vệ sinh thực phẩm; kiểm nghiệm thực phẩm; ngộ độc thực phẩm; thực phẩm
    chế biến thực phẩm; phụ gia thực phẩm; dư lượng thuốc trừ sâu; food safety; food testing
    food poisoning; food processing; food additives; pesticide residues; dinh dưỡng; nutrition
  `,
  ),
  concept(
    ["solar-energy", "renewable-energy", "energy-efficiency", "energy"],
    `
    điện mặt trời; pin mặt trời; điện mặt trời mái nhà; năng lượng sạch; điện gió; tiết kiệm điện
    tiết kiệm năng lượng; hóa đơn tiền điện; tiền điện; kiểm toán năng lượng; solar; solar panels
    rooftop solar; solar power; wind power; clean energy; save energy; energy saving; electricity bill
    energy audit
  `,
  ),
  concept(
    ["it-outsourcing", "software-development", "software-engineering"],
    `
    thuê lập trình; đội lập trình; lập trình viên; viết phần mềm; làm phần mềm; phát triển ứng dụng
    làm website; làm app; gia công phần mềm; thuê ngoài phần mềm; outsource; outsourcing
    software outsourcing; offshore development; build an app; app development; web development
    developers; programmers; custom software
  `,
  ),
  concept(
    ["venture-capital", "seed-funding", "research-funding"],
    `
    gọi vốn; huy động vốn; nhà đầu tư; vốn đầu tư; quỹ đầu tư; đầu tư vốn; rót vốn; tài trợ; fundraising
    raise funding; raise money; investors; investment fund; funding; seed; angel investor; grant
  `,
  ),
  concept(
    ["technology-transfer", "technology-commercialization", "knowledge-transfer", "university-spin-offs"],
    `
    chuyển giao công nghệ; thương mại hóa; thương mại hóa kết quả nghiên cứu; bằng sáng chế; sáng chế
    sở hữu trí tuệ; license công nghệ; mua công nghệ; đưa sản phẩm ra thị trường; commercialise
    commercialize; commercialisation; commercialization; patent; patents; licensing
    technology licensing; spin-off; lab to market
  `,
  ),
  concept(
    ["startup-incubation", "startup-acceleration", "startup-support", "mentoring", "entrepreneurship-education"],
    `
    khởi nghiệp; ươm tạo; tăng tốc khởi nghiệp; cố vấn khởi nghiệp; hỗ trợ khởi nghiệp; startup
    start-up; founder; founders; incubation; acceleration; accelerator; mentor; mentorship
  `,
  ),
  concept(
    ["co-working"],
    `
    văn phòng chia sẻ; chỗ làm việc; thuê văn phòng; coworking; office space; shared office
  `,
  ),
  concept(
    ["postharvest-technology", "horticulture"],
    `
    bảo quản nông sản; sau thu hoạch; bảo quản trái cây; bảo quản rau quả; kho lạnh; hoa quả; trái cây
    rau quả; post-harvest; postharvest; after harvest; fruit; fruits; vegetables; cold storage
    keep fresh; shelf life
  `,
  ),
  concept(
    ["crop-breeding", "plant-genetics", "rice-genomics", "molecular-breeding", "plant-science"],
    `
    giống lúa; giống cây; giống mới; lúa; ngô; cây trồng; năng suất cây trồng; chịu hạn; rice
    rice variety; seeds; seed variety; maize; corn; crops; crop yield; plant breeding
  `,
  ),
  concept(
    ["plant-protection", "plant-pathology"],
    `
    sâu bệnh; sâu hại; bệnh cây; thuốc trừ sâu; thuốc bảo vệ thực vật; dịch hại; pests; pest control
    crop disease; plant disease; pesticides
  `,
  ),
  concept(
    ["soil-science", "fertilizers", "land-use-planning"],
    `
    đất trồng; đất bạc màu; cải tạo đất; phân bón; phân tích đất; độ phì; soil; soil testing
    soil analysis; fertilizer; fertiliser; soil fertility
  `,
  ),
  concept(
    ["veterinary-science", "animal-science"],
    `
    gia súc; gia cầm; chăn nuôi; bệnh động vật; dịch tả lợn; cúm gia cầm; thú cưng; vật nuôi; livestock
    poultry; animal disease; pigs; cattle; swine fever; bird flu
  `,
  ),
  concept(
    ["vaccines", "epidemiology", "immunology", "microbiology"],
    `
    vắc xin; vaccine; dịch bệnh; truyền nhiễm; virus; vi khuẩn; xét nghiệm; vaccine development
    infectious disease; outbreak; bacteria; lab testing
  `,
  ),
  concept(
    ["parasitology-entomology"],
    `
    muỗi; diệt muỗi; côn trùng; mosquito; mosquitoes; insects
  `,
  ),
  concept(
    ["accounting-software", "e-invoicing", "enterprise-resource-planning", "enterprise-management-software"],
    `
    kế toán; phần mềm kế toán; sổ sách kế toán; hóa đơn; hóa đơn điện tử; quản lý doanh nghiệp
    accounting; bookkeeping; invoice; invoices; e-invoice; ERP; business management software
  `,
  ),
  concept(
    ["retail-software", "point-of-sale", "e-commerce"],
    `
    bán hàng; quản lý bán hàng; cửa hàng; bán lẻ; bán hàng online; shop online; tạp hóa; retail; shop
    store; sales management; online store; sell online; cash register
  `,
  ),
  concept(
    ["last-mile-delivery", "e-commerce-logistics", "logistics", "route-planning", "logistics-optimization"],
    `
    giao hàng; vận chuyển; ship hàng; chuyển phát; kho hàng; tuyến đường; tối ưu tuyến; xe tải; đội xe
    delivery; shipping; parcel; warehouse; route; routes; route optimization; fleet; trucks
    supply chain
  `,
  ),
  concept(
    ["conversational-ai", "natural-language-processing"],
    `
    chatbot; trợ lý ảo; chăm sóc khách hàng; tổng đài tự động; trả lời tự động; virtual assistant
    customer service; customer support; call center
  `,
  ),
  concept(
    ["speech-synthesis", "speech-technology"],
    `
    giọng nói; đọc văn bản; chuyển văn bản thành giọng nói; nhận dạng giọng nói; lồng tiếng; voice
    text to speech; speech recognition; voice bot; voicebot; audiobook
  `,
  ),
  concept(
    ["computer-vision", "pattern-recognition"],
    `
    nhận diện khuôn mặt; nhận dạng khuôn mặt; khuôn mặt; camera; nhận diện hình ảnh; xử lý ảnh
    biển số xe; face recognition; facial recognition; image recognition; video analytics; license plate
    object detection
  `,
  ),
  concept(
    ["autonomous-driving"],
    `
    xe tự lái; tự lái; self-driving car; driverless
  `,
  ),
  concept(
    ["medical-imaging", "smart-healthcare"],
    `
    x-quang; chụp x-quang; chụp ct; ảnh y tế; chẩn đoán hình ảnh; bệnh viện; hồ sơ bệnh án; x-ray
    ct scan; mri; radiology; hospital; medical images; telemedicine
  `,
  ),
  concept(
    ["sensors", "internet-of-things"],
    `
    cảm biến; cảm biến khí; thiết bị đo thông minh; nhà thông minh; giám sát từ xa; sensor; sensors
    gas sensor; iot; smart home; remote monitoring; smart devices
  `,
  ),
  concept(
    ["rare-earth-magnets", "rare-earth-materials", "electronic-materials"],
    `
    nam châm; nam châm vĩnh cửu; đất hiếm; magnet; magnets; permanent magnets; rare earth
  `,
  ),
  concept(
    ["laser-technology", "photonics"],
    `
    cắt laser; khắc laser; hàn laser; tia laser; quang học; laser cutting; laser engraving; optics
  `,
  ),
  concept(
    ["mechanical-engineering", "automation", "welding", "mechatronics", "additive-manufacturing"],
    `
    máy móc; chế tạo máy; gia công cơ khí; dây chuyền; dây chuyền sản xuất; robot; rô bốt; hàn
    hàn tự động; in 3d; máy in 3d; tự động hóa nhà máy; machinery; machine building; production line
    factory automation; robots; robotics; welding; 3d printing; cnc
  `,
  ),
  concept(
    ["textiles-garments", "fashion-design"],
    `
    dệt; may mặc; nhuộm; vải; quần áo; nhuộm vải; textile; textiles; garments; dyeing; fabric; clothing
  `,
  ),
  concept(
    ["structural-engineering", "construction-engineering", "geotechnical-engineering", "construction-materials"],
    `
    nứt; vết nứt; nứt tường; kết cấu; nhà xưởng; công trình; móng; nền móng; nền đất yếu; lún; bê tông
    xi măng; gạch; building; buildings; cracks; foundation; foundations; concrete; cement; bricks
    soft soil; settlement
  `,
  ),
  concept(
    ["seismology", "earthquake-and-tsunami-monitoring", "geology"],
    `
    động đất; sóng thần; rung chấn; địa chấn; earthquake; earthquakes; tsunami; seismic
  `,
  ),
  concept(
    ["remote-sensing", "satellite-data-applications", "earth-observation", "geomatics"],
    `
    ảnh vệ tinh; viễn thám; bản đồ; đo đạc; định vị; drone; flycam; satellite; satellite images
    satellite imagery; maps; mapping; gis; surveying
  `,
  ),
  concept(
    ["radiation-technology", "nuclear-safety", "nuclear-technology"],
    `
    chiếu xạ; bức xạ; phóng xạ; irradiation; radiation
  `,
  ),
  concept(
    ["catalysis", "industrial-chemistry", "green-chemistry", "chemical-engineering"],
    `
    chất xúc tác; hóa chất; phản ứng hóa học; catalyst; catalysts; chemicals; chemical process
  `,
  ),
  concept(
    ["genomics", "bioinformatics", "molecular-biology", "genetic-engineering"],
    `
    giải trình tự; giải trình tự gen; adn; dna; gen; gene; xét nghiệm gen; di truyền; sequencing
    dna sequencing; genetic testing; genes; genetics
  `,
  ),
  concept(
    ["bioproducts", "microbiology", "enzyme-technology", "biotechnology"],
    `
    chế phẩm vi sinh; men vi sinh; vi sinh; lên men; enzyme; probiotic; probiotics; fermentation
    microbial products; biofertilizer; phân vi sinh
  `,
  ),
  concept(
    ["forestry", "silviculture", "forest-resources", "tree-breeding", "wood-technology", "forest-products"],
    `
    trồng rừng; rừng; gỗ; chế biến gỗ; đồ gỗ; cây lâm nghiệp; forest; forests; wood; timber; furniture
    reforestation
  `,
  ),
  concept(
    ["agricultural-mechanisation"],
    `
    máy nông nghiệp; máy gặt; máy cấy; cơ giới hóa; farm machinery; tractor; harvester
  `,
  ),
  concept(
    ["intelligent-transport-systems", "transport-engineering", "transport-technology"],
    `
    giao thông; ùn tắc; kẹt xe; đèn giao thông; thu phí tự động; cầu đường; traffic; traffic jam
    traffic lights; toll collection; roads; bridges
  `,
  ),
  concept(
    ["digital-payments", "qr-payments", "fintech"],
    `
    thanh toán; thanh toán qr; mã qr; ví điện tử; chuyển tiền; thanh toán online; payment; payments
    qr code; e-wallet; mobile payments; online payment
  `,
  ),
  concept(
    ["english-learning", "online-learning", "edtech", "online-tutoring", "k-12-education"],
    `
    học tiếng anh; dạy tiếng anh; học online; học trực tuyến; gia sư; luyện thi; học sinh; english
    learn english; e-learning; tutoring; students; kids
  `,
  ),
  concept(
    ["cloud-computing", "data-centres"],
    `
    máy chủ; thuê máy chủ; đám mây; lưu trữ dữ liệu; sao lưu; hosting; server; servers; cloud
    cloud hosting; data storage; backup
  `,
  ),
  concept(
    ["online-recruitment", "hr-technology", "human-resource-management"],
    `
    tuyển dụng; tuyển người; tìm ứng viên; nhân sự; chấm công; recruitment; hiring; recruit; payroll; hr
  `,
  ),
  concept(
    ["biodiversity", "ecology", "biological-resources"],
    `
    đa dạng sinh học; động vật hoang dã; bảo tồn; hệ sinh thái; wildlife; conservation; ecosystem
  `,
  ),
  concept(
    ["digital-transformation", "it-services", "enterprise-systems"],
    `
    chuyển đổi số; số hóa; tin học hóa; digitalisation; digitalization; digitize; it solutions
  `,
  ),
  concept(
    ["artificial-intelligence", "machine-learning", "data-science", "big-data"],
    `
    phân tích dữ liệu; dự đoán; dự báo nhu cầu; data analytics; predictive; forecasting demand
    analytics
  `,
  ),
  concept(
    ["petroleum-engineering", "refining", "petrochemicals", "petroleum-geology"],
    `
    dầu khí; xăng dầu; lọc dầu; dầu mỏ; khí đốt; oil; gas; oil and gas; fuel
  `,
  ),
  concept(
    ["mining-engineering", "geology"],
    `
    khai thác mỏ; khoáng sản; than; quặng; mining; minerals; ore; coal
  `,
  ),
  concept(
    ["led-lighting", "smart-lighting"],
    `
    đèn led; chiếu sáng; bóng đèn; led lights; lighting; lamps
  `,
  ),
  concept(
    ["telecommunications", "mobile-telecommunications", "broadband-internet", "network-infrastructure"],
    `
    sóng điện thoại; mạng internet; internet chậm; cáp quang; wifi; mobile network; fiber
    internet connection
  `,
  ),
  concept(
    ["medicine", "biomedical-sciences", "public-health"],
    `
    sức khỏe; bệnh nhân; khám bệnh; điều trị; health; patients; clinical trial; thử nghiệm lâm sàng
  `,
  ),
  concept(
    ["biomedical-engineering"],
    `
    thiết bị y tế; medical devices; medical equipment
  `,
  ),
  concept(
    ["electric-vehicles", "automotive-engineering"],
    `
    xe điện; ô tô; xe máy điện; pin xe điện; car; cars; electric car; electric scooter
  `,
  ),
  concept(
    ["energy-storage", "energy-materials"],
    `
    pin; pin lithium; ắc quy; lưu trữ điện; battery; batteries; lithium
  `,
  ),
  concept(
    ["polymer-materials", "polymer-chemistry"],
    `
    nhựa; nhựa tái chế; bao bì nhựa; plastic; plastics; packaging; rubber; cao su
  `,
  ),
  concept(
    ["nanomaterials", "nanotechnology", "thin-films"],
    `
    hạt nano; màng mỏng; phủ nano; nanoparticles; thin film
  `,
  ),
  concept(
    ["architecture", "urban-planning", "smart-city"],
    `
    thiết kế nhà; quy hoạch; đô thị; thành phố; house design; city planning; urban
  `,
  ),
  concept(
    ["climate-change", "sustainable-development", "clean-technology"],
    `
    phát thải; carbon; tín chỉ carbon; net zero; trung hòa carbon; greenhouse gas; carbon credits; esg
  `,
  ),
  concept(
    ["vietnamese-language-processing", "natural-language-processing"],
    `
    tiếng việt; dịch máy; văn bản; tìm kiếm; vietnamese; translation; machine translation; text
  `,
  ),
];

/** A concept from its terms, one text: separated by semicolons or lines. */
function concept(fields: readonly string[], text: string): Concept {
  const terms = text
    .split(/[;\n]/)
    .map((term) => term.trim())
    .filter(Boolean);
  return { fields, terms };
}

/** Folded terms → the fields they stand for. */
export type ConceptIndex = Map<string, Set<string>>;

/** The concept words and, for the query side, the fields' own names: folded term → fields. */
export function buildConceptIndex(
  fields: readonly { slug: string; nameVi: string; nameEn: string }[],
  concepts: readonly Concept[] = CONCEPTS,
): ConceptIndex {
  const index: ConceptIndex = new Map();
  const add = (term: string, slug: string) => {
    const key = foldText(term).split(" ").map(conceptWord).join(" ");
    if (key.length < 2) return;
    const slugs = index.get(key) ?? new Set<string>();
    slugs.add(slug);
    index.set(key, slugs);
  };
  const known = new Set(fields.map((field) => field.slug));
  for (const concept of concepts) {
    for (const slug of concept.fields) if (known.has(slug)) for (const term of concept.terms) add(term, slug);
  }
  for (const field of fields) {
    add(field.nameVi, field.slug);
    add(field.nameEn, field.slug);
  }
  return index;
}

/** Concept words of the given fields, for their documents. */
export function conceptTermsOf(slugs: readonly string[]): string[] {
  const wanted = new Set(slugs);
  return CONCEPTS.filter((concept) => concept.fields.some((slug) => wanted.has(slug))).flatMap(
    (concept) => concept.terms,
  );
}

/**
 * Words that name an organization rather than a problem ("viện", "university"):
 * a query with them is looking for a listing by name, and its field words
 * ("Viện Vật lý", "Hanoi Law University") are part of that name.
 */
const NAME_WORDS = new Set(
  [
    "viện",
    "trường",
    "đại học",
    "học viện",
    "trung tâm",
    "công ty",
    "tập đoàn",
    "phòng thí nghiệm",
    "khoa",
    "institute",
    "university",
    "academy",
    "centre",
    "center",
    "company",
    "corporation",
    "group",
    "lab",
    "laboratory",
    "school",
    "college",
    "ptn",
    "đh",
    "jsc",
  ].map(foldText),
);

const MAX_TERM_WORDS = 6;

/**
 * Words that say how someone asks, not what about ("công ty tôi cần tìm",
 * "where can I find"): left out of the engine's query, whose every word must
 * match, and of concept detection. Written folded or not, matched folded,
 * longest first; a concept term starting at the same word wins ("tìm kiếm").
 * Never the words of names ("và", "of", "and") nor "in" (Vietnamese: print).
 */
const FILLER = new Set(
  `
  công ty tôi; công ty chúng tôi; công ty mình; công ty em; doanh nghiệp tôi; doanh nghiệp mình; nhà máy tôi
  xưởng tôi; bên tôi; bên mình; bên em; chúng tôi; chúng mình; tôi; mình; em; cháu; con tôi; cần; cần tìm
  muốn; muốn tìm; đang; đang tìm; tìm; tìm giúp; tìm chỗ; tìm nơi; tìm đơn vị; đơn vị nào; chỗ nào; nơi nào
  ai; ai có thể; ở đâu; đâu; nào; có thể; có ai; có; không; được; giúp; giúp tôi; giúp với; cho tôi; hộ
  làm sao; làm thế nào; như thế nào; thế nào; hãy; ạ; nhé; với; nhờ; liên hệ; xin; hỏi; cách; gì
  our company; my company; my business; our business; our factory; my factory; where; where can; can; could
  who; whom; how; how do; what; which; i; we; our; ours; my; me; us; you; your; need; needs
  needed; want; wants; looking; looking for; find; finding; someone; somebody; anyone; company that
  help; helps; please; get; got; getting; the; a; an; is; are; be; to; for; on; at; do; does; some; any
  `
    .split(/[;\n]/)
    .map((phrase) => foldText(phrase.trim()))
    .filter(Boolean),
);
const MAX_FILLER_WORDS = 4;

/** What a query says, read through the concept index (see readQuery). */
export type QueryReading = {
  /** Fields its words speak of */
  fields: string[];
  /** The concept terms found, folded: the words the listings in those fields carry */
  terms: string[];
  /** The query without its filler words, as typed (marks kept); the query itself when all of it is filler */
  words: string;
};

/**
 * Reads a query: its words matched against the concept index, longest term
 * first, each word used once, and its filler words (FILLER) dropped. A query
 * that names a kind of organization (NAME_WORDS) is a name search: nothing is
 * read into it and it is searched as typed.
 */
export function readQuery(q: string, index: ConceptIndex): QueryReading {
  const typed = q.split(/[^\p{L}\p{N}+#&-]+/u).filter(Boolean);
  const words = typed.map((word) => conceptWord(foldText(word)));
  const fields = new Set<string>();
  const terms: string[] = [];
  const kept: string[] = [];
  let start = 0;
  while (start < words.length) {
    const term = longest(words, start, MAX_TERM_WORDS, (key) => index.has(key));
    const filler = term ? 0 : longest(words, start, MAX_FILLER_WORDS, (key) => FILLER.has(key));
    if (term) {
      const key = words.slice(start, start + term).join(" ");
      for (const slug of index.get(key)!) fields.add(slug);
      terms.push(key);
    }
    if (!filler) kept.push(...typed.slice(start, start + (term || 1)));
    start += term || filler || 1;
  }
  if (hasNameWord(kept.map((word) => foldText(word)))) return { fields: [], terms: [], words: q };
  return { fields: [...fields], terms, words: kept.length ? kept.join(" ") : q };
}

/** The fields a query speaks of (readQuery); nothing for a name search. */
export function detectConcepts(q: string, index: ConceptIndex): string[] {
  return readQuery(q, index).fields;
}

/** The number of words from start (at most max) that form the longest key found, or 0. */
function longest(words: readonly string[], start: number, max: number, has: (key: string) => boolean): number {
  for (let size = Math.min(max, words.length - start); size > 0; size--) {
    if (has(words.slice(start, start + size).join(" "))) return size;
  }
  return 0;
}

function hasNameWord(words: readonly string[]): boolean {
  for (let size = 1; size <= 3; size++) {
    for (let start = 0; start + size <= words.length; start++) {
      if (NAME_WORDS.has(words.slice(start, start + size).join(" "))) return true;
    }
  }
  return false;
}

/**
 * A folded word as the concept index keys it: an English plural and its
 * singular are one ("investors", "investor"). Vietnamese syllables never end
 * in s; "ss", "us", "is" endings are not plurals ("process", "virus").
 */
export function conceptWord(word: string): string {
  return word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}
