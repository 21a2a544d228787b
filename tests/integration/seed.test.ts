import { describe, expect, test } from "vitest";
import { DOUBTFUL_NAMES_VI, SEED_RECORDS, seedDirectory, SEED_STARTUPS, SEED_SUCCESSORS } from "~/models/seed.server";
import { updateOrganization } from "~/models/organization.server";
import { prisma } from "~/db/client.server";
import taxonomyFile from "../../prisma/seed/fields.json";
import organizationsFile from "../../prisma/seed/hanoi-orgs.json";
import namesViFile from "../../prisma/seed/hanoi-orgs-names-vi.json";
import summariesVi from "../../prisma/seed/summaries-vi.json";

// 138 + 40 universities + 51 research bodies, less ISTEE, merged into the listing it succeeds.
const LISTINGS = 228;

describe("seed", () => {
  test("loads every organization of the data set, with parents, fields and both languages", async () => {
    const report = await seedDirectory();
    expect(report.organizations.created).toBe(LISTINGS);
    expect(await prisma.organization.count()).toBe(LISTINGS);

    const lab = await prisma.organization.findUniqueOrThrow({
      where: { slug: "hust-bkai" },
      include: { parent: true, fields: { include: { field: true } } },
    });
    expect(lab.kind).toBe("lab");
    expect(lab.parent?.slug).toBe("hust");
    expect(lab.nameVi).toMatch(/Trí tuệ nhân tạo/);
    expect(lab.summaryVi).toBeTruthy();
    expect(lab.summaryEn).toBeTruthy();
    expect(lab.fields.map(({ field }) => field.nameVi)).toContain("Trí tuệ nhân tạo");
    expect(lab.status).toBe("published");
    const hust = await prisma.organization.findUniqueOrThrow({ where: { slug: "hust" } });
    expect(hust.website).toBe("https://hust.edu.vn");
    expect(hust.district).toBe("hai-ba-trung");

    // Every field string of the data set maps to the taxonomy.
    const links = await prisma.organizationField.count();
    const fieldOf = new Map(
      taxonomyFile.fields.flatMap((field) => field.sources.map((source) => [source, field.slug])),
    );
    const superseded = new Set(Object.values(SEED_SUCCESSORS));
    const expected = SEED_RECORDS.filter((record) => !superseded.has(record.slug)).reduce(
      (sum, record) => sum + new Set(record.fields.map((source) => fieldOf.get(source))).size,
      0,
    );
    expect(links).toBe(expected);
  });

  test("loads the published contacts: phone, e-mail and a ward only where the source names one", async () => {
    const hust = await prisma.organization.findUniqueOrThrow({ where: { slug: "hust" } });
    expect(hust).toMatchObject({
      address: "Số 1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội",
      phone: "024 3869 4242",
      email: "tuyensinh@hust.edu.vn",
    });
    // Each contact keeps the page it was copied from.
    expect(hust.contactSourceUrl).toBe("https://trangedu.com/truong/dai-hoc-bach-khoa-ha-noi/");
    // The area (former district) stays; no ward is guessed from it.
    expect(hust).toMatchObject({ district: "hai-ba-trung", ward: null });
    const hunre = await prisma.organization.findUniqueOrThrow({ where: { slug: "hunre" } });
    expect(hunre.ward).toBe("phu-dien");
    // Two published numbers become one list with the form's separator.
    const epu = await prisma.organization.findUniqueOrThrow({ where: { slug: "epu" } });
    expect(epu.phone).toBe("0242.2452.662; (024) 2218 5607");
    expect(await prisma.organization.count({ where: { phone: { not: null } } })).toBe(23);
    expect(await prisma.organization.count({ where: { email: { not: null } } })).toBe(15);
    expect(await prisma.organization.count({ where: { ward: { not: null } } })).toBe(1);
  });

  test("classifies the young companies as startups and keeps the others enterprises", async () => {
    const startups = await prisma.organization.findMany({ where: { kind: "startup" }, select: { seedKey: true } });
    expect(new Set(startups.map((row) => row.seedKey))).toEqual(SEED_STARTUPS);
    const fpt = await prisma.organization.findUniqueOrThrow({ where: { slug: "fpt" } });
    expect(fpt.kind).toBe("enterprise");
    const kinds = await prisma.organization.groupBy({ by: ["kind"], _count: true });
    expect(kinds.map((row) => row.kind).sort()).toEqual([
      "enterprise",
      "incubator",
      "institute",
      "lab",
      "startup",
      "university",
    ]);
  });

  test("holds the 138 listings and the 91 more, by kind", async () => {
    expect(organizationsFile).toHaveLength(138);
    expect(SEED_RECORDS).toHaveLength(138 + 40 + 51);
    const kinds = await prisma.organization.groupBy({ by: ["kind"], _count: true });
    expect(Object.fromEntries(kinds.map((row) => [row.kind, row._count]))).toEqual({
      university: 36 + 40,
      institute: 37 + 35 - 1,
      lab: 10 + 8,
      incubator: 15 + 8,
      enterprise: 40 - SEED_STARTUPS.size,
      startup: SEED_STARTUPS.size,
    });
    expect(await prisma.organization.count({ where: { summaryVi: null } })).toBe(0);
  });

  test("resolves every parent, also one that sits in another file", async () => {
    const key = (slug: string) => SEED_SUCCESSORS[slug] ?? slug;
    const rows = await prisma.organization.findMany({
      select: { seedKey: true, parent: { select: { seedKey: true } } },
    });
    const parentOf = new Map(rows.map((row) => [row.seedKey, row.parent?.seedKey ?? null]));
    const withParent = SEED_RECORDS.filter((record) => record.parent);
    expect(withParent.length).toBeGreaterThan(50);
    for (const record of withParent) expect(parentOf.get(key(record.slug)), record.slug).toBe(key(record.parent!));
    // VNU's social-sciences university is in the universities file, VNU in the first one.
    const ussh = await prisma.organization.findUniqueOrThrow({
      where: { slug: "vnu-ussh" },
      include: { parent: true },
    });
    expect(ussh.parent?.slug).toBe("vnu");
  });

  test("maps every English field string of every file onto the taxonomy", async () => {
    const sources = new Set(taxonomyFile.fields.flatMap((field) => field.sources));
    const unmapped = SEED_RECORDS.flatMap((record) => record.fields.filter((field) => !sources.has(field)));
    expect(unmapped).toEqual([]);
    const ussh = await prisma.organization.findUniqueOrThrow({
      where: { slug: "vnu-ussh" },
      include: { fields: { include: { field: { include: { parent: true } } } } },
    });
    expect(ussh.fields.map(({ field }) => field.parent?.nameVi)).toContain("Khoa học nhân văn, văn hóa & nghệ thuật");
    expect(ussh.summaryVi).toBe((summariesVi as Record<string, string>)["vnu-ussh"]);
  });

  test("loads the confirmed Vietnamese names and leaves the doubtful ones out", async () => {
    // The data README records a doubt in these entries' notes.
    expect(new Set(namesViFile.filter((entry) => /doubt/i.test(entry.note)).map((entry) => entry.slug))).toEqual(
      DOUBTFUL_NAMES_VI,
    );
    const bySlug = new Map(
      (await prisma.organization.findMany({ select: { slug: true, nameVi: true } })).map((row) => [
        row.slug,
        row.nameVi,
      ]),
    );
    for (const slug of DOUBTFUL_NAMES_VI) expect(bySlug.get(slug), slug).toBeNull();
    expect(bySlug.get("vinbigdata")).toBeNull();
    const confirmed = namesViFile.filter((entry) => entry.nameVi && !DOUBTFUL_NAMES_VI.has(entry.slug));
    expect(confirmed).toHaveLength(22);
    for (const entry of confirmed) expect(bySlug.get(entry.slug), entry.slug).toBe(entry.nameVi);
    expect(bySlug.get("sapo")).toBe("Công ty Cổ phần Công nghệ Sapo");
  });

  test("merges ISTEE into the listing of the Institute of Energy Science it succeeds", async () => {
    const istee = await prisma.organization.findMany({ where: { acronym: "ISTEE" }, include: { parent: true } });
    expect(istee).toHaveLength(1);
    expect(istee[0]!.seedKey).toBe("vast-institute-of-energy-science");
    expect(istee[0]!.nameVi).toBe("Viện Khoa học Công nghệ Năng lượng và Môi trường");
    expect(istee[0]!.parent?.slug).toBe("vast");
    expect(await prisma.organization.count({ where: { nameEn: "Institute of Energy Science" } })).toBe(0);
  });

  test("running it again changes nothing", async () => {
    const before = await snapshot();
    const report = await seedDirectory();
    expect(report.organizations).toEqual({ created: 0, updated: 0, unchanged: LISTINGS, keptPortalEdits: 0 });
    expect(report.fields.created + report.fields.updated).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  test("never overwrites a listing edited in the portal, and repairs one it wrote itself", async () => {
    const hust = await prisma.organization.findUniqueOrThrow({ where: { slug: "hust" } });
    await updateOrganization(hust.id, { summaryEn: "Edited by its manager." }, { origin: "portal" });
    const vnu = await prisma.organization.findUniqueOrThrow({ where: { slug: "vnu" } });
    // A change the seed made earlier (not a portal edit) with an older record.
    await prisma.organization.update({ where: { id: vnu.id }, data: { summaryEn: "stale", seedHash: "old" } });

    const report = await seedDirectory();
    expect(report.organizations.keptPortalEdits).toBe(1);
    expect(report.organizations.updated).toBe(1);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: hust.id } })).summaryEn).toBe(
      "Edited by its manager.",
    );
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: vnu.id } })).summaryEn).not.toBe("stale");
  });

  test("keeps a phone number a manager changed in the portal", async () => {
    const hau = await prisma.organization.findUniqueOrThrow({ where: { slug: "hau" } });
    await updateOrganization(hau.id, { phone: "024 3854 0000" }, { origin: "portal" });
    await prisma.organization.update({ where: { id: hau.id }, data: { seedHash: "old" } });
    const report = await seedDirectory();
    expect(report.organizations.keptPortalEdits).toBeGreaterThanOrEqual(1);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: hau.id } })).phone).toBe("024 3854 0000");
  });

  test("a field it repairs sends the listings under it back to the index, which holds the field's names", async () => {
    // Documents carry their fields' names and aliases, so they must follow a taxonomy change.
    const field = await prisma.field.findUniqueOrThrow({ where: { slug: "artificial-intelligence" } });
    await prisma.field.update({ where: { id: field.id }, data: { aliases: "stale alias" } });
    const holders = await prisma.organizationField.findMany({
      where: { fieldId: field.id },
      select: { organizationId: true },
    });
    expect(holders.length).toBeGreaterThan(0);
    const since = (await prisma.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;

    const report = await seedDirectory();
    expect(report.fields.updated).toBe(1);
    expect((await prisma.field.findUniqueOrThrow({ where: { id: field.id } })).aliases).toBe(field.aliases);
    const queued = await prisma.searchOutbox.findMany({
      where: { id: { gt: since }, entity: "organization" },
      select: { entityId: true },
    });
    expect(new Set(queued.map((row) => row.entityId))).toEqual(new Set(holders.map((row) => row.organizationId)));
  });

  test("an area it renames moves the searchable data version, though no listing is filed under the area itself", async () => {
    // Facets show area names: kept directory answers (docs/decisions/020) must not outlive them.
    const area = await prisma.field.findFirstOrThrow({ where: { parentId: null } });
    await prisma.field.update({ where: { id: area.id }, data: { nameEn: "A stale area name" } });
    const sequence = async () =>
      Number(
        (
          await prisma.$queryRawUnsafe<{ seq: bigint | number }[]>(
            "SELECT seq FROM sqlite_sequence WHERE name = 'SearchOutbox'",
          )
        )[0]?.seq ?? 0,
      );
    const before = await sequence();
    await seedDirectory();
    expect(await sequence()).toBeGreaterThan(before);
    // Nothing changed the second time: the version stays.
    const after = await sequence();
    await seedDirectory();
    expect(await sequence()).toBe(after);
  });

  test("a database seeded before the new data: ISTEE updates the old listing, which keeps its id and address", async () => {
    const listing = await prisma.organization.findUniqueOrThrow({
      where: { seedKey: "vast-institute-of-energy-science" },
    });
    // The listing as the 138-organization seed wrote it.
    await prisma.organization.update({
      where: { id: listing.id },
      data: {
        slug: "vast-institute-of-energy-science",
        nameEn: "Institute of Energy Science",
        acronym: null,
        seedHash: "old",
      },
    });

    const report = await seedDirectory();
    expect(report.organizations.created).toBe(0);
    expect(report.organizations.updated).toBe(1);
    const merged = await prisma.organization.findUniqueOrThrow({ where: { id: listing.id } });
    expect(merged.slug).toBe("vast-institute-of-energy-science");
    expect(merged.nameEn).toBe("Institute of Science and Technology of Energy and Environment");
    expect(merged.acronym).toBe("ISTEE");
    expect(await prisma.organization.count()).toBe(LISTINGS);
  });

  test("a listing edited in the portal keeps its edits when the new data arrives", async () => {
    const sapo = await prisma.organization.findUniqueOrThrow({ where: { slug: "sapo" } });
    // Seeded from the old data (no Vietnamese name), then edited by its manager.
    await prisma.organization.update({ where: { id: sapo.id }, data: { nameVi: null, seedHash: "old" } });
    await updateOrganization(sapo.id, { summaryEn: "Edited by Sapo." }, { origin: "portal" });
    const ussh = await prisma.organization.findUniqueOrThrow({ where: { slug: "vnu-ussh" } });
    await updateOrganization(ussh.id, { nameEn: "USSH, as its manager writes it" }, { origin: "portal" });

    await seedDirectory();
    const after = await prisma.organization.findUniqueOrThrow({ where: { id: sapo.id } });
    expect(after.nameVi).toBeNull();
    expect(after.summaryEn).toBe("Edited by Sapo.");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: ussh.id } })).nameEn).toBe(
      "USSH, as its manager writes it",
    );
  });
});

async function snapshot() {
  const [organizations, fields, links, outbox] = await Promise.all([
    prisma.organization.findMany({ orderBy: { id: "asc" } }),
    prisma.field.findMany({ orderBy: { id: "asc" } }),
    prisma.organizationField.count(),
    prisma.searchOutbox.count(),
  ]);
  return { organizations, fields, links, outbox };
}
