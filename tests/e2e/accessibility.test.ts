import { describe, expect, test } from "vitest";
import { axeViolations } from "./axe";
import { useBrowser } from "./browser";
import { signInAs } from "./fixtures";
import { hanoiMorning, makeEvent, makeMeeting, makeRegistration, makeUser } from "../factories";

/**
 * axe-core's WCAG 2.1 A/AA rules on each kind of page, in both languages and on
 * a phone. Any serious or critical violation fails.
 */
const { openPage } = useBrowser();

async function violations(url: string, options: { mobile?: boolean } = {}) {
  // axe is injected as a script: bypass the page's CSP for it.
  const page = await openPage({
    bypassCSP: true,
    ...(options.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true } : {}),
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return axeViolations(page);
}

describe("accessibility (axe, WCAG 2.1 AA)", () => {
  test.each([
    ["/"],
    ["/directory?q=vat+lieu&kind=lab"],
    ["/directory?kind=spaceship"],
    ["/organizations/hust"],
    ["/no/such/page"],
    // The overseas experts network and the facet (docs/decisions/076)
    ["/experts/overseas"],
    ["/experts?based=abroad"],
  ])("%s has no serious violations", async (url) => {
    expect(await violations(url)).toEqual([]);
  });

  test("nor on a phone", async () => {
    expect(await violations("/directory?q=materials", { mobile: true })).toEqual([]);
  });

  test("the keyboard reaches the skip link first and it jumps to the content", async () => {
    const page = await openPage();
    // After hydration: a key pressed while React 18 is still hydrating can abort it (error #345).
    await page.goto("/directory", { waitUntil: "networkidle" });
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Bỏ qua, đến nội dung chính");
    await page.keyboard.press("Enter");
    // The browser moves to the fragment after the key press returns: wait for it.
    await expect.poll(() => page.url()).toMatch(/#main$/);
  });
});

// Events (docs/decisions/072): the list and an event's page, on a phone; the form refused, as an official.
describe("accessibility of the event pages", () => {
  test("the list, an event's page and the refused form have no serious violations on a phone", async () => {
    const { portalDb, signInAs } = await import("./fixtures");
    const { makeUser } = await import("../factories");
    const slug = `axe-demo-day-${Date.now()}`;
    await portalDb().event.create({
      data: {
        slug,
        kind: "demo_day",
        titleVi: "Ngày trình diễn khởi nghiệp",
        startsAt: new Date(Date.now() + 7 * 86_400_000),
        endsAt: new Date(Date.now() + 7 * 86_400_000 + 4 * 3_600_000),
        venue: "Hội trường A",
        district: "cau-giay",
        organizerName: "Sở Khoa học và Công nghệ Hà Nội",
        status: "published",
      },
    });
    for (const url of ["/events", "/events?when=past&q=khong+co+gi+xyzw", `/events/${slug}`])
      expect(await violations(url, { mobile: true }), url).toEqual([]);
    const official = await makeUser({ label: "axe-curator", role: "curator" });
    const page = await openPage({ bypassCSP: true, viewport: { width: 360, height: 780 }, isMobile: true });
    await signInAs(official.id, page.context());
    await page.goto("/events/new", { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Đăng sự kiện" }).click();
    await expect.poll(() => page.locator("[aria-invalid=true]").count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

// --- Meetings at events (docs/decisions/073) -------------------------------------------

test("the meeting pages have no serious violations on a phone, signed in as a participant", async () => {
  const event = await makeEvent({ startsAt: hanoiMorning(), hours: 4 });
  const past = await makeEvent({ startsAt: new Date(Date.now() - 3 * 86_400_000), hours: 4 });
  const [requester, invitee] = [await makeUser({ label: "axe-requester" }), await makeUser({ label: "axe-invitee" })];
  await makeRegistration(event.id, requester.id, { listed: true });
  const listed = await makeRegistration(event.id, invitee.id, { listed: true, interests: "Xử lý nước" });
  const waiting = await makeMeeting(event, requester.id, invitee.id, {
    status: "requested",
    message: "Xin gặp để trao đổi.",
  });
  const over = await makeMeeting(past, requester.id, invitee.id, { message: "Xin gặp để trao đổi." });
  const found: Record<string, unknown[]> = {};
  for (const [who, url] of [
    [invitee, `/messages/${waiting.conversation.id}`],
    [requester, `/events/${event.slug}/people?with=${listed.id}`],
    [requester, `/messages/${over.conversation.id}`],
    [requester, "/me/agenda"],
  ] as const) {
    const page = await openPage({ bypassCSP: true, viewport: { width: 360, height: 780 }, isMobile: true });
    await signInAs(who.id, page.context());
    await page.goto(url, { waitUntil: "networkidle" });
    const violations = await axeViolations(page);
    if (violations.length) found[url] = violations;
  }
  expect(found).toEqual({});
});
// Agreements and the officials' indicators (docs/decisions/074, 075): signed-in pages, on a phone.
describe("accessibility of agreements and indicators", () => {
  test("the indicators, their report, a thread's agreements and /me/agreements have no serious violations", async () => {
    const { makeAgreement, makeConversation, makeUser } = await import("../factories");
    const { signInAs } = await import("./fixtures");
    const official = await makeUser({ label: "curator", role: "curator", password: null });
    const member = await makeUser({ label: "a11y-member", password: null });
    const other = await makeUser({ label: "a11y-other", password: null });
    const conversation = await makeConversation({ kind: "inquiry", starterId: member.id, owner: { userId: other.id } });
    await makeAgreement(conversation.id, { recordedById: member.id, status: "pending", note: "Ghi chú" });
    await makeAgreement(conversation.id, { recordedById: other.id, type: "consulting" });
    const check = async (userId: string, url: string) => {
      const page = await openPage({
        bypassCSP: true,
        viewport: { width: 360, height: 800 },
        isMobile: true,
        locale: "vi-VN",
      });
      await signInAs(userId, page.context());
      await page.goto(url, { waitUntil: "networkidle" });
      // The record form is folded away: open it so its fields are checked too.
      await page.evaluate(() => document.querySelector("#agreements details")?.setAttribute("open", ""));
      return axeViolations(page);
    };
    expect(await check(official.id, "/admin/indicators")).toEqual([]);
    expect(await check(official.id, "/admin/indicators/report?quarter=2026-Q4")).toEqual([]);
    expect(await check(member.id, `/messages/${conversation.id}`)).toEqual([]);
    expect(await check(member.id, "/me/agreements")).toEqual([]);
  });
});

// Event registration (docs/decisions/077): signed out, waitlisted and /me/events, at 360 px in Vietnamese.
describe("event registration pages (axe)", () => {
  test("the registration page and /me/events have no serious violations", async () => {
    const event = await makeEvent({ label: "axe-event", capacity: 1 });
    const registered = await makeUser({ label: "axe-registered" });
    const waiting = await makeUser({ label: "axe-waiting" });
    await makeRegistration(event.id, registered.id);
    await makeRegistration(event.id, waiting.id, { status: "waitlisted" });
    const phone = { bypassCSP: true, viewport: { width: 360, height: 780 }, isMobile: true, locale: "vi-VN" };
    const visitor = await openPage(phone);
    await visitor.goto(`/events/${event.slug}/registration`, { waitUntil: "networkidle" });
    expect(await axeViolations(visitor)).toEqual([]);
    const member = await openPage(phone);
    await signInAs(waiting.id, member.context());
    for (const url of [`/events/${event.slug}/registration`, "/me/events"]) {
      await member.goto(url, { waitUntil: "networkidle" });
      expect(await axeViolations(member), url).toEqual([]);
    }
  });
});
