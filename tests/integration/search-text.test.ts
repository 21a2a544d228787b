import { beforeAll, describe, expect, test } from "vitest";
import { DOCUMENT_FORMAT } from "#search/document-format";
import { prisma } from "~/db/client.server";
import { refreshEventSearchText } from "~/models/event.server";
import { refreshExpertSearchText, saveProfile } from "~/models/expert.server";
import { refreshOfferSearchFields } from "#search/offer-document";
import { refreshSearchText } from "~/models/organization.server";
import { searchExperts } from "~/models/search-gateway.server";
import { refreshStaleSearchText, searchTextFormat } from "~/models/search-text.server";
import { ExpertProfileSchema } from "~/validation/expert";
import { makeEvent, makeOffer, makeOrganization, makeUser, word } from "../factories";
import { seedAndIndex, withEngineDown } from "./helpers";

/**
 * Rows written before a change of what search text holds (docs/decisions/081): a
 * start refreshes their search columns once, without touching their edit times,
 * and the database fallback then finds them as the engine does.
 */
const token = word();
const ids = { organization: "", expert: "", offer: "", event: "" };

beforeAll(async () => {
  await seedAndIndex();
  ids.organization = (await makeOrganization({ nameVi: `Phòng thí nghiệm ${token}`, district: "cau-giay" })).id;
  const user = await makeUser({ label: "abroad", accountType: "researcher", password: null });
  const saved = await saveProfile(
    user.id,
    ExpertProfileSchema.parse({
      intent: "publish",
      title: "ts",
      fullName: `Chuyên Gia ${token}`,
      fieldSlugs: ["solar-energy"],
      bioVi: `Nghiên cứu pin mặt trời ${token}.`,
      country: "JP",
      institutionAbroad: "Đại học ví dụ, Kyoto",
      workModes: "visits",
      languages: "ja",
    }),
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  ids.expert = (await prisma.expertProfile.findUniqueOrThrow({ where: { userId: user.id } })).id;
  ids.offer = (await makeOffer({ organizationId: ids.organization, nameVi: `Đo mẫu ${token}` })).id;
  ids.event = (await makeEvent({ titleVi: `Hội thảo ${token}` })).id;
  // The factory writes the row alone; the portal's own write adds its search text.
  await refreshEventSearchText(ids.event, prisma);
}, 120_000);

/** Each row's search columns and edit time. */
async function columns() {
  return {
    organization: await prisma.organization.findUniqueOrThrow({
      where: { id: ids.organization },
      select: { searchText: true, sortNameVi: true, sortNameEn: true, updatedAt: true },
    }),
    expert: await prisma.expertProfile.findUniqueOrThrow({
      where: { id: ids.expert },
      select: { searchText: true, updatedAt: true },
    }),
    offer: await prisma.offer.findUniqueOrThrow({
      where: { id: ids.offer },
      select: { searchText: true, sortNameVi: true, sortNameEn: true, updatedAt: true },
    }),
    event: await prisma.event.findUniqueOrThrow({ where: { id: ids.event }, select: { searchText: true } }),
  };
}

const japanese = () =>
  withEngineDown(async () =>
    (await searchExperts({ q: "Nhật Bản", areas: [], fields: [], extra: [], page: 1, perPage: 50 })).hits.map(
      (hit) => hit.id,
    ),
  );

describe("search text written for an older format", () => {
  test("is brought to the current one once, edit times kept; then the fallback finds what the engine finds", async () => {
    const current = await columns();
    // As a database from before the country's name was search text would hold them.
    await prisma.$executeRawUnsafe(
      `UPDATE Organization SET searchText = 'cu', sortNameVi = 'cu', sortNameEn = 'cu' WHERE id = ?`,
      ids.organization,
    );
    await prisma.$executeRawUnsafe(`UPDATE ExpertProfile SET searchText = 'chuyen gia' WHERE id = ?`, ids.expert);
    await prisma.$executeRawUnsafe(`UPDATE Offer SET searchText = 'cu', sortNameVi = 'cu' WHERE id = ?`, ids.offer);
    await prisma.$executeRawUnsafe(`UPDATE Event SET searchText = 'cu' WHERE id = ?`, ids.event);
    await prisma.$executeRawUnsafe(`PRAGMA user_version = ${DOCUMENT_FORMAT - 1}`);
    expect(await japanese()).not.toContain(ids.expert);

    const refreshed = await refreshStaleSearchText();
    expect(refreshed).toMatchObject({ from: DOCUMENT_FORMAT - 1, to: DOCUMENT_FORMAT });
    expect(refreshed!.changed).toBeGreaterThanOrEqual(4);
    expect(refreshed!.rows).toBeGreaterThan(refreshed!.changed);
    expect(await searchTextFormat()).toBe(DOCUMENT_FORMAT);
    expect(await columns()).toEqual(current);
    expect(await japanese()).toContain(ids.expert);

    // What each row's own refresh (run by every edit) writes: the same.
    await refreshSearchText(ids.organization, prisma);
    await refreshExpertSearchText(ids.expert, prisma);
    await refreshOfferSearchFields(prisma, ids.offer);
    await refreshEventSearchText(ids.event, prisma);
    // (Their Prisma updates move the edit time; only the search columns are compared.)
    const searchColumns = (all: Awaited<ReturnType<typeof columns>>) =>
      Object.fromEntries(
        Object.entries(all).map(([table, row]) => {
          const { updatedAt: _updatedAt, ...search } = row as typeof row & { updatedAt?: Date };
          return [table, search];
        }),
      );
    expect(searchColumns(await columns())).toEqual(searchColumns(current));

    // Current: nothing read, nothing written.
    expect(await refreshStaleSearchText()).toBeNull();
  });

  test("a start that is closing stops between batches and leaves the format for the next", async () => {
    await prisma.$executeRawUnsafe(`PRAGMA user_version = 0`);
    expect(await refreshStaleSearchText({ shouldStop: () => true })).toBeNull();
    expect(await searchTextFormat()).toBe(0);
    expect(await refreshStaleSearchText()).toMatchObject({ from: 0, to: DOCUMENT_FORMAT, changed: 0 });
  });
});
