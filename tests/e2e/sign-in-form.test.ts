import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { makeUser, PASSWORD } from "../factories";

/**
 * What a person does after a typo in the password: correct it and press the button
 * once. Leaving the password field must not move the button away from under the
 * pointer (the error stays until the next attempt), so that one click signs in.
 */
const { openPage } = useBrowser();

describe("the sign-in form after a wrong password", () => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1366, height: 900 },
  ]) {
    test(`the first click on "Đăng nhập" signs in (${viewport.width} px)`, async () => {
      const user = await makeUser();
      const page = await openPage({ viewport });
      await page.goto("/login");
      await page.getByLabel("E-mail").fill(user.email);
      await page.getByLabel("Mật khẩu").fill("not the password at all");
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await expect.poll(() => page.getByText("E-mail hoặc mật khẩu không đúng.").isVisible()).toBe(true);

      const button = page.getByRole("button", { name: "Đăng nhập" });
      const before = await button.boundingBox();
      await page.getByLabel("Mật khẩu").fill(PASSWORD);
      // Focus leaves the password field when the button is pressed: nothing may move.
      await page.getByLabel("Mật khẩu").blur();
      expect(await button.boundingBox()).toEqual(before);
      await button.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe("/account");
    });
  }
});
