import crypto from "node:crypto";
import { refreshOfferSearchFields } from "#search/offer-document";
import { audit } from "~/models/audit.server";
import { writeOfferLinks } from "~/models/offer.server";
import { ImportRefusedError } from "./apply.server";
import type { OfferImportPlan } from "./offer-plan.server";
import { write } from "../write.server";

/**
 * Applies an offer import with no rejected rows, all or nothing: one transaction holds
 * every new and updated offer, their links, their search outbox rows and one audit
 * entry. An official imported them, so they are published at once (as an official's
 * own offer is) and their yearly clock starts now.
 */
export async function applyOfferImport(plan: OfferImportPlan, options: { actorId: string; fileName: string }) {
  if (plan.counts.reject > 0) throw new ImportRefusedError("The file has rejected rows.");
  const importId = `import-${crypto.randomUUID()}`;
  const created: string[] = [];
  const updated: string[] = [];
  await write(
    async (tx, effects) => {
      const now = new Date();
      const published = {
        status: "published",
        publishedAt: now,
        confirmedAt: now,
        staleSince: null,
        hiddenAt: null,
        reviewedById: options.actorId,
        reviewedAt: now,
        reviewNote: null,
        editedAt: now,
      };
      for (const row of plan.rows) {
        if ((row.outcome !== "create" && row.outcome !== "update") || !row.data) continue;
        const { fieldIds: _fields, inventorIds: _inventors, ...columns } = row.data;
        let id: string;
        if (row.outcome === "create") {
          const offer = await tx.offer.create({
            data: {
              ...columns,
              ...published,
              organizationId: row.organizationId!,
              createdById: options.actorId,
            },
          });
          id = offer.id;
          created.push(id);
        } else {
          // The seed's public-source mark stays, as with an official's edit in the form.
          await tx.offer.update({ where: { id: row.id! }, data: { ...columns, ...published } });
          id = row.id!;
          updated.push(id);
        }
        await writeOfferLinks(id, row.data, tx);
        await refreshOfferSearchFields(tx, id);
      }
      await effects.reindex("offer", [...created, ...updated]);
      const named = (rows: typeof plan.rows) => rows.slice(0, 200).map((row) => row.slug);
      await audit(
        {
          actorId: options.actorId,
          action: "offer.import",
          entityType: "import",
          entityId: importId,
          label: options.fileName,
          after: {
            created: created.length,
            updated: updated.length,
            unchanged: plan.counts.unchanged,
            createdOffers: named(plan.rows.filter((row) => row.outcome === "create")),
            updatedOffers: plan.rows
              .filter((row) => row.outcome === "update")
              .slice(0, 200)
              .map((row) => ({ offer: row.slug, changed: row.changed })),
          },
        },
        tx,
      );
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
  return { importId, created: created.length, updated: updated.length };
}
