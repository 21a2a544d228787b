import crypto from "node:crypto";
import { expect, inject, test } from "vitest";
import { readMailbox } from "../mailbox";
import { useBrowser } from "./browser";
import { makeUser, PASSWORD } from "../factories";
import { mailedConfirmationPath, portalDb, signInAs } from "./fixtures";

/**
 * The whole path from a need to a conversation, as people would take it, in
 * three browsers: a scientist, a company and an official.
 */
const { openPage } = useBrowser();

type Page = import("playwright-core").Page;
const unique = crypto.randomBytes(3).toString("hex");
const scientistEmail = `nguyen.van.an.${unique}@hust.example.vn`;
const companyEmail = `contact.${unique}@cokhidonganh.example.vn`;

async function signUp(
  page: Page,
  options: { type: "Nhà khoa học, nhà nghiên cứu" | "Doanh nghiệp, startup"; name: string; email: string },
) {
  await page.goto("/signup");
  await page.getByLabel(options.type).check();
  await page.getByLabel("Họ và tên").fill(options.name);
  await page.getByLabel("E-mail").fill(options.email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  // The account opens through the link mailed to the address.
  await expect.poll(() => page.getByText(`Chúng tôi đã gửi thư đến ${options.email}.`).isVisible()).toBe(true);
  await page.goto(await mailedConfirmationPath(options.email));
  await page.getByRole("button", { name: "Xác nhận và đăng nhập" }).click();
}

async function unreadCount(page: Page) {
  const badge = page.locator('header a[href="/notifications"] span[aria-hidden]').first();
  return (await badge.count()) ? Number(await badge.innerText()) : 0;
}

test("a scientist is suggested for a company's request, invited, accepted, and they talk", async () => {
  // 1. A scientist signs up and publishes an expertise profile.
  const scientist = await openPage();
  await signUp(scientist, { type: "Nhà khoa học, nhà nghiên cứu", name: "Nguyễn Văn An", email: scientistEmail });
  await scientist.waitForURL(/\/me\/profile$/);
  await scientist.getByLabel("Học hàm, học vị").selectOption("pgs_ts");
  await scientist.getByLabel("Đơn vị công tác (trong danh bạ)").fill("HUST");
  await scientist.getByLabel("Chức vụ, vị trí").fill("Trưởng nhóm nghiên cứu cảm biến");
  await scientist.getByText("Điện tử, viễn thông & bán dẫn").click();
  await scientist.getByLabel("Cảm biến", { exact: true }).check();
  await scientist.getByText("Khoa học vật liệu & công nghệ nano").click();
  await scientist.getByLabel("Vật liệu nano", { exact: true }).check();
  await scientist.getByLabel("Từ khóa chuyên môn").fill("cảm biến khí, oxit kim loại, dây nano");
  await scientist
    .getByLabel("Giới thiệu (tiếng Việt)")
    .fill("Nghiên cứu cảm biến khí trên cơ sở dây nano oxit kim loại cho quan trắc môi trường và công nghiệp.");
  await scientist.getByLabel("Nghiên cứu theo hợp đồng").check();
  await scientist.getByLabel("Dịch vụ phòng thí nghiệm (đo, phân tích, thử nghiệm)").check();
  await scientist.getByLabel("Tiêu đề").first().fill("Cảm biến khí dây nano oxit kim loại độ nhạy cao");
  await scientist.getByRole("button", { name: "Lưu và công khai" }).click();
  await expect.poll(() => scientist.getByText("Hồ sơ đã được công khai.").isVisible()).toBe(true);
  const profile = await portalDb().expertProfile.findFirstOrThrow({
    where: { user: { email: scientistEmail } },
    include: { affiliation: true },
  });
  expect(profile.status).toBe("published");
  expect(profile.affiliation?.slug).toBe("hust");

  // 2. A company signs up and posts a request; it waits for review.
  const company = await openPage();
  await signUp(company, { type: "Doanh nghiệp, startup", name: "Trần Thị Bình", email: companyEmail });
  await company.waitForURL(/\/requests\/new$/);
  await company.getByLabel("Tiêu đề", { exact: true }).fill("Cảm biến khí giá rẻ để cảnh báo rò rỉ trong nhà máy");
  await company
    .getByLabel("Vấn đề cần giải quyết")
    .fill(
      "Nhà máy cần cảm biến khí độ nhạy cao, giá thấp để phát hiện rò rỉ khí độc; cần thử nghiệm và đo lường trong điều kiện thực tế.",
    );
  await company
    .getByLabel("Kết quả mong muốn")
    .fill("Mẫu cảm biến khí hoạt động ổn định và quy trình chế tạo có thể chuyển giao.");
  await company.getByText("Điện tử, viễn thông & bán dẫn").click();
  await company.getByLabel("Cảm biến", { exact: true }).check();
  await company.getByLabel("Tên doanh nghiệp hoặc cơ quan", { exact: true }).fill("Công ty Cổ phần Cơ khí Đông Anh");
  await company.getByLabel("Ngành", { exact: true }).selectOption("manufacturing");
  await company.getByLabel("Khu vực (quận/huyện cũ)", { exact: true }).selectOption("dong-anh");
  await company.getByRole("button", { name: "Gửi đặt hàng để duyệt" }).click();
  await company.waitForURL(/\/requests\/[a-z0-9]+$/);
  await expect.poll(() => company.getByText("Đặt hàng đang chờ cán bộ quản lý duyệt").isVisible()).toBe(true);
  const requestUrl = new URL(company.url()).pathname;
  const requestId = requestUrl.split("/").pop()!;

  // Before review, nobody else can see it.
  expect(await (await fetch(`${inject("baseURL")}${requestUrl}`)).status).toBe(404);

  // 3. An official approves it.
  const officialUser = await makeUser({ role: "curator", name: "Cán bộ Sở KH&CN" });
  const official = await openPage();
  await signInAs(officialUser.id, official.context());
  await official.goto("/admin/requests");
  const row = official.locator(`[data-request="${requestId}"]`);
  await row.getByRole("button", { name: "Duyệt" }).click();
  await expect.poll(() => official.getByText("Đã xử lý.").isVisible()).toBe(true);

  // 4. The portal suggests the scientist, with reasons; the company invites them.
  await expect
    .poll(
      async () => {
        await company.goto(requestUrl);
        return company.locator(`[data-suggestion="${profile.slug}"]`).count();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(1);
  const suggestion = company.locator(`[data-suggestion="${profile.slug}"]`);
  expect(await suggestion.innerText()).toMatch(/Cùng lĩnh vực: Cảm biến/);
  expect(await suggestion.innerText()).toMatch(/Từ khóa khớp: cảm biến khí/);
  await suggestion.getByRole("button", { name: "Mời đề xuất" }).click();
  await expect.poll(() => suggestion.getByText("Đã mời").isVisible()).toBe(true);

  // 5. The scientist is told, and responds.
  await scientist.goto("/notifications");
  await expect.poll(() => scientist.getByText(/Bạn được mời đề xuất cho đặt hàng/).isVisible()).toBe(true);
  await scientist.getByText(/Bạn được mời đề xuất cho đặt hàng/).click();
  await scientist.waitForURL(new RegExp(`${requestUrl}$`));
  await scientist
    .getByLabel("Cách tiếp cận")
    .fill("Chế tạo cảm biến trên dây nano SnO2, hiệu chuẩn với khí mẫu, thử nghiệm tại nhà máy trong 3 tháng.");
  await scientist
    .getByLabel("Kinh nghiệm liên quan")
    .fill("10 năm nghiên cứu cảm biến khí; đã chuyển giao hai mẫu cảm biến cho doanh nghiệp.");
  await scientist.getByLabel("Tiến độ dự kiến").fill("6 tháng");
  await scientist.getByRole("button", { name: "Gửi đề xuất" }).click();
  await expect.poll(() => scientist.getByText("Đã gửi đề xuất của bạn.").isVisible()).toBe(true);

  // 6. The company shortlists, then accepts: the response becomes a match.
  await company.goto(requestUrl);
  const response = company.locator(`[data-response="${profile.slug}"]`);
  await expect.poll(() => response.getByText("Được mời").isVisible()).toBe(true);
  await response.getByRole("button", { name: "Đưa vào danh sách rút gọn" }).click();
  await expect
    .poll(() => company.locator(`[data-response="${profile.slug}"]`).getByText("Danh sách rút gọn").isVisible())
    .toBe(true);
  await company.locator(`[data-response="${profile.slug}"]`).getByRole("button", { name: "Chấp nhận" }).click();
  await company.waitForURL(/\/messages\/[a-z0-9]+$/);
  const matchUrl = new URL(company.url()).pathname;

  // 7. They exchange messages.
  await company.getByLabel("Tin nhắn").fill("Chào anh An, chúng tôi muốn hẹn gặp tại nhà máy tuần sau.");
  await company.getByRole("button", { name: "Gửi", exact: true }).click();
  await expect.poll(() => company.getByText("hẹn gặp tại nhà máy").isVisible()).toBe(true);
  await scientist.goto("/notifications");
  await scientist.getByText(/Tin nhắn mới từ Trần Thị Bình/).click();
  await scientist.waitForURL(new RegExp(`${matchUrl}$`));
  await expect.poll(() => scientist.getByText("hẹn gặp tại nhà máy").isVisible()).toBe(true);
  await scientist.getByLabel("Tin nhắn").fill("Rất sẵn lòng. Thứ Ba tuần sau được không ạ?");
  await scientist.getByRole("button", { name: "Gửi", exact: true }).click();
  // Wait for the post to be answered, else the company's page may load before it is stored.
  await expect.poll(() => scientist.getByText("Thứ Ba tuần sau").isVisible()).toBe(true);
  await company.goto(matchUrl);
  await expect.poll(() => company.getByText("Thứ Ba tuần sau").isVisible()).toBe(true);

  // 8. Both have notifications; the official's queue is empty again.
  await company.goto("/requests");
  expect(await unreadCount(company)).toBeGreaterThan(0);
  await scientist.goto("/experts");
  expect(await unreadCount(scientist)).toBeGreaterThan(0);

  // 9. The mailbox holds the e-mails.
  await expect
    .poll(
      async () =>
        (await readMailbox(inject("mailbox"))).filter((mail) => mail.to === scientistEmail).map((mail) => mail.subject),
      { timeout: 10_000 },
    )
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Xác nhận tài khoản/),
        expect.stringMatching(/được mời đề xuất/),
        expect.stringMatching(/được chấp nhận/),
        expect.stringMatching(/Tin nhắn mới/),
      ]),
    );
  const companyMail = (await readMailbox(inject("mailbox"))).filter((mail) => mail.to === companyEmail);
  expect(companyMail.map((mail) => mail.subject)).toEqual(
    expect.arrayContaining([expect.stringMatching(/đã được duyệt/), expect.stringMatching(/đã gửi đề xuất/)]),
  );
  expect(companyMail.find((mail) => /đã gửi đề xuất/.test(mail.subject))?.text).toContain(`${requestUrl}#responses`);
  // "được chấp nhận" leads to the conversation itself, in both parts.
  const accepted = (await readMailbox(inject("mailbox"))).find(
    (mail) => mail.to === scientistEmail && /được chấp nhận/.test(mail.subject),
  )!;
  expect(accepted.text).toMatch(new RegExp(`https?://\\S+${matchUrl}$`, "m"));
  expect(accepted.links[0]).toMatch(new RegExp(`${matchUrl}$`));
});
