import { beforeAll, describe, expect, test } from "vitest";
import { changeOrganization, mergeOrganizations, redirectFor } from "~/models/curation.server";
import { reviewProfile } from "~/models/expert-review.server";
import { saveProfile } from "~/models/expert.server";
import { applyImport, ImportRefusedError } from "~/models/import/apply.server";
import { parseImportFile } from "~/models/import/parse";
import { planImport } from "~/models/import/plan.server";
import { createUser } from "~/models/user.server";
import { proposeRevision, reviewRevision } from "~/models/revision.server";
import { flagStaleListings, STALE_AFTER_MS } from "~/models/stale.server";
import { reviewRequest } from "~/models/request.server";
import { seedDirectory } from "~/models/seed.server";
import { prisma } from "~/db/client.server";
import type { ExpertProfileInput } from "~/validation/expert";
import { makeOffer, makeOrganization } from "../factories";

/**
 * The officials' tools against a real database: the review of proposed edits
 * and profiles, merging duplicates, stale listings, the audit log (one entry
 * per action, none for a refused one) and bulk import.
 */
let official: { id: string };
let manager: { id: string };
let counter = 0;

async function member(accountType: "business" | "researcher" = "business") {
  counter += 1;
  return createUser({
    email: `curation-${counter}-${Math.random().toString(36).slice(2, 7)}@example.vn`,
    name: `Member ${counter}`,
    password: "a long enough password",
    accountType,
    locale: "vi",
  });
}

async function auditCount() {
  return prisma.auditEntry.count();
}

beforeAll(async () => {
  await seedDirectory();
  official = await member();
  await prisma.user.update({ where: { id: official.id }, data: { role: "curator" } });
  manager = await member();
}, 120_000);

describe("proposed edits to a listing", () => {
  test("wait for an official, who sees before and after; approval applies them with one audit entry", async () => {
    const organization = await makeOrganization({ nameVi: "Phòng thí nghiệm Thử nghiệm", summaryVi: "Mô tả cũ" });
    await prisma.organizationManager.create({ data: { userId: manager.id, organizationId: organization.id } });
    await proposeRevision(organization.id, manager.id, { summaryVi: "Mô tả mới", website: "https://lab.example.vn" });

    // Nothing changes until an official approves.
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).summaryVi).toBe(
      "Mô tả cũ",
    );
    const revision = await prisma.organizationRevision.findFirstOrThrow({
      where: { organizationId: organization.id, status: "pending" },
    });
    expect(JSON.parse(revision.before)).toMatchObject({ summaryVi: "Mô tả cũ", website: null });
    expect(await prisma.notification.count({ where: { userId: official.id, type: "review" } })).toBeGreaterThan(0);

    const before = await auditCount();
    expect(await reviewRevision(revision.id, official.id, { approve: true, note: null })).toBe(true);
    const after = await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(after).toMatchObject({ summaryVi: "Mô tả mới", website: "https://lab.example.vn" });
    expect(await auditCount()).toBe(before + 1);
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { action: "revision.approve", entityId: organization.id },
    });
    expect(JSON.parse(entry.before!)).toMatchObject({ summaryVi: "Mô tả cũ" });
    expect(JSON.parse(entry.after!)).toMatchObject({ summaryVi: "Mô tả mới" });
    expect(entry.actorId).toBe(official.id);
    // The change reaches the search index through the outbox.
    expect(
      await prisma.searchOutbox.count({ where: { entityId: organization.id, processedAt: null } }),
    ).toBeGreaterThan(0);

    // A second decision on the same proposal does nothing and logs nothing.
    expect(await reviewRevision(revision.id, official.id, { approve: false, note: "late" })).toBe(false);
    expect(await auditCount()).toBe(before + 1);
  });

  test("a rejection leaves the listing as it was, and the manager reads the reason", async () => {
    const organization = await makeOrganization({ nameVi: "Viện Thử nghiệm Từ chối" });
    await proposeRevision(organization.id, manager.id, { nameVi: "Tên sai chính tả" });
    const revision = await prisma.organizationRevision.findFirstOrThrow({ where: { organizationId: organization.id } });
    await reviewRevision(revision.id, official.id, { approve: false, note: "Tên không khớp với quyết định thành lập" });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).nameVi).toBe(
      "Viện Thử nghiệm Từ chối",
    );
    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: manager.id },
      orderBy: { createdAt: "desc" },
    });
    expect(notice.data).toContain("Tên không khớp với quyết định thành lập");
    expect(
      await prisma.auditEntry.count({
        where: {
          action: "revision.reject",
          entityId: organization.id,
          reason: "Tên không khớp với quyết định thành lập",
        },
      }),
    ).toBe(1);
  });

  test("a newer proposal from the same manager replaces the one still waiting", async () => {
    const organization = await makeOrganization();
    await proposeRevision(organization.id, manager.id, { address: "1 Đại Cồ Việt" });
    await proposeRevision(organization.id, manager.id, { address: "2 Đại Cồ Việt" });
    const revisions = await prisma.organizationRevision.findMany({
      where: { organizationId: organization.id },
      orderBy: { createdAt: "asc" },
    });
    expect(revisions.map((revision) => revision.status)).toEqual(["superseded", "pending"]);
  });
});

