import { describe, expect, test } from "vitest";
import {
  affiliationStateOf,
  confirmAffiliation,
  decideAffiliationCheck,
  findAffiliationConfirmation,
  LINKS_PER_HOUR,
  pendingAffiliationChecks,
  requestAffiliationCheck,
  requestAffiliationLink,
  saveEmailDomains,
} from "~/models/affiliation.server";
import { getPublishedExpert } from "~/models/expert.server";
import { updateOrganization } from "~/models/organization.server";
import { prisma } from "~/db/client.server";
import { searchClient, indexUid } from "#search/client";
import { requireSearchConfig } from "#search/config";
import { EXPERTS_INDEX } from "#search/indexes";
import { hex, makeOrganization, makeUser } from "../factories";
import { drainOutbox } from "./helpers";

/**
 * Verifying a researcher's affiliation through the model functions the pages call, on a real
 * SQLite file: which addresses count, the mailed link's life, and the officials' check.
 */

process.env.APP_URL = "https://portal.example";

async function researcherAt(organization: { id: string } | null) {
  const user = await makeUser({ accountType: "researcher" });
  const profile = await prisma.expertProfile.create({
    data: {
      userId: user.id,
      slug: `nha-khoa-hoc-${hex()}`,
      fullName: "Nguyễn Thị Lan",
      status: "published",
      affiliationId: organization?.id ?? null,
    },
  });
  return { user, profile };
}

/** The token of the last link mailed to an address, read from the queued mail. */
async function mailedToken(email: string) {
  const mail = await prisma.mailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  expect(mail.headers).toBeNull(); // an account mail: no unsubscribe link
  return /\/affiliation\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
}

describe("which addresses verify an affiliation", () => {
  test("the website's domain and its sub-domains, and listed domains; look-alikes and other domains are refused", async () => {
    const university = await makeOrganization({ label: "hust", website: "https://www.hust.edu.vn" });
    const { user } = await researcherAt(university);
    expect(await requestAffiliationLink(user.id, "lan@hust.edu.vn.evil.com")).toEqual({ ok: false, reason: "domain" });
    expect(await requestAffiliationLink(user.id, "lan@evilhust.edu.vn")).toEqual({ ok: false, reason: "domain" });
    expect(await requestAffiliationLink(user.id, "lan@gmail.com")).toEqual({ ok: false, reason: "domain" });
    expect(await requestAffiliationLink(user.id, "lan@sis.hust.vn")).toEqual({ ok: false, reason: "domain" });
    expect(await prisma.mailMessage.count({ where: { to: { contains: "lan@" } } })).toBe(0);
    expect(await requestAffiliationLink(user.id, "lan@soict.hust.edu.vn")).toEqual({ ok: true });
    await saveEmailDomains(user.id, university.id, ["sis.hust.vn"]);
    expect(await requestAffiliationLink(user.id, "lan@sis.hust.vn")).toEqual({ ok: true });
  });

  test("without a website or listed domain there is nothing to mail: the researcher asks an official", async () => {
    const institute = await makeOrganization({ label: "nodomain", website: null });
    const { user, profile } = await researcherAt(institute);
    expect((await affiliationStateOf(user.id))?.domains).toEqual([]);
    expect(await requestAffiliationLink(user.id, "lan@institute.vn")).toEqual({ ok: false, reason: "domain" });
    const curator = await makeUser({ role: "curator" });
    expect(await requestAffiliationCheck(user.id)).toBe(true);
    expect(await requestAffiliationCheck(user.id)).toBe(true); // a repeat asks nothing more
    expect(await prisma.notification.count({ where: { userId: curator.id, type: "review" } })).toBe(1);
    expect((await pendingAffiliationChecks()).map((check) => check.id)).toContain(profile.id);

    expect(await decideAffiliationCheck(curator.id, profile.id, { approve: true, note: null })).toBe(true);
    expect(await decideAffiliationCheck(curator.id, profile.id, { approve: true, note: null })).toBe(false);
    expect((await affiliationStateOf(user.id))?.verified).toBe(true);
    expect((await getPublishedExpert(profile.slug))?.affiliationVerified).toBe(true);
    expect(await prisma.notification.count({ where: { userId: user.id, type: "review" } })).toBe(1);
  });

  test("a declined check is cleared and the researcher hears why", async () => {
    const institute = await makeOrganization({ label: "declined", website: null });
    const { user, profile } = await researcherAt(institute);
    const curator = await makeUser({ role: "curator" });
    await requestAffiliationCheck(user.id);
    await decideAffiliationCheck(curator.id, profile.id, {
      approve: false,
      note: "Không tìm thấy tên trên trang viện",
    });
    expect((await affiliationStateOf(user.id))?.verified).toBe(false);
    expect((await affiliationStateOf(user.id))?.checkRequested).toBe(false);
    const notification = await prisma.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(notification.data).toContain("Không tìm thấy tên trên trang viện");
  });
});

