import crypto from "node:crypto";
import { prisma } from "~/db/client.server";
import {
  AFFILIATION_LINK_HOURS,
  affiliationDomains,
  emailAtDomains,
  isAffiliationVerified,
} from "~/domain/affiliation";
import { isLanguage, pick } from "~/i18n/i18n";
import { affiliationConfirmMail } from "~/mail/templates.server";
import { audit } from "./audit.server";
import { queueMail } from "./mail.server";
import { notify, notifyOfficials } from "./notification.server";
import { write, type Effects, type Tx } from "./write.server";

/**
 * Verifying a researcher's affiliation (docs/decisions/069): a link mailed to an address at
 * the listing's domains, or an official's check where the listing has none. Whether a profile
 * counts as verified is decided in one place, app/domain/affiliation.ts.
 */

/** Links a profile may ask for per hour: enough for a typo or two, not a mail cannon. */
export const LINKS_PER_HOUR = 3;

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

const verificationColumns = {
  id: true,
  affiliationId: true,
  affiliationVerifiedAt: true,
  affiliationVerifiedBy: true,
  affiliationVerifiedOrgId: true,
  affiliationEmail: true,
  affiliationCheckRequestedAt: true,
  affiliation: { select: { id: true, slug: true, nameVi: true, nameEn: true, website: true, emailDomains: true } },
} as const;

/** What the researcher's own profile page shows of her verification (her own address included). */
export async function affiliationStateOf(userId: string) {
  const profile = await prisma.expertProfile.findUnique({ where: { userId }, select: verificationColumns });
  if (!profile?.affiliation) return null;
  const verified = isAffiliationVerified(profile);
  return {
    organization: {
      slug: profile.affiliation.slug,
      nameVi: profile.affiliation.nameVi,
      nameEn: profile.affiliation.nameEn,
    },
    domains: affiliationDomains(profile.affiliation),
    verified,
    verifiedBy: verified ? profile.affiliationVerifiedBy : null,
    verifiedEmail: verified ? profile.affiliationEmail : null,
    checkRequested: !verified && profile.affiliationCheckRequestedAt !== null,
  };
}
export type AffiliationState = NonNullable<Awaited<ReturnType<typeof affiliationStateOf>>>;

export type LinkRequestResult = { ok: true } | { ok: false; reason: "no-affiliation" | "domain" | "throttled" };

/** Mails a one-use link to an address at the affiliation's domains. */
export async function requestAffiliationLink(userId: string, email: string): Promise<LinkRequestResult> {
  const token = crypto.randomBytes(24).toString("base64url");
  return write(async (tx, effects) => {
    const profile = await tx.expertProfile.findUnique({
      where: { userId },
      select: { ...verificationColumns, fullName: true, user: { select: { locale: true } } },
    });
    if (!profile?.affiliation) return { ok: false, reason: "no-affiliation" } as const;
    if (!emailAtDomains(email, affiliationDomains(profile.affiliation)))
      return { ok: false, reason: "domain" } as const;
    const recent = await tx.affiliationConfirmation.count({
      where: { expertId: profile.id, createdAt: { gt: new Date(Date.now() - 3_600_000) } },
    });
    if (recent >= LINKS_PER_HOUR) return { ok: false, reason: "throttled" } as const;
    await tx.affiliationConfirmation.create({
      data: {
        expertId: profile.id,
        organizationId: profile.affiliation.id,
        email,
        tokenHash: hashOf(token),
        expiresAt: new Date(Date.now() + AFFILIATION_LINK_HOURS * 3_600_000),
      },
    });
    const lang = isLanguage(profile.user.locale) ? profile.user.locale : "vi";
    const organization = pick(lang, profile.affiliation.nameVi, profile.affiliation.nameEn);
    await queueMail(
      {
        to: email,
        ...affiliationConfirmMail(
          { name: profile.fullName, lang },
          { token, organization, hours: AFFILIATION_LINK_HOURS },
        ),
      },
      tx,
      effects,
    );
    return { ok: true } as const;
  });
}

