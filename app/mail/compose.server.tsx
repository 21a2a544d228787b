import { renderToStaticMarkup } from "react-dom/server";
import type { CSSProperties, ReactNode } from "react";
import type { Language, Translate } from "~/i18n/i18n";

/**
 * One e-mail as the portal writes it: a greeting, a few blocks of content, one
 * action and a footer. `composeMail` renders it twice, as HTML (React escapes
 * every string, so a name like `<script>` stays text) and as plain text with the
 * same content, so a text-only reader misses nothing.
 */
export type MailBlock =
  | { kind: "paragraph"; text: string }
  /** Someone's own words (a proposal, a message, a summary), quoted. */
  | { kind: "quote"; by: string; text: string }
  /** A secondary link, shown with its label. */
  | { kind: "link"; label: string; url: string };

export type MailContent = {
  lang: Language;
  t: Translate;
  subject: string;
  name: string;
  blocks: MailBlock[];
  /** The one place to act; its exact URL is also shown as text. */
  action: { label: string; url: string };
  footer: string;
  /** Where the footer points (the notifications page), if anywhere. */
  footerLink?: string;
  /** The one-click unsubscribe page for this kind of mail (never on account and security mail). */
  unsubscribe?: string;
};

export type ComposedMail = { subject: string; text: string; html: string };

export function composeMail(content: MailContent): ComposedMail {
  return { subject: content.subject, text: textOf(content), html: htmlOf(content) };
}

function textOf({ t, name, blocks, action, footer, footerLink, unsubscribe }: MailContent): string {
  const parts = [t("mail.greeting", { name })];
  for (const block of blocks) {
    if (block.kind === "paragraph") parts.push(block.text);
    if (block.kind === "quote") parts.push(`${block.by}\n${block.text.replace(/^/gm, "> ")}`);
    if (block.kind === "link") parts.push(`${block.label} ${block.url}`);
  }
  parts.push(`${action.label}: ${action.url}`);
  parts.push(footerLink ? `${footer} ${footerLink}` : footer);
  if (unsubscribe) parts.push(`${t("mail.unsubscribe")}: ${unsubscribe}`);
  return parts.join("\n\n");
}

const colors = { text: "#0f172a", muted: "#475569", line: "#e2e8f0", brand: "#1d4ed8", page: "#f1f5f9" };
const paragraph: CSSProperties = { margin: "0 0 16px", fontSize: "16px", lineHeight: "24px" };
/** The header and the footer: bands ruled off from the content by a line on the given side. */
const band = (edge: "borderTop" | "borderBottom", style: CSSProperties): CSSProperties => ({
  padding: "16px 24px",
  [edge]: `1px solid ${colors.line}`,
  ...style,
});

function htmlOf({ lang, t, subject, name, blocks, action, footer, footerLink, unsubscribe }: MailContent): string {
  const page = (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{subject}</title>
      </head>
      <body
        style={{
          margin: 0,
          padding: 0,
          background: colors.page,
          color: colors.text,
          fontFamily: "Arial, Helvetica, sans-serif",
        }}
      >
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={{ background: colors.page }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table
                  role="presentation"
                  width="100%"
                  cellPadding={0}
                  cellSpacing={0}
                  style={{ maxWidth: "600px", background: "#ffffff", borderRadius: "8px" }}
                >
                  <tbody>
                    <tr>
                      <td style={band("borderBottom", { fontSize: "14px", fontWeight: "bold", color: colors.brand })}>
                        {t("site.name")}
                      </td>
                    </tr>
                    <tr>
                      <td style={{ padding: "24px" }}>
                        <p style={paragraph}>{t("mail.greeting", { name })}</p>
                        {blocks.map((block, index) => (
                          <Block key={index} block={block} />
                        ))}
                        <p style={{ margin: "24px 0" }}>
                          <a
                            href={action.url}
                            style={{
                              display: "inline-block",
                              padding: "12px 20px",
                              background: colors.brand,
                              color: "#ffffff",
                              borderRadius: "6px",
                              fontWeight: "bold",
                              textDecoration: "none",
                            }}
                          >
                            {action.label}
                          </a>
                        </p>
                        <p style={{ ...paragraph, fontSize: "13px", color: colors.muted }}>
                          {t("mail.linkFallback")}
                          <br />
                          <a href={action.url} style={{ color: colors.brand, wordBreak: "break-all" }}>
                            {action.url}
                          </a>
                        </p>
                      </td>
                    </tr>
                    <tr>
                      <td style={band("borderTop", { fontSize: "13px", lineHeight: "20px", color: colors.muted })}>
                        {footer}
                        {footerLink ? (
                          <>
                            {" "}
                            <a href={footerLink} style={{ color: colors.brand }}>
                              {footerLink}
                            </a>
                          </>
                        ) : null}
                        {unsubscribe ? (
                          <>
                            <br />
                            <a href={unsubscribe} style={{ color: colors.brand }}>
                              {t("mail.unsubscribe")}
                            </a>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
}

function Block({ block }: { block: MailBlock }): ReactNode {
  if (block.kind === "paragraph") return <p style={paragraph}>{block.text}</p>;
  if (block.kind === "link") {
    return (
      <p style={paragraph}>
        {block.label}{" "}
        <a href={block.url} style={{ color: colors.brand }}>
          {block.url}
        </a>
      </p>
    );
  }
  return (
    <>
      <p style={{ ...paragraph, margin: "0 0 4px", color: colors.muted }}>{block.by}</p>
      <blockquote
        style={{
          margin: "0 0 16px",
          padding: "8px 16px",
          borderLeft: `4px solid ${colors.line}`,
          whiteSpace: "pre-wrap",
          ...paragraph,
        }}
      >
        {block.text}
      </blockquote>
    </>
  );
}
