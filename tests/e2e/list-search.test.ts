import { beforeAll, describe, expect, test, vi } from "vitest";
import { makeOffer, makeUser, word } from "../factories";
import { useBrowser } from "./browser";
import { enqueueSearchSync } from "#search/outbox";
import { portalDb } from "./portal-db";
import { makeFoodCompany, makeRequest, makeResearcher } from "./world";

/**
 * One search behaviour on every list page, at phone size, with and without
 * JavaScript (docs/decisions/046): typing searches and keeps the URL in step,
 * a filter applies at once, the GET form submits without JavaScript, the
 * suggestions work from the keyboard, and zero results offer four ways out.
 */
const { openPage } = useBrowser();
type Page = import("playwright-core").Page;
const PHONE = { width: 360, height: 740 };

type List = { path: string; box: string; token: string; name: RegExp };
const lists: Record<"directory" | "experts" | "requests" | "offers" | "events", List> = {} as never;
let food: { slug: string; nameVi: string; areaSlug: string };
let offer: { id: string; nameVi: string };

/** One letter changed: a typo the engine still finds, and a word no name has. */
const misspelt = (token: string) => `${token.slice(0, 4)}${token[4] === "q" ? "x" : "q"}${token.slice(5)}`;

beforeAll(async () => {
  const field = await portalDb().field.findUniqueOrThrow({
    where: { slug: "food-technology" },
    select: { slug: true, nameVi: true, parent: { select: { slug: true } } },
  });
  food = { slug: field.slug, nameVi: field.nameVi, areaSlug: field.parent!.slug };
  const company = await makeFoodCompany("list-search");
  const researcher = await makeResearcher("list-search");
  const official = await makeUser({ label: "list-search-official", role: "curator", password: null });
  const request = await makeRequest(researcher.id, { reviewerId: official.id });
  const companyToken = company.nameVi!.split(" ").at(-1)!;
  lists.directory = { path: "/directory", box: "#q", token: companyToken, name: new RegExp(companyToken) };
  lists.experts = {
    path: "/experts",
    box: "#experts-q",
    token: researcher.expert.token,
    name: new RegExp(researcher.expert.token),
  };
  lists.requests = {
    path: "/requests",
    box: "#requests-q",
    token: request.titleToken,
    name: new RegExp(request.titleToken),
  };
  const offerToken = word();
  const made = await makeOffer({
    organizationId: company.id,
    nameVi: `Dịch vụ kiểm thử ${offerToken}`,
    fieldSlugs: [field.slug],
  });
  offer = { id: made.id, nameVi: made.nameVi! };
  lists.offers = { path: "/offers", box: "#offers-q", token: offerToken, name: new RegExp(offerToken) };
  // An upcoming event in the same field (docs/decisions/072), indexed through the outbox.
  const eventToken = word();
  const event = await portalDb().event.create({
    data: {
      slug: `hoi-thao-${eventToken}`,
      kind: "workshop",
      titleVi: `Hội thảo kiểm thử ${eventToken}`,
      startsAt: new Date(Date.now() + 9 * 86_400_000),
      endsAt: new Date(Date.now() + 9 * 86_400_000 + 3 * 3_600_000),
      venue: "Hội trường C",
      district: "cau-giay",
      organizationId: company.id,
      status: "published",
      searchText: `hoi thao kiem thu ${eventToken}`,
      fields: { create: [{ fieldId: (await portalDb().field.findUniqueOrThrow({ where: { slug: field.slug } })).id }] },
    },
  });
  await enqueueSearchSync(portalDb(), "event", [event.id]);
  lists.events = { path: "/events", box: "#events-q", token: eventToken, name: new RegExp(eventToken) };
  // The outbox reaches the engine in the background: wait until each list finds its item.
  const page = await openPage();
  for (const list of Object.values(lists)) {
    await vi.waitFor(
      async () => {
        await page.goto(`${list.path}?q=${list.token}`);
        expect(await page.getByRole("listitem").getByText(list.name).count()).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 300 },
    );
  }
  await page.context().close();
}, 60_000);

