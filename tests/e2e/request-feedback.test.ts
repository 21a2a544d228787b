import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { enqueueSearchSync } from "#search/outbox";
import { useBrowser } from "./browser";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";
import { makeUser } from "../factories";
import { makeFoodCompany, makeRequest, makeResearcher, makeResponse } from "./world";

/**
 * The feedback window as people see it, in Vietnamese at phone size without JavaScript: where a
 * researcher's proposal stands, the business's window and the proposals awaiting an answer, the
 * refusal after the window, and the "Bên đặt hàng" facet. SCREENSHOTS=dir keeps pictures to look at.
 */
const { openPage } = useBrowser();
const DAY = 86_400_000;
const shots = process.env.SCREENSHOTS;
if (shots) fs.mkdirSync(shots, { recursive: true });

describe("the feedback window", () => {
  test("the researcher sees where the proposal stands; the business its window, then a clear refusal after it", async () => {
    const curator = await makeUser({ label: "feedback-curator", role: "curator" });
    const owner = await makeUser({ label: "feedback-owner" });
    const researcher = await makeResearcher("feedback-researcher");
    const request = await makeRequest(owner.id, { reviewerId: curator.id });
    const response = await makeResponse(request.id, researcher);
    // Expired three days ago: the business still has eleven days to answer.
    await portalDb().techRequest.update({
      where: { id: request.id },
      data: { status: "expired", deadline: new Date(Date.now() - 3 * DAY) },
    });

    const page = await openPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signInAs(researcher.id, page.context());
    await page.goto("/me/responses");
    const standing = page.locator("[data-standing=submitted]");
    await expect.poll(() => standing.textContent()).toContain("Phản hồi dự kiến trước");
    expect(await standing.textContent()).toContain("Bên đặt hàng đã nhận đề xuất và sẽ xem xét");

    const business = await openPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signInAs(owner.id, business.context());
    await business.goto(`/requests/${request.id}#responses`);
    const responses = business.locator("#responses");
    await expect.poll(() => responses.locator("[data-feedback-window]").textContent()).toContain("Bạn có đến");
    expect(await responses.textContent()).toContain("1 đề xuất còn chờ bạn phản hồi.");
    expect(await responses.getByText("Chờ phản hồi").count()).toBe(1);
    await responses.getByRole("button", { name: "Đưa vào danh sách rút gọn" }).click();
    await expect
      .poll(async () => (await portalDb().requestResponse.findUniqueOrThrow({ where: { id: response.id } })).status)
      .toBe("shortlisted");

    await page.goto(`/requests/${request.id}`);
    const own = page.locator("#respond [data-standing=shortlisted]");
    await expect.poll(() => own.textContent()).toContain("Đã phản hồi ngày");
    if (shots) await page.screenshot({ path: `${shots}/standing-390.png`, fullPage: true });

    // Twenty days after the deadline: the window is over, and the owner is told so.
    await portalDb().techRequest.update({
      where: { id: request.id },
      data: { deadline: new Date(Date.now() - 20 * DAY) },
    });
    const client = httpClient({ cookie: await signInAs(owner.id) });
    const late = await client.post(`/requests/${request.id}`, {
      intent: "move-response",
      responseId: response.id,
      status: "accepted",
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Thời hạn phản hồi đề xuất của đặt hàng này đã kết thúc");
    expect((await portalDb().requestResponse.findUniqueOrThrow({ where: { id: response.id } })).status).toBe(
      "shortlisted",
    );
  });
});

describe("public agencies", () => {
  test.each([390, 320])("the requester facet and the agency badge at %i px", async (width) => {
    const curator = await makeUser({ label: "agency-curator", role: "curator" });
    const owner = await makeUser({ label: "agency-owner" });
    const request = await makeRequest(owner.id, { reviewerId: curator.id });
    await portalDb().techRequest.update({
      where: { id: request.id },
      data: { requesterType: "agency", companySize: "", companyName: `Sở Khoa học ${request.companyToken}` },
    });
    await enqueueSearchSync(portalDb(), "request", [request.id]);

    const page = await openPage({ viewport: { width, height: 844 }, javaScriptEnabled: false });
    await expect
      .poll(async () => {
        await page.goto(`/requests?q=${request.titleToken}&requester=agency`);
        return page.locator("article", { hasText: request.titleToken }).count();
      })
      .toBe(1);
    const card = page.locator("article", { hasText: request.titleToken });
    expect(await card.getByText("Cơ quan nhà nước đặt hàng").isVisible()).toBe(true);
    // The filters (folded on a phone) hold the facet with both choices.
    expect(await page.locator("fieldset", { hasText: "Bên đặt hàng" }).count()).toBe(1);
    expect(await page.locator('input[name=requester][value="agency"]').isChecked()).toBe(true);
    // The page is no wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (shots) await page.screenshot({ path: `${shots}/requests-agency-${width}.png`, fullPage: true });
    await page.goto(`/requests?q=${request.titleToken}&requester=business`);
    expect(await page.locator("article", { hasText: request.titleToken }).count()).toBe(0);
  });
});

describe("answer rates on the pages", () => {
  test("a listing's page and its public requests show how many proposals it answered in time; an anonymous request does not; a profile shows its invitations answered", async () => {
    const curator = await makeUser({ label: "rates-curator", role: "curator" });
    const owner = await makeUser({ label: "rates-owner" });
    const company = await makeFoodCompany("rates-company");
    const db = portalDb();
    // Five proposals to the listing's requests whose feedback window closed last month: four answered in time.
    const researchers = await Promise.all([1, 2, 3, 4, 5].map((n) => makeResearcher(`rates-r${n}`)));
    const closedDeadline = new Date(Date.now() - 45 * DAY);
    const requests = [];
    for (const [index, researcher] of researchers.entries()) {
      const request = await makeRequest(owner.id, { reviewerId: curator.id, organizationId: company.id });
      requests.push(request);
      const response = await makeResponse(request.id, researcher);
      await db.techRequest.update({ where: { id: request.id }, data: { status: "expired", deadline: closedDeadline } });
      await db.requestResponse.update({
        where: { id: response.id },
        data: {
          createdAt: new Date(closedDeadline.getTime() - 10 * DAY),
          ...(index < 4
            ? { status: "declined", declineReason: "other", feedbackAt: new Date(closedDeadline.getTime() - 8 * DAY) }
            : {}),
        },
      });
    }
    const open = await makeRequest(owner.id, { reviewerId: curator.id, organizationId: company.id });
    const anonymous = await makeRequest(owner.id, {
      reviewerId: curator.id,
      organizationId: company.id,
      visibility: "anonymous",
    });
    // One researcher was invited to all five and answered three of them (the other two expired unanswered).
    const invited = researchers[0]!;
    for (const [index, request] of requests.entries()) {
      await db.invitation.create({
        data: { requestId: request.id, expertId: invited.expert.id, invitedById: owner.id },
      });
      if (index > 0 && index < 3)
        await db.requestDecline.create({ data: { requestId: request.id, expertId: invited.expert.id } });
    }

    const visitor = httpClient();
    const figure = "Bên đặt hàng này đã phản hồi 4/5 đề xuất trong thời hạn · thường trong 2 ngày";
    const listing = await (await visitor.get(`/organizations/${company.slug}`)).text();
    expect(listing).toContain(figure);
    expect(await (await visitor.get(`/requests/${open.id}`)).text()).toContain(figure);
    // An anonymous request names no requester, so it shows no requester's figure either.
    const hidden = await (await visitor.get(`/requests/${anonymous.id}`)).text();
    expect(hidden).not.toContain("Bên đặt hàng này đã phản hồi");
    const profile = await (await visitor.get(`/experts/${invited.expert.slug}`)).text();
    // Three answered (one response, two "not for me") of five judged: all deadlines have passed.
    expect(profile).toContain("Đã trả lời 3/5 lời mời tham gia đặt hàng");
  });
});
