import { findWard, wardLabel, type Ward } from "./wards";

/**
 * An address as Hanoi writes it since July 2025: "street, ward/commune, Hà Nội".
 * The street part is what the listing stores; older, published addresses may
 * already end with the former district and the city, so the city is added only
 * when missing, and the ward only when the text does not name it already.
 */
export function fullAddress(street: string | null, wardSlug: string | null, lang: "vi" | "en"): string | null {
  const ward = findWard(wardSlug);
  const parts: string[] = [];
  if (street) parts.push(street.replace(/[\s,]+$/, ""));
  if (ward && !(street && namesWard(street, ward))) parts.push(wardLabel(ward, lang));
  if (parts.length === 0) return null;
  if (!/h[aà] n[oộ]i|hanoi/i.test(street ?? "")) parts.push(lang === "vi" ? "Hà Nội" : "Hanoi");
  return parts.join(", ");
}

function namesWard(street: string, ward: Ward) {
  return new RegExp(`(phường|xã|p\\.|x\\.)\\s*${ward.vi}`, "iu").test(street);
}

/** A search on openstreetmap.org for the address: a plain link, nothing fetched when the page renders. */
export function mapSearchUrl(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

/** "024 3869 2008; 024 3869 2104" → tel: targets, one a number. */
export function phoneNumbers(phone: string | null): { label: string; href: string }[] {
  if (!phone) return [];
  return phone
    .split(/\s*;\s*/)
    .filter(Boolean)
    .map((label) => ({ label, href: `tel:${label.replace(/[^\d+]/g, "")}` }));
}

export function emailAddresses(email: string | null): string[] {
  return email ? email.split(/\s*;\s*/).filter(Boolean) : [];
}