/** The page's results once it has finished searching. */
async function settled(page: Page) {
  await expect.poll(() => page.locator("section[aria-busy]").getAttribute("aria-busy")).toBe("false");
  return page.locator("#result-list > li").allInnerTexts();
}

describe.each(["directory", "experts", "requests", "offers", "events"] as const)("the %s list at 360 px", (name) => {
  test("typing searches and keeps the URL in step, with one history entry", async () => {
    const list = lists[name];
    const page = await openPage({ viewport: PHONE });
    await page.goto(list.path, { waitUntil: "networkidle" });
    const before = await page.evaluate(() => history.length);
    await page.locator(list.box).pressSequentially(list.token.slice(0, 6), { delay: 30 });
    await page.waitForURL(new RegExp(`\\?q=${list.token.slice(0, 6)}$`));
    await page.locator(list.box).pressSequentially(list.token.slice(6), { delay: 30 });
    await page.waitForURL(new RegExp(`\\?q=${list.token}$`));
    await expect.poll(async () => (await settled(page)).join("\n")).toMatch(list.name);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
    await page.screenshot({ path: `test-output/list-search-${name}-typing.png` });
  });

  test("the box comes first, the filters fold under it, and a filter applies at once", async () => {
    const list = lists[name];
    const page = await openPage({ viewport: PHONE });
    await page.goto(list.path, { waitUntil: "networkidle" });
    const box = (await page.locator(list.box).boundingBox())!;
    const summary = page.locator("summary", { hasText: "Bộ lọc" });
    const folded = (await summary.boundingBox())!;
    expect(box.y).toBeLessThan(folded.y);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    // Folded on a phone: the results follow right after.
    const first = page.locator(".filters-panel input[type=checkbox]").first();
    expect(await first.isVisible()).toBe(false);
    await summary.click();
    const [param, value] = [(await first.getAttribute("name"))!, (await first.getAttribute("value"))!];
    await first.check();
    // No button pressed: the list follows the checkbox.
    await page.waitForURL(new RegExp(`\\?${param}=${value}$`));
    await settled(page);
    expect(await page.locator(`#facet-${param}-${value}`).isChecked()).toBe(true);
  });

  test("without JavaScript the same form submits from its visible button", async () => {
    const list = lists[name];
    const page = await openPage({ viewport: PHONE, javaScriptEnabled: false });
    await page.goto(list.path);
    await page.locator(list.box).fill(list.token);
    const button = page.getByRole("button", { name: "Tìm", exact: true });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    // The directory's sort and the events' upcoming/past go along (a plain GET form sends every control).
    await page.waitForURL(new RegExp(`\\?q=${list.token}(&sort=relevance|&when=upcoming)?$`));
    expect((await page.locator("#result-list > li").allInnerTexts()).join("\n")).toMatch(list.name);
  });

  test("suggestions open under the box and work from the keyboard", async () => {
    const list = lists[name];
    const page = await openPage({ viewport: PHONE });
    await page.goto(list.path, { waitUntil: "networkidle" });
    const box = page.locator(list.box);
    await box.pressSequentially("thuc pham", { delay: 30 });
    const fieldOption = page.getByRole("option", { name: food.nameVi, exact: true });
    await expect.poll(() => fieldOption.isVisible()).toBe(true);
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    await page.screenshot({ path: `test-output/list-search-${name}-suggestions.png` });
    const optionId = await fieldOption.getAttribute("id");
    // Escape closes the list and leaves the text.
    await box.press("Escape");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    expect(await box.inputValue()).toBe("thuc pham");
    // Arrows move through the options (the box keeps focus); Enter chooses the field.
    for (let presses = 0; presses < 12; presses += 1) {
      if ((await box.getAttribute("aria-activedescendant")) === optionId) break;
      await box.press("ArrowDown");
    }
    expect(await box.getAttribute("aria-activedescendant")).toBe(optionId);
    expect(await fieldOption.getAttribute("aria-selected")).toBe("true");
    await box.press("Enter");
    // The directory and offers filter by field; experts and requests by area.
    const param = ["directory", "offers", "events"].includes(name) ? `field=${food.slug}` : `area=${food.areaSlug}`;
    await page.waitForURL(new RegExp(`${list.path}\\?${param}$`));
    await settled(page);
  });

  test("zero results offer the query without filters, did you mean, related fields and a request", async () => {
    const list = lists[name];
    const page = await openPage({ viewport: PHONE });
    // A filter nothing of the words has, and a misspelt field word ("phxm" is too short for the engine's typos).
    const filter = {
      directory: "kind=university",
      experts: "offer=equipment_access",
      requests: "sector=energy",
      offers: "type=technology",
      events: "kind=competition",
    };
    const q = `${misspelt(list.token)} phxm`;
    await page.goto(`${list.path}?${new URLSearchParams({ q })}&${filter[name]}`, { waitUntil: "networkidle" });
    expect(await page.locator("#result-list > li").count()).toBe(0);
    const without = page.getByRole("link", { name: /^Bỏ bộ lọc: 1 kết quả$/ });
    expect(await without.isVisible()).toBe(true);
    expect(await page.getByText("Có phải bạn muốn tìm:").isVisible()).toBe(true);
    expect(await page.getByText("Lĩnh vực liên quan:").isVisible()).toBe(true);
    const request = page.getByRole("link", { name: "Đăng yêu cầu công nghệ với nội dung này" });
    const href = new URL((await request.getAttribute("href"))!, "http://portal");
    // Not signed in: sign-up first, then the form with the words in its title.
    expect(href.pathname).toBe("/signup");
    expect(new URL(href.searchParams.get("redirectTo")!, "http://portal").searchParams.get("title")).toBe(q);
    await page.screenshot({ path: `test-output/list-search-${name}-zero.png`, fullPage: true });
    await without.click();
    await page.waitForURL(new RegExp(`${list.path}\\?q=`));
    await expect.poll(async () => (await settled(page)).join("\n")).toMatch(list.name);
  });
});