describe("when the listing's domains change", () => {
  test("a verification by an address they no longer cover lapses and its researcher is told; an official's check stays", async () => {
    const university = await makeOrganization({ label: "usth", website: "https://usth.edu.vn" });
    const manager = await makeUser({ label: "usth-manager" });
    await saveEmailDomains(manager.id, university.id, ["lab-usth.vn"]);
    const byListed = await researcherAt(university);
    const byWebsite = await researcherAt(university);
    const byOfficial = await researcherAt(university);
    for (const [{ user }, email] of [
      [byListed, `lan-${hex()}@lab-usth.vn`],
      [byWebsite, `ha-${hex()}@usth.edu.vn`],
    ] as const) {
      await requestAffiliationLink(user.id, email);
      expect(await confirmAffiliation(user.id, await mailedToken(email))).toBe(true);
    }
    await prisma.expertProfile.update({
      where: { id: byOfficial.profile.id },
      data: {
        affiliationVerifiedAt: new Date(),
        affiliationVerifiedBy: "official",
        affiliationVerifiedOrgId: university.id,
      },
    });
    const verified = async () =>
      Object.fromEntries(
        await Promise.all(
          [byListed, byWebsite, byOfficial].map(
            async ({ user }, n) => [n, (await affiliationStateOf(user.id))?.verified] as const,
          ),
        ),
      );
    expect(await verified()).toEqual({ 0: true, 1: true, 2: true });
    const lastEdit = (await prisma.expertProfile.findUniqueOrThrow({ where: { id: byListed.profile.id } })).updatedAt;
    const lapsedNotes = (userId: string) =>
      prisma.notification.count({ where: { userId, data: { contains: "notify.affiliationLapsed" } } });

    // A manager removes the listed domain: the address at it no longer proves anything.
    await saveEmailDomains(manager.id, university.id, []);
    expect(await verified()).toEqual({ 0: false, 1: true, 2: true });
    expect(await lapsedNotes(byListed.user.id)).toBe(1);
    expect(await lapsedNotes(byWebsite.user.id)).toBe(0);
    const [mail] = await prisma.mailMessage.findMany({
      where: { to: byListed.user.email },
      orderBy: { createdAt: "desc" },
    });
    expect(mail!.text).toContain("/me/profile#affiliation");
    const listed = await prisma.expertProfile.findUniqueOrThrow({ where: { id: byListed.profile.id } });
    expect(listed.affiliationEmail).toBeNull();
    expect(listed.updatedAt).toEqual(lastEdit);
    await drainOutbox();
    const experts = searchClient().index(indexUid(EXPERTS_INDEX.base, requireSearchConfig()));
    expect((await experts.getDocument(byListed.profile.id)).affiliationVerified).toBe(false);

    // The website moves to another domain: so do the addresses that prove work there.
    await updateOrganization(university.id, { website: "https://usth.vn" }, { origin: "portal" });
    expect(await verified()).toEqual({ 0: false, 1: false, 2: true });
    expect(await lapsedNotes(byWebsite.user.id)).toBe(1);
    // An edit that leaves the domains alone withdraws nothing more.
    await updateOrganization(university.id, { nameEn: "USTH" }, { origin: "portal" });
    await saveEmailDomains(manager.id, university.id, []);
    expect(await verified()).toEqual({ 0: false, 1: false, 2: true });
    await drainOutbox();
  });
});

