import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import { MAX_PROFILE_LINKS } from "~/domain/expert-values";
import { saveProfile } from "~/models/expert.server";
import { seedDirectory } from "~/models/seed.server";
import { importPublications, MAX_IMPORT_ENTRIES, previewImport } from "~/models/publication-import.server";
import { readCitationFile, type CitationEntry } from "~/utils/citation-files";
import { ExpertProfileSchema } from "~/validation/expert";
import { makeUser } from "../factories";

/**
 * Publications from the files Google Scholar and Scopus export (docs/decisions/071):
 * LaTeX accents and Vietnamese, duplicates by DOI and by title and year (also within
 * one file), the limits, broken files; and the ORCID iD on the profile form.
 */
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures", name), "utf8");

function entriesOf(text: string): CitationEntry[] {
  const read = readCitationFile(text);
  if ("problem" in read) throw new Error(`unreadable: ${JSON.stringify(read)}`);
  return read.entries;
}

const profileForm = (fields: Record<string, unknown> = {}) =>
  ExpertProfileSchema.safeParse({
    intent: "publish",
    title: "ts",
    fullName: "Nguyễn Thị Lan",
    fieldSlugs: ["analytical-chemistry"],
    bioVi: "Nghiên cứu vi sinh thực phẩm và cây lúa chịu hạn.",
    ...fields,
  });

async function researcher() {
  const user = await makeUser({ label: "pubs", accountType: "researcher" });
  const form = profileForm();
  if (!form.success) throw form.error;
  const saved = await saveProfile(user.id, form.data);
  if (!saved.ok) throw new Error("profile not saved");
  return user;
}

const linksOf = (userId: string) =>
  prisma.expertLink.findMany({
    where: { expert: { userId } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      kind: true,
      title: true,
      authors: true,
      venue: true,
      year: true,
      doi: true,
      url: true,
      source: true,
    },
  });

beforeAll(async () => {
  await seedDirectory();
}, 120_000);

describe("reading the files", () => {
  test("a Google Scholar BibTeX file: LaTeX accents become Vietnamese letters, names read 'Family, Given'", () => {
    const [vi, rice, sensor] = entriesOf(fixture("scholar-nguyen.bib"));
    expect(vi).toEqual({
      title: "Tuyển chọn chủng vi khuẩn lactic từ nem chua Hà Nội",
      authors: "Nguyễn, Thị Lan; Trần, Văn Minh; Müller, Jörg",
      venue: "Tạp chí Khoa học và Công nghệ",
      year: 2021,
      doi: null,
      url: null,
    });
    expect(rice).toMatchObject({ doi: "10.1016/j.fcr.2020.107863", venue: "Field Crops Research", year: 2020 });
    expect(sensor?.venue).toMatch(/^2019 International Conference/);
  });

  test("a Scopus RIS file", () => {
    const entries = entriesOf(fixture("scopus-nguyen.ris"));
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({
      title: "Ứng dụng học máy dự báo chất lượng không khí tại Hà Nội",
      authors: "Nguyễn, T.L.; Lê, H.",
      venue: "Vietnam Journal of Science and Technology",
      year: 2022,
      doi: "10.15625/2525-2518/16820",
      url: "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85130000000",
    });
    expect(entries[1]?.doi).toBe("10.1016/j.fcr.2020.107863");
  });

  test("a 2 MB record of 300,000 author lines is read in one walk, keeping its first authors", () => {
    const authors = Array.from({ length: 300_000 }, () => "AU  - ").join("\n");
    const text = `TY  - JOUR\nTI  - Một bài rất dài\nAU  - Nguyễn, T.L.\n${authors}\nPY  - 2021\nER  - \n`;
    const entries = entriesOf(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ title: "Một bài rất dài", year: 2021 });
    expect(entries[0]!.authors?.startsWith("Nguyễn, T.L.")).toBe(true);
  });

  test("a broken file says what is wrong and where", () => {
    expect(readCitationFile("@article{a,\n  title={Unclosed\n")).toMatchObject({
      problem: "malformed",
      format: "bibtex",
      line: expect.any(Number),
    });
    expect(readCitationFile("TY  - JOUR\nTI  - Thiếu dòng kết thúc\n")).toMatchObject({
      problem: "malformed",
      format: "ris",
      line: 3,
    });
    expect(readCitationFile("Danh sách công bố của tôi")).toEqual({ problem: "unknownFormat" });
    expect(readCitationFile("@comment{nothing here}\n@article{x, year={2020}}")).toMatchObject({ problem: "empty" });
  });
});

