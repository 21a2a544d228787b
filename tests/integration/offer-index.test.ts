import { describe, expect, test } from "vitest";
import { searchClient, indexUid } from "#search/client";
import { requireSearchConfig } from "#search/config";
import { OFFERS_INDEX } from "#search/indexes";
import { refreshOfferSearchFields } from "#search/offer-document";
import { enqueueSearchSync } from "#search/outbox";
import { prepareSearch } from "#search/prepare";
import { prisma } from "~/db/client.server";
import { makeOrganization } from "../factories";
import { PUBLIC_OFFER } from "~/domain/offer-values";
import { updateOrganization } from "~/models/organization.server";
import { drainOutbox } from "./helpers";

/** The offers index (issue 17): each type reaches the engine through the outbox, and leaves it when hidden. */
function offersIndex() {
  return searchClient().index(indexUid(OFFERS_INDEX.base, requireSearchConfig()));
}

async function offerIds(q: string, filter?: string) {
  const result = await offersIndex().search(q, { filter, attributesToRetrieve: ["id"], limit: 50 });
  return result.hits.map((hit) => String(hit.id));
}

async function documentOf(id: string) {
  try {
    return await offersIndex().getDocument(id);
  } catch {
    return null;
  }
}

async function makeOffer(data: Parameters<typeof prisma.offer.create>[0]["data"], fieldSlug?: string) {
  const offer = await prisma.offer.create({
    data: {
      ...data,
      fields: fieldSlug ? { create: [{ field: { connect: { slug: fieldSlug } } }] } : undefined,
    },
  });
  await refreshOfferSearchFields(prisma, offer.id);
  await enqueueSearchSync(prisma, "offer", [offer.id]);
  return offer;
}

describe("offers index", () => {
  test("each offer type is indexed through the outbox with its owner, place and facets", async () => {
    await prepareSearch(prisma);
    const lab = await makeOrganization({
      nameVi: "Phòng thí nghiệm Vật liệu Thử nghiệm",
      nameEn: "Test Materials Lab",
      acronym: "TML",
      district: "cau-giay",
    });
    const field = await prisma.field.findFirst({ where: { parentId: { not: null } }, select: { slug: true } });
    const service = await makeOffer(
      {
        type: "service",
        organizationId: lab.id,
        nameVi: "Đo nhiễu xạ tia X mẫu bột",
        nameEn: "Powder X-ray diffraction measurement",
        method: "XRD, Cu K-alpha",
        priceMode: "quote",
        audience: "companies\nstartups",
        status: "published",
      },
      field?.slug,
    );
    const instrument = await makeOffer({
      type: "equipment",
      organizationId: lab.id,
      nameVi: "Kính hiển vi điện tử quét",
      make: "Hitachi",
      model: "S-4800",
      accessMode: "staff_run",
      ward: "nghia-do",
      status: "published",
    });
    const technology = await makeOffer({
      type: "technology",
      organizationId: lab.id,
      nameVi: "Quy trình chiết xuất dầu gấc",
      trl: 6,
      ipStatus: "granted_patent",
      offeredAs: "licence",
      status: "published",
    });
    const draft = await makeOffer({ type: "service", organizationId: lab.id, nameVi: "Dịch vụ nháp", status: "draft" });
    await drainOutbox();

    expect(await documentOf(service.id)).toMatchObject({
      type: "service",
      nameEn: "Powder X-ray diffraction measurement",
    });
    expect(await documentOf(draft.id)).toBeNull();
    // Unaccented words, the instrument's make, the owner's acronym.
    expect(await offerIds("nhieu xa tia x")).toContain(service.id);
    expect(await offerIds("Hitachi S-4800")).toContain(instrument.id);
    expect(await offerIds("TML dau gac")).toContain(technology.id);
    // Facets: type, access mode, TRL, IP status, the owner's area for a service.
    expect(await offerIds("", `type = equipment AND accessMode = staff_run AND organizationId = "${lab.id}"`)).toEqual([
      instrument.id,
    ]);
    expect(await offerIds("", `trl >= 5 AND ipStatus = granted_patent AND organizationId = "${lab.id}"`)).toEqual([
      technology.id,
    ]);
    expect(await offerIds("", `district = cau-giay AND audience = startups AND organizationId = "${lab.id}"`)).toEqual([
      service.id,
    ]);

    // The fallback's folded text holds the same words.
    const stored = await prisma.offer.findUniqueOrThrow({ where: { id: instrument.id } });
    expect(stored.searchText).toContain("kinh hien vi dien tu quet");
    expect(stored.searchText).toContain("hitachi");
    expect(stored.sortNameVi).toBe("kinh hien vi dien tu quet");

    // Hidden for want of reconfirmation: out of the index.
    await prisma.offer.update({ where: { id: instrument.id }, data: { hiddenAt: new Date() } });
    await enqueueSearchSync(prisma, "offer", [instrument.id]);
    await drainOutbox();
    expect(await documentOf(instrument.id)).toBeNull();
  });

  test("an organization's change reaches its offers: renamed, they carry the new name; archived, they leave", async () => {
    const lab = await makeOrganization({ nameEn: "Owner Before Lab" });
    const offer = await makeOffer({
      type: "service",
      organizationId: lab.id,
      nameEn: "Thermogravimetry service",
      status: "published",
    });
    await drainOutbox();
    expect((await documentOf(offer.id))?.ownerNames).toContain("Owner Before Lab");

    await updateOrganization(lab.id, { nameEn: "Owner After Lab" }, { origin: "portal" });
    await drainOutbox();
    expect((await documentOf(offer.id))?.ownerNames).toContain("Owner After Lab");

    await updateOrganization(lab.id, { status: "archived" }, { origin: "portal" });
    await drainOutbox();
    expect(await documentOf(offer.id)).toBeNull();
    expect(await prisma.offer.count({ where: { id: offer.id, ...PUBLIC_OFFER } })).toBe(0);
  });

  test("a start rebuilds an offers index that does not match the database", async () => {
    const lab = await makeOrganization({ nameEn: "Rebuild Offers Lab" });
    // Written without an outbox row, as a restore or a crash could leave it.
    const offer = await prisma.offer.create({
      data: { type: "service", organizationId: lab.id, nameEn: "Unqueued calibration service", status: "published" },
    });
    expect(await documentOf(offer.id)).toBeNull();
    const { rebuilt } = await prepareSearch(prisma);
    expect(rebuilt).toContain("offer");
    expect(await documentOf(offer.id)).not.toBeNull();
  });
});
