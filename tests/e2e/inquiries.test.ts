import fs from "node:fs";
import path from "node:path";
import { expect, inject, test } from "vitest";
import { readMailbox } from "../mailbox";
import { useBrowser } from "./browser";
import { makeOffer, makeUser, word } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";
import { makeFoodCompany, manage } from "./world";

/**
 * A startup contacts a lab from an offer's page at phone size, in Vietnamese, without
 * JavaScript; the lab's manager reads it in /messages and replies; the startup sees the
 * reply. Both are notified in the portal and by e-mail, and no page shows an address.
 * Screenshots of the form, the inbox and the thread go to test-output/inquiries/ (not
 * committed) for a person to look at.
 */
const { openPage } = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, locale: "vi-VN", javaScriptEnabled: false } as const;
const SHOTS = path.resolve("test-output", "inquiries");

type Page = import("playwright-core").Page;

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  // Nothing wider than the phone: no sideways scrolling.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name} scrolls sideways`).toBeLessThanOrEqual(390);
}

const mailsTo = async (email: string) => (await readMailbox(inject("mailbox"))).filter((mail) => mail.to === email);

test("a startup sends an inquiry from an offer's page without JavaScript; the manager replies in /messages", async () => {
  const lab = await makeFoodCompany("lab");
  const offer = await makeOffer({ organizationId: lab.id, nameVi: `Phân tích dư lượng ${word()}` });
  const manager = await makeUser({ label: "manager", name: "Trần Thị Bình" });
  await manage(manager.id, lab.id);
  const startup = await makeUser({ label: "startup", name: "Lê Minh Châu" });
  const question = `Chúng tôi cần phân tích 20 mẫu rau ${word()} trong tháng này. Giá và thời gian thế nào?`;
  const reply = `Chào chị, phòng thí nghiệm nhận mẫu từ thứ Hai ${word()}.`;

  // 1. The startup, on a phone without JavaScript, writes from the offer's page.
  const startupPage = await openPage(PHONE);
  await signInAs(startup.id, startupPage.context());
  await startupPage.goto(`/offers/${offer.id}`);
  await expect.poll(() => startupPage.getByRole("heading", { name: "Nhắn tin trực tiếp" }).isVisible()).toBe(true);
  // Too short first: refused with the field's message, what was typed kept.
  await startupPage.getByLabel("Nội dung").fill("Giá?");
  await startupPage.getByRole("button", { name: "Gửi liên hệ" }).click();
  await expect.poll(() => startupPage.getByLabel("Nội dung").inputValue()).toBe("Giá?");
  expect(await portalDb().conversation.count({ where: { starterId: startup.id } })).toBe(0);
  await startupPage.getByLabel("Nội dung").fill(question);
  await shoot(startupPage, "1-inquiry-form");
  await startupPage.getByRole("button", { name: "Gửi liên hệ" }).click();
  await startupPage.waitForURL(/\/messages\/[a-z0-9]+/);
  const thread = new URL(startupPage.url()).pathname;
  expect(await startupPage.locator("main").innerText()).toContain(question);

  // 2. The manager is told (notification and a Vietnamese e-mail naming who and what), reads it, replies.
  await expect.poll(async () => (await mailsTo(manager.email)).length, { timeout: 20_000 }).toBe(1);
  const [mail] = await mailsTo(manager.email);
  expect(mail!.subject).toContain("Lê Minh Châu liên hệ với bạn về");
  expect(mail!.text).toContain(question);
  expect(mail!.links.some((link) => link.endsWith(thread))).toBe(true);
  expect(mail!.text).not.toContain(startup.email);
  const managerPage = await openPage(PHONE);
  await signInAs(manager.id, managerPage.context());
  await managerPage.goto("/messages");
  // The header counts one unread conversation.
  expect(await managerPage.locator('header a[href="/messages"] span[aria-hidden]').first().innerText()).toBe("1");
  await shoot(managerPage, "2-inbox");
  await managerPage.getByRole("link", { name: offer.nameVi! }).click();
  await managerPage.waitForURL((url) => url.pathname === thread);
  const seen = await managerPage.locator("main").innerText();
  expect(seen).toContain(question);
  expect(seen).toContain("Lê Minh Châu");
  await managerPage.getByLabel("Tin nhắn").fill(reply);
  await managerPage.getByRole("button", { name: "Gửi", exact: true }).click();
  await expect.poll(async () => managerPage.locator("main").innerText()).toContain(reply);
  await shoot(managerPage, "3-thread");

  // 3. The startup is told too and sees the reply; neither side's address is on the page.
  await expect.poll(async () => (await mailsTo(startup.email)).length, { timeout: 20_000 }).toBe(1);
  expect((await mailsTo(startup.email))[0]!.text).toContain(reply);
  expect(await portalDb().notification.count({ where: { userId: startup.id } })).toBe(1);
  expect(await portalDb().notification.count({ where: { userId: manager.id } })).toBe(1);
  await startupPage.goto(thread);
  const html = await startupPage.content();
  expect(html).toContain(reply);
  expect(html).not.toContain(manager.email);
  expect(html).not.toContain(startup.email);
  await shoot(startupPage, "4-thread-startup");
});

