/**
 * Verified affiliations (docs/decisions/069): which addresses prove work at a listing, and
 * whether a profile counts as verified. Pure, so pages, the API, exports and the search
 * document all decide the same way.
 */

/** A profile is verified for the affiliation it shows now: a changed affiliation needs verifying again. */
export function isAffiliationVerified(profile: {
  affiliationId: string | null;
  affiliationVerifiedAt: Date | string | null;
  affiliationVerifiedOrgId: string | null;
}): boolean {
  return (
    profile.affiliationId !== null &&
    profile.affiliationVerifiedAt !== null &&
    profile.affiliationVerifiedOrgId === profile.affiliationId
  );
}

/** Mail services anyone can sign up to: an address there proves nothing about a workplace. */
const PUBLIC_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.com.vn",
  "yahoo.co.uk",
  "yahoo.co.jp",
  "ymail.com",
  "outlook.com",
  "outlook.com.vn",
  "hotmail.com",
  "hotmail.co.uk",
  "hotmail.fr",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "gmx.com",
  "gmx.net",
  "gmx.de",
  "mail.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "tutanota.com",
  "zoho.com",
  "mail.ru",
  "yandex.com",
  "yandex.ru",
  "qq.com",
  "163.com",
  "126.com",
  "naver.com",
  "daum.net",
  "fpt.vn",
  "vnn.vn",
  "viettel.vn",
]);

/** A host name of at least two labels (letters, digits, hyphens), lower case, without a trailing dot. */
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const MAX_EMAIL_DOMAINS = 10;
/** How long a mailed confirmation link works. */
export const AFFILIATION_LINK_HOURS = 48;

export const isDomainName = (value: string) => DOMAIN.test(value) && !PUBLIC_MAIL.has(value);

/** The stored one-per-line list, as written by the listing's managers. */
export const splitDomains = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean);

/** The host of a listing's website without "www.", or null when it has none or it is not a domain. */
export function websiteDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    const host = new URL(/^https?:\/\//i.test(website) ? website : `https://${website}`).hostname.toLowerCase();
    const bare = host.replace(/^www\./, "");
    return isDomainName(bare) ? bare : null;
  } catch {
    return null;
  }
}

/** Every domain whose addresses verify an affiliation: its website's and those its managers listed. */
export function affiliationDomains(organization: { website: string | null; emailDomains: string }): string[] {
  const fromSite = websiteDomain(organization.website);
  const listed = splitDomains(organization.emailDomains).filter(isDomainName);
  return [...new Set([...(fromSite ? [fromSite] : []), ...listed])];
}

/**
 * Whether an address is at one of the domains or a sub-domain of one: hust.edu.vn accepts
 * x@soict.hust.edu.vn; hust.edu.vn.evil.com and evilhust.edu.vn are refused.
 */
export function emailAtDomains(email: string, domains: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  const host = email.slice(at + 1).toLowerCase();
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
