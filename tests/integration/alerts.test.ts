import { beforeAll, describe, expect, test } from "vitest";
import { enqueueSearchSync } from "#search/outbox";
import { prepareSearch } from "#search/prepare";
import { prisma } from "~/db/client.server";
import { runAlerts } from "~/models/alerts.server";
import { sendWeeklyDigests } from "~/models/digest.server";
import { refreshExpertSearchText } from "~/models/expert.server";
import { refreshRequestSearchText } from "~/models/request.server";
import {
  deleteSavedSearch,
  listSavedSearches,
  MAX_SAVED_SEARCHES,
  saveSearch,
  updateSavedSearch,
} from "~/models/saved-search.server";
import { readUnsubscribeToken } from "~/models/unsubscribe.server";
import type { Frequency, SavedList } from "~/utils/saved-search";
import { makeOffer, makeOrganization, makeUser, word } from "../factories";
import { drainOutbox, withEngineDown } from "./helpers";

/**
 * Saved searches, their alerts and the weekly digest (docs/decisions/068): saving
 * (canonical, deduplicated, limited), new results found by each list's own search, each
 * told once (concurrent runs included) by the member's channel, and the digest.
 */
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  await prepareSearch(prisma);
  await drainOutbox();
});

async function savedSearch(
  userId: string,
  list: SavedList,
  query: string,
  options: { frequency?: Frequency; checkedAt?: Date } = {},
) {
  const saved = await saveSearch(userId, {
    list,
    query,
    label: `Tìm ${query}`,
    frequency: options.frequency ?? "instant",
  });
  if (!("saved" in saved)) throw new Error("not saved");
  return prisma.savedSearch.update({ where: { id: saved.id }, data: { checkedAt: options.checkedAt ?? ago(HOUR) } });
}

async function openRequest(title: string, options: { publishedAt?: Date; sector?: string; status?: string } = {}) {
  const author = await makeUser({ label: "alerts-author", password: null });
  const created = await prisma.techRequest.create({
    data: {
      authorId: author.id,
      companyName: "Công ty Thử",
      sector: options.sector ?? "electronics",
      companySize: "small",
      title,
      problem: "Cần một giải pháp phù hợp.",
      desiredOutcome: "Quy trình được thử nghiệm.",
      trl: 4,
      budget: "to_discuss",
      deadline: new Date(Date.now() + 30 * 24 * HOUR),
      status: options.status ?? "open",
      publishedAt: options.publishedAt ?? new Date(),
    },
  });
  await refreshRequestSearchText(created.id, prisma);
  await enqueueSearchSync(prisma, "request", [created.id]);
  return created;
}

async function expert(name: string, publishedAt = new Date()) {
  const user = await makeUser({ label: "alerts-expert", accountType: "researcher", password: null });
  const created = await prisma.expertProfile.create({
    data: { userId: user.id, slug: `alerts-${word()}`, fullName: name, status: "published", publishedAt },
  });
  await refreshExpertSearchText(created.id, prisma);
  await enqueueSearchSync(prisma, "expert", [created.id]);
  return created;
}

async function organization(name: string, createdAt?: Date) {
  const created = await makeOrganization({ nameVi: name, nameEn: name });
  if (createdAt) await prisma.organization.update({ where: { id: created.id }, data: { createdAt } });
  return created;
}

const notificationsOf = (userId: string) =>
  prisma.notification.findMany({ where: { userId, type: "alert" }, orderBy: { createdAt: "asc" } });
const mailsTo = (email: string) => prisma.mailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

