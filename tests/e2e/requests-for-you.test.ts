import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";
import { makeUser } from "../factories";
import { makeRequest, makeResearcher, makeSuggestion, word } from "./world";

/**
 * "Requests for you" at phone size, in Vietnamese, without JavaScript: a
 * researcher sees why a request suggests them and says "not for me"; a
 * business invites with a personal note, which the researcher reads.
 * Screenshots go to SHOTS_DIR when it is set (for looking at, not committed).
 */
const { openPage } = useBrowser();
const db = () => portalDb();
const shots = process.env.SHOTS_DIR;

async function suggestedRequest() {
  const curator = await makeUser({ label: "foryou-curator", role: "curator" });
  const owner = await makeUser({ label: "foryou-owner" });
  const researcher = await makeResearcher("foryou-researcher");
  const request = await makeRequest(owner.id, { reviewerId: curator.id, visibility: "anonymous" });
  const keyword = `màng phủ ${word()}`;
  await makeSuggestion(request.id, researcher.expert.id, keyword);
  return { curator, owner, researcher, request, keyword };
}

describe("Requests for you, at 390 and 320 px, without JavaScript", () => {
  test("a researcher sees a suggested request with its reasons, says 'not for me', and it is gone", async () => {
    const { curator, researcher, request, keyword } = await suggestedRequest();
    const page = await openPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signInAs(researcher.id, page.context());
    await page.goto("/me/requests-for-you");
    const item = page.locator(`[data-for-you="${request.id}"]`);
    expect(await item.getByRole("link", { name: request.title }).isVisible()).toBe(true);
    expect(await item.getByText("Vì sao bạn được gợi ý").isVisible()).toBe(true);
    expect(await item.getByText("Cùng lĩnh vực: Công nghệ thực phẩm").isVisible()).toBe(true);
    expect(await item.getByText(`Từ khóa khớp: ${keyword}`).isVisible()).toBe(true);
    // An anonymous request: sector and district, never the company.
    expect(await page.content()).not.toContain(request.companyName);
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits(), "no sideways scrolling at 390 px").toBe(true);
    if (shots) await page.screenshot({ path: `${shots}/requests-for-you-390.png`, fullPage: true });
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await fits(), "no sideways scrolling at 320 px").toBe(true);

    // The form opens without a script; the reason and note are optional.
    await item.getByText("Không phù hợp với tôi", { exact: true }).first().click();
    await item.getByLabel("Lý do").selectOption("no_capacity");
    await item.getByLabel("Ghi chú ngắn").fill("Nhóm đang kín lịch đến hết quý.");
    if (shots) await page.screenshot({ path: `${shots}/requests-for-you-320.png`, fullPage: true });
    await item.getByRole("button", { name: "Không phù hợp với tôi" }).click();
    await page.waitForURL(/declined=/);
    expect(await page.locator(`[data-for-you="${request.id}"]`).count()).toBe(0);
    expect(await page.getByText("Đã ẩn đặt hàng khỏi danh sách của bạn.").isVisible()).toBe(true);
    expect(await page.getByText("Chưa có đặt hàng nào gợi ý cho bạn.", { exact: false }).isVisible()).toBe(true);
    expect(await db().requestDecline.findMany({ where: { requestId: request.id } })).toEqual([
      expect.objectContaining({
        expertId: researcher.expert.id,
        reason: "no_capacity",
        note: "Nhóm đang kín lịch đến hết quý.",
      }),
    ]);
    expect(await db().matchSuggestion.count({ where: { requestId: request.id } })).toBe(0);
    // The officials' console counts it, over all time and the last 90 days.
    const officials = await httpClient({ cookie: await signInAs(curator.id) }).get("/admin/requests");
    const row = /<tr data-reason="no_capacity"[^>]*>.*?<td[^>]*>(\d+)<\/td><td[^>]*>(\d+)<\/td>/s.exec(
      await officials.text(),
    );
    expect(row, "the no_capacity row").not.toBeNull();
    expect(Number(row![1])).toBeGreaterThanOrEqual(1);
    expect(Number(row![2])).toBeGreaterThanOrEqual(1);

    // Undo: the decline is gone (the request suggests them again from its next recompute).
    await page.getByRole("button", { name: "Hoàn tác" }).click();
    await page.waitForURL(/undone=1/);
    expect(await db().requestDecline.count({ where: { requestId: request.id } })).toBe(0);
  });

  test("bad input gets field messages and 400, nothing written; a second click writes nothing new", async () => {
    const { researcher, request } = await suggestedRequest();
    const http = httpClient({ cookie: await signInAs(researcher.id) });
    const path = "/me/requests-for-you";
    const bad: Record<string, string>[] = [
      { intent: "not-for-me", requestId: request.id, reason: "bored" },
      { intent: "not-for-me", requestId: request.id, note: "x".repeat(301) },
      { intent: "not-for-me" },
    ];
    for (const form of bad) {
      const response = await http.post(path, form);
      expect(response.status, JSON.stringify(form)).toBe(400);
    }
    expect(await db().requestDecline.count({ where: { requestId: request.id } })).toBe(0);

    const page = await openPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signInAs(researcher.id, page.context());
    await page.goto(path);
    const item = page.locator(`[data-for-you="${request.id}"]`);
    await item.getByText("Không phù hợp với tôi", { exact: true }).first().click();
    // The browser stops at the field's length; a script-less old browser would not: the server says why.
    await item.getByLabel("Ghi chú ngắn").evaluate((area) => area.removeAttribute("maxlength"));
    await item.getByLabel("Ghi chú ngắn").fill("y".repeat(301));
    await item.getByRole("button", { name: "Không phù hợp với tôi" }).click();
    // The refused form comes back as a new page (no script): wait for it, as a slower machine needs.
    await expect
      .poll(() => item.getByText("Tối đa 300 ký tự.", { exact: true }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(await item.getByLabel("Ghi chú ngắn").getAttribute("aria-invalid")).toBe("true");

    const twice = [
      await http.post(path, { intent: "not-for-me", requestId: request.id, reason: "budget" }),
      await http.post(path, { intent: "not-for-me", requestId: request.id, reason: "timeline" }),
    ];
    expect(twice.map((response) => response.status)).toEqual([302, 302]);
    expect(await db().requestDecline.findMany({ where: { requestId: request.id } })).toEqual([
      expect.objectContaining({ reason: "budget" }),
    ]);
  });

  test("a member without a published profile is told to publish one", async () => {
    const member = await makeUser({ label: "foryou-member", accountType: "researcher" });
    const page = await openPage({ viewport: { width: 320, height: 700 }, javaScriptEnabled: false });
    await signInAs(member.id, page.context());
    await page.goto("/me/requests-for-you");
    expect(await page.getByRole("link", { name: "Tạo hoặc công bố hồ sơ chuyên gia" }).isVisible()).toBe(true);
  });

  test("the business invites with a note (no script); the researcher reads it, escaped, in the notice, e-mail and list", async () => {
    const { owner, researcher, request } = await suggestedRequest();
    const note = `Chúng tôi rất mong được hợp tác <b>sớm</b> ${word()}`;
    const business = await openPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signInAs(owner.id, business.context());
    await business.goto(`/requests/${request.id}`);
    const suggestion = business.locator(`[data-suggestion="${researcher.expert.slug}"]`);
    await suggestion.getByText("Thêm lời nhắn riêng").click();
    await suggestion.getByLabel("Lời nhắn cho chuyên gia").fill(note);
    await suggestion.getByRole("button", { name: "Mời đề xuất" }).click();
    await expect.poll(() => suggestion.getByText("Đã mời").isVisible()).toBe(true);
    expect(await db().invitation.findMany({ where: { requestId: request.id } })).toEqual([
      expect.objectContaining({ expertId: researcher.expert.id, note }),
    ]);

    const page = await openPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signInAs(researcher.id, page.context());
    await page.goto("/notifications");
    expect(await page.getByText(note, { exact: false }).first().isVisible()).toBe(true);
    await page.goto("/me/requests-for-you");
    const item = page.locator(`[data-for-you="${request.id}"]`);
    expect(await item.getByText("Được mời").isVisible()).toBe(true);
    expect(await item.locator("blockquote").innerText()).toBe(note);
    const mailed = () => db().mailMessage.count({ where: { to: researcher.email, text: { contains: note } } });
    await expect.poll(mailed, { timeout: 20_000 }).toBe(1);
    const sent = await db().mailMessage.findFirstOrThrow({ where: { to: researcher.email, text: { contains: note } } });
    expect(sent.text).toContain("Lời nhắn của bên đặt hàng:");
    expect(sent.html).toContain("&lt;b&gt;sớm&lt;/b&gt;");
    expect(sent.html).not.toContain("<b>sớm</b>");
  });
});