/** A link that can still confirm, for its page; null when unknown, used, expired or someone else's. */
export async function findAffiliationConfirmation(userId: string, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await prisma.affiliationConfirmation.findUnique({
    where: { tokenHash: hashOf(token) },
    select: {
      id: true,
      email: true,
      usedAt: true,
      expiresAt: true,
      organizationId: true,
      expert: { select: { id: true, userId: true, affiliationId: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) return null;
  // The link proves the address; signing in proves the profile: both must be hers.
  if (row.expert.userId !== userId) return null;
  // Asked for another affiliation than the one the profile shows now.
  if (row.expert.affiliationId !== row.organizationId) return null;
  return row;
}

/** Spends the link and verifies the affiliation; false when it could not (see above). */
export async function confirmAffiliation(userId: string, token: string): Promise<boolean> {
  const row = await findAffiliationConfirmation(userId, token);
  if (!row) return false;
  return write(async (tx, effects) => {
    const { count } = await tx.affiliationConfirmation.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 0) return false; // used meanwhile
    await tx.expertProfile.update({
      where: { id: row.expert.id },
      data: {
        affiliationVerifiedAt: new Date(),
        affiliationVerifiedBy: "email",
        affiliationEmail: row.email,
        affiliationVerifiedOrgId: row.organizationId,
        affiliationCheckRequestedAt: null,
      },
    });
    await effects.reindex("expert", [row.expert.id]);
    return true;
  });
}

/** Asks the officials to verify by hand (an affiliation without a known domain). Idempotent. */
export async function requestAffiliationCheck(userId: string): Promise<boolean> {
  return write(async (tx, effects) => {
    const profile = await tx.expertProfile.findUnique({
      where: { userId },
      select: { ...verificationColumns, fullName: true },
    });
    if (!profile?.affiliation || isAffiliationVerified(profile)) return false;
    if (profile.affiliationCheckRequestedAt) return true;
    await tx.expertProfile.update({ where: { id: profile.id }, data: { affiliationCheckRequestedAt: new Date() } });
    await notifyOfficials(
      {
        type: "review",
        key: "notify.affiliationCheck",
        params: {
          name: profile.fullName,
          organization: pick("vi", profile.affiliation.nameVi, profile.affiliation.nameEn),
        },
        url: "/admin/affiliations",
        mail: { action: "mail.action.review" },
      },
      tx,
      effects,
    );
    return true;
  });
}

/** The checks officials have to make, oldest first. */
export async function pendingAffiliationChecks() {
  const rows = await prisma.expertProfile.findMany({
    where: { affiliationCheckRequestedAt: { not: null }, affiliationId: { not: null } },
    orderBy: { affiliationCheckRequestedAt: "asc" },
    take: 100,
    select: {
      ...verificationColumns,
      slug: true,
      fullName: true,
      position: true,
      status: true,
    },
  });
  return rows
    .filter((row) => !isAffiliationVerified(row))
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      fullName: row.fullName,
      position: row.position,
      published: row.status === "published",
      requestedAt: row.affiliationCheckRequestedAt!,
      organization: { slug: row.affiliation!.slug, nameVi: row.affiliation!.nameVi, nameEn: row.affiliation!.nameEn },
    }));
}

