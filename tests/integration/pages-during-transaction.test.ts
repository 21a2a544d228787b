import type { LoaderFunctionArgs } from "@remix-run/node";
import { expect, test } from "vitest";
import { loader as ecosystemLoader } from "~/routes/ecosystem";
import { loader as homeLoader } from "~/routes/_index";
import { prisma } from "~/db/client.server";

function args(path: string): LoaderFunctionArgs {
  return { request: new Request(`http://localhost${path}`), params: {}, context: {} };
}

test("the home and ecosystem pages answer while a long write transaction (an import) is open", async () => {
  let insideTransaction!: () => void;
  const started = new Promise<void>((resolve) => (insideTransaction = resolve));
  let finish!: () => void;
  const held = new Promise<void>((resolve) => (finish = resolve));
  const events: string[] = [];
  const transaction = prisma.$transaction(
    async (tx) => {
      await tx.field.create({ data: { slug: "held-open-by-import", nameVi: "x", nameEn: "x" } });
      insideTransaction();
      // Ends only once the pages have answered (or given up): pages that waited for it would never answer.
      await held;
      events.push("transaction released");
    },
    { timeout: 30_000 },
  );
  await started;
  const answered = (name: string, page: Promise<unknown>) => page.then(() => events.push(`${name} answered`));
  const waiting = new Promise((resolve) => setTimeout(() => resolve(events.push("gave up waiting")), 10_000));
  await Promise.race([
    Promise.all([answered("home", homeLoader(args("/"))), answered("ecosystem", ecosystemLoader(args("/ecosystem")))]),
    waiting,
  ]);
  finish();
  await transaction;
  expect(events.slice(0, 2).sort()).toEqual(["ecosystem answered", "home answered"]);
  expect(events[2]).toBe("transaction released");
});
