import { enqueueSearchSync } from "#search/outbox";
import { refreshExpertSearchText } from "~/models/expert.server";
import { refreshRequestSearchText } from "~/models/request.server";
import {
  hex,
  makeMatchRow,
  makeMessage,
  makeOrganization,
  makeResponseConversation,
  makeUser,
  word,
} from "../factories";
import { portalDb } from "./portal-db";

/**
 * The people and things of the matchmaking world, written straight into the
 * running portal's database as the models would write them (search outbox
 * included), for tests that need them in a given state without clicking
 * through every step: the authorization matrix and the fuzz test.
 */

const db = () => portalDb();
export { hex, word };

let food: Promise<string> | null = null;
export function foodFieldId() {
  food ??= db()
    .field.findUniqueOrThrow({ where: { slug: "food-technology" } })
    .then((field) => field.id);
  return food;
}

/** A published food company: the field every request and expert of this world shares. */
export async function makeFoodCompany(label: string) {
  return makeOrganization({
    label,
    kind: "enterprise",
    nameVi: `Công ty Kiểm thử ${word()}`,
    nameEn: null,
    fieldIds: [await foodFieldId()],
  });
}

export async function manage(userId: string, organizationId: string) {
  await db().organizationManager.create({ data: { userId, organizationId } });
}

export async function makeExpert(userId: string, status: "published" | "draft" = "published") {
  const token = word();
  const profile = await db().expertProfile.create({
    data: {
      userId,
      slug: `test-expert-${hex()}`,
      fullName: `Chuyên gia ${token}`,
      bioVi: "Nghiên cứu công nghệ chế biến và bảo quản thực phẩm.",
      keywords: "bảo quản thực phẩm",
      status,
      publishedAt: status === "published" ? new Date() : null,
      fields: { create: [{ fieldId: await foodFieldId() }] },
    },
  });
  await refreshExpertSearchText(profile.id, db());
  await enqueueSearchSync(db(), "expert", [profile.id]);
  return { ...profile, token };
}

export async function makeResearcher(label = "researcher") {
  const user = await makeUser({ label, accountType: "researcher" });
  const expert = await makeExpert(user.id);
  return { ...user, expert };
}

export type RequestStatus = "pending" | "open" | "rejected" | "expired" | "closed";

export async function makeRequest(
  authorId: string,
  options: {
    reviewerId: string;
    status?: RequestStatus;
    visibility?: "public" | "anonymous";
    organizationId?: string;
    reviewNote?: string;
  },
) {
  const status = options.status ?? "open";
  const titleToken = word();
  const companyToken = word();
  const reviewed = status !== "pending";
  const published = ["open", "expired", "closed"].includes(status);
  const request = await db().techRequest.create({
    data: {
      authorId,
      organizationId: options.organizationId ?? null,
      companyName: `Công ty Bí Mật ${companyToken}`,
      sector: "agriculture_food",
      companySize: "small",
      district: "dong-anh",
      title: `Bảo quản nông sản sau thu hoạch ${titleToken}`,
      problem: "Cần công nghệ bảo quản rau quả tươi lâu hơn mà không dùng hóa chất độc hại, thử nghiệm tại kho lạnh.",
      desiredOutcome: "Quy trình bảo quản được thử nghiệm và chuyển giao.",
      trl: 5,
      budget: "to_discuss",
      deadline: status === "expired" ? new Date(Date.now() - 86_400_000) : new Date(Date.now() + 60 * 86_400_000),
      visibility: options.visibility ?? "public",
      status,
      reviewNote: options.reviewNote ?? null,
      reviewedAt: reviewed ? new Date() : null,
      reviewedById: reviewed ? options.reviewerId : null,
      publishedAt: published ? new Date() : null,
      outcome: status === "closed" ? "no_fit" : null,
      closedAt: status === "closed" ? new Date() : null,
      fields: { create: [{ fieldId: await foodFieldId() }] },
    },
  });
  await refreshRequestSearchText(request.id, db());
  await enqueueSearchSync(db(), "request", [request.id]);
  return { ...request, titleToken, companyToken };
}

export async function makeResponse(
  requestId: string,
  responder: { id: string; expert: { id: string } },
  status = "submitted",
) {
  const response = await db().requestResponse.create({
    data: {
      requestId,
      responderId: responder.id,
      expertId: responder.expert.id,
      approach: "Dùng màng phủ sinh học từ chitosan, thử nghiệm trên ba loại rau quả trong kho lạnh.",
      experience: "Mười năm nghiên cứu bảo quản sau thu hoạch.",
      timeline: "6 tháng",
      status,
    },
  });
  // Its conversation, as sending a response opens it.
  const request = await db().techRequest.findUniqueOrThrow({ where: { id: requestId } });
  await makeResponseConversation(request, response);
  return response;
}

/**
 * The portal suggests `expertId` for a request, with reasons stored as the matching stores
 * them: the food-technology field and one keyword.
 */
export async function makeSuggestion(requestId: string, expertId: string, keyword: string) {
  await db().matchSuggestion.create({
    data: {
      requestId,
      targetType: "expert",
      expertId,
      rank: 0,
      score: 8.5,
      reasons: JSON.stringify([
        { kind: "fields", fields: [{ vi: "Công nghệ thực phẩm", en: "Food technology" }] },
        { kind: "keywords", terms: [keyword] },
      ]),
    },
  });
}

/** An open request of `owner` with a response of `responder`, accepted into a match that has one message. */
export async function makeMatch(reviewerId: string) {
  const owner = await makeUser({ label: "owner" });
  const responder = await makeResearcher("responder");
  const request = await makeRequest(owner.id, { reviewerId, visibility: "anonymous" });
  const response = await makeResponse(request.id, responder, "accepted");
  const match = await makeMatchRow(request, response);
  const secret = `Tin nhắn riêng ${word()}`;
  await makeMessage(match.id, owner.id, secret);
  return { owner, responder, request, response, match, secret, people: { owner, responder } };
}
