import { beforeAll, describe, expect, test } from "vitest";
import { listExperts } from "~/api/experts.server";
import { prisma } from "~/db/client.server";
import { saveProfile } from "~/models/expert.server";
import { searchListingPage } from "~/models/listing-page.server";
import { searchExperts, type ListingQuery } from "~/models/search-gateway.server";
import { ExpertProfileSchema } from "~/validation/expert";
import { makeOrganization, makeUser, word } from "../factories";
import { drainOutbox, seedAndIndex, withEngineDown } from "./helpers";

/**
 * The experts list's "Đã xác minh đơn vị công tác" filter (docs/decisions/069): the same
 * profiles in the engine, the database fallback, the page and the API, decided as the badge
 * on a card is (app/domain/affiliation.ts): verified for the affiliation shown now, and that
 * affiliation published.
 */
const token = word();
const ids = { verified: "", moved: "", unpublished: "", none: "" };
const slugs = { verified: "" };

async function profile(fullName: string, affiliation: { id: string } | null, verifiedFor: { id: string } | null) {
  const user = await makeUser({ label: "verified-expert", accountType: "researcher", password: null });
  const saved = await saveProfile(
    user.id,
    ExpertProfileSchema.parse({
      intent: "publish",
      title: "ts",
      fullName,
      fieldSlugs: ["solar-energy"],
      keywords: `${token}, pin mặt trời`,
      bioVi: `Nghiên cứu pin mặt trời ${token}.`,
    }),
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  // Read by the outbox when drained: the index gets the verification as it stands then.
  return prisma.expertProfile.update({
    where: { userId: user.id },
    data: {
      affiliationId: affiliation?.id ?? null,
      ...(verifiedFor
        ? {
            affiliationVerifiedAt: new Date(),
            affiliationVerifiedBy: "email",
            affiliationEmail: `${user.id}@example.edu.vn`,
            affiliationVerifiedOrgId: verifiedFor.id,
          }
        : {}),
    },
    select: { id: true, slug: true },
  });
}

beforeAll(async () => {
  await seedAndIndex();
  const university = await makeOrganization({ label: "verified-home", website: "https://example.edu.vn" });
  const before = await makeOrganization({ label: "verified-before" });
  const pending = await makeOrganization({ label: "verified-pending", status: "pending" });
  const verified = await profile("Chuyên Gia Đã Xác Minh", university, university);
  ids.verified = verified.id;
  slugs.verified = verified.slug;
  // Verified for the affiliation it had before: not for the one it shows now.
  ids.moved = (await profile("Chuyên Gia Đã Chuyển", university, before)).id;
  // Verified, but its listing is not published: the card shows no affiliation, so no badge.
  ids.unpublished = (await profile("Chuyên Gia Đơn Vị Chờ", pending, pending)).id;
  ids.none = (await profile("Chuyên Gia Chưa Xác Minh", null, null)).id;
  await drainOutbox();
}, 120_000);

describe("the experts' verified filter", () => {
  const query: ListingQuery = { q: token, areas: [], fields: [], extra: [], page: 1, perPage: 20 };
  const idsOf = (found: { hits: { id: string }[] }) => new Set(found.hits.map((hit) => hit.id));

  test("the engine counts and filters, and the database fallback filters the same profiles", async () => {
    const all = await searchExperts(query);
    expect(all.mode).toBe("engine");
    expect(idsOf(all)).toEqual(new Set(Object.values(ids)));
    expect(all.facets.affiliationVerified).toEqual({ true: 1, false: 3 });
    const engine = await searchExperts({ ...query, verifiedOnly: true });
    const database = await withEngineDown(() => searchExperts({ ...query, verifiedOnly: true }));
    expect(database.mode).toBe("database");
    expect(idsOf(engine)).toEqual(new Set([ids.verified]));
    expect(idsOf(database)).toEqual(new Set([ids.verified]));
    const everyone = await withEngineDown(() => searchExperts({ ...query, verifiedOnly: false }));
    expect(idsOf(everyone)).toEqual(new Set(Object.values(ids)));
  });

  test("the page reads ?verified=1, shows the box checked with its count, and keeps it in its links", async () => {
    const url = (search: string) => new URL(`https://portal.example/experts?q=${token}&${search}`);
    const page = await searchListingPage("experts", url("verified=1"), "vi");
    expect(page.ids).toEqual([ids.verified]);
    expect(page.verified).toEqual([{ value: "1", label: "Đã xác minh đơn vị công tác", count: 1, selected: true }]);
    expect(page.params).toMatchObject({ verifiedOnly: true });
    const unfiltered = await searchListingPage("experts", url(""), "vi");
    expect(unfiltered.verified).toEqual([
      { value: "1", label: "Đã xác minh đơn vị công tác", count: 1, selected: false },
    ]);
    // Without the engine: the same profiles, no count.
    const fallback = await withEngineDown(() => searchListingPage("experts", url("verified=1"), "vi"));
    expect(fallback.ids).toEqual([ids.verified]);
    expect(fallback.verified[0]).toMatchObject({ count: null, selected: true });
    const bad = await searchListingPage("experts", url("verified=maybe"), "vi");
    expect(bad.problems).toEqual([{ key: "error.verified.invalid", params: { value: "maybe" } }]);
  });

  test("the API's verified=true lists the same profile, each saying affiliationVerified", async () => {
    const origin = "https://portal.example";
    const list = (await listExperts({
      params: {},
      url: new URL(`${origin}/api/v1/experts?q=${token}&verified=true`),
      origin,
    } as never)) as { data: { slug: string; affiliationVerified: boolean }[] };
    expect(list.data.map((row) => [row.slug, row.affiliationVerified])).toEqual([[slugs.verified, true]]);
  });
});
