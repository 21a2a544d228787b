import { beforeAll, expect, test } from "vitest";
import { applyImport } from "~/models/import/apply.server";
import { parseImportFile } from "~/models/import/parse";
import { planImport } from "~/models/import/plan.server";
import { seedDirectory } from "~/models/seed.server";
import { prisma } from "~/db/client.server";
import { makeUser } from "../factories";

/** The bulk import at its documented size: a file of its own, in the slow project (vitest.config.ts). */
let official: { id: string };

beforeAll(async () => {
  await seedDirectory();
  official = await makeUser({ label: "curation", role: "curator", password: null });
}, 120_000);

test("a 50,000-row file is planned and imported in one piece", async () => {
  const kinds = ["lab", "institute", "enterprise", "startup"];
  const lines = ["kind,nameVi,nameEn,district,foundedYear"];
  for (let i = 0; i < 50_000; i++)
    lines.push(`${kinds[i % 4]},Tổ chức Nhập Số ${i},Imported Organization ${i},ba-dinh,${1990 + (i % 30)}`);
  const parsed = await parseImportFile("big.csv", lines.join("\n"));
  if (!parsed.ok) throw new Error(`file refused: ${parsed.problem.key}`);
  const big = await planImport(parsed.rows);
  expect(big.counts).toEqual({ create: 50_000, update: 0, unchanged: 0, reject: 0 });
  const before = await prisma.organization.count();
  await applyImport(big, { actorId: official.id, fileName: "big.csv" });
  expect(await prisma.organization.count()).toBe(before + 50_000);
  expect(
    await prisma.searchOutbox.count({ where: { processedAt: null, entity: "organization" } }),
  ).toBeGreaterThanOrEqual(50_000);
}, 300_000);