/** An official verifies or declines a requested check; false when none was pending. */
export async function decideAffiliationCheck(
  officialId: string,
  expertId: string,
  decision: { approve: boolean; note: string | null },
): Promise<boolean> {
  return write(async (tx, effects) => {
    const profile = await tx.expertProfile.findUnique({
      where: { id: expertId },
      select: { ...verificationColumns, userId: true },
    });
    if (!profile?.affiliationId || !profile.affiliationCheckRequestedAt || isAffiliationVerified(profile)) return false;
    await tx.expertProfile.update({
      where: { id: expertId },
      data: decision.approve
        ? {
            affiliationVerifiedAt: new Date(),
            affiliationVerifiedBy: "official",
            affiliationEmail: null,
            affiliationVerifiedOrgId: profile.affiliationId,
            affiliationCheckRequestedAt: null,
          }
        : { affiliationCheckRequestedAt: null },
    });
    if (decision.approve) await effects.reindex("expert", [expertId]);
    await audit(
      {
        actorId: officialId,
        action: decision.approve ? "affiliation.verify" : "affiliation.decline",
        entityType: "expert",
        entityId: expertId,
        label: pick("vi", profile.affiliation!.nameVi, profile.affiliation!.nameEn),
        reason: decision.note,
      },
      tx,
    );
    await notify(
      {
        userId: profile.userId,
        type: "review",
        key: decision.approve ? "notify.affiliationVerified" : "notify.affiliationDeclined",
        params: { note: decision.note ?? "" },
        url: "/me/profile#affiliation",
        mail: { action: "mail.action.profile" },
      },
      tx,
      effects,
    );
    return true;
  });
}

/** A listing's extra e-mail domains, applied at once (docs/decisions/069 says why not reviewed). */
export async function saveEmailDomains(actorId: string, organizationId: string, domains: readonly string[]) {
  await write(async (tx, effects) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { emailDomains: true, nameVi: true, nameEn: true },
    });
    const after = domains.join("\n");
    if (before.emailDomains === after) return; // a repeat submission changes nothing
    await tx.organization.update({ where: { id: organizationId }, data: { emailDomains: after } });
    await audit(
      {
        actorId,
        action: "organization.domains",
        entityType: "organization",
        entityId: organizationId,
        label: pick("vi", before.nameVi, before.nameEn),
        before: { emailDomains: before.emailDomains },
        after: { emailDomains: after },
      },
      tx,
    );
    await withdrawUnprovenVerifications(organizationId, tx, effects);
  });
}

/**
 * Verifications by e-mail that the listing's domains no longer prove, withdrawn in the
 * transaction that changed them (its extra domains, or its website): an address at a domain
 * a manager removed, or at the old website's, says nothing about working there now, and a
 * domain added by mistake and removed must not leave its verifications behind. An official's
 * check stays. The researcher is told, with where to verify again; returns how many lapsed.
 */
export async function withdrawUnprovenVerifications(organizationId: string, tx: Tx, effects: Effects) {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { website: true, emailDomains: true },
  });
  const domains = affiliationDomains(organization);
  const verified = await tx.expertProfile.findMany({
    where: {
      affiliationId: organizationId,
      affiliationVerifiedOrgId: organizationId,
      affiliationVerifiedBy: "email",
      affiliationVerifiedAt: { not: null },
    },
    select: { id: true, userId: true, affiliationEmail: true, updatedAt: true },
  });
  const lapsed = verified.filter(
    ({ affiliationEmail }) => !affiliationEmail || !emailAtDomains(affiliationEmail, domains),
  );
  for (const profile of lapsed) {
    await tx.expertProfile.update({
      where: { id: profile.id },
      // Not the researcher's edit: the profile's last change stays theirs.
      data: { ...NOT_VERIFIED, updatedAt: profile.updatedAt },
    });
    await notify(
      {
        userId: profile.userId,
        type: "review",
        key: "notify.affiliationLapsed",
        url: "/me/profile#affiliation",
        mail: { action: "mail.action.profile" },
      },
      tx,
      effects,
    );
  }
  if (lapsed.length > 0)
    await effects.reindex(
      "expert",
      lapsed.map((profile) => profile.id),
    );
  return lapsed.length;
}

const NOT_VERIFIED = {
  affiliationVerifiedAt: null,
  affiliationVerifiedBy: null,
  affiliationEmail: null,
  affiliationVerifiedOrgId: null,
} as const;

export async function emailDomainsOf(organizationId: string) {
  const row = await prisma.organization.findUnique({
    where: { id: organizationId },
    select: { website: true, emailDomains: true },
  });
  return row ? { website: row.website, listed: row.emailDomains } : null;
}
