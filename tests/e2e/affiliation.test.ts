import { expect, inject, test } from "vitest";
import { readMailbox } from "../mailbox";
import { makeOrganization, makeUser } from "../factories";
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

test("without a known domain an official verifies by hand; a manager lists the listing's e-mail domains (360 px)", async () => {
  const institute = await makeOrganization({ label: "institute", nameVi: `Viện Kiểm thử ${word()}`, website: null });
  const minh = await makeResearcher("minh");
  await db().expertProfile.update({ where: { id: minh.expert.id }, data: { affiliationId: institute.id } });

  const page = await openPage({ ...PHONE, javaScriptEnabled: false });
  await signInAs(minh.id, page.context());
  await page.goto("/me/profile#affiliation");
  await page.getByRole("button", { name: "Đề nghị cán bộ xác minh" }).click();
  await page.waitForURL(/\/me\/profile\?affiliation=asked#affiliation$/);
  await expect.poll(() => page.getByText("Đã gửi đề nghị.", { exact: false }).count()).toBe(1);

  const curator = await makeUser({ label: "curator", role: "curator" });
  const official = await openPage({ ...PHONE, javaScriptEnabled: false });
  await signInAs(curator.id, official.context());
  await official.goto("/admin/queue");
  await official.getByRole("link", { name: /Đề nghị xác minh đơn vị công tác/ }).click();
  await official.waitForURL(/\/admin\/affiliations$/);
  const item = official.getByRole("listitem").filter({ hasText: minh.expert.fullName });
  await item.getByLabel("Ghi chú gửi nhà khoa học").fill("Có tên trên trang của viện");
  await official.screenshot({ path: `${SHOTS}/admin-affiliations-360-vi.png`, fullPage: true });
  await item.getByRole("button", { name: "Xác minh" }).click();
  await expect.poll(() => official.getByText("Đã ghi nhận và báo cho nhà khoa học.").count()).toBe(1);
  await expect
    .poll(
      async () => (await db().expertProfile.findUniqueOrThrow({ where: { id: minh.expert.id } })).affiliationVerifiedBy,
    )
    .toBe("official");
  expect(await db().notification.count({ where: { userId: minh.id, type: "review" } })).toBe(1);

  // The experts list's card shows the badge (search results use the same card).
  const visitor = await openPage(PHONE);
  await expect
    .poll(async () => {
      await visitor.goto(`/experts?q=${encodeURIComponent(minh.expert.token)}`);
      return visitor.getByRole("article").filter({ hasText: "Đã xác minh đơn vị công tác" }).count();
    })
    .toBe(1);
  await visitor.screenshot({ path: `${SHOTS}/experts-card-360-vi.png`, fullPage: true });

  // The listing's manager adds a domain; a public mail service is refused with the field's message.
  const manager = await makeUser({ label: "manager" });
  await db().organizationManager.create({ data: { userId: manager.id, organizationId: institute.id } });
  const managing = await openPage({ ...PHONE, javaScriptEnabled: false });
  await signInAs(manager.id, managing.context());
  await managing.goto(`/organizations/${institute.slug}/edit`);
  const domains = managing.getByRole("region", { name: "Tên miền e-mail của đơn vị" });
  await domains.getByLabel("Tên miền").fill("vkt.vast.vn\ngmail.com");
  await domains.getByRole("button", { name: "Cập nhật tên miền" }).click();
  await expect.poll(() => managing.getByText("“gmail.com” không dùng được", { exact: false }).count()).toBe(1);
  expect(await managing.getByRole("textbox", { name: "Tên miền" }).inputValue()).toBe("vkt.vast.vn\ngmail.com");
  await managing.screenshot({ path: `${SHOTS}/domains-refused-360-vi.png`, fullPage: true });
  await managing.getByRole("textbox", { name: "Tên miền" }).fill("vkt.vast.vn");
  await managing.getByRole("button", { name: "Cập nhật tên miền" }).click();
  await managing.waitForURL(/\/edit\?domains=saved#email-domains$/);
  expect((await db().organization.findUniqueOrThrow({ where: { id: institute.id } })).emailDomains).toBe("vkt.vast.vn");
});