describe("the offers list's URL", () => {
  test("bad filter values answer 400 and are named in Vietnamese, and the rest still applies", async () => {
    const page = await openPage({ viewport: PHONE, javaScriptEnabled: false });
    const response = await page.goto(`/offers?q=${lists.offers.token}&trl=10&type=spaceship`);
    expect(response?.status()).toBe(400);
    const text = await page.locator("main").innerText();
    expect(text).toContain("TRL phải là một số từ 1 đến 9");
    expect(text).toContain("Loại không tồn tại: “spaceship”");
    expect((await page.locator("#result-list > li").allInnerTexts()).join("\n")).toMatch(lists.offers.name);
  });
});

describe("offers in the type-ahead", () => {
  test("on /offers an offer is suggested first and Enter opens its page", async () => {
    const page = await openPage({ viewport: PHONE });
    await page.goto("/offers", { waitUntil: "networkidle" });
    const box = page.locator(lists.offers.box);
    await box.pressSequentially(`kiem thu ${lists.offers.token}`, { delay: 30 });
    const option = page.getByRole("option", { name: offer.nameVi, exact: true });
    await expect.poll(() => option.isVisible()).toBe(true);
    await page.screenshot({ path: "test-output/list-search-offers-offer-suggestion.png" });
    await box.press("ArrowDown");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
    await box.press("Enter");
    await page.waitForURL(new RegExp(`/offers/${offer.id}$`));
    // The directory's box does not suggest offers.
    const directory = await page.request.get(`/search/suggest?q=${lists.offers.token}`);
    expect(await directory.json()).not.toHaveProperty("offers");
    const offers = await page.request.get(`/search/suggest?list=offers&q=${lists.offers.token}`);
    expect(((await offers.json()) as { offers: { id: string }[] }).offers[0]?.id).toBe(offer.id);
  });
});

