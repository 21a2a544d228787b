import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { portalDb, signInAs } from "./fixtures";
import { makeUser } from "../factories";
import { makeRequest, makeResearcher, makeResponse } from "./world";

/**
 * A researcher after sending a proposal: she reads what she sent, corrects it until the
 * business starts screening it, and can withdraw it; at phone size, without JavaScript.
 */
const { openPage } = useBrowser();

describe("a researcher's own proposal", () => {
  test("is shown, editable until screened, then only withdrawable; the business is told", async () => {
    const curator = await makeUser({ label: "proposal-curator", role: "curator" });
    const owner = await makeUser({ label: "proposal-owner" });
    const researcher = await makeResearcher("proposal-researcher");
    const request = await makeRequest(owner.id, { reviewerId: curator.id });
    const response = await makeResponse(request.id, researcher);

    const page = await openPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await signInAs(researcher.id, page.context());
    await page.goto(`/requests/${request.id}`);
    const section = page.locator("#respond");
    await expect
      .poll(() => section.locator("dd", { hasText: "Dùng màng phủ sinh học từ chitosan" }).isVisible())
      .toBe(true);
    expect(await section.locator("dd", { hasText: "Mười năm nghiên cứu bảo quản sau thu hoạch." }).isVisible()).toBe(
      true,
    );

    // Edit while it is only submitted: a refused edit keeps what was typed.
    await section.getByText("Sửa đề xuất").click();
    await section.getByLabel("Cách tiếp cận").fill("Quá ngắn");
    await section.getByRole("button", { name: "Lưu đề xuất" }).click();
    await expect.poll(() => section.getByLabel("Cách tiếp cận").inputValue()).toBe("Quá ngắn");
    const better = "Màng phủ chitosan kết hợp tinh dầu sả, thử trên cam, bưởi và thanh long trong kho lạnh 8 tuần.";
    await section.getByLabel("Cách tiếp cận").fill(better);
    await section.getByRole("button", { name: "Lưu đề xuất" }).click();
    await page.waitForURL(/saved=1/);
    expect((await portalDb().requestResponse.findUniqueOrThrow({ where: { id: response.id } })).approach).toBe(better);
    expect(await page.locator("#respond dd", { hasText: better }).isVisible()).toBe(true);

    // Once the business screens it, the text stays as judged: no edit form, an edit from an old page is refused.
    await portalDb().requestResponse.update({ where: { id: response.id }, data: { status: "screening" } });
    await page.reload();
    expect(await page.locator("#respond").getByText("Sửa đề xuất").count()).toBe(0);

    await page.locator("#respond").getByRole("button", { name: "Rút lại đề xuất" }).click();
    await page.waitForURL(/withdrawn=1/);
    expect(await portalDb().requestResponse.count({ where: { id: response.id } })).toBe(0);
    const told = await portalDb().notification.findMany({ where: { userId: owner.id } });
    expect(told.map((notification) => JSON.parse(notification.data).key)).toContain("notify.responseWithdrawn");
  });

  test("an accepted proposal cannot be withdrawn, and a stale edit is refused with a message", async () => {
    const curator = await makeUser({ label: "proposal-curator", role: "curator" });
    const owner = await makeUser({ label: "proposal-owner" });
    const researcher = await makeResearcher("proposal-researcher");
    const request = await makeRequest(owner.id, { reviewerId: curator.id });
    const response = await makeResponse(request.id, researcher, "screening");
    const cookie = await signInAs(researcher.id);
    const { httpClient } = await import("./http-client");
    const client = httpClient({ cookie });
    const edit = await client.post(`/requests/${request.id}`, {
      intent: "edit-response",
      approach: "Một cách tiếp cận đủ dài để qua kiểm tra độ dài tối thiểu.",
      experience: "Kinh nghiệm đủ dài để qua kiểm tra.",
      timeline: "3 tháng",
    });
    expect(edit.status).toBe(409);
    expect(await edit.text()).toContain("không sửa được nữa");
    await portalDb().requestResponse.update({ where: { id: response.id }, data: { status: "accepted" } });
    const withdraw = await client.post(`/requests/${request.id}`, { intent: "withdraw-response" });
    expect(withdraw.status).toBe(409);
    expect(await portalDb().requestResponse.count({ where: { id: response.id } })).toBe(1);
  });
});
