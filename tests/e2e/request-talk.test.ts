import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, inject, test } from "vitest";
import { readMailbox } from "../mailbox";
import { LIMITS } from "~/auth/rate-limit.server";
import { useBrowser } from "./browser";
import { httpClient } from "./http-client";
import { portalDb, signInAs } from "./fixtures";
import { makeUser } from "../factories";
import { makeRequest, makeResearcher, makeResponse, makeSuggestion, word } from "./world";

/**
 * Issue 19 end to end, at phone size in Vietnamese and without JavaScript: a researcher
 * is suggested for a request and sees why (Requests for you), asks a public question the business answers, responds, the two talk in the response's
 * conversation during screening, the business shortlists, the researcher accepts the
 * confidentiality terms and reads the section, the business accepts and the SAME
 * conversation goes on as the match's; once the deadline has passed with another
 * proposal unanswered, the business is reminded to answer it. Screenshots (not committed) go to test-output/.
 */
const { openPage } = useBrowser();
const SHOTS = path.resolve("test-output", "request-talk");

/** The page at 390 and 320 px wide, and how far it overflows sideways (0 when it fits). */
async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const overflow: number[] = [];
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    overflow.push(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    );
  }
  await page.setViewportSize({ width: 390, height: 844 });
  return overflow;
}