describe("expertise profiles", () => {
  test("are public at once, reviewed after; a rejection takes the profile back to draft with the reason", async () => {
    const researcher = await member("researcher");
    const taxonomy = await prisma.field.findFirstOrThrow({ where: { parentId: { not: null } } });
    const input: ExpertProfileInput = {
      intent: "publish",
      inquiries: "open",
      title: "ts",
      fullName: "Phạm Minh Khoa",
      affiliation: null,
      position: null,
      bioVi: "Nghiên cứu vật liệu.",
      bioEn: null,
      fieldSlugs: [taxonomy.slug],
      keywords: ["vật liệu"],
      offers: ["consulting"],
      links: [],
    };
    const saved = await saveProfile(researcher.id, input);
    expect(saved.ok).toBe(true);
    const profile = await prisma.expertProfile.findUniqueOrThrow({ where: { userId: researcher.id } });
    expect(profile).toMatchObject({ status: "published", reviewState: "pending" });

    expect(await reviewProfile(profile.id, official.id, { approve: false, note: "Thiếu đơn vị công tác" })).toBe(true);
    expect(await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({
      status: "draft",
      reviewState: "rejected",
      reviewNote: "Thiếu đơn vị công tác",
    });
    expect(await prisma.auditEntry.count({ where: { action: "expert.reject", entityId: profile.id } })).toBe(1);

    // Republished, the note about the old text goes (the audit log keeps it): it never rides along to the public page.
    expect((await saveProfile(researcher.id, { ...input, bioVi: "Nghiên cứu vật liệu nano." })).ok).toBe(true);
    expect(await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({
      status: "published",
      reviewState: "pending",
      reviewNote: null,
    });
    expect(
      await prisma.auditEntry.findFirst({
        where: { action: "expert.reject", entityId: profile.id },
        select: { reason: true },
      }),
    ).toEqual({ reason: "Thiếu đơn vị công tác" });
  });
});

describe("merging duplicates", () => {
  test("moves experts, units, requests and fields to the survivor, managers only as pending claims; the old address redirects; nothing is orphaned", async () => {
    const fields = await prisma.field.findMany({ where: { parentId: { not: null } }, take: 3 });
    const survivor = await makeOrganization({
      nameVi: "Viện Vật liệu Gốc",
      kind: "institute",
      fieldIds: [fields[0]!.id],
    });
    const duplicate = await makeOrganization({
      nameVi: "Viện Vật liệu (bản trùng)",
      kind: "institute",
      website: "https://vat-lieu.example.vn",
      verified: true,
      fieldIds: [fields[1]!.id, fields[2]!.id],
    });
    const unit = await makeOrganization({ nameVi: "Phòng thí nghiệm con", parentId: duplicate.id });
    const researcher = await member("researcher");
    const expert = await prisma.expertProfile.create({
      data: {
        userId: researcher.id,
        slug: `expert-merge-${counter}`,
        fullName: "Đỗ Thị Lan",
        affiliationId: duplicate.id,
        status: "published",
      },
    });
    const requester = await member();
    const request = await prisma.techRequest.create({
      data: {
        authorId: requester.id,
        organizationId: duplicate.id,
        companyName: "Công ty A",
        sector: "manufacturing",
        companySize: "small",
        title: "Cần đo vật liệu",
        problem: "…",
        desiredOutcome: "…",
        trl: 4,
        budget: "under_100m",
        deadline: new Date(Date.now() + 30 * 86_400_000),
        visibility: "public",
        status: "open",
      },
    });
    await prisma.organizationManager.create({ data: { userId: manager.id, organizationId: duplicate.id } });
    await prisma.organizationRedirect.create({
      data: { fromSlug: `older-name-${counter}`, organizationId: duplicate.id },
    });

    const offer = await makeOffer({ organizationId: duplicate.id, type: "equipment", nameVi: "Máy nhiễu xạ tia X" });

    const before = await auditCount();
    const result = await mergeOrganizations(duplicate.id, survivor.id, official.id, "Cùng một viện");
    // The duplicate's offers are the survivor's now, not deleted with it, and name it.
    const moved = await prisma.offer.findUniqueOrThrow({ where: { id: offer.id } });
    expect(moved.organizationId).toBe(survivor.id);
    expect(moved.searchText).toContain("vien vat lieu goc");
    expect(result.moved).toMatchObject({ experts: 1, children: 1, managers: 1 });

    expect(await prisma.organization.findUnique({ where: { id: duplicate.id } })).toBeNull();
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { id: expert.id } })).affiliationId).toBe(
      survivor.id,
    );
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: unit.id } })).parentId).toBe(survivor.id);
    expect((await prisma.techRequest.findUniqueOrThrow({ where: { id: request.id } })).organizationId).toBe(
      survivor.id,
    );
    // Managing the duplicate is no proof of managing the survivor: a pending claim, not a manager.
    expect(await prisma.organizationManager.count({ where: { userId: manager.id, organizationId: survivor.id } })).toBe(
      0,
    );
    expect(
      await prisma.organizationClaim.count({
        where: { userId: manager.id, organizationId: survivor.id, status: "pending" },
      }),
    ).toBe(1);
    const merged = await prisma.organization.findUniqueOrThrow({
      where: { id: survivor.id },
      include: { fields: true },
    });
    expect(merged.fields.map((link) => link.fieldId).sort()).toEqual(fields.map((field) => field.id).sort());
    // The survivor keeps its own facts and gains the ones it lacked.
    expect(merged).toMatchObject({
      nameVi: "Viện Vật liệu Gốc",
      website: "https://vat-lieu.example.vn",
      verified: true,
    });

    // Old addresses, including one that already redirected to the duplicate, lead to the survivor.
    expect(await redirectFor(duplicate.slug)).toBe(survivor.slug);
    expect(await redirectFor(`older-name-${counter}`)).toBe(survivor.slug);

    // Nothing points at the deleted listing any more.
    const orphans = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT COUNT(*) FROM ExpertProfile WHERE affiliationId = ${duplicate.id})
           + (SELECT COUNT(*) FROM Organization WHERE parentId = ${duplicate.id})
           + (SELECT COUNT(*) FROM TechRequest WHERE organizationId = ${duplicate.id})
           + (SELECT COUNT(*) FROM OrganizationManager WHERE organizationId = ${duplicate.id})
           + (SELECT COUNT(*) FROM OrganizationField WHERE organizationId = ${duplicate.id})
           + (SELECT COUNT(*) FROM OrganizationRedirect WHERE organizationId = ${duplicate.id}) AS n`;
    expect(Number(orphans[0]!.n)).toBe(0);
    // The index hears about the deletion, the survivor, the unit and the expert.
    const queued = await prisma.searchOutbox.findMany({
      where: { processedAt: null, entityId: { in: [duplicate.id, survivor.id, unit.id, expert.id] } },
    });
    expect(new Set(queued.map((row) => row.entityId))).toEqual(
      new Set([duplicate.id, survivor.id, unit.id, expert.id]),
    );

    expect(await auditCount()).toBe(before + 1);
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { action: "organization.merge", entityId: survivor.id },
    });
    expect(entry.reason).toBe("Cùng một viện");
    expect(JSON.parse(entry.before!).duplicate.slug).toBe(duplicate.slug);
  });

  test("a listing cannot be merged into itself, and a failed merge logs nothing", async () => {
    const organization = await makeOrganization();
    const before = await auditCount();
    await expect(mergeOrganizations(organization.id, organization.id, official.id)).rejects.toThrow(
      "curation.sameOrganization",
    );
    await expect(mergeOrganizations(organization.id, "no-such-id", official.id)).rejects.toThrow("curation.notFound");
    expect(await prisma.organization.findUnique({ where: { id: organization.id } })).not.toBeNull();
    expect(await auditCount()).toBe(before);
  });
});

describe("verify, archive, restore", () => {
  test("each change writes one audit entry with before and after; repeating it changes and logs nothing", async () => {
    const organization = await makeOrganization();
    const before = await auditCount();
    expect(await changeOrganization(organization.id, "verify", official.id)).toBe(true);
    expect(await changeOrganization(organization.id, "verify", official.id)).toBe(false);
    expect(await changeOrganization(organization.id, "archive", official.id, "Đã giải thể")).toBe(true);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe("archived");
    expect(await changeOrganization(organization.id, "restore", official.id)).toBe(true);
    expect(await auditCount()).toBe(before + 3);
    const entries = await prisma.auditEntry.findMany({
      where: { entityId: organization.id },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => entry.action)).toEqual([
      "organization.verify",
      "organization.archive",
      "organization.restore",
    ]);
    expect(JSON.parse(entries[1]!.before!).status).toBe("published");
    expect(JSON.parse(entries[1]!.after!).status).toBe("archived");
    expect(entries[1]!.reason).toBe("Đã giải thể");
  });

  test("request and claim reviews are audited too", async () => {
    const requester = await member();
    const request = await prisma.techRequest.create({
      data: {
        authorId: requester.id,
        companyName: "Công ty B",
        sector: "manufacturing",
        companySize: "small",
        title: "Đặt hàng để duyệt",
        problem: "…",
        desiredOutcome: "…",
        trl: 4,
        budget: "under_100m",
        deadline: new Date(Date.now() + 30 * 86_400_000),
        visibility: "public",
        status: "pending",
      },
    });
    await reviewRequest(request.id, official.id, { approve: false, note: "Thiếu mô tả" });
    expect(
      await prisma.auditEntry.count({
        where: { action: "request.reject", entityId: request.id, reason: "Thiếu mô tả" },
      }),
    ).toBe(1);
  });
});

describe("stale listings", () => {
  test("a listing not updated for 12 months is flagged once and its managers are asked; a confirmation clears it", async () => {
    const organization = await makeOrganization({ nameVi: "Trung tâm Lâu năm" });
    await prisma.organizationManager.create({ data: { userId: manager.id, organizationId: organization.id } });
    const old = new Date(Date.now() - STALE_AFTER_MS - 86_400_000);
    await prisma.$executeRaw`UPDATE Organization SET updatedAt = ${old} WHERE id = ${organization.id}`;
    const asked = () =>
      prisma.notification.count({
        where: { userId: manager.id, data: { contains: "Trung tâm Lâu năm" }, url: { endsWith: "/edit" } },
      });

    const lastEdit = (await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).updatedAt;
    expect(await flagStaleListings()).toBeGreaterThanOrEqual(1);
    const flagged = await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(flagged.staleSince).not.toBeNull();
    // The flag is not an edit: the page's "updated" date and the console's still say a year ago.
    expect(flagged.updatedAt).toEqual(lastEdit);
    expect(await asked()).toBe(1);
    await flagStaleListings();
    expect(await asked()).toBe(1); // asked once, not every hour

    const { confirmOrganization } = await import("~/models/curation.server");
    await confirmOrganization(organization.id, manager.id);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).staleSince).toBeNull();
    await flagStaleListings();
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).staleSince).toBeNull();
  });
});

describe("bulk import", () => {
  const csv = (lines: string[]) => lines.join("\n");
  const refusal = async (name: string, text: string) => {
    const parsed = await parseImportFile(name, text);
    return parsed.ok ? null : parsed.problem.key;
  };
  async function plan(name: string, text: string) {
    const parsed = await parseImportFile(name, text);
    if (!parsed.ok) throw new Error(`file refused: ${parsed.problem.key}`);
    return planImport(parsed.rows);
  }

  test("a malformed file, unknown or missing columns and an empty file are refused as a whole", async () => {
    expect(await refusal("x.json", "[{]")).toBe("import.file.malformed");
    expect(await refusal("x.json", '{"not": "a list"}')).toBe("import.file.malformed");
    expect(await refusal("x.csv", 'kind,nameVi\nlab,"unclosed')).toBe("import.file.malformed");
    expect(await refusal("x.csv", "kind,nameVi,colour\nlab,A,red")).toBe("import.file.unknownColumns");
    expect(await refusal("x.csv", "nameVi\nA")).toBe("import.file.missingColumns");
    expect(await refusal("x.csv", "kind,nameVi\n")).toBe("import.file.empty");
  });

  test("the dry run says what each row would do and why, and changes nothing", async () => {
    const existing = await makeOrganization({ nameVi: "Viện Sẵn có", kind: "institute" });
    const field = await prisma.field.findFirstOrThrow({ where: { parentId: { not: null } } });
    const rows = await plan(
      "orgs.csv",
      csv([
        "slug,kind,nameVi,nameEn,website,foundedYear,fields,parent,verified,district",
        `,lab,Phòng thí nghiệm Mới Một,New Lab One,https://new1.example.vn,2015,${field.slug},${existing.slug},true,`,
        `${existing.slug},,,Existing Institute,,,,,,`,
        `${existing.slug},,,,,,,,,`,
        ",planet,Tên,,,,,,,",
        ",lab,,,,,,,,",
        ",lab,Sai,,ftp://x,1700,no-such-field,no-such-parent,maybe,no-such-district",
        ",institute,Viện Sẵn có,,,,,,,",
        ",lab,Phòng thí nghiệm Mới Một,,,,,,,",
      ]),
    );
    const outcomes = rows.rows.map((row) => row.outcome);
    expect(outcomes).toEqual(["create", "update", "reject", "reject", "reject", "reject", "reject", "reject"]);
    const problems = (index: number) => {
      const row = rows.rows[index]!;
      return row.outcome === "reject" ? row.problems.map((problem) => problem.key) : [];
    };
    expect(problems(2)).toEqual(["import.problem.duplicateRow"]);
    expect(problems(3)).toContain("import.problem.kind");
    expect(problems(4)).toContain("import.problem.nameRequired");
    expect(problems(5)).toEqual(
      expect.arrayContaining([
        "import.problem.url",
        "import.problem.year",
        "import.problem.field",
        "import.problem.parent",
        "import.problem.verified",
        "import.problem.district",
      ]),
    );
    expect(problems(6)).toEqual(["import.problem.duplicateListing"]);
    expect(problems(7)).toEqual(["import.problem.duplicateRow"]);
    expect(rows.counts).toEqual({ create: 1, update: 1, unchanged: 0, reject: 6 });
  });

  test("a file with a rejected row imports nothing; a good file imports whole, with one audit entry", async () => {
    const count = () => prisma.organization.count();
    const before = { organizations: await count(), audit: await auditCount() };
    const bad = await plan("bad.csv", csv(["kind,nameVi", "lab,Phòng A Nhập", "lab,"]));
    await expect(applyImport(bad, { actorId: official.id, fileName: "bad.csv" })).rejects.toBeInstanceOf(
      ImportRefusedError,
    );
    expect(await count()).toBe(before.organizations);
    expect(await auditCount()).toBe(before.audit);

    const good = await plan(
      "good.json",
      JSON.stringify([
        { kind: "lab", nameVi: "Phòng B Nhập", parent: "phong-c-nhap" },
        { slug: "phong-c-nhap", kind: "institute", nameVi: "Viện C Nhập", verified: true, fields: [] },
      ]),
    );
    expect(good.counts.reject).toBe(0);
    await applyImport(good, { actorId: official.id, fileName: "good.json" });
    expect(await count()).toBe(before.organizations + 2);
    const child = await prisma.organization.findFirstOrThrow({
      where: { nameVi: "Phòng B Nhập" },
      include: { parent: true },
    });
    expect(child.parent?.slug).toBe("phong-c-nhap"); // a parent later in the file is found
    expect(child.searchText).toContain("phong b nhap");
    expect(await auditCount()).toBe(before.audit + 1);
    const entry = await prisma.auditEntry.findFirstOrThrow({
      where: { action: "organization.import" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(entry.after!)).toMatchObject({ created: 2, updated: 0 });
  });

  test("an import that fails half-way leaves the database as it was", async () => {
    const good = await plan(
      "race.csv",
      csv(["slug,kind,nameVi", "race-one,lab,Phòng Đua Một", "race-two,lab,Phòng Đua Hai"]),
    );
    // Someone takes the second address after the dry run: the whole file rolls back.
    await makeOrganization({ slug: "race-two" });
    const before = await prisma.organization.count();
    await expect(applyImport(good, { actorId: official.id, fileName: "race.csv" })).rejects.toThrow();
    expect(await prisma.organization.count()).toBe(before);
    expect(await prisma.organization.findUnique({ where: { slug: "race-one" } })).toBeNull();
  });
});