describe("saving", () => {
  test("the list's canonical query without the page; the same search again changes the first", async () => {
    const member = await makeUser({ label: "alerts-save", password: null });
    const first = await saveSearch(member.id, {
      list: "requests",
      query: "page=3&sector=electronics&q=+cảm+biến+&sector=nope",
      label: "Cảm biến",
      frequency: "daily",
    });
    expect(first).toMatchObject({ saved: "created" });
    const again = await saveSearch(member.id, {
      list: "requests",
      query: "q=cảm biến&sector=electronics",
      label: "Cảm biến khí",
      frequency: "instant",
    });
    expect(again).toEqual({ saved: "updated", id: "id" in first ? first.id : "" });
    const [saved] = await listSavedSearches(member.id);
    expect(await listSavedSearches(member.id)).toHaveLength(1);
    expect(saved).toMatchObject({ list: "requests", label: "Cảm biến khí", frequency: "instant" });
    expect(new URLSearchParams(saved!.query).getAll("sector")).toEqual(["electronics"]);
    expect(new URLSearchParams(saved!.query).get("q")).toBe("cảm biến");
    expect(saved!.query).not.toContain("page");
    expect(saved!.url).toBe(`/requests?${saved!.query}`);
  });

  test(`at most ${MAX_SAVED_SEARCHES} searches a member; re-saving one of them still works`, async () => {
    const member = await makeUser({ label: "alerts-limit", password: null });
    for (let i = 0; i < MAX_SAVED_SEARCHES; i++) {
      await saveSearch(member.id, { list: "experts", query: `q=w${i}`, label: `S${i}`, frequency: "weekly" });
    }
    const over = await saveSearch(member.id, { list: "experts", query: "q=over", label: "Over", frequency: "weekly" });
    expect(over).toEqual({ refused: "limit" });
    expect(await prisma.savedSearch.count({ where: { userId: member.id } })).toBe(MAX_SAVED_SEARCHES);
    const resaved = await saveSearch(member.id, { list: "experts", query: "q=w0", label: "S0b", frequency: "daily" });
    expect(resaved).toMatchObject({ saved: "updated" });
  });

  test("only its member changes or deletes a search", async () => {
    const owner = await makeUser({ label: "alerts-owner", password: null });
    const other = await makeUser({ label: "alerts-other", password: null });
    const search = await savedSearch(owner.id, "offers", "q=kinh");
    expect(await updateSavedSearch(other.id, search.id, { label: "Khác", frequency: "daily" })).toBe(false);
    expect(await deleteSavedSearch(other.id, search.id)).toBe(false);
    expect(await prisma.savedSearch.findUnique({ where: { id: search.id } })).toMatchObject({ label: search.label });
    expect(await updateSavedSearch(owner.id, search.id, { label: "Kính hiển vi", frequency: "daily" })).toBe(true);
    expect(await deleteSavedSearch(owner.id, search.id)).toBe(true);
    expect(await deleteSavedSearch(owner.id, search.id)).toBe(false);
  });
});

