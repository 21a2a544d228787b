import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test } from "vitest";
import { useBrowser } from "./browser";
import { makeUser, word } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/**
 * A conversation as two people use it on phones, in Vietnamese (docs/decisions/070):
 * each message with its Hanoi time under a day heading; one writes, the other sees it
 * arrive without reloading; a web address in a message is a link that opens a new tab,
 * and HTML stays text; a PDF sent with a message downloads for the other side with
 * the right headers, while a third member and a visitor get 404; a file that is not
 * what its name says is refused with the words kept, without JavaScript; a long thread
 * opens on its newest messages and loads older ones in place. Screenshots go to
 * /tmp/shots/i20-msgs/ (not committed).
 */
const { openPage } = useBrowser();
const PHONE = { viewport: { width: 360, height: 780 }, locale: "vi-VN" } as const;
const SHOTS = "/tmp/shots/i20-msgs";
const PDF = Buffer.from("%PDF-1.4\n% bao gia\ntrailer << >>\n%%EOF\n");

type Page = import("playwright-core").Page;

async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: !name.includes("long") });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name} scrolls sideways`).toBeLessThanOrEqual(360);
}

async function twoSides() {
  const starter = await makeUser({ label: "starter", name: "Lê Minh Châu" });
  const owner = await makeUser({ label: "owner", name: "Trần Thị Bình" });
  const conversation = await portalDb().conversation.create({
    data: { kind: "inquiry", subject: `Báo giá phân tích ${word()}`, starterId: starter.id, ownerUserId: owner.id },
  });
  return { starter, owner, conversation, thread: `/messages/${conversation.id}` };
}

test("two members write to each other: times, a message arriving without reload, a link, a PDF for members only", async () => {
  const { starter, owner, conversation, thread } = await twoSides();
  // Yesterday's greeting (in Hanoi time), so the thread has two day headings.
  const yesterday = new Date(Date.now() - 24 * 3_600_000);
  await portalDb().message.create({
    data: {
      conversationId: conversation.id,
      senderId: owner.id,
      body: "Chào chị, em nhận được rồi.",
      createdAt: yesterday,
    },
  });

  const starterPage = await openPage(PHONE);
  await signInAs(starter.id, starterPage.context());
  const ownerPage = await openPage(PHONE);
  await signInAs(owner.id, ownerPage.context());
  await starterPage.goto(thread);
  await ownerPage.goto(thread);
  for (const page of [starterPage, ownerPage])
    await expect.poll(() => page.locator("main time").first().isVisible()).toBe(true);
  expect(await ownerPage.locator("main ol").innerText()).toContain("Hôm qua");
  // Marked, so that a reload would show: the page must never reload to show the new message.
  await ownerPage.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  // The starter writes with a link and some HTML; the owner sees it arrive.
  const text = `Xem báo giá tại https://example.org/bao-gia?ma=${word()} <b>nhé</b> javascript:alert(1)`;
  await starterPage.getByLabel("Tin nhắn").fill(text);
  await starterPage.getByRole("button", { name: "Gửi", exact: true }).click();
  await expect.poll(() => ownerPage.locator("main ol").innerText()).toContain("<b>nhé</b> javascript:alert(1)");
  expect(await ownerPage.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(await ownerPage.locator("main ol").innerText()).toContain("Hôm nay");
  const link = ownerPage.locator('main ol a[href^="https://example.org/bao-gia"]');
  expect(await link.getAttribute("target")).toBe("_blank");
  expect(await link.getAttribute("rel")).toBe("noopener noreferrer nofollow ugc");
  expect(await ownerPage.locator("main ol b, main ol a[href^='javascript']").count()).toBe(0);
  // Each message's time is a <time> with the moment, shown as Hanoi's HH:mm.
  const sent = await portalDb().message.findFirstOrThrow({
    where: { conversationId: conversation.id, senderId: starter.id },
  });
  const time = ownerPage.locator(`main ol time[datetime="${sent.createdAt.toISOString()}"]`);
  expect(await time.innerText()).toBe(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit" }).format(
      sent.createdAt,
    ),
  );
  await shoot(ownerPage, "1-thread-live");

  // The starter sends a PDF and a photo; they arrive on the owner's open page, the photo previewed.
  const photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#2f6f4f" } })
    .jpeg()
    .toBuffer();
  await starterPage.getByLabel("Đính kèm tệp (không bắt buộc)").setInputFiles([
    { name: "Báo giá.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "mẫu-rau.jpg", mimeType: "image/jpeg", buffer: photo },
  ]);
  await starterPage.getByRole("button", { name: "Gửi", exact: true }).click();
  await expect.poll(() => ownerPage.locator("main ol a[download]").count()).toBe(2);
  const preview = ownerPage.locator("main ol a[download] img");
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  const file = ownerPage.locator("main ol a[download]", { hasText: "Báo giá.pdf" });
  const href = (await file.getAttribute("href"))!;
  const download = await ownerPage.context().request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toBe(
    `attachment; filename="Bao gia.pdf"; filename*=UTF-8''${encodeURIComponent("Báo giá.pdf")}`,
  );
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-security-policy"]).toContain("sandbox");
  expect(download.headers()["cache-control"]).toMatch(/^private/);
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  await shoot(starterPage, "2-thread-sender-with-file");

  // Anyone else: 404, a member or a visitor; the updates too.
  const third = await makeUser({ label: "third" });
  const outsider = httpClient({ cookie: await signInAs(third.id) });
  for (const client of [outsider, httpClient()]) {
    expect((await client.get(href)).status).toBe(404);
    expect((await client.get(`${thread}/updates`)).status).toBe(404);
  }
});

