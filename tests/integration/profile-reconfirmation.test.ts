import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "~/db/client.server";
import { HIDE_AFTER_STALE_DAYS, RECONFIRM_AFTER_DAYS } from "~/domain/offer-values";
import { getPublishedExpert, getPublishedExpertCards, saveProfile } from "~/models/expert.server";
import { loadCandidateExperts } from "~/models/match-candidates.server";
import { confirmProfile, runProfileClock } from "~/models/profile-reconfirmation.server";
import { searchExperts } from "~/models/search-gateway.server";
import { expertsPageQuerySchema } from "~/utils/list-queries";
import { ExpertProfileSchema } from "~/validation/expert";
import { hex, makeUser } from "../factories";
import { drainOutbox, seedAndIndex, withEngineDown } from "./helpers";

/**
 * The yearly reconfirmation of expertise profiles (docs/decisions/071): stale after a
 * year without an update or a confirmation (the researcher told once, by notification
 * and mail), hidden from search, the API and matching some months later, back at once
 * when confirmed or edited; the first run after the upgrade hides nobody.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await seedAndIndex();
}, 180_000);

async function publishedProfile() {
  const word = `xylanaza${hex()}`;
  const user = await makeUser({ label: "reconfirm", accountType: "researcher" });
  const form = ExpertProfileSchema.parse({
    intent: "publish",
    title: "ts",
    fullName: `Trần Văn ${hex()}`,
    fieldSlugs: ["analytical-chemistry"],
    keywords: word,
    bioVi: `Nghiên cứu enzyme ${word} cho chế biến thức ăn chăn nuôi.`,
  });
  const saved = await saveProfile(user.id, form);
  if (!saved.ok) throw new Error("profile not saved");
  const profile = await prisma.expertProfile.findUniqueOrThrow({ where: { userId: user.id } });
  await drainOutbox();
  return { user, profile, word };
}

/** A profile last touched `days` ago and never confirmed: how profiles from before the upgrade look. */
async function ageProfile(id: string, days: number) {
  await prisma.expertProfile.update({
    where: { id },
    data: { updatedAt: new Date(Date.now() - days * DAY_MS), confirmedAt: null },
  });
}

const listed = async (word: string) =>
  (await searchExperts({ ...expertsPageQuerySchema.parse({ q: word }), fields: [], perPage: 20 })).hits.map(
    (hit) => hit.id,
  );

const notices = (userId: string) =>
  prisma.notification.findMany({ where: { userId }, select: { data: true, url: true }, orderBy: { createdAt: "asc" } });

describe("the yearly clock", () => {
  test("a profile untouched for a year is flagged once, its researcher told and mailed once", async () => {
    const { user, profile } = await publishedProfile();
    await ageProfile(profile.id, RECONFIRM_AFTER_DAYS - 1);
    await runProfileClock();
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } })).staleSince).toBeNull();

    await ageProfile(profile.id, RECONFIRM_AFTER_DAYS + 1);
    await runProfileClock();
    await runProfileClock();
    const flagged = await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(flagged.staleSince).not.toBeNull();
    expect(flagged.hiddenAt).toBeNull();
    const told = await notices(user.id);
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.data).key).toBe("notify.profileStale");
    expect(told[0]!.url).toBe("/me/profile#confirm-profile");
    const mails = await prisma.mailMessage.findMany({ where: { to: user.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("/me/profile#confirm-profile");
    expect(mails[0]!.subject).toMatch(/xác nhận/i);
  });

  test("the first run after the upgrade flags old profiles and hides none", async () => {
    const { profile } = await publishedProfile();
    await ageProfile(profile.id, 3 * RECONFIRM_AFTER_DAYS);
    const lastChange = (await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } })).updatedAt;
    await runProfileClock();
    const after = await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(after.staleSince).not.toBeNull();
    expect(after.hiddenAt).toBeNull();
    // Flagging is not an edit: the profile's last-change time stays.
    expect(after.updatedAt).toEqual(lastChange);
  });

  test("hidden after a further stretch: out of search (engine and database), the API and matching; a confirmation brings it back", async () => {
    const { user, profile, word } = await publishedProfile();
    expect(await listed(word)).toEqual([profile.id]);

    await ageProfile(profile.id, RECONFIRM_AFTER_DAYS + 1);
    const flaggedAt = new Date();
    await runProfileClock(flaggedAt);
    await runProfileClock(new Date(flaggedAt.getTime() + (HIDE_AFTER_STALE_DAYS - 1) * DAY_MS));
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } })).hiddenAt).toBeNull();
    await runProfileClock(new Date(flaggedAt.getTime() + (HIDE_AFTER_STALE_DAYS + 1) * DAY_MS));
    expect((await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } })).hiddenAt).not.toBeNull();
    expect(JSON.parse((await notices(user.id)).at(-1)!.data).key).toBe("notify.profileHidden");
    await drainOutbox();

    expect(await listed(word)).toEqual([]);
    expect(await withEngineDown(() => listed(word))).toEqual([]);
    expect(await getPublishedExpertCards([profile.id])).toEqual([]);
    expect(await getPublishedExpert(profile.slug)).toBeNull();
    expect(await loadCandidateExperts([profile.id], prisma)).toEqual([]);
    // Its researcher still sees it.
    expect(await getPublishedExpert(profile.slug, user.id)).not.toBeNull();

    expect(await confirmProfile(user.id)).toBe(true);
    const confirmed = await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(confirmed).toMatchObject({ staleSince: null, hiddenAt: null });
    expect(confirmed.confirmedAt).not.toBeNull();
    await drainOutbox();
    expect(await listed(word)).toEqual([profile.id]);
    expect(await withEngineDown(() => listed(word))).toEqual([profile.id]);
    expect(await loadCandidateExperts([profile.id], prisma)).toHaveLength(1);
    expect(await getPublishedExpert(profile.slug)).not.toBeNull();
  });

  test("editing the profile confirms it too", async () => {
    const { user, profile } = await publishedProfile();
    await prisma.expertProfile.update({
      where: { id: profile.id },
      data: { staleSince: new Date(), hiddenAt: new Date() },
    });
    const form = ExpertProfileSchema.parse({
      intent: "publish",
      title: "ts",
      fullName: profile.fullName,
      fieldSlugs: ["analytical-chemistry"],
      bioVi: "Hồ sơ đã cập nhật.",
    });
    await saveProfile(user.id, form);
    expect(await prisma.expertProfile.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({
      staleSince: null,
      hiddenAt: null,
      confirmedAt: expect.any(Date),
    });
  });

  test("only a published profile can be confirmed", async () => {
    const user = await makeUser({ label: "reconfirm-none" });
    expect(await confirmProfile(user.id)).toBe(false);
  });
});
