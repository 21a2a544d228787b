import { describe, expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import {
  declineRequest,
  FOR_YOU_PER_PAGE,
  notForMeCounts,
  requestsForYou,
  undoDecline,
} from "~/models/requests-for-you.server";
import { hex, makeUser } from "../factories";

/** "Requests for you": what the list holds, who may decline, and the officials' counts. */

const DAY = 86_400_000;

async function researcher() {
  const user = await makeUser({ label: "for-you", accountType: "researcher", password: null });
  const expert = await prisma.expertProfile.create({
    data: { userId: user.id, slug: `for-you-${hex()}`, fullName: `Chuyên gia ${hex()}`, status: "published" },
  });
  return { ...user, expert };
}

async function openRequest(authorId: string, options: { status?: string; daysAgo?: number; anonymous?: boolean } = {}) {
  return prisma.techRequest.create({
    data: {
      authorId,
      companyName: `Công ty ${hex()}`,
      sector: "electronics",
      companySize: "small",
      district: "cau-giay",
      title: `Đặt hàng ${hex()}`,
      problem: "Cần cảm biến khí cho nhà máy.",
      desiredOutcome: "Mẫu thử.",
      trl: 5,
      budget: "to_discuss",
      deadline: new Date(Date.now() + 60 * DAY),
      visibility: options.anonymous ? "anonymous" : "public",
      status: options.status ?? "open",
      publishedAt: new Date(Date.now() - (options.daysAgo ?? 0) * DAY),
    },
  });
}

const suggest = (requestId: string, expertId: string) =>
  prisma.matchSuggestion.create({
    data: {
      requestId,
      targetType: "expert",
      expertId,
      rank: 0,
      score: 5,
      reasons: JSON.stringify([{ kind: "keywords", terms: ["cảm biến khí"] }]),
    },
  });

describe("the list", () => {
  test("suggested and invited open requests, newest first, with reasons, the note and their own response", async () => {
    const owner = await makeUser({ label: "for-you-owner", password: null });
    const me = await researcher();
    const older = await openRequest(owner.id, { daysAgo: 3, anonymous: true });
    const newer = await openRequest(owner.id, { daysAgo: 1 });
    const closed = await openRequest(owner.id, { status: "closed" });
    const invitedOnly = await openRequest(owner.id, { daysAgo: 2 });
    for (const request of [older, newer, closed]) await suggest(request.id, me.expert.id);
    await prisma.invitation.create({
      data: { requestId: invitedOnly.id, expertId: me.expert.id, invitedById: owner.id, note: "Mời anh" },
    });
    await prisma.requestResponse.create({
      data: {
        requestId: newer.id,
        responderId: me.id,
        expertId: me.expert.id,
        approach: "a",
        experience: "b",
        timeline: "c",
      },
    });
    const { items, total } = (await requestsForYou(me.id))!;
    expect(items.map((item) => item.request.id)).toEqual([newer.id, invitedOnly.id, older.id]);
    expect(total).toBe(3);
    expect(items[0]!.reasons).toEqual([{ kind: "keywords", terms: ["cảm biến khí"] }]);
    expect(items[0]!.response).toEqual({ status: "submitted" });
    expect(items[1]!).toMatchObject({ reasons: null, invitation: { note: "Mời anh" }, response: null });
    // An anonymous request's company is not sent.
    expect(items[2]!.request.companyName).toBeNull();
  });

  test("is paged, twenty a page; a page past the end shows the last", async () => {
    const owner = await makeUser({ label: "for-you-owner", password: null });
    const me = await researcher();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const request = await openRequest(owner.id, { daysAgo: i });
      await suggest(request.id, me.expert.id);
      ids.push(request.id);
    }
    const first = (await requestsForYou(me.id))!;
    expect(first).toMatchObject({ page: 1, pages: 2, total: 25 });
    expect(first.items.map((item) => item.request.id)).toEqual(ids.slice(0, FOR_YOU_PER_PAGE));
    const last = (await requestsForYou(me.id, 99))!;
    expect(last.page).toBe(2);
    expect(last.items.map((item) => item.request.id)).toEqual(ids.slice(FOR_YOU_PER_PAGE));
  });

  test("is null for a member without a published profile", async () => {
    const member = await makeUser({ label: "for-you-none", password: null });
    expect(await requestsForYou(member.id)).toBeNull();
    const drafted = await researcher();
    await prisma.expertProfile.update({ where: { id: drafted.expert.id }, data: { status: "draft" } });
    expect(await requestsForYou(drafted.id)).toBeNull();
  });
});

describe("not for me", () => {
  test("only for a request one was suggested for or invited to: otherwise 404 and nothing written", async () => {
    const owner = await makeUser({ label: "for-you-owner", password: null });
    const me = await researcher();
    const other = await researcher();
    const request = await openRequest(owner.id);
    await suggest(request.id, other.expert.id);
    const refused = await declineRequest(me.id, request.id, { reason: null, note: null }).catch((error) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(404);
    const business = await declineRequest(owner.id, request.id, { reason: null, note: null }).catch((e) => e);
    expect((business as Response).status).toBe(404);
    expect(await prisma.requestDecline.count({ where: { requestId: request.id } })).toBe(0);
    expect(await prisma.matchSuggestion.count({ where: { requestId: request.id } })).toBe(1);
  });

  test("an invited researcher declines; undo removes the decline and queues the request's recompute", async () => {
    const owner = await makeUser({ label: "for-you-owner", password: null });
    const me = await researcher();
    const request = await openRequest(owner.id);
    await prisma.invitation.create({ data: { requestId: request.id, expertId: me.expert.id, invitedById: owner.id } });
    expect(await declineRequest(me.id, request.id, { reason: "unclear", note: "Chưa rõ" })).toBe(true);
    expect((await requestsForYou(me.id))!.items.map((item) => item.request.id)).not.toContain(request.id);
    const queued = () => prisma.job.count({ where: { kind: "recompute-matches", payload: { contains: request.id } } });
    const before = await queued();
    expect(await undoDecline(me.id, request.id)).toBe(true);
    expect(await prisma.requestDecline.count({ where: { requestId: request.id } })).toBe(0);
    expect(await queued()).toBe(before + 1);
    expect((await requestsForYou(me.id))!.items.map((item) => item.request.id)).toContain(request.id);
    // Undoing again changes nothing and queues nothing.
    expect(await undoDecline(me.id, request.id)).toBe(false);
    expect(await queued()).toBe(before + 1);
  });
});

describe("officials' counts", () => {
  test("per reason (none given counted too), over all time and the last 90 days", async () => {
    const owner = await makeUser({ label: "for-you-owner", password: null });
    const before = await notForMeCounts();
    const declines: [string | null, number][] = [
      ["budget", 5],
      ["budget", 200],
      [null, 1],
      ["outside_expertise", 89],
    ];
    for (const [reason, daysAgo] of declines) {
      const me = await researcher();
      const request = await openRequest(owner.id);
      await prisma.requestDecline.create({
        data: {
          requestId: request.id,
          expertId: me.expert.id,
          reason,
          createdAt: new Date(Date.now() - daysAgo * DAY),
        },
      });
    }
    const after = await notForMeCounts();
    const delta = after.map((row, i) => ({
      reason: row.reason,
      all: row.all - before[i]!.all,
      recent: row.recent - before[i]!.recent,
    }));
    expect(delta.filter((row) => row.all > 0)).toEqual([
      { reason: "outside_expertise", all: 1, recent: 1 },
      { reason: "budget", all: 2, recent: 1 },
      { reason: null, all: 1, recent: 1 },
    ]);
  });
});
