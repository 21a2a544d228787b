import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { makeUser } from "../factories";
import { signInAs } from "./fixtures";

/** The new request form, as a business fills it in on a phone: nothing picked for them, nothing lost on a reload. */
const { openPage } = useBrowser();

describe("the new request form", () => {
  test("has no preselected sector, and a reload keeps what was typed until it is sent", async () => {
    const business = await makeUser();
    const page = await openPage({ viewport: { width: 390, height: 844 } });
    await signInAs(business.id, page.context());
    await page.goto("/requests/new", { waitUntil: "networkidle" });
    expect(await page.getByLabel("Ngành", { exact: true }).inputValue()).toBe("");

    const title = "Cảm biến độ ẩm cho kho nông sản ở Đông Anh";
    await page.getByLabel("Tiêu đề", { exact: true }).fill(title);
    await page
      .getByLabel("Vấn đề cần giải quyết")
      .fill("Kho lạnh cần đo độ ẩm liên tục, cảnh báo qua điện thoại khi vượt ngưỡng.");
    await page.getByLabel("Quy mô", { exact: true }).selectOption("medium");
    await page.reload({ waitUntil: "networkidle" });
    await expect.poll(() => page.getByLabel("Tiêu đề", { exact: true }).inputValue()).toBe(title);
    expect(await page.getByLabel("Quy mô", { exact: true }).inputValue()).toBe("medium");
    expect(await page.getByText("đã được khôi phục").isVisible()).toBe(true);

    // Sent without a sector: refused with a message at the field, and the text is still there.
    await page.getByRole("button", { name: "Gửi đặt hàng để duyệt" }).click();
    await expect.poll(() => page.getByLabel("Tiêu đề", { exact: true }).inputValue()).toBe(title);
    expect(await page.getByLabel("Ngành", { exact: true }).inputValue()).toBe("");

    // Discarding the draft empties the form.
    await page.getByRole("button", { name: "Bỏ bản nháp" }).click();
    await expect.poll(() => page.getByLabel("Tiêu đề", { exact: true }).inputValue()).toBe("");
  });
});
