import { beforeAll, describe, expect, test } from "vitest";
import { searchClient, indexUid } from "#search/client";
import { requireSearchConfig } from "#search/config";
import { OFFERS_INDEX } from "#search/indexes";
import { offerDocument, offerIndexInclude, offerSearchFields } from "#search/offer-document";
import { prisma } from "~/db/client.server";
import { getPublicOffer } from "~/models/offer-search.server";
import { offerForPage } from "~/models/offer.server";
import { runProfileClock } from "~/models/profile-reconfirmation.server";
import { generateExperts } from "../../scripts/lib/expert-fixtures";
import { generateOffers } from "../../scripts/lib/offer-fixtures";
import { drainOutbox, seedAndIndex } from "./helpers";

/**
 * The scale fixtures' offers (`npm run generate-fixtures -- --services …`, the
 * bench) are what the app would write: their search columns are the ones
 * offerSearchFields makes, they read back through the model and the offer
 * page's loader, and the outbox indexes them as offerDocument describes them.
 */
beforeAll(async () => {
  await seedAndIndex();
  generateExperts({ count: 30, seed: 3 });
  expect(generateOffers({ services: 12, equipment: 12, technologies: 12, seed: 5 })).toBe(36);
  await drainOutbox();
}, 120_000);

describe("offer fixtures", () => {
  test("are published offers of each type whose search columns and documents are the app's own", async () => {
    const offers = await prisma.offer.findMany({ where: { id: { startsWith: "of" } }, include: offerIndexInclude });
    expect(offers).toHaveLength(36);
    expect(new Set(offers.map((offer) => offer.type))).toEqual(new Set(["service", "equipment", "technology"]));
    const index = searchClient().index(indexUid(OFFERS_INDEX.base, requireSearchConfig()));
    for (const offer of offers) {
      const { searchText, sortNameVi, sortNameEn } = offer;
      expect({ searchText, sortNameVi, sortNameEn }).toEqual(offerSearchFields(offer));
      expect(offer.fields.length).toBeGreaterThan(0);
      expect(await index.getDocument(offer.id)).toEqual(offerDocument(offer));
      expect((await getPublicOffer(offer.id, offer.type))?.id).toBe(offer.id);
      expect((await offerForPage(offer.id, null))?.isPublic).toBe(true);
    }
    // Confirmed by their owners, unlike the seeded public-source ones: prices and access modes are set.
    expect(offers.every((offer) => !offer.fromPublicSource && offer.confirmedAt !== null)).toBe(true);
    const services = offers.filter((offer) => offer.type === "service");
    expect(services.every((offer) => offer.priceMode !== "unknown" && offer.instrument)).toBe(true);
    const equipment = offers.filter((offer) => offer.type === "equipment");
    expect(equipment.every((offer) => offer.accessMode && offer.make && offer.model && offer.category)).toBe(true);
    const technologies = offers.filter((offer) => offer.type === "technology");
    expect(technologies.every((offer) => offer.trl !== null && offer.ipStatus && offer.inventors.length > 0)).toBe(
      true,
    );
  });

  test("their experts were confirmed within the reconfirmation's year: its clock finds none of them due", async () => {
    const generated = { user: { email: { endsWith: "@fixtures.example.vn" } } };
    const experts = await prisma.expertProfile.findMany({
      where: generated,
      select: { confirmedAt: true, createdAt: true },
    });
    expect(experts).toHaveLength(30);
    expect(experts.every(({ confirmedAt, createdAt }) => confirmedAt !== null && confirmedAt >= createdAt)).toBe(true);
    await runProfileClock();
    expect(await prisma.expertProfile.count({ where: { ...generated, staleSince: { not: null } } })).toBe(0);
  });
});
