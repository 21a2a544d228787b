import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { translator } from "~/i18n/i18n";
import { portalFiles, startPortalProcess, type PortalFiles, type PortalProcess } from "../setup/portal-process";
import { runDir } from "./run-dir";

/**
 * The portal as `npm start` runs it (its own process, database, mailbox and
 * local Meilisearch), checked from outside: what it leaves on disk, what
 * its search engine lets through, and what its pages say before anyone publishes.
 */
let files: PortalFiles;
let portal: PortalProcess;

beforeAll(async () => {
  files = await portalFiles(path.join(runDir(), `started-${process.pid}`));
  // What an older version left behind, readable by everyone.
  fs.mkdirSync(files.engineDir, { mode: 0o755 });
  fs.writeFileSync(path.join(files.engineDir, "meilisearch.log"), "older log\n", { mode: 0o644 });
  fs.writeFileSync(path.join(files.dir, "mailbox.mbox"), "From old\nreset link\n\n", { mode: 0o644 });
  portal = await startPortalProcess(files);
}, 300_000);

afterAll(async () => {
  await portal?.stop();
});

/** Permission bits (as "600") of each path, and of every entry under a folder. */
function modesUnder(...targets: string[]): Record<string, string> {
  const modes: Record<string, string> = {};
  const visit = (target: string) => {
    const stat = fs.lstatSync(target);
    modes[path.relative(files.dir, target)] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(target)) visit(path.join(target, entry));
  };
  for (const target of targets) visit(target);
  return modes;
}

describe("files", () => {
  test("the database, its WAL and shared memory, the mailbox and the engine's data are readable by the portal's user only", () => {
    const database = files.database;
    const modes = modesUnder(
      database,
      `${database}-wal`,
      `${database}-shm`,
      path.join(files.dir, "mailbox.mbox"),
      files.engineDir,
    );
    expect(modes).toMatchObject({
      "portal.db": "600",
      "portal.db-wal": "600",
      "portal.db-shm": "600",
      "mailbox.mbox": "600",
      meilisearch: "700",
      "meilisearch/master-key": "600",
      "meilisearch/meilisearch.log": "600",
      "meilisearch/data.ms": "700",
    });
    // Was a bug: 644 files and 755 folders, the live password-reset links among them.
    const open = Object.entries(modes).filter(([, mode]) => mode !== "600" && mode !== "700");
    expect(open, "files or folders readable by others").toEqual([]);
  });
});

describe("search engine", () => {
  const engineAddress = () =>
    `http://127.0.0.1:${fs.readFileSync(path.join(files.engineDir, "meilisearch.pid"), "utf8").split("\n")[2]}`;
  const masterKey = () => fs.readFileSync(path.join(files.engineDir, "master-key"), "utf8").trim();
  const call = (pathname: string, init: { key?: string; method?: string; body?: unknown } = {}) =>
    fetch(`${engineAddress()}${pathname}`, {
      method: init.method ?? "GET",
      headers: {
        ...(init.key ? { Authorization: `Bearer ${init.key}` } : {}),
        ...(init.body ? { "Content-Type": "application/json" } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  /** The keys the portal's pages search with: every key but the master key that the engine holds, by what it may do. */
  async function pageKey(): Promise<{ key: string; actions: string[]; indexes: string[] }> {
    const response = await call("/keys?limit=100", { key: masterKey() });
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as {
      results: { key: string; name: string | null; actions: string[]; indexes: string[] }[];
    };
    const ours = results.filter((key) => key.name?.startsWith("Hanoi Innovation Network pages"));
    expect(ours).toHaveLength(1);
    return ours[0]!;
  }

  test("runs in production mode: no preview page, nothing but /health without a key", async () => {
    // Was a bug: `--env development` served Meilisearch's search preview (an HTML page) here.
    const root = await call("/");
    expect(root.headers.get("content-type") ?? "").not.toMatch(/html/);
    await root.arrayBuffer();
    for (const pathname of ["/indexes", "/indexes/organizations/search", "/keys", "/stats"]) {
      const response = await call(pathname);
      expect(response.status, pathname).toBe(401);
      await response.arrayBuffer();
    }
    expect((await call("/health")).status).toBe(200);
  });

  test("the pages' key may search the portal's indexes and nothing else", async () => {
    const { key, actions, indexes } = await pageKey();
    expect(actions).toEqual(["search"]);
    expect(indexes).toEqual(["*"]); // no prefix: every index of this engine is the portal's
    const search = await call("/indexes/organizations/search", {
      key,
      method: "POST",
      body: { q: "bach khoa", limit: 3 },
    });
    expect(search.status).toBe(200);
    expect(((await search.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    // Was a bug: the pages searched with the master key, which may do all of these.
    const refused = [
      call("/indexes/organizations/documents", { key, method: "POST", body: [{ id: "planted", nameVi: "Cài cắm" }] }),
      call("/indexes/organizations/settings", { key, method: "PATCH", body: { searchableAttributes: ["id"] } }),
      call("/indexes/organizations", { key, method: "DELETE" }),
      call("/indexes", { key, method: "POST", body: { uid: "planted" } }),
      call("/keys", { key }),
      call("/dumps", { key, method: "POST" }),
    ];
    for (const response of await Promise.all(refused)) {
      expect(response.status, response.url).toBe(403);
      await response.arrayBuffer();
    }
  });

  test("the directory still searches through the engine", async () => {
    const response = await fetch(`${portal.baseURL}/directory.data?q=bach%20khoa&_routes=routes%2Fdirectory`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('"hust"');
    // Answered by the engine (mode "engine"), not by the database fallback (mode "database").
    expect(body).toContain('"engine"');
    expect(body).not.toContain('"database"');
  });
});

describe("a new portal's pages", () => {
  const page = async (pathname: string) => {
    const response = await fetch(`${portal.baseURL}${pathname}`);
    expect(response.status, pathname).toBe(200);
    return response.text();
  };

  test("/events without events says so plainly; with words or filters the ways out stay", async () => {
    // The seed publishes no events, and nothing else here does.
    const vi = translator("vi");
    const empty = await page("/events");
    expect(empty).toContain(vi("events.none.upcoming"));
    // Was a bug: "no results with these filters" and a request "about this", about nothing.
    expect(empty).not.toContain(vi("search.zero.titleNoQuery"));
    expect(empty).not.toContain(vi("search.zero.postRequest"));
    expect(await page("/events?when=past")).toContain(vi("events.none.past"));
    expect(await page("/events?lang=en")).toContain(translator("en")("events.none.upcoming"));

    const searched = await page("/events?q=demo");
    expect(searched).toContain(vi("search.zero.title", { q: "demo" }));
    expect(searched).toContain(vi("search.zero.postRequest"));
    expect(searched).not.toContain(vi("events.none.upcoming"));
    const filtered = await page("/events?kind=demo_day");
    expect(filtered).toContain(vi("search.zero.titleNoQuery"));
    expect(filtered).not.toContain(vi("events.none.upcoming"));
  });

  test("/experts/overseas without experts abroad offers no way out of a filter the visitor did not choose", async () => {
    // The seed's profiles are all in Vietnam. The page's own "abroad" is no filter to remove.
    const vi = translator("vi");
    const empty = await page("/experts/overseas");
    expect(empty).toContain(vi("overseas.page.list"));
    expect(empty).not.toContain(vi("search.zero.titleNoQuery"));
    expect(empty).not.toContain(vi("search.zero.postRequest"));
    // A country the visitor chose is a filter: the ways out stay.
    expect(await page("/experts/overseas?country=JP")).toContain(vi("search.zero.titleNoQuery"));
  });
});
