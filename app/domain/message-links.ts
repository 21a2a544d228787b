import { LinkifyIt } from "linkify-it";

/**
 * The web addresses in a message's text (docs/decisions/070), found by linkify-it:
 * http(s) addresses and bare "www." ones, nothing else (no e-mail, ftp or
 * "javascript:"). Everything else in a message stays plain text.
 */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false })
  .add("ftp:", null)
  .add("mailto:", null)
  .add("//", null);

export type MessagePart = { text: string; href?: string };

export function splitLinks(body: string): MessagePart[] {
  const matches = linkify.match(body) ?? [];
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of matches) {
    const web = /^https?:$/i.test(match.schema) || (match.schema === "" && /^www\./i.test(match.raw));
    if (!web || !/^https?:\/\//i.test(match.url)) continue;
    if (match.index > at) parts.push({ text: body.slice(at, match.index) });
    parts.push({ text: match.raw, href: match.url });
    at = match.lastIndex;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return parts;
}
