import crypto from "node:crypto";
import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { parseCsv } from "~/utils/csv";
import { axeViolations } from "./axe";
import { useBrowser } from "./browser";
import { makeOffer, makeUser } from "../factories";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";

/**
 * The ecosystem page as visitors and officials see it: SVG charts with bars,
 * downloads that hold what the page shows, without JavaScript, on a phone,
 * the officials' part only for officials, and no accessibility violations.
 */
const { openPage } = useBrowser();
type Page = import("playwright-core").Page;

const PUBLIC_CHARTS = [
  "summary",
  "requests",
  "kinds",
  "fields",
  "districts",
  "expert-fields",
  "collaborations",
  "structure",
  "offer-types",
  "offer-areas",
  "offer-districts",
];
const OFFICIAL_CHARTS = ["curation", "organizations", "curators"];
const unique = crypto.randomBytes(3).toString("hex");

/** Public offers as the page counts them: published and not hidden. */
const offerCount = (where: object) =>
  portalDb().offer.count({ where: { status: "published", hiddenAt: null, ...where } });
let curatorId = "";

/** Two published experts at HUST, two approved requests (one matched), reviewed by a curator. */
beforeAll(async () => {
  const db = portalDb();
  const [hust, enterprise, fields] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { slug: "hust" } }),
    db.organization.findFirstOrThrow({ where: { kind: "enterprise", status: "published" } }),
    db.field.findMany({ where: { parentId: { not: null } }, take: 2, orderBy: { position: "asc" } }),
  ]);
  const curator = await makeUser({ role: "curator", name: `Cán bộ Thống kê ${unique}` });
  curatorId = curator.id;
  const experts = [];
  for (const [i, name] of ["Lê Thị Hoa", "Phạm Văn Đức"].entries()) {
    const researcher = await makeUser({ accountType: "researcher", name });
    const expert = await db.expertProfile.create({
      data: {
        userId: researcher.id,
        slug: `eco-${unique}-${i}`,
        fullName: name,
        status: "published",
        affiliationId: hust.id,
        fields: { create: fields.map((field) => ({ fieldId: field.id })) },
      },
    });
    experts.push({ expert, researcher });
  }
  // Two public instruments in Long Biên, one hidden one (not counted).
  for (const hiddenAt of [null, null, new Date()]) {
    await makeOffer({
      type: "equipment",
      organizationId: hust.id,
      district: "long-bien",
      fieldSlugs: [fields[0]!.slug],
      hiddenAt,
    });
  }
  const business = await makeUser({ accountType: "business" });
  const day = 86_400_000;
  for (const [i, matched] of [true, false].entries()) {
    const publishedAt = new Date(Date.now() - (5 + i) * day);
    const request = await db.techRequest.create({
      data: {
        authorId: business.id,
        organizationId: matched ? enterprise.id : null,
        companyName: "Công ty Thống kê",
        sector: "ict",
        companySize: "small",
        title: `Đặt hàng thống kê ${unique} ${i}`,
        problem: "Cần giải pháp đo lường cho dây chuyền sản xuất.",
        desiredOutcome: "Mẫu thử hoạt động ổn định.",
        trl: 5,
        budget: "to_discuss",
        deadline: new Date(Date.now() + 60 * day),
        status: "open",
        publishedAt,
        reviewedById: curator.id,
        reviewedAt: publishedAt,
        createdAt: new Date(publishedAt.getTime() - 3_600_000),
      },
    });
    const { expert, researcher } = experts[i]!;
    const response = await db.requestResponse.create({
      data: {
        requestId: request.id,
        responderId: researcher.id,
        expertId: expert.id,
        approach: "Đo và hiệu chuẩn tại hiện trường.",
        experience: "Nhiều dự án tương tự.",
        timeline: "3 tháng",
        status: matched ? "accepted" : "submitted",
        createdAt: new Date(publishedAt.getTime() + 5 * 3_600_000),
      },
    });
    if (matched)
      await db.match.create({
        data: { requestId: request.id, responseId: response.id, createdAt: new Date(publishedAt.getTime() + day) },
      });
  }
});

