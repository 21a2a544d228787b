import { expect, inject, test } from "vitest";
import { readMailbox } from "../mailbox";
import { makeOrganization } from "../factories";
import { baseURL, useBrowser } from "./browser";
import { portalDb, signInAs } from "./fixtures";
import { makeResearcher, word } from "./world";

/**
 * A researcher verifies her affiliation from her phone, in Vietnamese: she gives her address at
 * the university's domain on her profile page, opens the mailed link, confirms, and her public
 * page shows the badge. Another researcher holding the same link cannot use it.
 */
const { openPage } = useBrowser();
const db = () => portalDb();
const SHOTS = "/tmp/shots/i20-prefs";
const PHONE = { viewport: { width: 360, height: 780 }, locale: "vi-VN", isMobile: true, hasTouch: true };

test("a researcher confirms her institutional e-mail from the mail and the badge shows on her public page", async () => {
  const university = await makeOrganization({
    label: "university",
    nameVi: `Trường Đại học Kiểm thử ${word()}`,
    website: "https://www.dhkt.edu.vn",
  });
  const lan = await makeResearcher("lan");
  await db().expertProfile.update({ where: { id: lan.expert.id }, data: { affiliationId: university.id } });
  const address = `lan.${word().toLowerCase()}@cntt.dhkt.edu.vn`;

  const page = await openPage(PHONE);
  await signInAs(lan.id, page.context());
  await page.goto(`/experts/${lan.expert.slug}`);
  await expect.poll(() => page.getByText("Chưa xác minh đơn vị công tác").count()).toBe(1);

  await page.goto("/me/profile#affiliation");
  const section = page.getByRole("region", { name: "Xác minh đơn vị công tác" });
  await section.getByLabel("E-mail tại đơn vị").fill("lan@dhkt.edu.vn.evil.com");
  await section.getByRole("button", { name: "Gửi liên kết xác nhận" }).click();
  await page.waitForURL(/\/me\/affiliation$/);
  await expect.poll(() => page.getByText("Địa chỉ phải có đuôi @dhkt.edu.vn", { exact: false }).count()).toBe(1);
  await page.screenshot({ path: `${SHOTS}/affiliation-refused-360-vi.png`, fullPage: true });

  await page.getByLabel("E-mail tại đơn vị").fill(address);
  await page.getByRole("button", { name: "Gửi liên kết xác nhận" }).click();
  await page.waitForURL(/\/me\/profile\?affiliation=sent#affiliation$/);
  await expect.poll(() => page.getByText("Đã gửi liên kết xác nhận.", { exact: false }).count()).toBe(1);
  await page.locator("#affiliation").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/affiliation-sent-360-vi.png` });

  const links = async () =>
    (await readMailbox(inject("mailbox")))
      .filter((mail) => mail.to === address)
      .flatMap((mail) => mail.text.match(/https?:\/\/\S+\/affiliation\/confirm\?token=[\w-]+/g) ?? []);
  await expect.poll(async () => (await links()).length, { timeout: 20_000 }).toBe(1);
  const link = new URL((await links())[0]!);

  // Someone else signed in with the link: it does not work for them, and nothing changes.
  const other = await makeResearcher("other");
  const stranger = await openPage(PHONE);
  await signInAs(other.id, stranger.context());
  await stranger.goto(`${link.pathname}${link.search}`);
  await expect.poll(() => stranger.getByText("Liên kết này không còn dùng được", { exact: false }).count()).toBe(1);
  expect(await stranger.getByRole("button", { name: "Xác nhận" }).count()).toBe(0);

  await page.goto(`${link.pathname}${link.search}`);
  await expect.poll(() => page.getByText(`Xác nhận rằng ${address} là e-mail công vụ của bạn?`).count()).toBe(1);
  await page.screenshot({ path: `${SHOTS}/affiliation-confirm-360-vi.png`, fullPage: true });
  // Opening the page verified nothing.
  expect(
    (await db().expertProfile.findUniqueOrThrow({ where: { id: lan.expert.id } })).affiliationVerifiedAt,
  ).toBeNull();
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await page.waitForURL(/\/me\/profile\?affiliation=verified#affiliation$/);
  await expect.poll(() => page.getByText("Đã xác minh đơn vị công tác. Huy hiệu", { exact: false }).count()).toBe(1);

  await page.goto(`/experts/${lan.expert.slug}`);
  await expect.poll(() => page.getByText("Đã xác minh đơn vị công tác").count()).toBe(1);
  expect(await page.content()).not.toContain(address);
  await page.screenshot({ path: `${SHOTS}/expert-verified-360-vi.png`, fullPage: true });
  const api = await (await fetch(`${baseURL()}/api/v1/experts/${lan.expert.slug}`)).json();
  expect(api.data.affiliationVerified).toBe(true);
  expect(JSON.stringify(api)).not.toContain(address);
});
