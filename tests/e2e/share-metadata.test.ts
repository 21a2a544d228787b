import { describe, expect, inject, test } from "vitest";
import { httpClient } from "./http-client";

/**
 * What a shared link shows in a chat app and what a search engine reads: every page has
 * a description and share metadata with absolute addresses; every page's footer names
 * the operator and links to the terms, the privacy notice and the open data.
 */
const PAGES = [
  "/",
  "/directory",
  "/directory?q=nano",
  "/experts",
  "/requests",
  "/offers",
  "/ecosystem",
  "/organizations/hust",
  "/login",
  "/signup",
  "/forgot-password",
  "/terms",
  "/privacy",
  "/no/such/page",
];

function metaContent(html: string, attribute: "name" | "property", key: string): string | null {
  const match = html.match(new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`));
  return match ? match[1]! : null;
}

describe("every page's head and footer", () => {
  for (const path of PAGES) {
    test(`${path}: a description, share metadata with absolute addresses, and the footer's links`, async () => {
      const html = await (await httpClient().get(path)).text();
      const base = inject("baseURL");
      expect(metaContent(html, "name", "description")?.length ?? 0).toBeGreaterThan(20);
      expect(metaContent(html, "property", "og:title")?.length ?? 0).toBeGreaterThan(2);
      expect(metaContent(html, "property", "og:description")).toBe(metaContent(html, "name", "description"));
      expect(metaContent(html, "property", "og:image")).toBe(`${base}/og-image.png`);
      expect(metaContent(html, "property", "og:url")).toBe(`${base}${path}`);
      expect(metaContent(html, "name", "twitter:card")).toBe("summary_large_image");
      // One title in the head (charts in the body carry SVG <title>s of their own).
      expect(html.slice(0, html.indexOf("</head>")).match(/<title>/g)).toHaveLength(1);
      expect(html).toContain("Cơ quan vận hành: Sở Khoa học và Công nghệ Hà Nội");
      expect(html).toContain('href="/terms"');
      expect(html).toContain('href="/privacy"');
      expect(html).toContain("CC BY 4.0");
    });
  }

  test("the share image is a real PNG", async () => {
    const image = await httpClient().get("/og-image.png");
    expect(image.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await image.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  test("the terms and the privacy notice say they are drafts, and what the portal stores", async () => {
    const terms = await (await httpClient().get("/terms")).text();
    expect(terms).toContain("Bản dự thảo");
    const privacy = await (await httpClient().get("/privacy?lang=en")).text();
    expect(privacy).toContain("Draft");
    expect(privacy).toContain("argon2id");
    expect(privacy).toContain("do not record IP addresses");
  });
});
