import fs from "node:fs";
import path from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";

/**
 * Screenshots of the people's journeys, for a person to walk through:
 * test-output/journeys/<journey>-<variant>/NN-step.png, a captions.json beside
 * them, and test-output/journeys/index.html listing every folder's shots.
 */
export const JOURNEYS_DIR = path.resolve("test-output", "journeys");

/** A phone in Vietnamese (the default) and a desktop in English. */
export const VARIANTS = [
  {
    id: "phone-vi",
    lang: "vi",
    phone: true,
    context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "vi-VN" },
  },
  {
    id: "desktop-en",
    lang: "en",
    phone: false,
    // A Vietnamese browser: the English comes from the portal's own switch, as a reader would choose it.
    context: { viewport: { width: 1366, height: 900 }, locale: "vi-VN" },
  },
] as const satisfies readonly { id: string; lang: "vi" | "en"; phone: boolean; context: BrowserContextOptions }[];
export type Variant = (typeof VARIANTS)[number];

type Shot = { file: string; caption: string; overflow: number | null };

/** Starts a journey's folder afresh (old shots do not linger) and returns its camera. */
export function journeyCamera(journey: string, variant: Variant) {
  const folder = `${journey}-${variant.id}`;
  const dir = path.join(JOURNEYS_DIR, folder);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const shots: Shot[] = [];
  return {
    /** A full-page screenshot, numbered in order; a page wider than the screen is noted in the index. */
    async shot(page: Page, name: string, caption: string) {
      const file = `${String(shots.length + 1).padStart(2, "0")}-${name}.png`;
      await page.screenshot({ path: path.join(dir, file), fullPage: true });
      const width = page.viewportSize()?.width ?? 0;
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      shots.push({ file, caption, overflow: scrollWidth > width ? scrollWidth : null });
      fs.writeFileSync(
        path.join(dir, "captions.json"),
        JSON.stringify({ journey, variant: variant.id, shots }, null, 2),
      );
      writeIndex();
    },
  };
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The index of every journey folder present (each folder's captions.json), so one run of one journey keeps the others. */
function writeIndex() {
  const folders = fs
    .readdirSync(JOURNEYS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(JOURNEYS_DIR, entry.name, "captions.json")))
    .map((entry) => entry.name)
    .sort();
  const sections = folders.map((folder) => {
    const { shots } = JSON.parse(fs.readFileSync(path.join(JOURNEYS_DIR, folder, "captions.json"), "utf8")) as {
      shots: Shot[];
    };
    const items = shots.map((shot) => {
      const src = `${encodeURIComponent(folder)}/${encodeURIComponent(shot.file)}`;
      const wide = shot.overflow ? ` <strong>(page ${shot.overflow}px wide: wider than the screen)</strong>` : "";
      return `<li><p><a href="${src}">${escape(shot.file)}</a>: ${escape(shot.caption)}${wide}</p><a href="${src}"><img src="${src}" alt="${escape(shot.caption)}" loading="lazy"></a></li>`;
    });
    return `<section id="${escape(folder)}"><h2>${escape(folder)}</h2><ol>${items.join("\n")}</ol></section>`;
  });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Journeys: screenshots</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}img{max-width:420px;max-height:600px;border:1px solid #ccc;object-fit:contain;object-position:top}
ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1.5rem}li{max-width:440px}nav a{margin-right:1rem}</style></head>
<body><h1>Journeys: screenshots</h1>
<p>Written by tests/e2e/journeys.test.ts: each step's full page, in order. Open a picture for its full size.</p>
<nav>${folders.map((folder) => `<a href="#${escape(folder)}">${escape(folder)}</a>`).join("")}</nav>
${sections.join("\n")}
</body></html>
`;
  fs.writeFileSync(path.join(JOURNEYS_DIR, "index.html"), html);
}
