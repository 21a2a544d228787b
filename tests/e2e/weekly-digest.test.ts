import { execFileSync } from "node:child_process";
import { expect, inject, test } from "vitest";
import { readMailbox } from "../mailbox";
import { makeUser } from "../factories";
import { useBrowser } from "./browser";
import { portalDb } from "./fixtures";
import { makeRequest, makeResearcher, makeSuggestion, word } from "./world";

/**
 * The weekly digest as its reader gets it (docs/decisions/068, 069): a researcher with a weekly
 * saved search, a request suggested to her this week and a kind of notification she reads in
 * the digest gets one mail holding all three; its one-click unsubscribe, opened at 360 px
 * without JavaScript and without signing in, stops the digest, and the next week sends none.
 */
const { openPage } = useBrowser();
const db = () => portalDb();
const DAY_MS = 24 * 60 * 60 * 1000;

/** The weekly digest run now on the portal's database, as the portal's worker runs it. */
function runDigest() {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/run-task.ts", "weekly-digest"], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${inject("portalDatabase")}`,
      APP_URL: inject("baseURL"),
      // The task reads lists through the database fallback, the same search the pages use.
      MEILI_HOST: "http://127.0.0.1:9",
      MEILI_TIMEOUT_MS: "200",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

const digestsTo = async (email: string) =>
  (await readMailbox(inject("mailbox"))).filter(
    (mail) => mail.to === email && mail.subject.startsWith("Tin mới trong tuần dành cho bạn"),
  );

test("the week's search results, suggestions and chosen notifications in one mail, and its unsubscribe", async () => {
  const curator = await makeUser({ label: "digest-curator", role: "curator" });
  const owner = await makeUser({ label: "digest-owner" });
  const reader = await makeResearcher("digest-reader");
  // Her weekly search, saved a day ago; a request it finds became public since.
  const found = await makeRequest(owner.id, { reviewerId: curator.id });
  await db().savedSearch.create({
    data: {
      userId: reader.id,
      list: "requests",
      query: `q=${found.titleToken}`,
      label: `Bảo quản ${found.titleToken}`,
      frequency: "weekly",
      checkedAt: new Date(Date.now() - DAY_MS),
    },
  });
  // A request the portal suggested to her this week.
  const suggested = await makeRequest(owner.id, { reviewerId: curator.id });
  await makeSuggestion(suggested.id, reader.expert.id, `màng phủ ${word(6)}`);
  // Messages reach her in the digest, and one came this week.
  const sender = `Chị ${word(6)}`;
  await db().notificationPreference.create({ data: { userId: reader.id, type: "message", channel: "digest" } });
  await db().notification.create({
    data: {
      userId: reader.id,
      type: "message",
      data: JSON.stringify({ key: "notify.message", params: { name: sender, title: "Báo giá phân tích" } }),
      url: "/messages",
    },
  });

  // Only hers is due: the other journeys' people are not this test's to mail.
  await db().user.updateMany({
    where: { id: { not: reader.id }, digestSentAt: null },
    data: { digestSentAt: new Date() },
  });
  runDigest();
  await expect.poll(async () => (await digestsTo(reader.email)).length, { timeout: 30_000 }).toBe(1);
  const [digest] = await digestsTo(reader.email);
  expect(digest!.text).toContain(`1 kết quả mới cho tìm kiếm “Bảo quản ${found.titleToken}”`);
  expect(digest!.links, "the search's new request").toContainEqual(expect.stringMatching(`/requests/${found.id}$`));
  expect(digest!.text).toContain("1 đặt hàng mới được gợi ý cho hồ sơ chuyên gia của bạn");
  expect(digest!.links, "the suggested request").toContainEqual(expect.stringMatching(`/requests/${suggested.id}$`));
  expect(digest!.text).toContain(`Tin nhắn mới từ ${sender} về “Báo giá phân tích”`);
  // A second run the same week sends nothing more.
  runDigest();

  // The one-click unsubscribe as delivered (headers unfolded, RFC 5322).
  const headers = digest!.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n(?=[ \t])/g, "");
  expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  const url = /^List-Unsubscribe: <([^>]+)>$/m.exec(headers)![1]!;
  expect(digest!.links).toContain(url);
  const page = await openPage({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
  await page.goto(new URL(url).pathname);
  expect(await page.getByText("Bạn sẽ không nhận bản tin hằng tuần qua e-mail nữa.").count(), "what it stops").toBe(1);
  // Opening the link changes nothing: mail scanners open links.
  expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).weeklyDigest).toBe(true);
  await page.getByRole("button", { name: "Ngừng nhận" }).click();
  await expect.poll(() => page.getByText("Đã xong. Bạn sẽ không nhận bản tin hằng tuần nữa.").count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "fits 360 px").toBe(
    true,
  );
  expect((await db().user.findUniqueOrThrow({ where: { id: reader.id } })).weeklyDigest).toBe(false);

  // Her next week, with something new again: no digest for her.
  await db().user.update({ where: { id: reader.id }, data: { digestSentAt: new Date(Date.now() - 8 * DAY_MS) } });
  await makeSuggestion((await makeRequest(owner.id, { reviewerId: curator.id })).id, reader.expert.id, word(6));
  runDigest();
  expect(await digestsTo(reader.email)).toHaveLength(1);
});
