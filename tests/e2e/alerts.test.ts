import { describe, expect, inject, test } from "vitest";
import { readMailbox } from "../mailbox";
import { makeUser } from "../factories";
import { useBrowser } from "./browser";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";
import { makeRequest } from "./world";

/**
 * Saved searches at 360 px, in Vietnamese, without JavaScript (docs/decisions/068): a member
 * saves a requests search "right away", an official approves a request it finds, and the
 * member is told in the portal and by a mail carrying the one-click unsubscribe headers;
 * /me/alerts changes and deletes it. Screenshots go to SHOTS_DIR when it is set.
 */
const { openPage } = useBrowser();
const db = () => portalDb();
const shots = process.env.SHOTS_DIR;
const PHONE = { viewport: { width: 360, height: 780 }, javaScriptEnabled: false } as const;

describe("saved searches and alerts, at 360 px, without JavaScript", () => {
  test("a member saves a requests search, an approved request that fits reaches them, and they delete the search", async () => {
    const curator = await makeUser({ label: "alerts-curator", role: "curator" });
    const owner = await makeUser({ label: "alerts-owner" });
    const member = await makeUser({ label: "alerts-member" });
    const request = await makeRequest(owner.id, { reviewerId: curator.id, status: "pending" });
    const words = request.titleToken;

    const page = await openPage(PHONE);
    await signInAs(member.id, page.context());
    await page.goto(`/requests?q=${words}&page=2`);
    await page.getByText("Lưu tìm kiếm và nhận thông báo").click();
    const name = page.getByLabel("Tên tìm kiếm");
    expect(await name.inputValue()).toBe(words);
    await page.getByLabel("Báo cho tôi").selectOption("instant");
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits(), "no sideways scrolling at 360 px").toBe(true);
    if (shots) await page.screenshot({ path: `${shots}/requests-save-360.png`, fullPage: true });
    await page.getByRole("button", { name: "Lưu tìm kiếm" }).click();
    await page.waitForURL(/\/me\/alerts\?saved=created/);
    expect(await page.getByText("Đã lưu tìm kiếm.", { exact: false }).isVisible()).toBe(true);
    const item = page.locator(`[data-saved-search="${words}"]`);
    expect(await item.getByText("Danh sách: Đặt hàng công nghệ").isVisible()).toBe(true);
    expect(await item.getByRole("link", { name: "Xem kết quả" }).getAttribute("href")).toBe(`/requests?q=${words}`);
    expect(await fits(), "no sideways scrolling at 360 px").toBe(true);
    if (shots) await page.screenshot({ path: `${shots}/me-alerts-360.png`, fullPage: true });
    const [saved] = await db().savedSearch.findMany({ where: { userId: member.id } });
    expect(saved).toMatchObject({ list: "requests", query: `q=${words}`, frequency: "instant" });

    // An official approves a request the search finds: the sweep tells the member.
    const official = await openPage();
    await signInAs(curator.id, official.context());
    await official.goto("/admin/requests");
    await official.locator(`[data-request="${request.id}"]`).getByRole("button", { name: "Duyệt" }).click();
    await expect.poll(() => official.getByText("Đã xử lý.").isVisible()).toBe(true);
    const told = `1 kết quả mới cho tìm kiếm “${words}”`;
    await expect
      .poll(
        async () => {
          await page.goto("/notifications");
          return page.getByText(told).count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    if (shots) await page.screenshot({ path: `${shots}/notifications-alert-360.png`, fullPage: true });
    await expect
      .poll(async () => (await readMailbox(inject("mailbox"))).filter((mail) => mail.to === member.email).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const mail = (await readMailbox(inject("mailbox"))).find((mail) => mail.to === member.email)!;
    expect(mail.subject).toContain(told);
    expect(mail.text).toContain(`/requests/${request.id}`);
    expect(mail.links.some((link) => link.endsWith(`/requests?q=${words}`))).toBe(true);
    // The headers as delivered, unfolded (RFC 5322: a long header continues on indented lines).
    const headers = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n(?=[ \t])/g, "");
    expect(headers).toMatch(/^List-Unsubscribe: <https?:\/\/[^>]+\/unsubscribe\/[^>]+>$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);

    // Change how often, then delete, without a script.
    await page.goto("/me/alerts");
    await item.getByLabel("Báo cho tôi").selectOption("daily");
    await item.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.waitForURL(/changed=1/);
    expect(await page.getByText("Đã lưu thay đổi.").isVisible()).toBe(true);
    expect(await db().savedSearch.findUnique({ where: { id: saved!.id } })).toMatchObject({ frequency: "daily" });
    await item.getByRole("button", { name: `Xóa tìm kiếm “${words}”` }).click();
    await page.waitForURL(/deleted=1/);
    expect(await page.getByText("Đã xóa tìm kiếm.").isVisible()).toBe(true);
    expect(await page.getByText("Bạn chưa lưu tìm kiếm nào.", { exact: false }).isVisible()).toBe(true);
    expect(await db().savedSearch.count({ where: { userId: member.id } })).toBe(0);
    if (shots) await page.screenshot({ path: `${shots}/me-alerts-deleted-360.png`, fullPage: true });
  });

  test("a refused save keeps what was typed and says why, with status 400", async () => {
    const member = await makeUser({ label: "alerts-refused" });
    const client = httpClient({ cookie: await signInAs(member.id) });
    const response = await client.post("/me/alerts", {
      intent: "save",
      list: "offers",
      query: "q=kinh+hien+vi",
      label: "   ",
      frequency: "daily",
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain('value="q=kinh+hien+vi"');
    expect(body).toContain('<option value="daily" selected="">');
    expect(await db().savedSearch.count({ where: { userId: member.id } })).toBe(0);
    // In the browser: blanks only pass the field's "required", and the server refuses them.
    const page = await openPage(PHONE);
    await signInAs(member.id, page.context());
    await page.goto("/offers?q=kinh+hien+vi");
    await page.getByText("Lưu tìm kiếm và nhận thông báo").click();
    await page.getByLabel("Tên tìm kiếm").fill("   ");
    await page.getByLabel("Báo cho tôi").selectOption("daily");
    const [answer] = await Promise.all([
      page.waitForResponse((reply) => reply.url().includes("/me/alerts") && reply.request().method() === "POST"),
      page.getByRole("button", { name: "Lưu tìm kiếm" }).click(),
    ]);
    expect(answer.status()).toBe(400);
    await page.waitForLoadState();
    expect(await page.getByText("Vui lòng điền mục này.").isVisible()).toBe(true);
    expect(await page.getByLabel("Báo cho tôi").inputValue()).toBe("daily");
    if (shots) await page.screenshot({ path: `${shots}/me-alerts-refused-360.png`, fullPage: true });
  });

  test("a visitor is asked to sign in, and comes back to the same search", async () => {
    const page = await openPage(PHONE);
    await page.goto("/experts?q=nano&offer=consulting");
    const link = page.getByRole("link", { name: "Đăng nhập để lưu tìm kiếm này" });
    expect(await link.getAttribute("href")).toBe(
      `/login?redirectTo=${encodeURIComponent("/experts?q=nano&offer=consulting")}`,
    );
    if (shots) await page.screenshot({ path: `${shots}/experts-visitor-360.png` });
    for (const path of ["/directory?q=cảm+biến", "/offers?q=kính", "/experts?q=nano"]) {
      const member = await openPage(PHONE);
      await signInAs((await makeUser({ label: "alerts-lists" })).id, member.context());
      await member.goto(path);
      await member.getByText("Lưu tìm kiếm và nhận thông báo").click();
      expect(await member.getByLabel("Tên tìm kiếm").inputValue()).not.toBe("");
      expect(await member.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (shots) await member.screenshot({ path: `${shots}/save${path.split("?")[0]!.replace(/\//g, "-")}-360.png` });
    }
  });
});