/** The rows of a chart's data table: key, label and raw values. */
async function tableRows(page: Page, chart: string) {
  return page
    .locator(`[data-chart="${chart}"] table tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.getAttribute("data-row") ?? "",
        (row.querySelector("th") as HTMLElement | null)?.textContent?.trim() ?? "",
        ...[...row.querySelectorAll("td")].map((cell) => cell.getAttribute("data-value") ?? ""),
      ]),
    );
}

async function barValues(page: Page, chart: string) {
  return page
    .locator(`[data-chart="${chart}"] svg rect[data-bar]`)
    .evaluateAll((bars) => bars.map((bar) => bar.getAttribute("data-value")));
}

describe("the ecosystem page, for anyone", () => {
  test("draws every chart as SVG with bars, and leaves out the officials' part", async () => {
    const page = await openPage();
    const response = await page.goto("/ecosystem");
    expect(response?.status()).toBe(200);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText())
      .toBe("Hệ sinh thái đổi mới sáng tạo Hà Nội qua số liệu");
    expect(
      await page.locator("[data-chart]").evaluateAll((cards) => cards.map((card) => card.getAttribute("data-chart"))),
    ).toEqual([
      "summary",
      // Events, meetings and confirmed agreements: counts only (docs/decisions/075).
      "programme",
      "requests",
      "requesters",
      "kinds",
      "fields",
      "collaborations",
      "expert-fields",
      "districts",
      "structure",
      "offer-types",
      "offer-areas",
      "offer-districts",
    ]);
    for (const chart of PUBLIC_CHARTS.filter((id) => id !== "summary")) {
      expect(await page.locator(`[data-chart="${chart}"] svg[role="img"]`).count(), chart).toBe(1);
      expect((await barValues(page, chart)).length, chart).toBeGreaterThan(0);
    }
    // Requests by who posted them: both kinds always, with their names.
    const requesters = await tableRows(page, "requesters");
    expect(requesters.map((row) => row.slice(0, 2))).toEqual([
      ["business", "Doanh nghiệp"],
      ["agency", "Cơ quan nhà nước"],
    ]);
    // One bar per kind, as long as its count; each bar's number is in the table too.
    const kinds = await tableRows(page, "kinds");
    expect(kinds.map((row) => row[0]).sort()).toEqual([
      "enterprise",
      "incubator",
      "institute",
      "lab",
      "startup",
      "university",
    ]);
    expect(await barValues(page, "kinds")).toEqual(kinds.map((row) => row[2]));
    const widths = await page
      .locator('[data-chart="kinds"] rect[data-bar]')
      .evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().width));
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[0]).toBeGreaterThanOrEqual(widths.at(-1)!);
    // The requests chart has two series, opened and matched, over twelve months.
    expect((await tableRows(page, "requests")).length).toBe(12);
    expect(await page.locator('[data-chart="requests"] rect[data-bar="matched"]').count()).toBe(12);
    expect(
      Number(await page.locator('[data-kpi="experts"] dd[data-value]').getAttribute("data-value")),
    ).toBeGreaterThanOrEqual(2);
    expect(
      Number(await page.locator('[data-kpi="matches"] dd[data-value]').getAttribute("data-value")),
    ).toBeGreaterThanOrEqual(1);
    // Public offers by type, field group and area; a hidden one is not counted.
    expect((await tableRows(page, "offer-types")).find((row) => row[0] === "equipment")?.[2]).toBe(
      String(await offerCount({ type: "equipment" })),
    );
    expect((await tableRows(page, "offer-districts")).find((row) => row[0] === "long-bien")?.[2]).toBe(
      String(
        await offerCount({
          OR: [{ district: "long-bien" }, { district: null, organization: { district: "long-bien" } }],
        }),
      ),
    );
    expect((await tableRows(page, "offer-areas")).length).toBeGreaterThan(0);
    expect(await page.locator('[data-chart="offer-types"] a[href="/offers?type=equipment"]').count()).toBeGreaterThan(
      0,
    );
    // An enterprise met a university through a match.
    expect((await tableRows(page, "collaborations")).some((row) => row[0] === "enterprise>university")).toBe(true);

    expect(await page.locator("[data-official]").count()).toBe(0);
    for (const chart of OFFICIAL_CHARTS) expect(await page.locator(`[data-chart="${chart}"]`).count()).toBe(0);
    // The page links to it from the main navigation.
    expect(await page.locator('header nav a[href="/ecosystem"]').count()).toBeGreaterThan(0);
  });

  test("each chart downloads as CSV and JSON holding what the page shows", async () => {
    const page = await openPage();
    await page.goto("/ecosystem");
    for (const chart of ["kinds", "fields", "districts", "requests", "collaborations"]) {
      const shown = await tableRows(page, chart);
      const csvHref = await page.locator(`[data-chart="${chart}"] a[data-download="csv"]`).getAttribute("href");
      const jsonHref = await page.locator(`[data-chart="${chart}"] a[data-download="json"]`).getAttribute("href");
      const csv = await httpClient().get(csvHref!);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="ecosystem-${chart}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
      );
      // A byte-order mark, so that Excel reads the Vietnamese as UTF-8 (fetch's text() would drop it).
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)], "byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      const [header, ...rows] = parseCsv(text);
      expect(header?.[0]).toBe("Mã");
      expect(rows, chart).toEqual(shown);

      const json = await httpClient().get(jsonHref!);
      expect(json.headers.get("content-disposition")).toMatch(/^attachment; filename="ecosystem-.+\.json"$/);
      const body = (await json.json()) as {
        chart: string;
        language: string;
        rows: { key: string; label: string; values: Record<string, number> }[];
      };
      expect(body.chart).toBe(chart);
      expect(body.language).toBe("vi");
      expect(body.rows.map((row) => [row.key, row.label, ...Object.values(row.values).map(String)])).toEqual(shown);
    }
    // The headline figures too, and the programme's counts (docs/decisions/075).
    for (const chart of ["summary", "programme"]) {
      const tiles = await page
        .locator(`[data-chart="${chart}"] [data-kpi]`)
        .evaluateAll((tiles) =>
          tiles.map((tile) => [
            tile.getAttribute("data-kpi"),
            tile.querySelector("dd[data-value]")?.getAttribute("data-value"),
          ]),
        );
      const file = (await (await httpClient().get(`/ecosystem/data/${chart}?format=json&lang=vi`)).json()) as {
        rows: { key: string; values: { value: number | null } }[];
      };
      expect(file.rows.map((row) => [row.key, String(row.values.value ?? "")])).toEqual(tiles);
    }
  });

  test("a click on the link downloads the file", async () => {
    const page = await openPage({ acceptDownloads: true });
    await page.goto("/ecosystem");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('[data-chart="districts"] a[data-download="csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ecosystem-districts-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
    expect(rows.slice(1)).toEqual(await tableRows(page, "districts"));
    expect(rows.flat()).toContain("Cầu Giấy");
  });

  test("in English, labels and downloads follow the language", async () => {
    const page = await openPage();
    await page.goto("/ecosystem?lang=en");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText())
      .toBe("Hanoi's innovation ecosystem in figures");
    const href = await page.locator('[data-chart="kinds"] a[data-download="csv"]').getAttribute("href");
    expect(href).toContain("lang=en");
    const [header, ...rows] = parseCsv(await (await httpClient().get(href!)).text());
    expect(header).toEqual(["Code", "Kind", "Organizations"]);
    expect(rows.map((row) => row[1])).toContain("Universities");
  });

  test("works without JavaScript: charts are in the HTML, the data table opens", async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto("/ecosystem");
    expect((await barValues(page, "fields")).length).toBeGreaterThan(0);
    const table = page.locator('[data-chart="fields"] table');
    expect(await table.isVisible()).toBe(false);
    await page.locator('[data-chart="fields"] summary').click();
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator("tbody tr").count()).toBe((await barValues(page, "fields")).length);
    // One "lúc": the time and the date are formatted apart ("Số liệu tính lúc 13:54 ngày 5 tháng 12, 2026.").
    const asOf = await page.getByText(/^Số liệu tính lúc/).innerText();
    expect(asOf).toMatch(/^Số liệu tính lúc \d{1,2}:\d{2} ngày \d{1,2} tháng \d{1,2}, \d{4}\.$/);
  });

  test("fits a phone without scrolling sideways", async () => {
    const page = await openPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    await page.goto("/ecosystem");
    await page.locator('[data-chart="districts"] summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Bars stay inside their chart.
    const overflow = await page.locator("svg[role=img]").evaluateAll((svgs) =>
      svgs.some((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("rect")].some((rect) => rect.getBoundingClientRect().right > box.right + 0.5);
      }),
    );
    expect(overflow).toBe(false);
  });

  test("officials' downloads are refused to others", async () => {
    const anonymous = await httpClient().get("/ecosystem/data/curators?format=csv");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const member = await makeUser();
    const asMember = await httpClient({ cookie: await signInAs(member.id) }).get(
      "/ecosystem/data/organizations?format=json",
    );
    expect(asMember.status).toBe(403);
    expect((await httpClient().get("/ecosystem/data/nothing?format=csv")).status).toBe(404);
    expect((await httpClient().get("/ecosystem/data/kinds?format=xlsx")).status).toBe(400);
  });
});

describe("the ecosystem page, for officials", () => {
  test("adds per-organization figures, the review queue and each curator's workload", async () => {
    const page = await openPage();
    const cookie = await signInAs(curatorId, page.context());
    await page.goto("/ecosystem");
    await expect.poll(() => page.locator("[data-official]").count()).toBe(1);
    for (const chart of OFFICIAL_CHARTS)
      expect(await page.locator(`[data-official] [data-chart="${chart}"]`).count(), chart).toBe(1);
    // Each listed organization's experts, as the database counts them (other test files share this
    // portal, so which organizations make the top list varies), and this curator's two approvals.
    const organizations = await tableRows(page, "organizations");
    expect(organizations.length).toBeGreaterThan(0);
    for (const row of organizations) {
      expect(row[2], row[0]).toBe(
        String(await portalDb().expertProfile.count({ where: { status: "published", affiliation: { slug: row[0] } } })),
      );
    }
    expect((await tableRows(page, "curators")).find((row) => row[0] === curatorId)).toEqual([
      curatorId,
      `Cán bộ Thống kê ${unique}`,
      "2",
      "0",
      "0",
    ]);
    expect((await barValues(page, "organizations")).length).toBe(organizations.length * 3);

    const download = await httpClient({ cookie }).get("/ecosystem/data/curators?format=csv&lang=vi");
    expect(download.status).toBe(200);
    expect(download.headers.get("cache-control")).toMatch(/^private\b/);
    expect(parseCsv(await download.text()).slice(1)).toEqual(await tableRows(page, "curators"));
  });
});

describe("accessibility (axe, WCAG 2.1 AA)", () => {
  async function violations(page: Page, url: string) {
    await page.goto(url, { waitUntil: "networkidle" });
    // Open every data table, so that they are checked too.
    for (const summary of await page.locator("[data-chart] summary").all()) await summary.click();
    return axeViolations(page);
  }

  test("for a visitor, on a desktop and on a phone", async () => {
    expect(await violations(await openPage({ bypassCSP: true }), "/ecosystem")).toEqual([]);
    expect(
      await violations(
        await openPage({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true }),
        "/ecosystem?lang=en",
      ),
    ).toEqual([]);
  });

  test("for an official", async () => {
    const page = await openPage({ bypassCSP: true });
    await signInAs(curatorId, page.context());
    expect(await violations(page, "/ecosystem")).toEqual([]);
  });
});
