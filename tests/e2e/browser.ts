import npmChromium from "@sparticuz/chromium";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

/**
 * Chromium for end-to-end tests: the build shipped in the npm package
 * `@sparticuz/chromium` (so `npm install` is the only install step), or
 * CHROMIUM_PATH; headless, with the flags that keep it off the (closed)
 * network. Browser console errors fail the test.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * CHROMIUM_PATH (e.g. Debian's /usr/bin/chromium), else the npm package's build, which
 * unpacks itself to the temporary directory on first use. Its own launch flags are meant
 * for serverless hosts (single process, web security off): ours are used instead.
 */
export async function chromiumPath(): Promise<string> {
  return process.env.CHROMIUM_PATH || (await npmChromium.executablePath());
}

/** A made-up client address, one per browser context or HTTP client in tests. */
export function clientAddress(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

export function baseURL(): string {
  return inject("baseURL");
}

/** A browser for the test file; pages opened through `openPage` are checked for console errors. */
export function useBrowser() {
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    // Playwright gives each launch a fresh, temporary profile (user data dir).
    browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    expect(problems, "browser console errors").toEqual([]);
  });

  return {
    async openPage(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser.newContext({
        baseURL: baseURL(),
        ...options,
        extraHTTPHeaders: { "X-Forwarded-For": clientAddress(), ...options.extraHTTPHeaders },
      });
      const page = await context.newPage();
      page.on("console", (message) => {
        // Pages that answer 4xx on purpose make Chromium log the status; tests check statuses themselves.
        if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) {
          problems.push(`${page.url()}: ${message.text()}`);
        }
      });
      page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
      return page;
    },
  };
}
