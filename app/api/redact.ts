/**
 * The API hands out published data in bulk, which makes it a harvester's
 * dream. Serializers never pick an account's e-mail; this is the second
 * line: any e-mail address typed into free text (a bio, a request's problem)
 * is masked in every string the API returns. The portal's pages, read by
 * people one at a time, still show the text as written.
 */
export const EMAIL_PLACEHOLDER = "[e-mail removed]";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function withoutEmails(text: string): string {
  return text.replace(EMAIL, EMAIL_PLACEHOLDER);
}

/** JSON text of `value` with every string passed through withoutEmails. */
export function jsonWithoutEmails(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "string" ? withoutEmails(item) : item));
}
