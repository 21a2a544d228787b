import { describe, expect, test } from "vitest";
import { useBrowser } from "./browser";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";
import { makeUser } from "../factories";
import { makeRequest, makeResearcher, makeResponse, word } from "./world";

/**
 * The author fixes their own request (issue 14): a rejected one is sent again,
 * an open one stays open for small changes and goes back to review when what it
 * asks for changes. Without JavaScript, as the form must work. Each test builds
 * its own people and requests, so the order of tests and files does not matter.
 */
const { openPage } = useBrowser();
const db = () => portalDb();
type Page = import("playwright-core").Page;

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function openRequest(options: { status: "open" | "rejected"; reviewNote?: string }) {
  const owner = await makeUser({ label: "owner" });
  const curator = await makeUser({ label: "curator", role: "curator" });
  const request = await makeRequest(owner.id, {
    reviewerId: curator.id,
    status: options.status,
    reviewNote: options.reviewNote,
  });
  return { owner, curator, request };
}

/** The author's browser, without JavaScript, on the request's edit form (through the page's link). */
async function editForm(ownerId: string, requestId: string): Promise<Page> {
  const page = await openPage({ javaScriptEnabled: false });
  await signInAs(ownerId, page.context());
  await page.goto(`/requests/${requestId}`);
  await page.getByRole("link", { name: "Sửa đặt hàng" }).click();
  await page.waitForURL(new RegExp(`/requests/${requestId}/edit$`));
  return page;
}

/** Waits until the search outbox has sent the request's rows to the engine. */
async function indexed(requestId: string) {
  await expect
    .poll(() => db().searchOutbox.count({ where: { entity: "request", entityId: requestId, processedAt: null } }), {
      timeout: 20_000,
    })
    .toBe(0);
}
const listedBy = async (query: string, requestId: string) =>
  (await (await httpClient().get(`/requests?q=${query}`)).text()).includes(`href="/requests/${requestId}"`);