test("bad input, a bot, a resent form and a flood: 400 with the text kept, 400, one conversation, 429", async () => {
  const lab = await makeFoodCompany("lab");
  const manager = await makeUser({ label: "manager" });
  await manage(manager.id, lab.id);
  const sender = await makeUser({ label: "sender" });
  const http = httpClient({ cookie: await signInAs(sender.id) });
  const page = `/organizations/${lab.slug}`;
  const count = () => portalDb().conversation.count({ where: { starterId: sender.id } });

  const short = await http.post(page, { intent: "inquiry", body: "Giá <b>?" });
  expect(short.status).toBe(400);
  const html = await short.text();
  expect(html).toContain("Cần ít nhất 10 ký tự");
  expect(html).toContain("Giá &lt;b&gt;?");
  const bot = await http.post(page, { intent: "inquiry", body: "Mua hàng giá rẻ tại đây!", website_confirm: "x" });
  expect(bot.status).toBe(400);
  expect(await count()).toBe(0);

  const formToken = `resent-${word(20)}`;
  const first = await http.post(page, { intent: "inquiry", body: "Xin lịch làm việc tuần sau.", formToken });
  const again = await http.post(page, { intent: "inquiry", body: "Xin lịch làm việc tuần sau.", formToken });
  expect(first.status).toBe(302);
  expect(again.headers.get("location")).toBe(first.headers.get("location"));
  expect(await count()).toBe(1);

  // Ten an hour per account: the two above count, so the ninth more is refused.
  const statuses: number[] = [];
  for (let i = 0; i < 9; i++)
    statuses.push((await http.post(page, { intent: "inquiry", body: `Câu hỏi số ${i} về dịch vụ.` })).status);
  expect(statuses.slice(0, 8)).toEqual(Array(8).fill(302));
  expect(statuses[8]).toBe(429);
  expect(await count()).toBe(9);
});

test("the owner's responsiveness shows on its pages from five inquiries on, with the count", async () => {
  const lab = await makeFoodCompany("lab");
  const offer = await makeOffer({ organizationId: lab.id, nameVi: `Dịch vụ ${word()}` });
  const manager = await makeUser({ label: "manager" });
  await manage(manager.id, lab.id);
  const starter = await makeUser({ label: "starter" });
  const visitor = httpClient();
  const figure = async (path: string) =>
    /data-testid="responsiveness"[^>]*>([^<]*(?:<!-- -->[^<]*)*)</
      .exec(await (await visitor.get(path)).text())?.[1]
      ?.replace(/<!-- -->/g, "");
  const hour = 3_600_000;
  for (let i = 0; i < 5; i++) {
    const startedAt = new Date(Date.now() - (i + 1) * 24 * hour);
    await portalDb().conversation.create({
      data: {
        kind: "inquiry",
        subject: "Hỏi",
        starterId: starter.id,
        organizationId: lab.id,
        createdAt: startedAt,
        messages: {
          create: [
            { senderId: starter.id, body: "Hỏi", createdAt: startedAt },
            // Four answered, after 1, 2, 6 and 8 hours: the median is 4 hours.
            ...(i < 4
              ? [
                  {
                    senderId: manager.id,
                    body: "Đáp",
                    createdAt: new Date(startedAt.getTime() + [1, 2, 6, 8][i]! * hour),
                  },
                ]
              : []),
          ],
        },
      },
    });
    if (i === 3) expect(await figure(`/organizations/${lab.slug}`)).toBeUndefined();
  }
  for (const path of [`/organizations/${lab.slug}`, `/offers/${offer.id}`])
    expect(await figure(path)).toBe("Trả lời 4/5 liên hệ · thường trong 4 giờ");
});
