import { describe, expect, test } from "vitest";
import { seedDirectory, SEED_STARTUPS } from "~/models/seed.server";
import { updateOrganization } from "~/models/organization.server";
import { prisma } from "~/utils/db.server";
import organizationsFile from "../../prisma/seed/hanoi-orgs.json";

describe("seed", () => {
  test("loads every organization of the data set, with parents, fields and both languages", async () => {
    const report = await seedDirectory();
    expect(report.organizations.created).toBe(organizationsFile.length);
    expect(await prisma.organization.count()).toBe(organizationsFile.length);

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
    const distinctPerOrg = organizationsFile.reduce((sum, record) => sum + new Set(record.fields).size, 0);
    expect(links).toBeGreaterThan(distinctPerOrg * 0.9);
  });

  test("loads the published contacts: phone, e-mail and a ward only where the source names one", async () => {
    const hust = await prisma.organization.findUniqueOrThrow({ where: { slug: "hust" } });
    expect(hust).toMatchObject({ address: "Số 1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội", phone: "024 3869 4242", email: "tuyensinh@hust.edu.vn" });
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
    expect(kinds.map((row) => row.kind).sort()).toEqual(["enterprise", "incubator", "institute", "lab", "startup", "university"]);
  });

  test("running it again changes nothing", async () => {
    const before = await snapshot();
    const report = await seedDirectory();
    expect(report.organizations).toEqual({ created: 0, updated: 0, unchanged: organizationsFile.length, keptPortalEdits: 0 });
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
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: hust.id } })).summaryEn).toBe("Edited by its manager.");
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
    const holders = await prisma.organizationField.findMany({ where: { fieldId: field.id }, select: { organizationId: true } });
    expect(holders.length).toBeGreaterThan(0);
    const since = (await prisma.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;

    const report = await seedDirectory();
    expect(report.fields.updated).toBe(1);
    expect((await prisma.field.findUniqueOrThrow({ where: { id: field.id } })).aliases).toBe(field.aliases);
    const queued = await prisma.searchOutbox.findMany({ where: { id: { gt: since }, entity: "organization" }, select: { entityId: true } });
    expect(new Set(queued.map((row) => row.entityId))).toEqual(new Set(holders.map((row) => row.organizationId)));
  });

  test("an area it renames moves the searchable data version, though no listing is filed under the area itself", async () => {
    // Facets show area names: kept directory answers (docs/decisions/020) must not outlive them.
    const area = await prisma.field.findFirstOrThrow({ where: { parentId: null } });
    await prisma.field.update({ where: { id: area.id }, data: { nameEn: "A stale area name" } });
    const sequence = async () =>
      Number((await prisma.$queryRawUnsafe<{ seq: bigint | number }[]>("SELECT seq FROM sqlite_sequence WHERE name = 'SearchOutbox'"))[0]?.seq ?? 0);
    const before = await sequence();
    await seedDirectory();
    expect(await sequence()).toBeGreaterThan(before);
    // Nothing changed the second time: the version stays.
    const after = await sequence();
    await seedDirectory();
    expect(await sequence()).toBe(after);
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
