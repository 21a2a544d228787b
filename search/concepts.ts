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
    [
      "environmental-monitoring",
      "environmental-analysis",
      "environmental-chemistry",
      "environmental-physics",
      "analytical-chemistry",
    ],
    `
    quan trắc; ô nhiễm không khí; chất lượng không khí; bụi mịn; phân tích mẫu môi trường; mẫu nước
    mẫu đất; kim loại nặng; chì; thủy ngân; asen; thạch tín; nước giếng; nước giếng khoan; nước ngầm
    nước uống; nước sinh hoạt; xét nghiệm nước; kiểm tra nước; phân tích nước; độc chất; dioxin
    air pollution; air quality; environmental testing; water quality; water testing; water test
    drinking water; groundwater; well water; arsenic; mercury; heavy metals; pollution monitoring
    toxic; contamination; contaminated
  `,
  ),
  concept(
    ["testing-conformity-assessment", "standards-metrology"],
    `
    kiểm định; kiểm định chất lượng; kiểm tra chất lượng; chất lượng sản phẩm; chứng nhận
    chứng nhận hợp quy; hợp chuẩn; hợp quy; thử nghiệm sản phẩm; hiệu chuẩn; đo lường; thiết bị đo
    tiêu chuẩn; iso; chứng chỉ iso; cân; cân điện tử; đồng hồ nước; công tơ điện; hàng giả; hàng nhái
    chống hàng giả; truy xuất nguồn gốc; tem chống giả; quality control; quality testing; product testing
    certification; calibration; calibrate; measuring instruments; inspection; standards; scales
    counterfeit; counterfeits; fake products; traceability
  `,
  ),
  concept(
    ["corrosion-protection", "coatings", "tropical-durability"],
    `
    ăn mòn; chống ăn mòn; gỉ; gỉ sét; chống gỉ; rỉ; rỉ sét; chống rỉ; sơn chống gỉ; sơn chống rỉ; han gỉ
    sơn phủ; lớp phủ; mạ kim loại; mạ kẽm; độ bền vật liệu; nhiệt đới hóa; ẩm mốc; nấm mốc; lão hóa
    corrosion; rust; rusty; rusting; anti-corrosion; coating; paint; galvanizing; durability; mould; mold
    weathering
  `,
  ),
  concept(
    ["integrated-circuits", "semiconductors", "mems-nems", "micro-nano-technology"],
    `
    vi mạch; thiết kế vi mạch; chip; con chip; thiết kế chip; bán dẫn; linh kiện bán dẫn; đóng gói chip
    chip design; ic design; microchip; semiconductor; microelectronics; vi điện tử; cảm biến mems
    microfabrication; vi chế tạo; đóng gói bán dẫn; kỹ sư bán dẫn; semiconductor packaging; chip packaging
    wafer; foundry
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
    thực phẩm chức năng; tinh dầu; cao dược liệu; rong biển; nấm dược liệu; mỹ phẩm thiên nhiên
    medicinal plants; medicinal herbs; herbal medicine; herbs; herbal; extraction; essential oil
    plant extracts; natural compounds; dietary supplements; seaweed; natural cosmetics
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
    xói lở; bờ sông; đê điều; hạn hán; xâm nhập mặn; nhiễm mặn; lũ quét; lũ ống; nước biển dâng
    thiên tai; flood; floods; flooding; flood mapping; flash flood; sea level rise
    flood risk; flood warning; erosion; riverbank; riverbank erosion; landslide; drought
    salinity intrusion; natural disasters; storm surge
  `,
  ),
  concept(
    ["meteorology-and-hydrology", "climate-change"],
    `
    thời tiết; dự báo thời tiết; mưa bão; bão; mưa; mưa lớn; nắng nóng; lượng mưa; khí hậu; weather
    heavy rain; heatwave; weather forecast
    weather forecasting; rainfall; storm; typhoon; climate; climate risk
  `,
  ),
  concept(
    ["cybersecurity", "information-security", "vulnerability-research", "security-operations"],
    `
    bị tấn công; tấn công mạng; hacker; bị hack; mã độc; virus máy tính; lộ dữ liệu; rò rỉ dữ liệu
    bảo mật hệ thống; bảo mật website; kiểm thử xâm nhập; đánh giá bảo mật; ransomware; hacked
    cyber attack; cyberattack; data breach; malware; penetration testing; pentest; security audit
    phishing; lừa đảo trực tuyến; lỗ hổng; lỗ hổng bảo mật; bảo mật; an ninh mạng; an toàn thông tin
    tiền chuộc; mã hóa dữ liệu; chiếm quyền; vulnerability; vulnerabilities; security; hack; hacking
    ransom; firewall; ddos
  `,
  ),
  concept(
    ["food-safety", "food-technology", "nutrition"],
    `
    an toàn thực phẩm; vệ sinh thực phẩm; kiểm nghiệm thực phẩm; ngộ độc thực phẩm; thực phẩm
    chế biến thực phẩm; phụ gia thực phẩm; dư lượng thuốc trừ sâu; dư lượng; hàn the; chất cấm; food
    food safety; food testing; food export; residue
    food poisoning; food processing; food additives; pesticide residues; dinh dưỡng; nutrition
  `,
  ),
  concept(
    ["solar-energy", "renewable-energy", "energy-efficiency", "energy"],
    `
    điện mặt trời; pin mặt trời; điện mặt trời mái nhà; năng lượng sạch; điện gió; tiết kiệm điện
    tiết kiệm năng lượng; hóa đơn tiền điện; tiền điện; chi phí điện; giảm điện; kiểm toán năng lượng
    năng lượng mặt trời; năng lượng tái tạo; lò hơi; solar; solar panels; rooftop solar; solar power
    wind power; clean energy; renewable energy; save energy; energy saving; electricity bill
    electricity cost; electricity costs; energy cost; power bill; energy audit; boiler
  `,
  ),
  concept(
    ["it-outsourcing", "software-development", "software-engineering"],
    `
    thuê lập trình; đội lập trình; lập trình viên; viết phần mềm; làm phần mềm; phát triển ứng dụng
    làm website; làm app; gia công phần mềm; thuê ngoài phần mềm; outsource; outsourcing
    software outsourcing; offshore development; build an app; app development; web development
    developers; programmers; custom software; mobile app; phần mềm theo yêu cầu
    phần mềm quản lý; lập trình
  `,
  ),
  concept(
    ["venture-capital", "seed-funding", "research-funding"],
    `
    gọi vốn; huy động vốn; nhà đầu tư; vốn đầu tư; quỹ đầu tư; đầu tư vốn; rót vốn; tài trợ; fundraising
    nhà đầu tư thiên thần; vốn mạo hiểm; vốn hạt giống; cần vốn; thiếu vốn; quỹ; raise funding
    raise money; investors; investment fund; funding; seed; angel investor; angel investors; angel
    venture capital; grant
  `,
  ),
  concept(
    ["technology-transfer", "technology-commercialization", "knowledge-transfer", "university-spin-offs"],
    `
    chuyển giao công nghệ; thương mại hóa; thương mại hóa kết quả nghiên cứu; bằng sáng chế; sáng chế
    sở hữu trí tuệ; license công nghệ; mua công nghệ; đưa sản phẩm ra thị trường; commercialise
    commercialize; commercialisation; commercialization; patent; patents; licensing
    technology licensing; spin-off; lab to market; bảo hộ sáng chế; đăng ký sáng chế; giải pháp hữu ích
    nhãn hiệu; bảo hộ nhãn hiệu; kiểu dáng công nghiệp; invention; inventions; trademark
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
    văn phòng chia sẻ; chỗ làm việc; chỗ ngồi làm việc; chỗ ngồi; thuê văn phòng; không gian làm việc
    bàn làm việc; coworking; co-working; office space; shared office; desk; hot desk
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
    sâu bệnh; sâu hại; bệnh cây; thuốc trừ sâu; thuốc bảo vệ thực vật; dịch hại; rầy; rầy nâu; đạo ôn
    nấm bệnh; cỏ dại; pests; pest control; crop disease; plant disease; pesticides; blast; weeds
  `,
  ),
  concept(
    ["soil-science", "fertilizers", "land-use-planning"],
    `
    đất trồng; đất bạc màu; đất chua; đất phèn; chua phèn; đất mặn; đất nhiễm mặn; cải tạo đất; phân bón
    phân tích đất; độ phì; thoái hóa đất; soil; soil testing; acid soil; saline soil
    soil analysis; fertilizer; fertiliser; soil fertility
  `,
  ),
  concept(
    ["veterinary-science", "animal-science"],
    `
    gia súc; gia cầm; chăn nuôi; bệnh động vật; dịch tả lợn; cúm gia cầm; thú cưng; vật nuôi; livestock
    poultry; animal disease; pigs; cattle; swine fever; bird flu; lợn; heo; gà; bò; trâu; thủy sản
    tôm; nuôi tôm; nuôi cá; thức ăn chăn nuôi; chicken; shrimp; fish; aquaculture; animal feed
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
    muỗi; diệt muỗi; côn trùng; sốt xuất huyết; sốt rét; ký sinh trùng; giun sán; mối; diệt mối
    mosquito; mosquitoes; insects; dengue; malaria; parasites; termites
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
    x-quang; chụp x-quang; chụp x-ray; chụp ct; ảnh y tế; chẩn đoán hình ảnh; bệnh viện; hồ sơ bệnh án
    ct scan; mri; radiology; hospital; medical images; telemedicine; chest x-ray; x-ray imaging
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
  // Narrow groups: a listing in one of them carries only its own words, so a
  // query's words together pick the listing that does all of it.
  concept(
    ["mechanical-engineering", "mechatronics"],
    `
    máy móc; chế tạo máy; gia công cơ khí; cơ khí; machinery; machine building; cnc; mechanical
  `,
  ),
  concept(
    ["automation", "mechatronics"],
    `
    dây chuyền; dây chuyền sản xuất; robot; rô bốt; tự động hóa; tự động hóa nhà máy; production line
    factory automation; robots; robotics; automation
  `,
  ),
  concept(["welding"], `hàn; hàn tự động; hàn kim loại; robot hàn; welding; welder`),
  concept(["additive-manufacturing"], `in 3d; máy in 3d; in 3d kim loại; 3d printing; 3d printer`),
  concept(
    ["textiles-garments", "fashion-design"],
    `
    dệt; may mặc; nhuộm; vải; quần áo; nhuộm vải; textile; textiles; garments; dyeing; fabric; clothing
  `,
  ),
  concept(
    ["structural-engineering", "construction-engineering"],
    `
    nứt; vết nứt; nứt tường; kết cấu; nhà xưởng; công trình; building; buildings; cracks; structure
  `,
  ),
  concept(
    ["geotechnical-engineering"],
    `
    móng; nền móng; nền đất yếu; móng yếu; lún; sụt lún; nền đất; foundation; soft soil; settlement
    subsidence; geotechnical
  `,
  ),
  concept(
    ["construction-materials"],
    `
    bê tông; xi măng; gạch; vật liệu xây dựng; concrete; cement; bricks; building materials
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
    tuyển dụng; tuyển; tuyển người; tuyển nhân viên; tuyển kỹ sư; tìm ứng viên; tìm việc; việc làm
    nhân sự; chấm công; tính lương; bảng lương; recruitment; hiring; recruit; hire; jobs; job; payroll
    timekeeping; hr; headhunting
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
    nhựa; nhựa tái chế; bao bì nhựa; bao bì; phân hủy sinh học; túi nilon; plastic; plastics
    plastic packaging; biodegradable; rubber; cao su; polymer
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

  // The fields a business reaches through everyday words rather than the
  // discipline's name; each group reviewed for words that also name other things.
  concept(
    ["law", "prosecution-judiciary"],
    `
    luật; pháp luật; pháp lý; tư vấn luật; tư vấn pháp luật; luật doanh nghiệp; hợp đồng; tranh chấp
    kiện; khởi kiện; luật sư; tòa án; legal; legal advice; lawyer; lawyers; law; contract; contracts
    dispute; lawsuit; court
  `,
  ),
  concept(
    ["finance", "banking", "accounting-auditing", "wealth-management", "micro-investment"],
    `
    tài chính; ngân hàng; vay vốn; vay ngân hàng; khoản vay; tín dụng; kiểm toán; báo cáo tài chính; thuế
    quyết toán thuế; chứng khoán; cổ phiếu; đầu tư cá nhân; tài chính cá nhân; quản lý tài sản
    finance; financial; bank; banking; loan; loans; credit; audit; auditing; tax; financial statements
    stocks; investing; personal finance; wealth management
  `,
  ),
  concept(
    ["economics", "business-administration", "business", "commerce", "international-business"],
    `
    kinh tế; quản trị kinh doanh; kinh doanh; chiến lược kinh doanh; khởi sự kinh doanh; xuất khẩu
    nhập khẩu; xuất nhập khẩu; thương mại; nghiên cứu thị trường; thị trường; tư vấn quản lý; marketing
    economics; business; business administration; business strategy; export; exports; import; trade
    market research; management consulting; mba
  `,
  ),
  concept(
    [
      "public-policy",
      "public-administration",
      "political-science",
      "science-technology-policy",
      "innovation-policy",
      "digital-government",
    ],
    `
    chính sách; chính sách công; thủ tục hành chính; dịch vụ công; dịch vụ công trực tuyến
    chính phủ điện tử; chính phủ số; quản lý nhà nước; cải cách hành chính; policy; public policy
    public services; e-government; digital government; regulation; regulations; governance
  `,
  ),
  concept(
    [
      "education",
      "teacher-education",
      "educational-science",
      "education-management",
      "distance-education",
      "doctoral-training",
      "mathematical-education",
    ],
    `
    giáo dục; giáo viên; bồi dưỡng giáo viên; đào tạo giáo viên; sư phạm; tuyển sinh; đào tạo từ xa
    học từ xa; văn bằng hai; đào tạo tiến sĩ; nghiên cứu sinh; thạc sĩ; chương trình đào tạo
    education; teacher training; teachers; distance learning; phd; doctorate; master's degree
    curriculum
  `,
  ),
  concept(
    ["psychology", "sociology-social-work", "gender-studies", "youth-work", "trade-unions-labour"],
    `
    tâm lý; tư vấn tâm lý; sức khỏe tâm thần; trầm cảm; căng thẳng; tâm lý học đường; công tác xã hội
    bình đẳng giới; bạo lực gia đình; thanh niên; thanh thiếu niên; công đoàn; người lao động
    quan hệ lao động; psychology; counselling; counseling; mental health; depression; social work
    gender equality; domestic violence; youth; labour union; trade union; workers
  `,
  ),
  concept(
    ["tourism", "cultural-management", "cultural-heritage", "cultural-studies"],
    `
    du lịch; khách sạn; lữ hành; hướng dẫn viên; di sản; di tích; bảo tàng; văn hóa; lễ hội
    quản lý văn hóa; tourism; tourist; hotel; hotels; travel; tour guide; heritage; museum; culture
    festival
  `,
  ),
  concept(
    ["history", "archaeology", "han-nom-studies", "ethnology", "religious-studies", "humanities", "philosophy"],
    `
    lịch sử; khảo cổ; khảo cổ học; cổ vật; hiện vật; hoàng thành; chữ hán; chữ nôm; hán nôm; văn bia
    dân tộc thiểu số; dân tộc học; tôn giáo; tín ngưỡng; triết học; history; archaeology; artefacts
    artifacts; excavation; ancient; ethnic minorities; religion; philosophy
  `,
  ),
  concept(
    ["linguistics", "foreign-languages", "international-relations", "regional-studies"],
    `
    ngoại ngữ; tiếng nhật; tiếng hàn; tiếng trung; tiếng pháp; tiếng đức; phiên dịch; biên dịch
    dịch thuật; ngôn ngữ học; quan hệ quốc tế; ngoại giao; foreign languages; japanese; korean
    chinese; french; interpreting; interpreter; translator; linguistics; diplomacy
    international relations
  `,
  ),
  concept(
    ["journalism-media", "digital-media", "advertising-technology", "pay-tv", "film-television-photography"],
    `
    báo chí; truyền thông; quan hệ công chúng; quảng cáo; quảng cáo trực tuyến; tiếp thị số
    marketing online; báo điện tử; truyền hình; làm phim; quay phim; dựng phim; chụp ảnh; nhiếp ảnh
    journalism; media; communication; public relations; pr; advertising; ads; online advertising
    digital marketing; tv; television; film; filmmaking; video production; photography
  `,
  ),
  concept(
    ["performing-arts", "music", "fine-arts", "arts-education", "design", "digital-product-design"],
    `
    sân khấu; biểu diễn; âm nhạc; ca hát; nhạc cụ; hội họa; mỹ thuật; điêu khắc; thiết kế đồ họa
    thiết kế sản phẩm; thiết kế công nghiệp; thiết kế giao diện; nhận diện thương hiệu; logo; theatre
    performance; music; singing; painting; sculpture; graphic design; product design
    industrial design; ui design; ux; branding
  `,
  ),
  concept(
    ["mathematics", "applied-mathematics", "statistics", "optimization"],
    `
    toán; toán học; thống kê; xác suất; tối ưu hóa; mô hình toán; bài toán tối ưu; mathematics; math
    maths; statistics; statistical analysis; probability; optimization; optimisation
    operations research
  `,
  ),
  concept(
    ["physics", "theoretical-physics", "computational-physics", "quantum-electronics", "engineering-physics"],
    `
    vật lý; lượng tử; máy tính lượng tử; mô phỏng vật lý; physics; quantum; quantum computing
  `,
  ),
  concept(
    ["nuclear-physics", "nuclear-medicine", "nuclear-technology"],
    `
    hạt nhân; điện hạt nhân; y học hạt nhân; xạ trị; đồng vị phóng xạ; nuclear; nuclear power
    nuclear medicine; radiotherapy; isotopes
  `,
  ),
  concept(
    [
      "chemistry",
      "analytical-chemistry",
      "organic-chemistry",
      "inorganic-chemistry",
      "biochemistry",
      "materials-characterization",
      "electron-microscopy",
    ],
    `
    hóa học; phân tích hóa học; phân tích thành phần; phòng thí nghiệm phân tích; kính hiển vi điện tử
    đo đặc trưng vật liệu; hóa hữu cơ; hóa vô cơ; hóa sinh; chemistry; chemical analysis; lab analysis
    composition analysis; electron microscope; electron microscopy; sem; material characterization
  `,
  ),
  // What a lab measures, in the words of whoever brings the sample: "x-ray" alone is diffraction
  // far more often than a patient's picture on the offers (which the medical words above keep).
  concept(
    ["materials-characterization", "electron-microscopy"],
    `
    đặc trưng vật liệu; phân tích cấu trúc; cấu trúc tinh thể; phân tích cấu trúc tinh thể; pha tinh thể
    tinh thể; nhiễu xạ; nhiễu xạ tia x; tia x; xrd; x-ray; xray; x-ray diffraction; diffraction; diffractometer
    crystal structure; crystallography; kính hiển vi điện tử quét; kính hiển vi điện tử truyền qua
    hiển vi điện tử; fesem; fe-sem; edx; eds; bề mặt vật liệu; chụp ảnh bề mặt; ảnh bề mặt; hình thái bề mặt
    độ phân giải nano; kích thước hạt; surface imaging; surface morphology; nanoscale imaging; particle size
    transmission electron microscope; scanning electron microscope; thành phần nguyên tố
    đo thành phần nguyên tố; phân tích nguyên tố; elemental analysis; elemental composition; quang phổ
    đo phổ; phân tích phổ; phổ hồng ngoại; phổ raman; ftir; raman; spectroscopy; spectrometer
    đo độ bền; độ bền kéo; thử kéo; cơ tính; thử cơ tính; độ cứng; tensile test; tensile strength
    hardness test; mechanical testing
  `,
  ),
  concept(
    ["materials-science", "advanced-materials", "carbon-nanotubes"],
    `
    vật liệu; vật liệu mới; vật liệu tiên tiến; vật liệu composite; composite; ống nano carbon; graphene
    materials; new materials; advanced materials; carbon nanotubes
  `,
  ),
  concept(
    [
      "biology",
      "cell-technology",
      "protein-engineering",
      "proteomics",
      "bioactive-compounds",
      "genetically-modified-organisms",
      "plant-biotechnology",
      "agricultural-biotechnology",
    ],
    `
    sinh học; công nghệ sinh học; tế bào gốc; nuôi cấy tế bào; nuôi cấy mô; protein; biến đổi gen
    cây biến đổi gen; hoạt chất sinh học; biology; biotech; stem cells; cell culture; tissue culture
    proteins; genetically modified; gmo; bioactive
  `,
  ),
  concept(
    ["agriculture", "agricultural-economics-policy"],
    `
    nông nghiệp; trồng trọt; nông dân; hợp tác xã; nông thôn; giá nông sản; nông sản; nông nghiệp sạch
    nông nghiệp công nghệ cao; farming; farm; farms; agriculture; farmers; rural; cooperative
    agricultural; smart farming
  `,
  ),
  concept(
    ["environmental-management", "environmental-science", "natural-resource-management", "natural-resources"],
    `
    môi trường; bảo vệ môi trường; quản lý môi trường; đánh giá tác động môi trường; báo cáo môi trường
    giấy phép môi trường; tài nguyên; tài nguyên thiên nhiên; environment; environmental
    environmental impact assessment; eia; environmental permit; natural resources
  `,
  ),
  concept(
    ["geography", "land-use", "land-use-planning"],
    `
    địa lý; sử dụng đất; quy hoạch sử dụng đất; địa chính; đất đai; geography; land use; land
    land planning
  `,
  ),
  concept(
    [
      "oceanography",
      "marine-geology",
      "marine-geophysics",
      "seabed-resources",
      "coastal-engineering",
      "river-and-coastal-engineering",
    ],
    `
    biển; đại dương; hải dương học; đáy biển; bờ biển; xói lở bờ biển; cảng biển; sea; ocean; marine
    seabed; seafloor; coastal; coast; coastline; coastal erosion; port
  `,
  ),
  concept(
    ["geomagnetism", "earth-sciences", "geology"],
    `
    từ trường; địa từ; địa chất; khảo sát địa chất; geomagnetic; earth science; geology
  `,
  ),
  concept(
    ["hydraulic-engineering", "hydraulics", "water-resources-engineering", "water-resources"],
    `
    thủy lợi; thủy điện; đập; hồ chứa; kênh mương; tưới; tưới tiêu; tưới nước; thoát nước
    hydraulics; dam; dams; irrigation; hydropower; drainage
  `,
  ),
  concept(
    ["fluid-mechanics", "solid-mechanics"],
    `
    cơ học; khí động học; dòng chảy; mô phỏng dòng chảy; dao động; độ bền kết cấu; chịu lực
    mechanics; fluid dynamics; cfd; aerodynamics; vibration; stress analysis
  `,
  ),
  concept(
    ["electrical-engineering", "electrical-power-engineering"],
    `
    điện; điện lực; lưới điện; mất điện; trạm biến áp; hệ thống điện; thiết bị điện; tủ điện; power grid
    power outage; electrical; electricity; electric power; substation
  `,
  ),
  concept(
    ["electronics", "electronics-and-telecommunications", "electronics-manufacturing", "defence-electronics"],
    `
    điện tử; mạch điện tử; bảng mạch; lắp ráp điện tử; linh kiện điện tử; thiết bị điện tử; electronics
    electronic; pcb; circuit board; electronic components; electronics manufacturing
  `,
  ),
  concept(
    ["5g", "telecom-equipment", "smartphones", "mobile-software", "telecom-software"],
    `
    điện thoại; điện thoại thông minh; trạm phát sóng; thiết bị viễn thông; ứng dụng di động; smartphone
    smartphones; mobile phone; 5g; base station; telecom equipment; mobile apps
  `,
  ),
  concept(
    [
      "computer-science",
      "information-technology",
      "information-communication-technology",
      "software",
      "saas",
      "digital-services",
      "digital-technology",
      "computer-networks",
      "human-computer-interaction",
    ],
    `
    công nghệ thông tin; tin học; máy tính; phần mềm; phần mềm quản lý; phần mềm dịch vụ; kỹ sư it
    dịch vụ số; it; software; computer; computers; computing; saas; software as a service; it engineers
  `,
  ),
  concept(
    ["managed-it-services", "internet-services", "network-infrastructure", "broadband-internet"],
    `
    mạng nội bộ; mạng văn phòng; lắp mạng; internet văn phòng; chập chờn; mất mạng; quản trị mạng
    office network; network; internet; managed it; it support
  `,
  ),
  concept(
    ["web-browser", "search-engine"],
    `
    trình duyệt; công cụ tìm kiếm; tìm kiếm; browser; web browser; search engine
  `,
  ),
  concept(
    ["cryptography", "antivirus-software"],
    `
    mật mã; mã hóa; chữ ký số; diệt virus; phần mềm diệt virus; chống virus; cryptography; encryption
    digital signature; antivirus; anti-virus
  `,
  ),
  concept(
    ["industrial-manufacturing", "high-tech-manufacturing", "industrial-engineering", "industrial-technology"],
    `
    sản xuất; nhà máy; xưởng; công nghiệp; quản lý sản xuất; năng suất; cải tiến quy trình; lean
    manufacturing; factory; factories; production; industrial; industry; lean manufacturing
  `,
  ),
  concept(
    ["aerospace-engineering", "satellite-engineering", "space-technology"],
    `
    hàng không; vũ trụ; vệ tinh; máy bay; tên lửa; phóng vệ tinh; aerospace; aviation; aircraft
    space; spacecraft; rocket
  `,
  ),
  concept(
    ["health-sciences", "nursing", "health-policy"],
    `
    điều dưỡng; y tá; chăm sóc người bệnh; chăm sóc người già; y tế; chính sách y tế; nursing; nurse
    nurses; elderly care; health policy; healthcare
  `,
  ),
  concept(
    ["sme-support", "startup-community", "startup-ecosystem", "innovation-ecosystem", "innovation"],
    `
    doanh nghiệp nhỏ; doanh nghiệp nhỏ và vừa; doanh nghiệp vừa và nhỏ; hộ kinh doanh; hỗ trợ doanh nghiệp
    đổi mới sáng tạo; cộng đồng khởi nghiệp; sự kiện khởi nghiệp; small business; sme; smes
    small and medium enterprises; innovation; startup community; networking
  `,
  ),
  concept(
    ["security-policing", "defence-military-science"],
    `
    an ninh; trật tự; phòng cháy chữa cháy; cháy nổ; quốc phòng; quân sự; policing; fire safety
    defence; defense; military
  `,
  ),
  concept(
    ["civil-engineering", "urban-infrastructure", "engineering"],
    `
    xây dựng; kỹ thuật xây dựng; hạ tầng; hạ tầng đô thị; cầu cống; thoát nước đô thị; thi công
    công trình xây dựng; construction; civil engineering; infrastructure; urban infrastructure
    engineering
  `,
  ),
  concept(
    ["petroleum-engineering", "reservoir-engineering", "petroleum-geology"],
    `
    mỏ dầu; giếng dầu; khoan dầu; thăm dò dầu khí; khai thác dầu khí; oil field; oil well; drilling
    oil exploration; reservoir engineering
  `,
  ),
  concept(
    ["research-and-development", "deep-tech", "technology", "natural-sciences", "technology-assessment"],
    `
    nghiên cứu phát triển; nghiên cứu và phát triển; r&d; hợp tác nghiên cứu; đặt hàng nghiên cứu
    đánh giá công nghệ; thẩm định công nghệ; khoa học tự nhiên; research and development
    research collaboration; contract research; deep tech; deeptech; technology assessment
    natural sciences
  `,
  ),
  concept(
    ["social-sciences", "library-information-science", "taxonomy"],
    `
    khoa học xã hội; xã hội học; điều tra xã hội; khảo sát xã hội; thư viện; lưu trữ tài liệu
    phân loại học; định danh loài; social sciences; social research; survey; library; libraries
    archives; species identification
  `,
  ),
  concept(
    [
      "innovation-infrastructure",
      "startup-ecosystem-research",
      "urban-innovation",
      "expert-platforms",
      "it-talent-training",
      "logistics-technology",
    ],
    `
    khu công nghệ cao; hạ tầng đổi mới sáng tạo; hệ sinh thái khởi nghiệp; hỏi chuyên gia
    đào tạo lập trình; đào tạo it; học lập trình; phần mềm logistics; quản lý vận tải; hi-tech park; technology park; startup ecosystem; ask an expert; expert platform
    coding bootcamp; learn programming; it training; logistics software; transport management
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

/**
 * Terms → the fields they stand for, each term under two keys: folded (for a
 * query typed without marks) and, when it has marks, with them (termKey).
 */
export type ConceptIndex = Map<string, Set<string>>;

/**
 * A term's key. Typed with marks, the marks count: folding alone makes "ví
 * điện tử" (e-wallet) "vi điện tử" (microelectronics) and "cần" (need) "cân"
 * (scales). The tone mark goes after its syllable, so that "hoà" and "hòa",
 * placed either way, are one key. Without marks: folded, plurals singular.
 */
export function termKey(text: string): string {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (/^[\x00-\x7f]*$/.test(text)) return words.map((word) => conceptWord(foldText(word))).join(" ");
  return words
    .map((word) => {
      const letters = word.normalize("NFD");
      return letters.replace(TONES, "") + (letters.match(TONES) ?? []).join("");
    })
    .join(" ");
}

/** Vietnamese tone marks, decomposed: grave, acute, tilde, hook above, dot below. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The concept words and, for the query side, the fields' own names: term → fields (see termKey). */
export function buildConceptIndex(
  fields: readonly { slug: string; nameVi: string; nameEn: string }[],
  concepts: readonly Concept[] = CONCEPTS,
): ConceptIndex {
  const index: ConceptIndex = new Map();
  const add = (term: string, slug: string) => {
    for (const key of new Set([termKey(foldText(term)), termKey(term)])) {
      if (key.length < 2) continue;
      const slugs = index.get(key) ?? new Set<string>();
      slugs.add(slug);
      index.set(key, slugs);
    }
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
  xưởng tôi; bên tôi; bên mình; bên em; chúng tôi; chúng mình; tôi; mình; con tôi; cần; cần tìm
  muốn; muốn tìm; đang; đang tìm; tìm; tìm giúp; tìm chỗ; tìm nơi; tìm đơn vị; đơn vị nào; chỗ nào; nơi nào
  ai có thể; ở đâu; đâu; nào; có thể; có ai; có; không; được; giúp; giúp tôi; giúp với; cho tôi; hộ
  làm sao; làm thế nào; như thế nào; thế nào; hãy; ạ; nhé; với; nhờ; liên hệ; xin; hỏi; cách; gì; bằng
  nhận; dùng; sử dụng; cho; dành cho; đơn vị; chỗ; nơi; for; use; using
  our company; my company; my business; our business; our factory; my factory; where; where can; can; could
  who; whom; how; how do; what; which; i; we; our; ours; my; me; us; you; your; need; needs
  needed; want; wants; looking; looking for; find; finding; someone; somebody; anyone; company that
  help; helps; please; get; got; getting; the; a; an; is; are; be; to; for; on; at; do; does; some; any
  `
    .split(/[;\n]/)
    .map((phrase) => phrase.trim())
    .filter(Boolean)
    // Keyed like terms (termKey): "gì" (what) is filler, "gỉ" (rust) is not. A
    // one-word filler with marks is filler only typed with them: "noi" may be "nói".
    .flatMap((phrase) => (phrase.includes(" ") ? [termKey(phrase), termKey(foldText(phrase))] : [termKey(phrase)])),
);
const MAX_FILLER_WORDS = 4;

/**
 * Words after which a query says whom it is for, not what it is about ("hóa
 * đơn điện tử cho doanh nghiệp nhỏ", "food testing for export"): their
 * concepts count only when the words before have none.
 */
const BENEFICIARY = new Set(["cho", "danh cho", "for"]);

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
  const folded = typed.map((word) => foldText(word));
  const read = { fields: new Set<string>(), terms: [] as string[] };
  const after = { fields: new Set<string>(), terms: [] as string[] };
  let found = read;
  const kept: string[] = [];
  const meant: string[] = [];
  let start = 0;
  while (start < typed.length) {
    let term = longest(typed, start, MAX_TERM_WORDS, (words) => index.has(termKey(words)));
    const filler = longest(typed, start, MAX_FILLER_WORDS, (words) => FILLER.has(termKey(words)));
    if (filler && BENEFICIARY.has(folded.slice(start, start + filler).join(" "))) found = after;
    // A filler word is not read as a one-word term ("can", "cần" folded to "cân").
    if (term === 1 && filler) term = 0;
    if (term) {
      const words = typed.slice(start, start + term);
      for (const slug of index.get(termKey(words.join(" ")))!) found.fields.add(slug);
      found.terms.push(foldText(words.join(" ")));
      // A word of several syllables is searched as one phrase: its syllables
      // never match apart ("xử lý" of language processing) or by typo.
      kept.push(term > 1 ? `"${words.join(" ")}"` : words.join(" "));
      meant.push(...folded.slice(start, start + term));
    } else if (!filler) {
      kept.push(typed[start]!);
      meant.push(folded[start]!);
    }
    start += term || filler || 1;
  }
  if (hasNameWord(meant)) return { fields: [], terms: [], words: q };
  const { fields, terms } = read.fields.size ? read : after;
  return { fields: [...fields], terms, words: kept.length ? kept.join(" ") : q };
}

/** The fields a query speaks of (readQuery); nothing for a name search. */
export function detectConcepts(q: string, index: ConceptIndex): string[] {
  return readQuery(q, index).fields;
}

/** The number of words from start (at most max) that form the longest key found, or 0. */
function longest(words: readonly string[], start: number, max: number, has: (words: string) => boolean): number {
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
