import { translator, type Language, type Translate } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { reasonText, type Reason } from "~/domain/match-reasons";
import { appUrl } from "~/config/app-url.server";
import { composeMail, type ComposedMail, type MailBlock, type MailContent } from "./compose.server";

/**
 * Every e-mail the portal sends, one function each, in the recipient's
 * language. Each returns {subject, text, html}, stored on the MailMessage row.
 */

type Recipient = { name: string; lang: Language };

/** A mail to one person, in their language: what it says, written with their translator. */
function mailTo(to: Recipient, content: (t: Translate) => Omit<MailContent, "lang" | "t" | "name">): ComposedMail {
  const t = translator(to.lang);
  return composeMail({ lang: to.lang, t, name: to.name, ...content(t) });
}

export function confirmSignUpMail(to: Recipient, link: { token: string; hours: number }): ComposedMail {
  return mailTo(to, (t) => ({
    subject: t("mail.confirm.subject"),
    blocks: [
      { kind: "paragraph", text: t("mail.confirm.body", { hours: link.hours }) },
      { kind: "paragraph", text: t("mail.confirm.notYou") },
    ],
    action: { label: t("mail.action.confirm"), url: `${appUrl()}/confirm?token=${link.token}` },
    footer: t("mail.footerSignUp"),
  }));
}

export function existingAccountMail(to: Recipient): ComposedMail {
  return mailTo(to, (t) => ({
    subject: t("mail.existing.subject"),
    blocks: [
      { kind: "paragraph", text: t("mail.existing.body") },
      { kind: "link", label: t("mail.existing.reset"), url: `${appUrl()}/forgot-password` },
      { kind: "paragraph", text: t("mail.existing.notYou") },
    ],
    action: { label: t("mail.action.signIn"), url: `${appUrl()}/login` },
    footer: t("mail.footer"),
  }));
}

export function welcomeMail(to: Recipient): ComposedMail {
  return mailTo(to, (t) => ({
    subject: t("mail.welcome.subject"),
    blocks: [{ kind: "paragraph", text: t("mail.welcome.body") }],
    action: { label: t("mail.action.account"), url: `${appUrl()}/account` },
    footer: t("mail.footer"),
  }));
}

export function passwordResetMail(to: Recipient, token: string): ComposedMail {
  return mailTo(to, (t) => ({
    subject: t("mail.reset.subject"),
    blocks: [{ kind: "paragraph", text: t("mail.reset.body") }],
    action: { label: t("mail.action.reset"), url: `${appUrl()}/reset-password?token=${token}` },
    footer: t("mail.footer"),
  }));
}

/** What a notification's e-mail carries beyond its one line. */
export type NotificationMailExtra = {
  /** Someone's words: a proposal's approach, a message (excerpted here). */
  quote?: { by: string; text: string };
  /** The request's problem, for an invitation or a suggestion (excerpted here). */
  requestSummary?: string;
  /** The business's personal note with an invitation (its name stays out: the request may be anonymous). */
  note?: string;
  /** Why a suggestion fits, one line each (a new offer told to a request's owner). */
  reasons?: Reason[];
  /** The button's label, when the link's address does not say it well. */
  action?: Extract<MessageKey, `mail.action.${string}`>;
  /** Further links under the line (an event's calendar file), each a portal path. */
  links?: { label: MessageKey; path: string }[];
};

export function notificationMail(
  to: Recipient,
  notification: {
    key: MessageKey;
    params: Record<string, string | number>;
    url: string;
    mail?: NotificationMailExtra;
    /** The one-click link that stops this kind of mail (app/models/unsubscribe.server.ts). */
    unsubscribe?: string;
  },
): ComposedMail {
  return mailTo(to, (t) => {
    const { quote, requestSummary, note, reasons, action, links } = notification.mail ?? {};
    // A notice's short "why" (whyVi/whyEn) is for the portal's one line; the mail lists every reason below.
    const { whyVi: _vi, whyEn: _en, ...params } = notification.params;
    const line = t(notification.key, reasons?.length ? params : notification.params);
    const blocks: MailBlock[] = [{ kind: "paragraph", text: line }];
    if (quote) blocks.push({ kind: "quote", by: t("mail.wrote", { name: quote.by }), text: excerpt(quote.text) });
    if (requestSummary) blocks.push({ kind: "quote", by: t("mail.requestSummary"), text: excerpt(requestSummary) });
    if (note) blocks.push({ kind: "quote", by: t("forYou.mail.note"), text: note });
    if (reasons?.length) {
      const lines = reasons.map((reason) => `- ${reasonText(reason, t, to.lang)}`);
      blocks.push({ kind: "quote", by: t("mail.whyMatched"), text: lines.join("\n") });
    }
    for (const link of links ?? []) blocks.push({ kind: "link", label: t(link.label), url: `${appUrl()}${link.path}` });
    return {
      subject: `${line} · ${t("site.shortName")}`,
      blocks,
      action: { label: t(action ?? actionFor(notification.url)), url: `${appUrl()}${notification.url}` },
      footer: t("mail.footerNotification"),
      footerLink: `${appUrl()}/notifications`,
      unsubscribe: notification.unsubscribe,
    };
  });
}

/** The button's label from where it leads. */
function actionFor(url: string): MessageKey {
  if (url.startsWith("/matches/") || url.startsWith("/messages/")) return "mail.action.conversation";
  if (url.endsWith("#responses")) return "mail.action.responses";
  if (url.startsWith("/admin/")) return "mail.action.review";
  if (url.startsWith("/requests/")) return "mail.action.request";
  if (url.startsWith("/organizations/")) return "mail.action.listing";
  return "mail.action.open";
}

const EXCERPT_LENGTH = 400;

/** The start of a long text, cut at a word, so a mail stays short (the whole is one click away). */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const trimmed = text.trim();
  if (trimmed.length <= length) return trimmed;
  const cut = trimmed.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The link that verifies a researcher's affiliation, sent to the institutional address she gave. */
export function affiliationConfirmMail(
  to: Recipient,
  link: { token: string; organization: string; hours: number },
): ComposedMail {
  return mailTo(to, (t) => ({
    subject: t("affiliation.mail.subject", { organization: link.organization }),
    blocks: [
      { kind: "paragraph", text: t("affiliation.mail.body", { organization: link.organization, hours: link.hours }) },
      { kind: "paragraph", text: t("affiliation.mail.notYou") },
    ],
    action: {
      label: t("affiliation.mail.action"),
      url: `${appUrl()}/affiliation/confirm?token=${link.token}`,
    },
    footer: t("mail.footer"),
  }));
}