describe("the author edits their request", () => {
  test("a rejected request, edited and sent again, is pending and back in the officials' queue", async () => {
    const note = "Kết quả mong muốn chưa cụ thể.";
    const { owner, curator, request } = await openRequest({ status: "rejected", reviewNote: note });
    // The queue lists the 50 oldest pending requests: other files leave many behind.
    await db().techRequest.update({ where: { id: request.id }, data: { createdAt: new Date("2001-01-02T00:00:00Z") } });

    const page = await editForm(owner.id, request.id);
    expect(await page.getByText(note).isVisible()).toBe(true);
    expect(await page.getByLabel("Tiêu đề", { exact: true }).inputValue()).toBe(request.title);
    await page
      .getByLabel("Kết quả mong muốn")
      .fill("Quy trình bảo quản rau ăn lá 21 ngày, thử nghiệm ở hai kho lạnh, chuyển giao kèm đào tạo.");
    await page.getByRole("button", { name: "Lưu và gửi lại để duyệt" }).click();
    await page.waitForURL(/\?edited=resubmitted$/);
    expect(await page.getByText("Đã gửi lại đặt hàng").isVisible()).toBe(true);

    const after = await db().techRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after).toMatchObject({ status: "pending", reviewNote: null });
    // The old reason stays in the audit log.
    const entry = await db().auditEntry.findFirstOrThrow({
      where: { entityId: request.id, action: "request.resubmit" },
    });
    expect(entry).toMatchObject({ actorId: owner.id, reason: note });
    expect(
      await db().notification.count({ where: { userId: curator.id, url: `/admin/queue#request-${request.id}` } }),
    ).toBe(1);

    const official = await openPage({ javaScriptEnabled: false });
    await signInAs(curator.id, official.context());
    await official.goto("/admin/queue");
    expect(await official.locator(`#request-${request.id}`).count()).toBe(1);
  });

  test("an open request's title alone: it stays open and listed, and nobody who responded is told", async () => {
    const { owner, request } = await openRequest({ status: "open" });
    const responder = await makeResearcher("responder");
    await makeResponse(request.id, responder);
    const page = await editForm(owner.id, request.id);
    const token = word();
    const title = `Bảo quản rau quả tươi sau thu hoạch ${token}`;
    await page.getByLabel("Tiêu đề", { exact: true }).fill(title);

    // An earlier deadline is refused with the reason, and what was typed is kept.
    await page.getByLabel("Hạn nhận đề xuất").fill(dateIn(10));
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(() => page.getByText("chỉ có thể lùi hạn").isVisible()).toBe(true);
    expect(await page.getByLabel("Tiêu đề", { exact: true }).inputValue()).toBe(title);
    expect((await db().techRequest.findUniqueOrThrow({ where: { id: request.id } })).title).toBe(request.title);

    await page.getByLabel("Hạn nhận đề xuất").fill(dateIn(90));
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.waitForURL(/\?edited=saved$/);
    expect(await page.getByText("Đã lưu thay đổi.").isVisible()).toBe(true);

    const after = await db().techRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after).toMatchObject({ status: "open", title });
    expect(await db().auditEntry.count({ where: { entityId: request.id, action: "request.edit" } })).toBe(1);
    expect(await db().notification.count({ where: { userId: responder.id } })).toBe(0);
    // The engine finds it by its new title.
    await indexed(request.id);
    await expect.poll(() => listedBy(token, request.id)).toBe(true);
  });

  test("an open request's confidential section: it stays open, kept out of the audit log and of search", async () => {
    const { owner, request } = await openRequest({ status: "open" });
    const page = await editForm(owner.id, request.id);
    expect(await page.getByText("Chỉ những nhà khoa học bạn đưa vào danh sách ngắn").isVisible()).toBe(true);
    const secret = `Công suất thật ${word()}`;
    await page.getByLabel("Thông tin bảo mật (không bắt buộc)").fill(secret);
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.waitForURL(/\?edited=saved$/);
    expect(await db().techRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "open",
      confidential: secret,
    });
    // The author reads it back on the page and in the form.
    expect(await page.locator('[aria-labelledby="confidential"]').getByText(secret).isVisible()).toBe(true);
    const entries = await db().auditEntry.findMany({ where: { entityId: request.id } });
    expect(entries.map((entry) => entry.action)).toEqual(["request.edit"]);
    expect(JSON.stringify(entries)).not.toContain(secret);
    const row = await db().techRequest.findUniqueOrThrow({ where: { id: request.id }, select: { searchText: true } });
    expect(row.searchText).not.toContain(secret.split(" ").at(-1));
    await indexed(request.id);
    expect(await listedBy(secret.split(" ").at(-1)!, request.id)).toBe(false);
    expect(await listedBy(request.titleToken, request.id)).toBe(true);
  });

  test("an open request's problem: back to review, out of the list, the responder told, the response kept", async () => {
    const { owner, curator, request } = await openRequest({ status: "open" });
    const responder = await makeResearcher("responder");
    const response = await makeResponse(request.id, responder);
    await indexed(request.id);
    await expect.poll(() => listedBy(request.titleToken, request.id)).toBe(true);

    const page = await editForm(owner.id, request.id);
    expect(await page.getByText("tạm ẩn cho đến khi được duyệt lại").isVisible()).toBe(true);
    await page
      .getByLabel("Vấn đề cần giải quyết")
      .fill("Cần bảo quản rau ăn lá tươi 21 ngày trong kho lạnh mà không dùng hóa chất, giữ được màu và độ giòn.");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.waitForURL(/\?edited=review$/);
    expect(await page.getByText("tạm ẩn cho đến khi được duyệt lại").isVisible()).toBe(true);

    expect((await db().techRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending");
    expect(await db().auditEntry.count({ where: { entityId: request.id, action: "request.rereview" } })).toBe(1);
    const told = await db().notification.findMany({ where: { userId: responder.id } });
    expect(told.map((row) => JSON.parse(row.data).key)).toEqual(["notify.requestChangedForResponder"]);
    // The request is hidden from them until it is approved again: the notice leads to their proposals.
    expect(told.map((row) => row.url)).toEqual(["/me/responses"]);
    expect(await db().mailMessage.count({ where: { to: responder.email } })).toBe(1);
    expect(
      await db().notification.count({ where: { userId: curator.id, url: `/admin/queue#request-${request.id}` } }),
    ).toBe(1);
    expect(await db().requestResponse.findUniqueOrThrow({ where: { id: response.id } })).toEqual(response);
    // Hidden from the public list and search until approved again.
    await indexed(request.id);
    await expect.poll(() => listedBy(request.titleToken, request.id)).toBe(false);
    expect((await httpClient().get(`/requests/${request.id}`)).status).toBe(404);
  });

  test("nobody else edits it: another member and an official get 404 on the page and the post", async () => {
    const { request, curator } = await openRequest({ status: "open" });
    const form = {
      title: "Tiêu đề do người khác sửa vào",
      problem: request.problem,
      desiredOutcome: request.desiredOutcome,
      fieldSlugs: "food-technology",
      trl: "5",
      budget: "to_discuss",
      deadline: dateIn(90),
      visibility: "public",
      companyName: request.companyName,
      sector: "agriculture_food",
      companySize: "small",
      district: "dong-anh",
    };
    const other = await makeUser({ label: "other" });
    for (const person of [other, curator]) {
      const http = httpClient({ cookie: await signInAs(person.id) });
      expect((await http.get(`/requests/${request.id}/edit`)).status).toBe(404);
      expect((await http.post(`/requests/${request.id}/edit`, form)).status).toBe(404);
    }
    expect(await db().techRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      title: request.title,
      status: "open",
    });
  });

  test("a closed request has no edit link, and its edit page says it can no longer be edited", async () => {
    const owner = await makeUser({ label: "owner" });
    const request = await makeRequest(owner.id, { reviewerId: owner.id, status: "closed" });
    const page = await openPage({ javaScriptEnabled: false });
    await signInAs(owner.id, page.context());
    await page.goto(`/requests/${request.id}`);
    expect(await page.getByRole("link", { name: "Sửa đặt hàng" }).count()).toBe(0);
    const answer = await page.goto(`/requests/${request.id}/edit`);
    expect(answer?.status()).toBe(409);
    expect(await page.getByText("không sửa được nữa").isVisible()).toBe(true);
  });
});
