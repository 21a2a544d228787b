import { beforeAll, describe, expect, test } from "vitest";
import { HIDE_AFTER_STALE_DAYS, PUBLIC_OFFER, RECONFIRM_AFTER_DAYS } from "~/domain/offer-values";
import { offerCardSelect, publicOfferCards, publicParts } from "~/models/offer-search.server";
import { reviewClaim, submitClaim } from "~/models/claim.server";
import {
  archiveOffer,
  confirmOffer,
  createOffer,
  editOffer,
  mayManageOffer,
  mayPublishFor,
  expertOffers,
  offerColumns,
  OfferNotAllowedError,
  offerForPage,
  type Actor,
  type OfferData,
} from "~/models/offer.server";
import { pendingOffers, reviewOffer, runOfferClock } from "~/models/offer-review.server";
import { offerSeedKey, SEED_OFFERS } from "~/models/offer-seed.server";
import { seedDirectory } from "~/models/seed.server";
import { prisma } from "~/db/client.server";
import { OfferSchema } from "~/validation/offer";
import { hex, makeOffer, makeOrganization, makeUser } from "../factories";

/**
 * Offers against a real database: who may publish and manage them, review with
 * duplicate warnings and notifications, the yearly clock (with the rule for seeded
 * offers) and the seed's idempotence.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
let official: Actor;
let fieldId: string;

beforeAll(async () => {
  await seedDirectory();
  official = await makeUser({ role: "curator" });
  fieldId = (await prisma.field.findUniqueOrThrow({ where: { slug: "analytical-chemistry" } })).id;
}, 120_000);

function data(form: Record<string, unknown>): OfferData {
  const parsed = OfferSchema.parse({ fieldSlugs: "analytical-chemistry", ...form });
  const { fieldSlugs: _fields, inventors: _inventors, ...input } = parsed;
  return { ...offerColumns(input), fieldIds: [fieldId], inventorIds: [] };
}
const service = (name: string) =>
  data({ type: "service", nameVi: name, priceMode: "range", priceMinVnd: "500.000", priceMaxVnd: "1.000.000" });
const instrument = (name: string) =>
  data({ type: "equipment", nameVi: name, category: "diffraction", accessMode: "staff_run" });

async function labWithManager() {
  const organization = await makeOrganization({ label: "offer-lab" });
  const manager = await makeUser({ label: "lab-manager" });
  await prisma.organizationManager.create({ data: { userId: manager.id, organizationId: organization.id } });
  return { organization, manager };
}

async function researcherWithProfile(status = "published") {
  const user = await makeUser({ label: "researcher", accountType: "researcher" });
  const profile = await prisma.expertProfile.create({
    data: { userId: user.id, slug: `researcher-${hex()}`, fullName: `Nhà nghiên cứu ${hex()}`, status },
  });
  return { user, profile };
}

describe("who may publish and manage offers", () => {
  test("managers for their organization, researchers a technology in their own name, officials anything", async () => {
    const { organization, manager } = await labWithManager();
    const stranger = await makeUser({ label: "stranger" });
    const { user: researcher, profile } = await researcherWithProfile();
    const { user: drafter, profile: draft } = await researcherWithProfile("draft");
    const lab = { organizationId: organization.id };

    expect(await mayPublishFor(manager, lab, "service")).toBe(true);
    expect(await mayPublishFor(manager, lab, "technology")).toBe(true);
    expect(await mayPublishFor(stranger, lab, "equipment")).toBe(false);
    expect(await mayPublishFor(official, lab, "equipment")).toBe(true);
    expect(await mayPublishFor(researcher, { expertId: profile.id }, "technology")).toBe(true);
    expect(await mayPublishFor(researcher, { expertId: profile.id }, "service")).toBe(false);
    expect(await mayPublishFor(stranger, { expertId: profile.id }, "technology")).toBe(false);
    expect(await mayPublishFor(drafter, { expertId: draft.id }, "technology")).toBe(false);

    // The model refuses too, whatever the route checked: nothing is written.
    const before = await prisma.offer.count();
    await expect(createOffer(stranger, lab, service("Đo phổ hồng ngoại"), `key-${hex()}-${hex()}`)).rejects.toThrow(
      OfferNotAllowedError,
    );
    expect(await prisma.offer.count()).toBe(before);

    const offer = await makeOffer({ organizationId: organization.id });
    expect(await mayManageOffer(manager, offer)).toBe(true);
    expect(await mayManageOffer(stranger, offer)).toBe(false);
    expect(await mayManageOffer(null, offer)).toBe(false);
    await expect(archiveOffer(stranger, offer.id)).rejects.toThrow(OfferNotAllowedError);
    await expect(confirmOffer(stranger, offer.id)).rejects.toThrow(OfferNotAllowedError);
    await expect(editOffer(stranger, offer.id, service("Khác"))).rejects.toThrow(OfferNotAllowedError);
  });
});

describe("offer cards", () => {
  test("read in one statement, say what the Prisma select said: owners only when public, fields in order, dates", async () => {
    const organization = await makeOrganization({ kind: "lab", district: "cau-giay", ward: "phuong-cau-giay" });
    const closed = await makeOrganization({ kind: "lab", status: "archived" });
    const { profile } = await researcherWithProfile();
    const { profile: draft } = await researcherWithProfile("draft");
    const service = await makeOffer({
      organizationId: organization.id,
      nameEn: "Water analysis",
      priceMode: "quote",
      fieldSlugs: ["food-technology", "analytical-chemistry", "environmental-analysis"],
      staleSince: new Date("2026-10-01T03:04:05.678Z"),
    });
    const instrument = await makeOffer({
      type: "equipment",
      organizationId: organization.id,
      category: "microscopy",
      accessMode: "staff_run",
      district: "dong-da",
      fromPublicSource: true,
    });
    const technology = await makeOffer({ type: "technology", ownerExpertId: profile.id, trl: 6, ipStatus: "pending" });
    const draftOwner = await makeOffer({ type: "technology", ownerExpertId: draft.id });
    const ofClosed = await makeOffer({ organizationId: closed.id });
    const hidden = await makeOffer({ organizationId: organization.id, hiddenAt: new Date() });
    const unpublished = await makeOffer({ organizationId: organization.id, status: "pending" });
    const ids = [technology.id, hidden.id, service.id, ofClosed.id, instrument.id, unpublished.id, draftOwner.id];

    const reference = await prisma.offer.findMany({
      where: { id: { in: ids }, ...PUBLIC_OFFER },
      select: offerCardSelect,
    });
    const byId = new Map(reference.map((row) => [row.id, publicParts(row)]));
    const expected = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const cards = await publicOfferCards(ids);
    expect(cards).toEqual(expected);
    expect(cards.map((card) => card.id)).toEqual([technology.id, service.id, instrument.id, draftOwner.id]);
    expect(cards[0]!.ownerExpert).toEqual({ slug: profile.slug, fullName: profile.fullName, status: "published" });
    expect(cards[3]!.ownerExpert).toBeNull();
    expect(cards[1]!.fields).toHaveLength(3);
    expect(cards[1]!.updatedAt).toBeInstanceOf(Date);
    expect(cards[1]!.stale).toBe(true);
    expect(await publicOfferCards([])).toEqual([]);
  });
});

describe("a researcher's page", () => {
  test("lists the public technologies they offer or invented, not those waiting for review", async () => {
    const { profile: owner } = await researcherWithProfile();
    const { profile: inventor } = await researcherWithProfile();
    const own = await makeOffer({ type: "technology", ownerExpertId: owner.id, nameVi: `Chủng nấm men ${hex()}` });
    const pending = await makeOffer({ type: "technology", ownerExpertId: owner.id, status: "pending" });
    const { organization } = await labWithManager();
    const invented = await makeOffer({ type: "technology", organizationId: organization.id });
    await prisma.offerInventor.create({ data: { offerId: invented.id, expertId: inventor.id } });
    expect((await expertOffers(owner.slug)).map((offer) => offer.id)).toEqual([own.id]);
    expect((await expertOffers(inventor.slug)).map((offer) => offer.id)).toEqual([invented.id]);
    expect((await expertOffers(owner.slug)).map((offer) => offer.id)).not.toContain(pending.id);
  });
});

describe("review", () => {
  test("a new offer waits for an official, who approves it: public, clock started, owner told in-app and by e-mail", async () => {
    const { organization, manager } = await labWithManager();
    const url = await createOffer(
      manager,
      { organizationId: organization.id },
      service("Đo XRD mẫu bột"),
      hex() + hex() + hex(),
    );
    const id = url.split("/")[2]!.split("?")[0]!;
    const pending = await prisma.offer.findUniqueOrThrow({ where: { id } });
    expect(pending.status).toBe("pending");
    expect(pending.priceMinVnd).toBe(500_000);
    // The database fallback's folded text is written with the offer.
    expect(pending.searchText).toContain("do xrd mau bot");
    expect(await offerForPage(id, null)).toBeNull();
    expect(await offerForPage(id, manager)).not.toBeNull();
    const toReview = await prisma.notification.findFirst({
      where: { userId: official.id, url: `/admin/queue#offer-${id}` },
    });
    expect(toReview).not.toBeNull();

    expect(await reviewOffer(id, official.id, { approve: true, note: null })).toBe(true);
    const published = await prisma.offer.findUniqueOrThrow({ where: { id } });
    expect(published.status).toBe("published");
    expect(published.confirmedAt).not.toBeNull();
    expect(await offerForPage(id, null)).not.toBeNull();
    const told = await prisma.notification.findFirstOrThrow({ where: { userId: manager.id, url: `/offers/${id}` } });
    expect(JSON.parse(told.data).key).toBe("notify.offerApproved");
    const mail = await prisma.mailMessage.findFirst({ where: { to: manager.email }, orderBy: { createdAt: "desc" } });
    expect(mail?.text).toContain(`/offers/${id}`);
    expect(await prisma.auditEntry.count({ where: { entityId: id, action: "offer.approve" } })).toBe(1);
    // Reviewed once: a second decision changes nothing.
    expect(await reviewOffer(id, official.id, { approve: false, note: "x" })).toBe(false);
  });

  test("an offer that becomes public queues the job that tells matching requests' owners; one that does not, nothing", async () => {
    const queued = async (offerId: string) =>
      prisma.job.count({ where: { kind: "match-offer", payload: JSON.stringify({ offerId }) } });
    const { organization, manager } = await labWithManager();
    const lab = { organizationId: organization.id };
    const idOf = (url: string) => url.split("/")[2]!.split("?")[0]!;
    const approved = idOf(await createOffer(manager, lab, service("Đo phổ Raman"), hex() + hex()));
    const rejected = idOf(await createOffer(manager, lab, service("Đo phổ UV-Vis"), hex() + hex()));
    expect(await queued(approved)).toBe(0);
    await reviewOffer(approved, official.id, { approve: true, note: null });
    await reviewOffer(rejected, official.id, { approve: false, note: "Thiếu mô tả" });
    expect([await queued(approved), await queued(rejected)]).toEqual([1, 0]);
    // An official's own offer is public at once.
    expect(await queued(idOf(await createOffer(official, lab, instrument("Máy XRD"), hex() + hex())))).toBe(1);
    // A hidden offer confirmed is public again; a visible one confirmed was public all along.
    const hidden = await makeOffer({ organizationId: organization.id, hiddenAt: new Date(), staleSince: new Date() });
    const visible = await makeOffer({ organizationId: organization.id });
    await confirmOffer(manager, hidden.id);
    await confirmOffer(manager, visible.id);
    expect([await queued(hidden.id), await queued(visible.id)]).toEqual([1, 0]);
  });

  test("a rejection carries its reason to the owner, with a link to edit", async () => {
    const { organization, manager } = await labWithManager();
    const url = await createOffer(
      manager,
      { organizationId: organization.id },
      instrument("Máy nhiễu xạ tia X"),
      hex() + hex() + hex(),
    );
    const id = url.split("/")[2]!.split("?")[0]!;
    expect(await reviewOffer(id, official.id, { approve: false, note: "Thiếu thông số" })).toBe(true);
    const offer = await prisma.offer.findUniqueOrThrow({ where: { id } });
    expect(offer.status).toBe("rejected");
    expect(offer.reviewNote).toBe("Thiếu thông số");
    const told = await prisma.notification.findFirstOrThrow({
      where: { userId: manager.id, url: `/offers/${id}/edit` },
    });
    expect(JSON.parse(told.data).params.note).toBe("Thiếu thông số");
  });

  test("the queue warns of the same owner's offer of the same type with a near-identical name", async () => {
    const { organization, manager } = await labWithManager();
    const first = await makeOffer({
      organizationId: organization.id,
      type: "equipment",
      nameVi: "Máy nhiễu xạ tia X D8",
    });
    await makeOffer({ organizationId: organization.id, type: "service", nameVi: "Máy nhiễu xạ tia X D8" });
    const url = await createOffer(
      manager,
      { organizationId: organization.id },
      instrument("Máy  nhiễu xạ tia X – D8"),
      hex() + hex() + hex(),
    );
    const id = url.split("/")[2]!.split("?")[0]!;
    const queued = (await pendingOffers(500)).find((offer) => offer.id === id)!;
    expect(queued.duplicates.map((duplicate) => duplicate.id)).toEqual([first.id]);
  });

  test("a material edit by the owner sends a published offer back to review; saving the same values changes nothing", async () => {
    const { organization, manager } = await labWithManager();
    const offer = await makeOffer({
      organizationId: organization.id,
      type: "service",
      nameVi: "Đo quang phổ",
      nameEn: null,
      priceMode: "quote",
      fieldIds: [fieldId],
    });
    const same = data({ type: "service", nameVi: "Đo quang phổ", priceMode: "quote" });
    expect(await editOffer(manager, offer.id, same)).toBe("unchanged");
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("published");
    const changed = data({ type: "service", nameVi: "Đo quang phổ UV-Vis", priceMode: "quote" });
    expect(await editOffer(manager, offer.id, changed)).toBe("pending");
    const edited = await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(edited.status).toBe("pending");
    expect(edited.nameVi).toBe("Đo quang phổ UV-Vis");
    expect(edited.editedAt).not.toBeNull();
  });
});

describe("the yearly reconfirmation clock", () => {
  test("stale a year after confirmation (owners asked), hidden later, and a confirmation clears both", async () => {
    const { organization, manager } = await labWithManager();
    const confirmedAt = new Date("2024-01-01T00:00:00Z");
    const offer = await makeOffer({ organizationId: organization.id, confirmedAt });
    const justBefore = new Date(confirmedAt.getTime() + RECONFIRM_AFTER_DAYS * DAY_MS - 60_000);
    await runOfferClock(justBefore);
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).staleSince).toBeNull();

    const yearLater = new Date(confirmedAt.getTime() + (RECONFIRM_AFTER_DAYS + 1) * DAY_MS);
    await runOfferClock(yearLater);
    const stale = await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(stale.staleSince?.getTime()).toBe(yearLater.getTime());
    expect(stale.hiddenAt).toBeNull();
    const asked = await prisma.notification.findFirstOrThrow({
      where: { userId: manager.id, url: `/offers/${offer.id}#confirm` },
    });
    expect(JSON.parse(asked.data).key).toBe("notify.offerStale");
    expect(await offerForPage(offer.id, null)).not.toBeNull();

    await runOfferClock(new Date(yearLater.getTime() + (HIDE_AFTER_STALE_DAYS - 1) * DAY_MS));
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).hiddenAt).toBeNull();
    const hideDay = new Date(yearLater.getTime() + (HIDE_AFTER_STALE_DAYS + 1) * DAY_MS);
    await runOfferClock(hideDay);
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).hiddenAt?.getTime()).toBe(
      hideDay.getTime(),
    );
    expect(await offerForPage(offer.id, null)).toBeNull();
    expect(await offerForPage(offer.id, manager)).not.toBeNull();

    expect(await confirmOffer(manager, offer.id)).toBe(true);
    const confirmed = await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(confirmed.staleSince).toBeNull();
    expect(confirmed.hiddenAt).toBeNull();
    expect(confirmed.confirmedAt!.getTime()).toBeGreaterThan(confirmedAt.getTime());
    expect(await offerForPage(offer.id, null)).not.toBeNull();
  });

  test("a seeded offer of an unclaimed organization is never stale; its clock starts when a claim is approved", async () => {
    const record = SEED_OFFERS.find((candidate) => candidate.slug === "vawr")!;
    const seeded = await prisma.offer.findUniqueOrThrow({ where: { seedKey: offerSeedKey(record) } });
    expect(seeded.confirmedAt).toBeNull();
    const farFuture = new Date(Date.now() + 10 * RECONFIRM_AFTER_DAYS * DAY_MS);
    await runOfferClock(farFuture);
    const after = await prisma.offer.findUniqueOrThrow({ where: { id: seeded.id } });
    expect(after.staleSince).toBeNull();
    expect(after.hiddenAt).toBeNull();

    const claimant = await makeUser({ label: "vawr-manager" });
    await submitClaim(claimant.id, seeded.organizationId!, "Tôi là cán bộ phòng thí nghiệm của viện này.");
    const claim = await prisma.organizationClaim.findFirstOrThrow({ where: { userId: claimant.id } });
    await reviewClaim(claim.id, official.id, { approve: true, note: null });
    const started = await prisma.offer.findUniqueOrThrow({ where: { id: seeded.id } });
    expect(started.confirmedAt).not.toBeNull();
    expect(started.fromPublicSource).toBe(true);
    await runOfferClock(new Date(started.confirmedAt!.getTime() + (RECONFIRM_AFTER_DAYS + 1) * DAY_MS));
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: seeded.id } })).staleSince).not.toBeNull();
  });
});

describe("seed", () => {
  test("loads every offer as from public sources, maps IP notes carefully, and a second run changes nothing", async () => {
    const seeded = await prisma.offer.findMany({ where: { seedKey: { not: null } }, include: { fields: true } });
    expect(seeded).toHaveLength(SEED_OFFERS.length);
    for (const offer of seeded) {
      expect(offer.fromPublicSource).toBe(true);
      expect(offer.priceMode).toBe("unknown");
      expect(offer.sourceUrls).toMatch(/^https?:\/\//);
      expect(offer.fields.length).toBeGreaterThan(0);
    }
    const transferred = seeded.find((offer) => offer.nameEn?.includes("transferred to Rang Dong"))!;
    expect(transferred.transferredTo).toBe("Rang Dong (Ralaco)");
    expect(transferred.ipStatus).toBeNull();
    const patent = seeded.find((offer) => offer.nameEn?.startsWith("Direct extraction of gac oil"))!;
    expect(patent.ipStatus).toBe("granted_patent");
    expect(patent.ipNumber).toBeNull();
    expect(seeded.find((offer) => offer.nameEn?.startsWith("PhoBERT"))!.ipStatus).toBe("open");
    const sem = seeded.find((offer) => offer.instrument === "Hitachi S-4800 FE-SEM")!;
    expect(sem.category).toBe("microscopy");

    const report = await seedDirectory();
    expect(report.offers.created).toBe(0);
    expect(report.offers.updated).toBe(0);
    expect(report.offers.unchanged + report.offers.keptPortalEdits).toBe(SEED_OFFERS.length);
  });

  test("never overwrites an offer edited in the portal", async () => {
    const record = SEED_OFFERS.find((candidate) => candidate.slug === "hnue")!;
    const offer = await prisma.offer.findUniqueOrThrow({ where: { seedKey: offerSeedKey(record) } });
    await prisma.offer.update({
      where: { id: offer.id },
      data: { nameVi: "Tên do phòng thí nghiệm sửa", editedAt: new Date(), seedHash: "changed" },
    });
    const report = await seedDirectory();
    expect(report.offers.keptPortalEdits).toBeGreaterThanOrEqual(1);
    expect((await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).nameVi).toBe(
      "Tên do phòng thí nghiệm sửa",
    );
  });
});