test("a file that is not what its name says is refused without JavaScript, the words kept, nothing written", async () => {
  const { starter, conversation, thread } = await twoSides();
  const page = await openPage({ ...PHONE, javaScriptEnabled: false });
  await signInAs(starter.id, page.context());
  await page.goto(thread);
  const words = `Gửi anh bảng giá ${word()}`;
  await page.getByLabel("Tin nhắn").fill(words);
  await page.getByLabel("Đính kèm tệp (không bắt buộc)").setInputFiles({
    name: "bang-gia.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<!doctype html><script>alert(1)</script>"),
  });
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Gửi", exact: true }).click(),
  ]);
  expect(answer.status()).toBe(400);
  await expect.poll(() => page.locator("main").innerText()).toContain("Chỉ nhận tệp PDF, PNG, JPEG hoặc WebP");
  expect(await page.getByLabel("Tin nhắn").inputValue()).toBe(words);
  expect(await portalDb().message.count({ where: { conversationId: conversation.id } })).toBe(0);
  await shoot(page, "3-refused-file");

  // The same form with a real PDF and no words goes through.
  await page.getByLabel("Tin nhắn").fill("");
  await page.getByLabel("Đính kèm tệp (không bắt buộc)").setInputFiles({
    name: "bang-gia.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await page.getByRole("button", { name: "Gửi", exact: true }).click();
  await expect.poll(() => page.locator("main ol a[download]").count()).toBe(1);
  expect(await portalDb().messageAttachment.count({ where: { message: { conversationId: conversation.id } } })).toBe(1);
});

test("a long thread opens on its newest messages and loads older ones in place, or by a link without JavaScript", async () => {
  const { starter, owner, conversation, thread } = await twoSides();
  const start = Date.now() - 3 * 86_400_000;
  await portalDb().message.createMany({
    data: Array.from({ length: 120 }, (_, i) => ({
      conversationId: conversation.id,
      senderId: i % 2 ? owner.id : starter.id,
      body: `Tin nhắn số ${i + 1}.`,
      createdAt: new Date(start + i * 60_000),
    })),
  });
  const page = await openPage(PHONE);
  await signInAs(starter.id, page.context());
  await page.goto(thread);
  const list = () => page.locator("main ol").innerText();
  await expect.poll(list).toContain("Tin nhắn số 120.");
  expect(await list()).not.toContain("Tin nhắn số 70.");
  // From the keyboard: the older page loads in place and reading goes on from its first message.
  await page.getByRole("link", { name: "Xem tin nhắn cũ hơn" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(list).toContain("Tin nhắn số 70.");
  expect(new URL(page.url()).search).toBe("");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("Tin nhắn số 21.");
  expect(await list()).toContain("Tin nhắn số 120.");
  await page.getByRole("link", { name: "Xem tin nhắn cũ hơn" }).click();
  await expect.poll(list).toContain("Tin nhắn số 1.");
  expect(await page.getByRole("link", { name: "Xem tin nhắn cũ hơn" }).count()).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, "4-long-thread-older-loaded");

  const plain = await openPage({ ...PHONE, javaScriptEnabled: false });
  await signInAs(starter.id, plain.context());
  await plain.goto(thread);
  await plain.getByRole("link", { name: "Xem tin nhắn cũ hơn" }).click();
  await plain.waitForURL(/\?before=/);
  const older = await plain.locator("main ol").innerText();
  expect(older).toContain("Tin nhắn số 70.");
  expect(older).not.toContain("Tin nhắn số 120.");
});
