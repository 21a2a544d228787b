import { describe, expect, inject, test } from "vitest";
import { PREFERENCE_TYPES } from "~/domain/notification-preferences";
import { readMailbox } from "../mailbox";
import { makeUser } from "../factories";
import { baseURL, useBrowser } from "./browser";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";
import { makeMatch, word } from "./world";

/**
 * Notification settings and the one-click unsubscribe, against the running portal: a real
 * notification mail delivered to the mailbox carries the link in its headers and footer; the
 * link's page changes nothing, its POST (a mail client's, without cookie or Origin) turns that
 * kind's mail off; a tampered link is a 404; the settings form works without JavaScript.
 */
const { openPage } = useBrowser();
const db = () => portalDb();
const SHOTS = "/tmp/shots/i20-prefs";
const PHONE = { viewport: { width: 360, height: 780 }, locale: "vi-VN" };

async function channelOf(userId: string, type: string) {
  const row = await db().notificationPreference.findUnique({ where: { userId_type: { userId, type } } });
  return row?.channel ?? "email";
}

describe("one-click unsubscribe from a delivered notification", () => {
  test("headers and footer link, a GET that changes nothing, the RFC 8058 POST, and a tampered id is a 404", async () => {
    const admin = await makeUser({ role: "admin" });
    const { owner, responder, match } = await makeMatch(admin.id);
    const sent = await httpClient({ cookie: await signInAs(owner.id) }).post(`/messages/${match.id}`, {
      body: `Chào anh, ${word()}`,
    });
    expect(sent.status).toBe(302);

    const mailed = async () =>
      (await readMailbox(inject("mailbox"))).filter(
        (mail) => mail.to === responder.email && mail.raw.includes("List-Unsubscribe"),
      );
    await expect.poll(async () => (await mailed()).length, { timeout: 20_000 }).toBe(1);
    const [mail] = await mailed();
    // The headers as delivered, unfolded (a long line continues on lines starting with a space).
    const headers = mail!.raw.slice(0, mail!.raw.search(/\n\r?\n/)).replace(/\r?\n(?=[ \t])/g, "");
    const header = /^List-Unsubscribe:\s*<([^>]+)>\s*$/m.exec(headers);
    expect(header, headers).not.toBeNull();
    expect(headers).toMatch(/^List-Unsubscribe-Post:\s*List-Unsubscribe=One-Click\s*$/m);
    const url = new URL(header![1]!);
    expect(mail!.links).toContain(url.href);
    expect(mail!.text).toContain(`Ngừng nhận loại thư này: ${url.href}`);
    const path = url.pathname;

    // Opening the link (as a mail scanner would) shows what it stops and changes nothing.
    const page = await openPage(PHONE);
    const opened = await page.goto(path);
    expect(opened?.status()).toBe(200);
    await expect.poll(() => page.getByText("Bạn sẽ không nhận e-mail về “Tin nhắn mới” nữa").count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/unsubscribe-360-vi.png`, fullPage: true });
    expect(await channelOf(responder.id, "message")).toBe("email");

    // The same link naming someone else: refused, with the page's own message, both ways.
    const [, rest] = /^\/unsubscribe\/[^.]+(\..+)$/.exec(path)!;
    const tampered = `/unsubscribe/${owner.id}${rest}`;
    const refused = await page.goto(tampered);
    expect(refused?.status()).toBe(404);
    await expect.poll(() => page.getByText("Liên kết ngừng nhận này không hợp lệ", { exact: false }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/unsubscribe-invalid-360-vi.png`, fullPage: true });
    const oneClick = (target: string) =>
      fetch(`${baseURL()}${target}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      });
    expect((await oneClick(tampered)).status).toBe(404);
    expect(await db().notificationPreference.count({ where: { userId: owner.id } })).toBe(0);

    // The mail client's POST: no cookie, no Origin.
    const done = await oneClick(path);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Đã xong.");
    expect(await channelOf(responder.id, "message")).toBe("in_app");
    expect((await oneClick(path)).status).toBe(200);
    expect(await channelOf(responder.id, "message")).toBe("in_app");

    // The next message shows in the portal and is not mailed (the mail would be written with it).
    const before = await db().notification.count({ where: { userId: responder.id, type: "message" } });
    await httpClient({ cookie: await signInAs(owner.id) }).post(`/messages/${match.id}`, { body: `Lần nữa ${word()}` });
    await expect
      .poll(() => db().notification.count({ where: { userId: responder.id, type: "message" } }))
      .toBe(before + 1);
    expect(await db().mailMessage.count({ where: { to: responder.email, text: { contains: "Lần nữa" } } })).toBe(0);
  });
});

describe("the settings page", () => {
  test("works without JavaScript at 360 px: saves each kind's channel and the digest; a bad value is a 400 that keeps the rest", async () => {
    const member = await makeUser({ accountType: "researcher" });
    const page = await openPage({ ...PHONE, javaScriptEnabled: false });
    await signInAs(member.id, page.context());
    await page.goto("/account");
    await page.getByRole("link", { name: "Cài đặt thông báo và e-mail" }).click();
    await page.waitForURL(/\/me\/notifications$/);
    await page.screenshot({ path: `${SHOTS}/settings-360-vi.png`, fullPage: true });
    await page.getByLabel("Tin nhắn mới").selectOption({ label: "Tắt" });
    await page.getByLabel("Kết quả mới của tìm kiếm đã lưu").selectOption({ label: "Gộp vào bản tin hằng tuần" });
    await page.getByLabel("Gửi cho tôi bản tin hằng tuần qua e-mail").uncheck();
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/\/me\/notifications\?saved=1$/);
    expect(await page.getByText("Đã lưu cài đặt thông báo.").count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/settings-saved-360-vi.png`, fullPage: true });
    expect(await channelOf(member.id, "message")).toBe("off");
    expect(await channelOf(member.id, "alert")).toBe("digest");
    expect(await channelOf(member.id, "status")).toBe("email");
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).weeklyDigest).toBe(false);
    expect(await page.getByLabel("Tin nhắn mới").inputValue()).toBe("off");

    const client = httpClient({ cookie: await signInAs(member.id) });
    const bad = await client.post("/me/notifications", { message: "loud", alert: "in_app", status: "email" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Vui lòng chọn một giá trị trong danh sách.");
    expect(await channelOf(member.id, "alert")).toBe("digest"); // nothing half-written
    // The same submission again changes nothing more.
    // Every kind the page lists, as the form sends them.
    const again = {
      ...Object.fromEntries(PREFERENCE_TYPES.map((type) => [type, "email"])),
      message: "off",
      alert: "digest",
    };
    expect((await client.post("/me/notifications", again)).status).toBe(302);
    expect((await client.post("/me/notifications", again)).status).toBe(302);
    expect(await db().notificationPreference.count({ where: { userId: member.id } })).toBe(2);
  });
});