describe("alerts through each list's search", () => {
  const cases: [SavedList, (token: string, old: boolean) => Promise<string>][] = [
    [
      "requests",
      async (token, old) =>
        `/requests/${(await openRequest(`Đặt hàng ${token}`, old ? { publishedAt: ago(2 * HOUR) } : {})).id}`,
    ],
    [
      "experts",
      async (token, old) => `/experts/${(await expert(`Chuyên gia ${token}`, old ? ago(2 * HOUR) : new Date())).slug}`,
    ],
    [
      "directory",
      async (token, old) =>
        `/organizations/${(await organization(`Phòng thí nghiệm ${token}`, old ? ago(2 * HOUR) : undefined)).slug}`,
    ],
    [
      "offers",
      async (token, old) =>
        `/offers/${(await makeOffer({ nameVi: `Dịch vụ ${token}`, nameEn: `Service ${token}`, ...(old ? { publishedAt: ago(2 * HOUR) } : {}) })).id}`,
    ],
  ];
  for (const [list, make] of cases) {
    test(`${list}: the new public items the list's search finds for the saved words, once`, async () => {
      const token = word();
      const member = await makeUser({ label: `alerts-${list}`, password: null });
      const search = await savedSearch(member.id, list, `q=${token}`);
      const fresh = await make(token, false);
      const old = await make(token, true); // public before the search was last checked
      const other = await make(word(), false); // new, but other words
      await drainOutbox();
      expect(await runAlerts("instant", { userIds: [member.id] })).toMatchObject({ alerts: 1 });
      const [notification, ...more] = await notificationsOf(member.id);
      expect(more).toEqual([]);
      expect(JSON.parse(notification!.data)).toMatchObject({ key: "alerts.notify", params: { count: 1 } });
      expect(notification!.url).toBe(
        `${{ directory: "/directory", experts: "/experts", requests: "/requests", offers: "/offers" }[list]}?q=${token}`,
      );
      const [mail] = await mailsTo(member.email);
      expect(mail!.text).toContain(fresh);
      expect(mail!.text).not.toContain(old);
      expect(mail!.text).not.toContain(other);
      // Run again: nothing new.
      expect(await runAlerts("instant", { userIds: [member.id] })).toMatchObject({ alerts: 0 });
      expect(await notificationsOf(member.id)).toHaveLength(1);
      expect(
        (await prisma.savedSearch.findUniqueOrThrow({ where: { id: search.id } })).checkedAt > search.checkedAt,
      ).toBe(true);
    });
  }

  test("the mail names the new items with links and carries the one-click unsubscribe headers", async () => {
    const token = word();
    const member = await makeUser({ label: "alerts-mail", password: null });
    const search = await savedSearch(member.id, "requests", `q=${token}`);
    const request = await openRequest(`Cảm biến ${token}`);
    await drainOutbox();
    await runAlerts("instant", { userIds: [member.id] });
    const [mail] = await mailsTo(member.email);
    expect(mail!.subject).toContain(`1 kết quả mới cho tìm kiếm “Tìm q=${token}”`);
    expect(mail!.text).toContain(`Cảm biến ${token}`);
    expect(mail!.text).toContain(`/requests/${request.id}`);
    expect(mail!.text).toContain(`/requests?q=${token}`);
    const headers = JSON.parse(mail!.headers!) as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const token64 = headers["List-Unsubscribe"]!.match(/\/unsubscribe\/([^>]+)>/)![1]!;
    expect(await readUnsubscribeToken(token64)).toEqual({
      userId: member.id,
      scope: { kind: "search", id: search.id },
    });
    expect(mail!.text).toContain(`/unsubscribe/${token64}`);
  });

  test("a filter the item does not meet keeps it out; the database answers the same when the engine is down", async () => {
    const token = word();
    const member = await makeUser({ label: "alerts-filter", password: null });
    await savedSearch(member.id, "requests", `q=${token}&sector=electronics`);
    const fits = await openRequest(`Đặt hàng ${token}`, { sector: "electronics" });
    await openRequest(`Đặt hàng ${token}`, { sector: "agriculture_food" });
    await drainOutbox();
    await withEngineDown(() => runAlerts("instant", { userIds: [member.id] }));
    const [mail] = await mailsTo(member.email);
    expect(mail!.text).toContain(`/requests/${fits.id}`);
    expect(mail!.subject).toContain("1 kết quả mới");
  });

  test("items still waiting for the index are told on a later round, not missed", async () => {
    const token = word();
    const member = await makeUser({ label: "alerts-lag", password: null });
    const search = await savedSearch(member.id, "requests", `q=${token}`);
    await openRequest(`Đặt hàng ${token}`);
    await runAlerts("instant", { userIds: [member.id] });
    expect(await notificationsOf(member.id)).toHaveLength(0);
    expect((await prisma.savedSearch.findUniqueOrThrow({ where: { id: search.id } })).checkedAt).toEqual(
      search.checkedAt,
    );
    await drainOutbox();
    await runAlerts("instant", { userIds: [member.id] });
    expect(await notificationsOf(member.id)).toHaveLength(1);
  });

  test("with the engine down, items it has not indexed are told at once through the database", async () => {
    const token = word();
    const member = await makeUser({ label: "alerts-engine-down", password: null });
    await savedSearch(member.id, "requests", `q=${token}`);
    const request = await openRequest(`Đặt hàng ${token}`);
    // Its outbox row waits for an engine that does not answer: nothing would drain it.
    await withEngineDown(() => runAlerts("instant", { userIds: [member.id] }));
    expect(await notificationsOf(member.id)).toHaveLength(1);
    const [mail] = await mailsTo(member.email);
    expect(mail!.text).toContain(`/requests/${request.id}`);
    await drainOutbox();
  });

  test("concurrent runs tell a search once", async () => {
    const token = word();
    const member = await makeUser({ label: "alerts-race", password: null });
    await savedSearch(member.id, "requests", `q=${token}`);
    await openRequest(`Đặt hàng ${token}`);
    await drainOutbox();
    await Promise.all([1, 2, 3].map(() => runAlerts("instant", { userIds: [member.id] })));
    expect(await notificationsOf(member.id)).toHaveLength(1);
    expect(await mailsTo(member.email)).toHaveLength(1);
  });

  test("daily searches run a day after their last check; weekly ones a week after, unless the digest carries them", async () => {
    const token = word();
    const member = await makeUser({ label: "alerts-daily", password: null });
    await prisma.user.update({ where: { id: member.id }, data: { weeklyDigest: false } });
    const recent = await savedSearch(member.id, "requests", `q=${token}`, {
      frequency: "daily",
      checkedAt: ago(2 * HOUR),
    });
    const weekly = await savedSearch(member.id, "requests", `q=${token}&sector=electronics`, {
      frequency: "weekly",
      checkedAt: ago(8 * 24 * HOUR),
    });
    await openRequest(`Đặt hàng ${token}`);
    await drainOutbox();
    await runAlerts("daily", { userIds: [member.id] });
    expect(await notificationsOf(member.id)).toHaveLength(0);
    await prisma.savedSearch.update({ where: { id: recent.id }, data: { checkedAt: ago(25 * HOUR) } });
    await runAlerts("daily", { userIds: [member.id] });
    await runAlerts("daily", { userIds: [member.id] });
    expect(await notificationsOf(member.id)).toHaveLength(1);
    await runAlerts("weekly", { userIds: [member.id] });
    await runAlerts("weekly", { userIds: [member.id] });
    expect(await notificationsOf(member.id)).toHaveLength(2);
    // With the digest on, the weekly search waits for it.
    await prisma.user.update({ where: { id: member.id }, data: { weeklyDigest: true } });
    await prisma.savedSearch.update({ where: { id: weekly.id }, data: { checkedAt: ago(8 * 24 * HOUR) } });
    await runAlerts("weekly", { userIds: [member.id] });
    expect(await notificationsOf(member.id)).toHaveLength(2);
  });

  test("the member's channel for alerts: in the portal only, or not at all", async () => {
    const token = word();
    const quiet = await makeUser({ label: "alerts-inapp", password: null });
    const off = await makeUser({ label: "alerts-off", password: null });
    await prisma.notificationPreference.create({ data: { userId: quiet.id, type: "alert", channel: "in_app" } });
    await prisma.notificationPreference.create({ data: { userId: off.id, type: "alert", channel: "off" } });
    const offSearch = await savedSearch(off.id, "requests", `q=${token}`);
    await savedSearch(quiet.id, "requests", `q=${token}`);
    await openRequest(`Đặt hàng ${token}`);
    await drainOutbox();
    await runAlerts("instant", { userIds: [quiet.id, off.id] });
    expect(await notificationsOf(quiet.id)).toHaveLength(1);
    expect(await mailsTo(quiet.email)).toHaveLength(0);
    expect(await notificationsOf(off.id)).toHaveLength(0);
    expect(await mailsTo(off.email)).toHaveLength(0);
    // Off is still checked: turning alerts on later does not bring back old results.
    expect(
      (await prisma.savedSearch.findUniqueOrThrow({ where: { id: offSearch.id } })).checkedAt > offSearch.checkedAt,
    ).toBe(true);
  });
});

