import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, test } from "vitest";
import { baseURL, useBrowser } from "./browser";

/**
 * The portal's own Meilisearch is frozen (SIGSTOP: it accepts connections but
 * never answers, the hardest case), then thawed.
 */
const { openPage } = useBrowser();

function meilisearchPid(): number {
  const pidFile = path.join(path.dirname(inject("portalDatabase")), "meilisearch", "meilisearch.pid");
  return Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
}

/** The directory's "engine failed, answering from the database" warnings in the portal's log so far. */
function engineFailuresLogged(): number {
  return fs
    .readFileSync(inject("portalLog"), "utf8")
    .split("\n")
    .filter((line) => line.includes('"search_fallback"')).length;
}

describe("when the search engine stops answering", () => {
  test("the directory answers from the database with a notice, and recovers by itself", async () => {
    const pid = meilisearchPid();
    const page = await openPage();
    process.kill(pid, "SIGSTOP");
    try {
      await page.goto("/directory?q=dai+hoc+bach+khoa");
      expect(await page.getByText("Công cụ tìm kiếm tạm thời không phản hồi").isVisible()).toBe(true);
      expect(
        await page.getByRole("listitem").getByRole("article").getByRole("heading", { level: 2 }).allInnerTexts(),
      ).toContain("Đại học Bách khoa Hà Nội (HUST)");
      // Other pages keep working, without waiting for the engine again: no
      // second timeout is logged (the portal's pause is 10 s in the tests).
      const failures = engineFailuresLogged();
      expect(failures).toBeGreaterThan(0);
      await page.goto("/directory?kind=lab");
      expect(await page.getByText("Công cụ tìm kiếm tạm thời không phản hồi").isVisible()).toBe(true);
      expect(
        await page.getByRole("listitem").getByRole("article").getByRole("heading", { level: 2 }).count(),
      ).toBeGreaterThan(0);
      expect(engineFailuresLogged()).toBe(failures);
      const ready = await fetch(`${baseURL()}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "degraded", database: "ok", search: "unreachable" });
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await expect
      .poll(
        async () => {
          await page.goto("/directory?q=dai+hoc+bach+khoa");
          return page.getByText("Công cụ tìm kiếm tạm thời không phản hồi").count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(0);
    expect(await page.locator("ol mark").count()).toBeGreaterThan(0);
  });
});