describe("the suggestion route", () => {
  test("answers organizations and fields as JSON, and a clear 400 to a query too long", async () => {
    const page = await openPage();
    const found = await page.request.get(`/search/suggest?q=${encodeURIComponent("thuc pham")}`);
    expect(found.status()).toBe(200);
    const body = (await found.json()) as { organizations: { slug: string }[]; fields: { slug: string }[] };
    expect(body.fields.map((field) => field.slug)).toContain(food.slug);
    expect(body.organizations.length).toBeGreaterThan(0);
    expect(body.organizations.length).toBeLessThanOrEqual(5);
    const tooLong = await page.request.get(`/search/suggest?q=${"a".repeat(201)}`);
    expect(tooLong.status()).toBe(400);
    expect(await tooLong.json()).toEqual({ error: "Từ khóa quá dài: tối đa 200 ký tự." });
  });
});

describe("facet counts while typing", () => {
  test("a keystroke's answer has no counts, the settled page has them, and the URL has no typing flag", async () => {
    const list = lists.directory;
    const page = await openPage({ viewport: PHONE });
    await page.goto("/directory?kind=enterprise", { waitUntil: "networkidle" });
    // A page load counts.
    const kindCount = page.locator("label", { has: page.locator("#facet-kind-enterprise") });
    expect(await kindCount.locator("span.text-slate-500").count()).toBe(1);
    const answers: string[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname === "/directory/typing") answers.push("keystroke");
      else if (url.pathname === "/directory.data") answers.push("counts");
    });
    const keystroke = page.waitForResponse((response) => new URL(response.url()).pathname === "/directory/typing");
    await page.locator(list.box).pressSequentially(list.token, { delay: 30 });
    const answer = (await (await keystroke).json()) as {
      countsLater: boolean;
      facets: { kind: { count: number | null }[]; verifiedCount: number | null };
    };
    expect(answer.countsLater).toBe(true);
    expect(answer.facets.kind.every((option) => option.count === null)).toBe(true);
    expect(answer.facets.verifiedCount).toBeNull();
    // Then, typing settled, the same URL again with its counts.
    await page.waitForResponse((response) => new URL(response.url()).pathname === "/directory.data");
    await expect.poll(() => kindCount.locator("span.text-slate-500").count()).toBe(1);
    expect(answers.at(-1)).toBe("counts");
    expect(answers.indexOf("keystroke")).toBeLessThan(answers.lastIndexOf("counts"));
    expect(new URL(page.url()).search).toBe(`?q=${list.token}&kind=enterprise`);
  });
});

describe("the concept chip on experts", () => {
  test("shows the fields the words were read as, and its × searches the words alone", async () => {
    const list = lists.experts;
    const page = await openPage({ viewport: PHONE });
    const q = `${list.token} thuc pham`;
    await page.goto(`/experts?${new URLSearchParams({ q })}`, { waitUntil: "networkidle" });
    const chip = page.getByTestId("concept-chip");
    expect(await chip.innerText()).toMatch(/^Đang hiển thị kết quả cho: .*Công nghệ thực phẩm/);
    expect((await settled(page)).join("\n")).toMatch(list.name);
    await page.screenshot({ path: "test-output/list-search-experts-concepts.png" });
    await chip.getByRole("link", { name: "Bỏ cách hiểu này, chỉ tìm đúng các từ đã gõ" }).click();
    await page.waitForURL(/concepts=off/);
    await expect.poll(() => page.getByTestId("concept-chip").count()).toBe(0);
    expect((await settled(page)).join("\n")).toMatch(list.name);
    // A bad value is named, as on the directory.
    const bad = await page.goto("/experts?q=x&concepts=maybe");
    expect(bad?.status()).toBe(400);
    expect(await page.getByText("Giá trị “concepts” không hợp lệ").isVisible()).toBe(true);
  });
});