describe("the weekly digest", () => {
  test("the week's new results, suggestions, offers and digest-channel notifications, once a week", async () => {
    const token = word();
    const member = await makeUser({ label: "digest", accountType: "researcher", password: null });
    await prisma.user.update({ where: { id: member.id }, data: { locale: "en" } });
    const profile = await prisma.expertProfile.create({
      data: {
        userId: member.id,
        slug: `digest-${word()}`,
        fullName: "Digest Expert",
        status: "published",
        publishedAt: ago(30 * 24 * HOUR),
      },
    });
    await savedSearch(member.id, "requests", `q=${token}`, { frequency: "weekly", checkedAt: ago(7 * 24 * HOUR) });
    const found = await openRequest(`Request ${token}`);
    const suggested = await openRequest(`Suggested ${word()}`);
    await prisma.matchSuggestion.create({
      data: { requestId: suggested.id, targetType: "expert", expertId: profile.id, rank: 0, score: 3, reasons: "[]" },
    });
    const mine = await prisma.techRequest.update({
      where: { id: (await openRequest(`Mine ${word()}`)).id },
      data: { authorId: member.id },
    });
    const offer = await makeOffer({ nameEn: `Offer ${token}` });
    await prisma.offerMatchNotice.create({ data: { offerId: offer.id, userId: member.id, requestId: mine.id } });
    // An offer of a listing archived since it was told: not public, so not in the digest.
    const removed = await makeOrganization({ label: "digest-removed" });
    const ofRemoved = await makeOffer({ nameEn: `Removed ${token}`, organizationId: removed.id });
    await prisma.offerMatchNotice.create({ data: { offerId: ofRemoved.id, userId: member.id, requestId: mine.id } });
    await prisma.organization.update({ where: { id: removed.id }, data: { status: "archived" } });
    await prisma.notificationPreference.create({ data: { userId: member.id, type: "message", channel: "digest" } });
    const note = (type: string, title: string) =>
      prisma.notification.create({
        data: {
          userId: member.id,
          type,
          url: "/messages",
          data: JSON.stringify({ key: "alerts.notify", params: { label: title, count: 1 } }),
        },
      });
    await note("message", `digest-note-${token}`);
    await note("response", `not-in-digest-${token}`);
    await drainOutbox();

    await sendWeeklyDigests();
    const [mail, ...more] = await mailsTo(member.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toContain("Your week on the portal");
    expect(mail!.text).toContain(`/requests/${found.id}`);
    expect(mail!.text).toContain(`Suggested`);
    expect(mail!.text).toContain(`/requests/${suggested.id}`);
    expect(mail!.text).toContain(`/offers/${offer.id}`);
    expect(mail!.text).not.toContain(`/offers/${ofRemoved.id}`);
    expect(mail!.text).toContain(`digest-note-${token}`);
    expect(mail!.text).not.toContain(`not-in-digest-${token}`);
    const headers = JSON.parse(mail!.headers!) as Record<string, string>;
    const link = headers["List-Unsubscribe"]!.match(/\/unsubscribe\/([^>]+)>/)![1]!;
    expect(await readUnsubscribeToken(link)).toEqual({ userId: member.id, scope: { kind: "digest" } });

    // The same week again: nothing more.
    await openRequest(`Request ${token} again`);
    await drainOutbox();
    await Promise.all([sendWeeklyDigests(), sendWeeklyDigests()]);
    expect(await mailsTo(member.email)).toHaveLength(1);
    // A week on: the next one.
    await prisma.user.update({ where: { id: member.id }, data: { digestSentAt: ago(7 * 24 * HOUR) } });
    await sendWeeklyDigests();
    expect(await mailsTo(member.email)).toHaveLength(2);
  });

  test("nothing new: no mail, and the week is done", async () => {
    const member = await makeUser({ label: "digest-quiet", password: null });
    await sendWeeklyDigests();
    expect(await mailsTo(member.email)).toHaveLength(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).digestSentAt).not.toBeNull();
  });

  test("a member who turned the digest off gets none", async () => {
    const member = await makeUser({ label: "digest-off", password: null });
    await prisma.user.update({ where: { id: member.id }, data: { weeklyDigest: false } });
    await prisma.notificationPreference.create({ data: { userId: member.id, type: "message", channel: "digest" } });
    await prisma.notification.create({
      data: {
        userId: member.id,
        type: "message",
        url: "/messages",
        data: JSON.stringify({ key: "alerts.title", params: {} }),
      },
    });
    await sendWeeklyDigests();
    expect(await mailsTo(member.email)).toHaveLength(0);
  });
});