test("suggested, ask, answer, respond, talk, shortlist, accept the terms, accept: one conversation; then the feedback reminder", async () => {
  const db = portalDb();
  const curator = await makeUser({ label: "talk-curator", role: "curator" });
  const owner = await makeUser({ label: "talk-owner" });
  const researcher = await makeResearcher("talk-researcher");
  const request = await makeRequest(owner.id, { reviewerId: curator.id, visibility: "anonymous" });
  const secret = `Lưu lượng bơm thật ${word(8)} m³/h`;
  await db.techRequest.update({ where: { id: request.id }, data: { confidential: secret } });
  const companyName = (await db.techRequest.findUniqueOrThrow({ where: { id: request.id } })).companyName;
  // The portal suggested the researcher, with its reasons (stored as the matching stores them).
  const keyword = `màng phủ ${word(6)}`;
  await makeSuggestion(request.id, researcher.expert.id, keyword);
  const phone = { viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: "vi-VN" };
  const them = await openPage(phone);
  await signInAs(researcher.id, them.context());
  const us = await openPage(phone);
  await signInAs(owner.id, us.context());

  // The researcher sees the request among those suggested for them, and why.
  await them.goto("/me/requests-for-you");
  const suggested = them.locator(`[data-for-you="${request.id}"]`);
  expect(await suggested.getByText("Cùng lĩnh vực: Công nghệ thực phẩm").isVisible()).toBe(true);
  expect(await suggested.getByText(`Từ khóa khớp: ${keyword}`).isVisible()).toBe(true);
  await suggested.getByRole("link", { name: request.title }).click();
  await them.waitForURL(new RegExp(`/requests/${request.id}`));

  // The researcher asks; before the answer it shows as awaiting one, and the business is told.
  const question = `Kho lạnh rộng bao nhiêu mét vuông ${word(6)}?`;
  await them.locator('[aria-labelledby="questions"]').getByLabel("Câu hỏi của bạn").fill(question);
  await them.locator('[aria-labelledby="questions"]').getByRole("button", { name: "Gửi câu hỏi" }).click();
  await them.waitForURL(/#questions$/);
  expect(await them.locator('[aria-labelledby="questions"]').getByText("Đang chờ trả lời").isVisible()).toBe(true);
  expect(await db.notification.count({ where: { userId: owner.id, url: `/requests/${request.id}#questions` } })).toBe(
    1,
  );

  // The business answers once for everyone, signed "the requester".
  await us.goto(`/requests/${request.id}#questions`);
  await us.locator('[aria-labelledby="questions"]').getByLabel("Câu trả lời").fill("Năm trăm mét vuông, ba buồng.");
  await us.locator('[aria-labelledby="questions"]').getByRole("button", { name: "Lưu câu trả lời" }).click();
  await us.waitForURL(/#questions$/);
  await them.reload();
  const thread = them.locator('[aria-labelledby="questions"]');
  expect(await thread.getByText("Năm trăm mét vuông, ba buồng.").isVisible()).toBe(true);
  expect(await thread.getByText("Bên đặt hàng trả lời").isVisible()).toBe(true);
  expect(await them.content()).not.toContain(companyName);
  // Not shortlisted: the confidential section does not even exist for them.
  expect(await them.locator('[aria-labelledby="confidential"]').count()).toBe(0);
  expect(await shoot(them, "questions")).toEqual([0, 0]);

  // The researcher responds; the response's conversation is there at once.
  const respond = them.locator("#respond");
  await respond.getByLabel("Cách tiếp cận").fill("Màng phủ chitosan kết hợp tinh dầu sả, thử trong kho lạnh tám tuần.");
  await respond.getByLabel("Kinh nghiệm liên quan").fill("Mười năm nghiên cứu bảo quản sau thu hoạch.");
  await respond.getByLabel("Tiến độ dự kiến").fill("6 tháng");
  await respond.getByRole("button", { name: "Gửi đề xuất" }).click();
  await them.waitForURL(/sent=1/);
  const response = await db.requestResponse.findFirstOrThrow({ where: { requestId: request.id } });
  const conversation = await db.conversation.findUniqueOrThrow({ where: { responseId: response.id } });
  await them.locator("#respond").getByRole("link", { name: "Trao đổi" }).click();
  await them.waitForURL(new RegExp(`/messages/${conversation.id}$`));
  expect(await them.getByText("Bên đặt hàng").first().isVisible()).toBe(true);
  await them.getByLabel("Tin nhắn").fill("Chào chị, nhóm tôi có thể khảo sát kho vào thứ Ba.");
  await them.getByRole("button", { name: "Gửi", exact: true }).click();
  await them.waitForURL(/#latest$/);

  // The business screens it and finds the message behind "Talk (new messages)".
  await us.goto(`/requests/${request.id}`);
  await us.locator("#responses").getByRole("button", { name: "Xem xét" }).click();
  await us.goto(`/requests/${request.id}`);
  await us.locator("#responses").getByRole("link", { name: "Trao đổi (có tin mới)" }).click();
  await us.waitForURL(new RegExp(`/messages/${conversation.id}$`));
  expect(await us.getByText("Chào chị, nhóm tôi có thể khảo sát kho vào thứ Ba.").isVisible()).toBe(true);
  await us.getByLabel("Tin nhắn").fill("Thứ Ba được, mời anh đến lúc 9 giờ.");
  await us.getByRole("button", { name: "Gửi", exact: true }).click();
  await us.waitForURL(/#latest$/);
  await us.goto(`/requests/${request.id}`);
  await us.locator("#responses").getByRole("button", { name: "Đưa vào danh sách rút gọn" }).click();

  // Shortlisted: the terms first (refused without the box ticked), then the section.
  await them.goto(`/requests/${request.id}`);
  const section = them.locator('[aria-labelledby="confidential"]');
  expect(await section.getByText("Tôi cam kết giữ bí mật").isVisible()).toBe(true);
  expect(await them.content()).not.toContain(secret);
  await section.getByRole("button", { name: "Chấp nhận và xem" }).click();
  await expect
    .poll(() => them.locator('[aria-labelledby="confidential"]').getByText("Hãy đánh dấu ô").isVisible())
    .toBe(true);
  expect(await db.confidentialityAcceptance.count({ where: { requestId: request.id } })).toBe(0);
  await them
    .locator('[aria-labelledby="confidential"]')
    .getByLabel("Tôi đã đọc và chấp nhận điều khoản bảo mật")
    .check();
  await them.locator('[aria-labelledby="confidential"]').getByRole("button", { name: "Chấp nhận và xem" }).click();
  await them.waitForURL(/#confidential$/);
  expect(await them.locator('[aria-labelledby="confidential"]').getByText(secret).isVisible()).toBe(true);
  expect(await shoot(them, "confidential")).toEqual([0, 0]);
  // The business sees who accepted, and when.
  await us.goto(`/requests/${request.id}`);
  expect(
    await us
      .locator('[aria-labelledby="confidential"]')
      .getByText(researcher.expert.fullName, { exact: false })
      .isVisible(),
  ).toBe(true);

  // Accepted: the same conversation, now the match's, with everything said before.
  await us.locator("#responses").getByRole("button", { name: "Chấp nhận", exact: true }).click();
  await us.waitForURL(new RegExp(`/messages/${conversation.id}$`));
  expect(await db.match.findUniqueOrThrow({ where: { responseId: response.id } })).toMatchObject({
    id: conversation.id,
  });
  await them.goto(`/matches/${conversation.id}`);
  await them.waitForURL(new RegExp(`/messages/${conversation.id}$`));
  expect(await them.getByText("Chào chị, nhóm tôi có thể khảo sát kho vào thứ Ba.").isVisible()).toBe(true);
  expect(await them.getByText("Thứ Ba được, mời anh đến lúc 9 giờ.").isVisible()).toBe(true);
  expect(await them.content()).not.toContain(owner.name);
  expect(await shoot(them, "conversation")).toEqual([0, 0]);

  // Another researcher's proposal, which the business leaves unanswered.
  await makeResponse(request.id, await makeResearcher("talk-other"), "submitted");
  // The deadline passes with that proposal unanswered: the request expires and, when the
  // portal's reminder task runs (here at once, as an operator would run it), the business is told.
  await db.techRequest.update({ where: { id: request.id }, data: { deadline: new Date(Date.now() - 3_600_000) } });
  for (const task of ["expire-requests", "request-reminders"]) await runTask(task);
  const reminder = await db.notification.findFirstOrThrow({
    where: { userId: owner.id, url: `/requests/${request.id}#responses`, type: "status" },
    orderBy: { createdAt: "desc" },
  });
  expect(JSON.parse(reminder.data)).toMatchObject({ key: "feedback.notify.windowOpened", params: { count: 1 } });
  // Its e-mail says what happened and links to where to act.
  const reminderMail = async () =>
    (await readMailbox(inject("mailbox"))).find(
      (mail) => mail.to === owner.email && mail.subject.includes("đã hết hạn nhận đề xuất"),
    );
  await expect.poll(reminderMail, { timeout: 15_000 }).toBeTruthy();
  const mailed = (await reminderMail())!;
  expect(mailed.subject).toContain("1 đề xuất đang chờ bạn phản hồi");
  expect(mailed.links.some((link) => link.endsWith(`/requests/${request.id}#responses`))).toBe(true);
  // The author's page shows which proposal still waits.
  await us.goto(`/requests/${request.id}`);
  expect(await us.locator("#responses").getByText("Chờ phản hồi").first().isVisible()).toBe(true);
});

/** One of the portal's periodic tasks run now on its database (npm run task), as an operator runs it. */
function runTask(name: string) {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/run-task.ts", name], {
    env: { ...process.env, DATABASE_URL: `file:${inject("portalDatabase")}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

test("the question form: field messages and 400, the honeypot, one question per form key, then the limit", async () => {
  const db = portalDb();
  const curator = await makeUser({ label: "ask-curator", role: "curator" });
  const owner = await makeUser({ label: "ask-owner" });
  const asker = await makeUser({ label: "ask-member" });
  const request = await makeRequest(owner.id, { reviewerId: curator.id });
  const client = httpClient({ cookie: await signInAs(asker.id) });
  const path = `/requests/${request.id}`;
  const count = () => db.requestQuestion.count({ where: { requestId: request.id } });
  const token = () => crypto.randomBytes(18).toString("base64url");

  const short = await client.post(path, { intent: "ask", body: "Ngắn?", formToken: token() });
  expect(short.status).toBe(400);
  expect(await short.text()).toContain("Cần ít nhất 10 ký tự");
  const bot = await client.post(path, {
    intent: "ask",
    body: "Kho lạnh rộng bao nhiêu mét vuông?",
    website_confirm: "http://spam.example",
    formToken: token(),
  });
  expect(bot.status).toBe(400);
  expect(await count()).toBe(0);

  // The same form sent twice (a double click, a reload) writes one question.
  const once = token();
  for (let i = 0; i < 2; i++) {
    const sent = await client.post(path, {
      intent: "ask",
      body: "Kho lạnh rộng bao nhiêu mét vuông?",
      formToken: once,
    });
    expect(sent.status).toBe(302);
  }
  expect(await count()).toBe(1);

  // Then at most LIMITS.requestQuestionsPerUser an hour (scaled as the portal scales it).
  const factor = Number(process.env.RATE_LIMIT_FACTOR ?? 1);
  const max = Math.max(1, Math.round(LIMITS.requestQuestionsPerUser.max * (factor > 0 ? factor : 1)));
  expect(max).toBeLessThanOrEqual(50); // bounded: this test sends at most max + 1 more
  let status = 0;
  for (let i = 1; i <= max && status !== 429; i++) {
    const sent = await client.post(path, { intent: "ask", body: `Câu hỏi thứ ${i} về kho lạnh?`, formToken: token() });
    status = sent.status;
  }
  const refused = await client.post(path, { intent: "ask", body: "Một câu hỏi nữa về kho lạnh?", formToken: token() });
  expect(refused.status).toBe(429);
  expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(await count()).toBeLessThanOrEqual(max);
});
