import { describe, expect, test } from "vitest";
import { searchClient } from "#search/client";
import { DOCUMENT_FORMAT, indexedDocumentFormat } from "#search/document-format";
import { prepareSearch } from "#search/prepare";
import { reindexOrganizations } from "#search/reindex";
import { updateOrganization } from "~/models/organization.server";
import { prisma } from "~/db/client.server";
import { drainOutbox, engineIds, organizationsIndex, seedAndIndex, slugsOf } from "./helpers";

describe("reindex", () => {
  test("rebuilds into a new index and swaps it in while searches keep answering", async () => {
    await seedAndIndex();
    const published = await prisma.organization.count({ where: { status: "published" } });
    const before = await engineIds("vien toan hoc", { limit: 1 });
    expect(before.length).toBe(1);

    // Search continuously while the rebuild runs: every answer must be complete.
    let running = true;
    const answers: number[] = [];
    const failures: unknown[] = [];
    const searching = (async () => {
      while (running) {
        try {
          const result = await organizationsIndex().search("", { limit: 0 });
          answers.push(result.estimatedTotalHits ?? 0);
        } catch (error) {
          failures.push(error);
        }
      }
    })();
    const progress: number[] = [];
    const result = await reindexOrganizations(prisma, {
      batchSize: 25,
      onProgress: ({ indexed }) => void progress.push(indexed),
    });
    running = false;
    await searching;

    expect(result.indexed).toBe(published);
    expect(progress.at(-1)).toBe(published);
    expect(progress.length).toBeGreaterThan(3);
    expect(failures).toEqual([]);
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.every((total) => total === published)).toBe(true);
    expect(await engineIds("vien toan hoc", { limit: 1 })).toEqual(before);

    // The temporary index is gone; the live one remains.
    const { results } = await searchClient().getIndexes({ limit: 100 });
    const ours = results.map((index) => index.uid).filter((uid) => uid.startsWith(process.env.MEILI_INDEX_PREFIX!));
    expect(ours).toContain(`${process.env.MEILI_INDEX_PREFIX}organizations`);
    expect(ours.filter((uid) => uid.endsWith("_new"))).toEqual([]);
  });

  test("changes made during the rebuild reach the new index", async () => {
    const hust = await prisma.organization.findUniqueOrThrow({ where: { slug: "hust" } });
    let renamed = false;
    await reindexOrganizations(prisma, {
      batchSize: 40,
      onProgress: async ({ indexed, total }) => {
        // Every batch has been read, the swap has not happened: the worker
        // applies the change to the old index, which is about to be replaced.
        if (!renamed && indexed === total) {
          renamed = true;
          await updateOrganization(
            hust.id,
            { nameEn: "Hanoi University of Science and Technology (renamed)" },
            { origin: "portal" },
          );
          await drainOutbox();
        }
      },
    });
    expect(renamed).toBe(true);
    // The new index was built from the row as it was before the change…
    expect((await organizationsIndex().getDocument(hust.id)).nameEn).toBe("Hanoi University of Science and Technology");
    // …and the change was queued again, so the next round delivers it.
    expect(await drainOutbox()).toBeGreaterThan(0);
    const document = await organizationsIndex().getDocument(hust.id);
    expect(document.nameEn).toBe("Hanoi University of Science and Technology (renamed)");
    expect(await slugsOf(await engineIds("renamed", { limit: 1 }))).toEqual(["hust"]);
  });

  test("a start that finds documents of an older format rebuilds the index", async () => {
    // As a deploy that changes the document builders finds the index: written by the previous code.
    const index = organizationsIndex();
    const { results } = await index.getDocuments<Record<string, unknown>>({ limit: 1 });
    const { documentFormat: _, ...older } = results[0]!;
    await index.addDocuments([{ ...older, fieldNames: [] }]).waitTask();
    expect(await indexedDocumentFormat(searchClient(), index.uid)).toBe(1);

    const rebuilt: string[] = [];
    const result = await prepareSearch(prisma, { onRebuild: (reason) => rebuilt.push(reason) });
    expect(result.rebuilt).toEqual(["organization"]);
    expect(rebuilt).toEqual([`organizations: documents of format 1, the code writes ${DOCUMENT_FORMAT}`]);
    expect(await indexedDocumentFormat(searchClient(), index.uid)).toBe(DOCUMENT_FORMAT);
    expect((await index.getDocument(String(older.id))).fieldNames).not.toEqual([]);
    // And the next start has nothing to do.
    expect((await prepareSearch(prisma)).rebuilt).toEqual([]);
  });
});
