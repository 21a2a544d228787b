/** An expertise profile based abroad: how the expert works with Hanoi (docs/decisions/076). */
import { vocabulary } from "./vocabulary";

export const { values: WORK_MODES, labels: WORK_MODE_LABELS } = vocabulary({
  remote_advice: { vi: "Tư vấn từ xa", en: "Remote advice" },
  visits: { vi: "Về làm việc tại Hà Nội", en: "Visits to Hanoi" },
  co_supervision: { vi: "Đồng hướng dẫn nghiên cứu sinh, học viên", en: "Co-supervision of students" },
  joint_projects: { vi: "Dự án nghiên cứu chung", en: "Joint projects" },
});
export type WorkMode = (typeof WORK_MODES)[number];