describe("the mailed link", () => {
  test("confirms once, only for its own researcher, and a changed affiliation is no longer verified", async () => {
    const university = await makeOrganization({ label: "vnu", website: "https://vnu.edu.vn" });
    const other = await makeOrganization({ label: "other", website: "https://other.edu.vn" });
    const { user, profile } = await researcherAt(university);
    const { user: stranger } = await researcherAt(university);
    await requestAffiliationLink(user.id, "lan@vnu.edu.vn");
    const token = await mailedToken("lan@vnu.edu.vn");

    expect(await findAffiliationConfirmation(stranger.id, token)).toBeNull();
    expect(await confirmAffiliation(stranger.id, token)).toBe(false);
    expect((await affiliationStateOf(stranger.id))?.verified).toBe(false);
    // Opening the page changes nothing.
    expect(await findAffiliationConfirmation(user.id, token)).not.toBeNull();
    expect((await affiliationStateOf(user.id))?.verified).toBe(false);

    expect(await confirmAffiliation(user.id, token)).toBe(true);
    expect(await confirmAffiliation(user.id, token)).toBe(false); // one use
    expect(await affiliationStateOf(user.id)).toMatchObject({ verified: true, verifiedEmail: "lan@vnu.edu.vn" });
    const page = await getPublishedExpert(profile.slug);
    expect(page?.affiliationVerified).toBe(true);
    expect(JSON.stringify(page)).not.toContain("lan@vnu.edu.vn");

    await prisma.expertProfile.update({ where: { id: profile.id }, data: { affiliationId: other.id } });
    expect((await getPublishedExpert(profile.slug))?.affiliationVerified).toBe(false);
  });

  test("expires after 48 hours; a link asked for another affiliation no longer works", async () => {
    const university = await makeOrganization({ label: "hanu", website: "https://hanu.edu.vn" });
    const other = await makeOrganization({ label: "moved", website: "https://moved.edu.vn" });
    const { user, profile } = await researcherAt(university);
    await requestAffiliationLink(user.id, "a@hanu.edu.vn");
    const expired = await mailedToken("a@hanu.edu.vn");
    await prisma.affiliationConfirmation.updateMany({
      where: { expertId: profile.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await confirmAffiliation(user.id, expired)).toBe(false);

    await requestAffiliationLink(user.id, "b@hanu.edu.vn");
    const moved = await mailedToken("b@hanu.edu.vn");
    await prisma.expertProfile.update({ where: { id: profile.id }, data: { affiliationId: other.id } });
    expect(await confirmAffiliation(user.id, moved)).toBe(false);
    expect((await affiliationStateOf(user.id))?.verified).toBe(false);
    expect(await confirmAffiliation(user.id, "not-a-token")).toBe(false);
  });

  test(`at most ${LINKS_PER_HOUR} links an hour per profile`, async () => {
    const university = await makeOrganization({ label: "ptit", website: "https://ptit.edu.vn" });
    const { user } = await researcherAt(university);
    for (let i = 0; i < LINKS_PER_HOUR; i++) {
      expect(await requestAffiliationLink(user.id, `n${i}@ptit.edu.vn`)).toEqual({ ok: true });
    }
    expect(await requestAffiliationLink(user.id, "late@ptit.edu.vn")).toEqual({ ok: false, reason: "throttled" });
    expect(await prisma.mailMessage.count({ where: { to: "late@ptit.edu.vn" } })).toBe(0);
  });
});

test("the experts index holds whether the affiliation is verified, as a filter", async () => {
  const university = await makeOrganization({ label: "indexed", website: "https://indexed.edu.vn" });
  const { user, profile } = await researcherAt(university);
  await requestAffiliationLink(user.id, "lan@indexed.edu.vn");
  expect(await confirmAffiliation(user.id, await mailedToken("lan@indexed.edu.vn"))).toBe(true);
  await drainOutbox();
  const experts = searchClient().index(indexUid(EXPERTS_INDEX.base, requireSearchConfig()));
  const ids = async (filter: string) =>
    (
      await experts.search("", {
        filter: `affiliationId = "${university.id}" AND ${filter}`,
        attributesToRetrieve: ["id"],
      })
    ).hits.map((hit) => hit.id);
  expect(await ids("affiliationVerified = true")).toEqual([profile.id]);
  expect(await ids("affiliationVerified = false")).toEqual([]);
});
