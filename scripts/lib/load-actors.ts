import { enqueueSearchSync } from "#search/outbox";
import type { PrismaClient } from "~/generated/prisma/client";
import { createRequestInTransaction } from "~/models/request.server";
import { write } from "~/models/write.server";
import { hashPassword } from "~/auth/password.server";
import { createSession, generateSessionToken, SESSION_COOKIE } from "~/auth/session.server";
import { RequestSchema } from "~/validation/request";

/**
 * The people of the load test, one per simulated client: a business member
 * signed in, with an open public request, a researcher's response to it
 * accepted into a match, and a message thread the client writes into.
 * Made afresh on each run (the previous run's are removed first).
 */
export const LOAD_PASSWORD = "load test password, not for production";
const EMAIL_DOMAIN = "loadtest.example.vn";

export type LoadActor = { email: string; cookie: string; requestId: string; matchId: string };

export async function prepareLoadActors(prisma: PrismaClient, count: number): Promise<LoadActor[]> {
  await prisma.user.deleteMany({ where: { email: { endsWith: `@${EMAIL_DOMAIN}` } } });
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  const deadline = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const actors: LoadActor[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `business-${index}@${EMAIL_DOMAIN}`;
    const business = await prisma.user.create({
      data: { email, name: `Doanh nghiệp thử tải ${index}`, passwordHash, accountType: "business" },
    });
    const researcher = await prisma.user.create({
      data: {
        email: `researcher-${index}@${EMAIL_DOMAIN}`,
        name: `Nhà khoa học thử tải ${index}`,
        passwordHash,
        accountType: "researcher",
      },
    });
    const expert = await prisma.expertProfile.create({
      data: {
        userId: researcher.id,
        slug: `load-expert-${index}`,
        fullName: `TS. Thử Tải ${index}`,
        bioVi: "Nghiên cứu vật liệu nano cho cảm biến khí.",
        keywords: "cảm biến khí, vật liệu nano",
        status: "draft",
      },
    });
    const input = RequestSchema.parse({
      title: `Cảm biến khí cho nhà máy ${index}`,
      problem:
        "Nhà máy cần cảm biến khí độ nhạy cao, giá thấp để phát hiện rò rỉ khí độc, thử nghiệm trong điều kiện thực tế.",
      desiredOutcome: "Mẫu cảm biến hoạt động ổn định và quy trình chế tạo có thể chuyển giao.",
      fieldSlugs: ["sensors"],
      sector: "chemicals_materials",
      trl: "5",
      budget: "to_discuss",
      deadline,
      visibility: "public",
      companySize: "small",
      companyName: `Công ty Thử Tải ${index}`,
    });
    const request = await write((tx, effects) => createRequestInTransaction(business.id, input, tx, effects), {
      db: prisma,
    });
    // Opened directly, as if an official had approved it, and queued for the requests index.
    await prisma.techRequest.update({
      where: { id: request.id },
      data: { status: "open", publishedAt: new Date(), reviewedAt: new Date() },
    });
    await enqueueSearchSync(prisma, "request", [request.id]);
    const response = await prisma.requestResponse.create({
      data: {
        requestId: request.id,
        responderId: researcher.id,
        expertId: expert.id,
        approach: "Màng oxit kim loại cấu trúc nano.",
        experience: "Mười năm về cảm biến.",
        timeline: "6 tháng",
        status: "accepted",
      },
    });
    const match = await prisma.match.create({ data: { requestId: request.id, responseId: response.id } });
    const token = generateSessionToken();
    await createSession(token, business.id, { db: prisma });
    actors.push({ email, cookie: `${SESSION_COOKIE}=${token}`, requestId: request.id, matchId: match.id });
  }
  return actors;
}
