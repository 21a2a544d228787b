import { appUrl } from "~/config/app-url.server";
import { translator, type Language } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { composeMail, type ComposedMail, type MailBlock } from "./compose.server";

/** The saved-search alert and the weekly digest (docs/decisions/068), in the recipient's language. */

type Recipient = { name: string; lang: Language };
export type AlertItem = { name: string; path: string };

const itemLinks = (items: AlertItem[]): MailBlock[] =>
  items.map((item) => ({ kind: "link", label: `- ${item.name}`, url: `${appUrl()}${item.path}` }));

/** New results of one saved search: what they are (up to ten, linked) and the whole list. */
export function alertMail(
  to: Recipient,
  alert: { label: string; count: number; items: AlertItem[]; url: string; unsubscribe: string },
): ComposedMail {
  const t = translator(to.lang);
  const line = t("alerts.notify", { label: alert.label, count: alert.count });
  const blocks: MailBlock[] = [{ kind: "paragraph", text: line }, ...itemLinks(alert.items)];
  if (alert.count > alert.items.length) {
    blocks.push({ kind: "paragraph", text: t("alerts.mail.more", { count: alert.count - alert.items.length }) });
  }
  blocks.push({ kind: "link", label: t("alerts.mail.manage"), url: `${appUrl()}/me/alerts` });
  return composeMail({
    lang: to.lang,
    t,
    name: to.name,
    subject: `${line} · ${t("site.shortName")}`,
    blocks,
    action: { label: t("alerts.mail.open"), url: `${appUrl()}${alert.url}` },
    footer: t("alerts.mail.footer"),
    footerLink: `${appUrl()}/me/alerts`,
    unsubscribe: alert.unsubscribe,
  });
}

export type DigestContent = {
  searches: { label: string; count: number; url: string; items: AlertItem[] }[];
  suggestions: { count: number; items: AlertItem[] };
  offers: { count: number; items: AlertItem[] };
  notifications: { key: MessageKey; params: Record<string, string | number>; url: string }[];
};

/** The week in one mail: each part says what is new and links to where to act. */
export function digestMail(to: Recipient, digest: DigestContent, unsubscribe: string): ComposedMail {
  const t = translator(to.lang);
  const blocks: MailBlock[] = [{ kind: "paragraph", text: t("digest.mail.intro") }];
  for (const search of digest.searches) {
    blocks.push({ kind: "paragraph", text: t("alerts.notify", { label: search.label, count: search.count }) });
    blocks.push(...itemLinks(search.items));
    blocks.push({ kind: "link", label: t("alerts.mail.open"), url: `${appUrl()}${search.url}` });
  }
  if (digest.suggestions.count > 0) {
    blocks.push({ kind: "paragraph", text: t("digest.mail.suggestions", { count: digest.suggestions.count }) });
    blocks.push(...itemLinks(digest.suggestions.items));
  }
  if (digest.offers.count > 0) {
    blocks.push({ kind: "paragraph", text: t("digest.mail.offers", { count: digest.offers.count }) });
    blocks.push(...itemLinks(digest.offers.items));
  }
  if (digest.notifications.length > 0) {
    blocks.push({ kind: "paragraph", text: t("digest.mail.notifications", { count: digest.notifications.length }) });
    for (const notification of digest.notifications.slice(0, 10)) {
      blocks.push({
        kind: "link",
        label: `- ${t(notification.key, notification.params)}`,
        url: `${appUrl()}${notification.url}`,
      });
    }
  }
  const action =
    digest.suggestions.count > 0
      ? { label: t("digest.mail.forYou"), url: `${appUrl()}/me/requests-for-you` }
      : { label: t("digest.mail.notificationsLink"), url: `${appUrl()}/notifications` };
  return composeMail({
    lang: to.lang,
    t,
    name: to.name,
    subject: `${t("digest.mail.subject")} · ${t("site.shortName")}`,
    blocks,
    action,
    footer: t("digest.mail.footer"),
    footerLink: `${appUrl()}/me/alerts`,
    unsubscribe,
  });
}