describe("importing", () => {
  test("the preview merges the file's own duplicates and marks what the profile lists; the import adds the ticked ones once", async () => {
    const user = await researcher();
    const bib = entriesOf(fixture("scholar-nguyen.bib"));
    const first = await previewImport(user.id, bib);
    // The fourth entry is the second one again (same title and year): one entry, the URL taken from it.
    expect(first!.entries).toHaveLength(3);
    expect(first!.entries.map((entry) => entry.listed)).toEqual([false, false, false]);
    expect(first!.entries[1]!.url).toBe("https://www.sciencedirect.com/science/article/pii/S0378429020312466");

    expect(await importPublications(user.id, bib, "bibtex")).toEqual({ ok: true, added: 3, merged: 0 });
    const links = await linksOf(user.id);
    expect(links.map((link) => link.title)).toEqual([
      "Tuyển chọn chủng vi khuẩn lactic từ nem chua Hà Nội",
      "Drought tolerance of Vietnamese rice landraces under field conditions",
      "A low-cost IoT sensor network for monitoring water quality in the Red River delta",
    ]);
    expect(links.every((link) => link.kind === "publication" && link.source === "bibtex")).toBe(true);

    // The Scopus file lists the rice paper again (same DOI): it is marked, and merging adds nothing twice.
    const ris = entriesOf(fixture("scopus-nguyen.ris"));
    const second = await previewImport(user.id, ris);
    expect(second!.entries.map((entry) => entry.listed)).toEqual([false, true, false]);
    expect(await importPublications(user.id, ris, "ris")).toEqual({ ok: true, added: 2, merged: 1 });
    const after = await linksOf(user.id);
    expect(after).toHaveLength(5);
    expect(after.filter((link) => link.doi === "10.1016/j.fcr.2020.107863")).toHaveLength(1);
    // A new entry with a DOI and no address links to the DOI.
    expect(after.find((link) => link.doi === "10.15625/2525-2518/16820")?.url).toBe(
      "https://www.scopus.com/inward/record.uri?eid=2-s2.0-85130000000",
    );

    // The same file again: nothing more.
    expect(await importPublications(user.id, ris, "ris")).toEqual({ ok: true, added: 0, merged: 3 });
    expect(await linksOf(user.id)).toHaveLength(5);
  });

  test("a merge by title and year fills what the entry lacks and keeps what it has", async () => {
    const user = await researcher();
    const typed = { title: "Phát hiện sớm bệnh đạo ôn trên lúa bằng ảnh viễn thám", authors: null, venue: null };
    await importPublications(
      user.id,
      [{ ...typed, year: 2023, doi: null, url: "https://example.org/dao-on" }],
      "bibtex",
    );
    const result = await importPublications(
      user.id,
      [
        {
          title: "PHÁT HIỆN SỚM BỆNH ĐẠO ÔN TRÊN LÚA BẰNG ẢNH VIỄN THÁM.",
          authors: "Nguyen, T.L.; Vu, M.",
          venue: "FAIR 2023",
          year: 2023,
          doi: "10.1000/fair.2023.44",
          url: null,
        },
        // Another year: another publication.
        { ...typed, year: 2024, doi: null, url: null },
      ],
      "ris",
    );
    expect(result).toEqual({ ok: true, added: 1, merged: 1 });
    const [merged, other] = await linksOf(user.id);
    expect(merged).toMatchObject({
      title: typed.title,
      authors: "Nguyen, T.L.; Vu, M.",
      venue: "FAIR 2023",
      doi: "10.1000/fair.2023.44",
      url: "https://example.org/dao-on",
    });
    expect(other).toMatchObject({ year: 2024 });
  });

  test("the profile's limit refuses the whole import, writing nothing", async () => {
    const user = await researcher();
    const many = (count: number, from = 0): CitationEntry[] =>
      Array.from({ length: count }, (_, i) => ({
        title: `Công bố số ${from + i}`,
        authors: null,
        venue: null,
        year: 2000 + ((from + i) % 20),
        doi: null,
        url: null,
      }));
    expect(await importPublications(user.id, many(MAX_PROFILE_LINKS - 2), "bibtex")).toMatchObject({ ok: true });
    expect(await importPublications(user.id, many(3, 1000), "bibtex")).toEqual({
      ok: false,
      problem: "tooMany",
      max: MAX_PROFILE_LINKS,
      listed: MAX_PROFILE_LINKS - 2,
    });
    expect(await linksOf(user.id)).toHaveLength(MAX_PROFILE_LINKS - 2);
    expect(MAX_IMPORT_ENTRIES).toBeGreaterThan(MAX_PROFILE_LINKS);
  });

  test("no profile, no import", async () => {
    const user = await makeUser({ label: "pubs-none" });
    expect(await previewImport(user.id, [])).toBeNull();
    expect(await importPublications(user.id, [], "ris")).toEqual({ ok: false, problem: "noProfile" });
  });

  test("saving the profile form keeps what an import brought to the rows it sends back", async () => {
    const user = await researcher();
    await importPublications(user.id, entriesOf(fixture("scopus-nguyen.ris")), "ris");
    const links = await linksOf(user.id);
    const form = profileForm({
      links: links.map((link, i) => ({
        id: link.id,
        kind: "publication",
        title: i === 0 ? `${link.title} (bản sửa)` : link.title,
        url: link.url ?? "",
        year: String(link.year ?? ""),
      })),
    });
    if (!form.success) throw form.error;
    await saveProfile(user.id, form.data);
    const after = await linksOf(user.id);
    expect(after[0]).toMatchObject({
      title: `${links[0]!.title} (bản sửa)`,
      authors: "Nguyễn, T.L.; Lê, H.",
      source: "ris",
    });
    expect(after.map((link) => link.doi)).toEqual(links.map((link) => link.doi));
  });
});

describe("ORCID iD on the profile form", () => {
  test("stored normalised from its link; a wrong check digit is a field message", async () => {
    const user = await researcher();
    const good = profileForm({ orcid: "https://orcid.org/0000000218250097" });
    if (!good.success) throw good.error;
    expect(good.data.orcid).toBe("0000-0002-1825-0097");
    await saveProfile(user.id, good.data);
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { userId: user.id } })).orcid).toBe(
      "0000-0002-1825-0097",
    );
    const bad = profileForm({ orcid: "0000-0002-1825-0098" });
    expect(bad.success).toBe(false);
    expect(bad.error?.flatten().fieldErrors.orcid).toEqual(["publications.orcidInvalid"]);
  });
});
