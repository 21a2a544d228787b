import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_ACCOUNTS, loadDemoContent } from "~/models/demo.server";
import { seedDirectory } from "~/models/seed.server";
import { prisma } from "~/db/client.server";
import { verifyPassword } from "~/auth/password.server";
import { portalFiles, startPortalProcess, type PortalProcess } from "../setup/portal-process";
import { ROOT } from "../setup/paths";
import { runDir } from "./run-dir";

/** `npm run demo`: its example content, its own files, and the banner on every page. */
describe("the demonstration", () => {
  test("loads labelled examples once, with one confirmed account per role", async () => {
    await seedDirectory();
    expect(await loadDemoContent("demo-password-1")).toEqual({ created: true });
    const counts = async () => ({
      users: await prisma.user.count(),
      experts: await prisma.expertProfile.count({ where: { status: "published" } }),
      requests: await prisma.techRequest.count({ where: { status: "open" } }),
      responses: await prisma.requestResponse.count(),
      matches: await prisma.match.count(),
      messages: await prisma.message.count(),
      offers: await prisma.offer.groupBy({
        by: ["type"],
        where: { fromPublicSource: false, status: "published", confirmedAt: { not: null } },
        _count: true,
        orderBy: { type: "asc" },
      }),
    });
    const first = await counts();
    expect(first).toMatchObject({
      users: DEMO_ACCOUNTS.length,
      experts: 3,
      requests: 2,
      responses: 2,
      matches: 1,
      messages: 2,
      offers: [
        { type: "equipment", _count: 2 },
        { type: "service", _count: 2 },
        { type: "technology", _count: 2 },
      ],
    });
    expect(await loadDemoContent("demo-password-1")).toEqual({ created: false });
    expect(await counts()).toEqual(first);

    // Everything made up says so.
    for (const user of await prisma.user.findMany()) expect(user.name).toContain("ví dụ");
    for (const expert of await prisma.expertProfile.findMany())
      expect(`${expert.fullName} ${expert.bioVi}`).toMatch(/ví dụ/i);
    for (const request of await prisma.techRequest.findMany())
      expect(`${request.title} ${request.problem}`).toMatch(/ví dụ/i);
    for (const message of await prisma.message.findMany()) expect(message.body).toMatch(/ví dụ/i);
    // The demo's offers say so too, and show what a confirmed offer has: a price or an access mode.
    for (const offer of await prisma.offer.findMany({ where: { fromPublicSource: false } })) {
      expect(`${offer.nameVi} ${offer.descriptionVi}`).toMatch(/ví dụ/i);
      if (offer.type === "service") expect(offer.priceMode).not.toBe("unknown");
      if (offer.type === "equipment") expect(offer.accessMode).not.toBeNull();
    }
    // Roles, confirmed accounts and the printed password.
    const accounts = await prisma.user.findMany({
      select: { email: true, role: true, confirmedAt: true, passwordHash: true },
    });
    expect(new Set(accounts.map((account) => account.role))).toEqual(new Set(["member", "curator", "admin"]));
    for (const account of accounts) {
      expect(account.confirmedAt).not.toBeNull();
      expect(await verifyPassword(account.passwordHash, "demo-password-1")).toBe(true);
    }
  });

  test("its settings point at .data/demo/ and its own engine, whatever the environment says", () => {
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", "-e", 'await import("./scripts/lib/demo-env.ts"); console.log(JSON.stringify(process.env))'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: "file:./.data/portal.db",
          MEILI_HOST: "http://127.0.0.1:7700",
          MEILI_MASTER_KEY: "real",
        },
        encoding: "utf8",
      },
    );
    const env = JSON.parse(output) as Record<string, string | undefined>;
    expect(env.DATABASE_URL).toBe(`file:${path.join(ROOT, ".data/demo/portal.db")}`);
    expect(env.MEILI_DATA_DIR).toBe(path.join(ROOT, ".data/demo/meilisearch"));
    expect(env.MAILBOX_FILE).toBe(path.join(ROOT, ".data/demo/mailbox.mbox"));
    expect(env.MEILI_HOST).toBeUndefined();
    expect(env.MEILI_MASTER_KEY).toBeUndefined();
    expect(env.PORTAL_DEMO).toBe("1");
  });
});

describe("a portal started as a demonstration", () => {
  let portal: PortalProcess;
  beforeAll(async () => {
    portal = await startPortalProcess(await portalFiles(path.join(runDir(), `demo-${process.pid}`)), {
      env: { PORTAL_DEMO: "1" },
    });
  }, 300_000);
  afterAll(async () => {
    await portal?.stop();
  });

  test("says so on every page, in the reader's language", async () => {
    for (const page of ["/", "/experts", "/requests", "/login", "/no/such/page"]) {
      expect(await (await fetch(`${portal.baseURL}${page}`)).text(), page).toContain("Bản trình diễn");
    }
    expect(await (await fetch(`${portal.baseURL}/?lang=en`)).text()).toContain("Demonstration:");
  });
});
