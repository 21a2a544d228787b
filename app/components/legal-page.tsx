import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { Notice } from "~/components/ui/notice";
import type { Operator } from "~/config/operator.server";

/** The terms and the privacy notice: a draft banner, titled sections, the operator and its contact. */
export function LegalPage({
  title,
  sections,
  children,
}: {
  title: MessageKey;
  sections: { title: MessageKey; body: MessageKey[] }[];
  children?: ReactNode;
}) {
  const t = useT();
  const operator = useRouteLoaderData<{ operator?: Operator }>("root")?.operator;
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t(title)}</h1>
      <Notice tone="warning">{t("legal.draft")}</Notice>
      {sections.map((section) => (
        <section key={section.title} className="space-y-2">
          <h2 className="text-lg font-semibold">{t(section.title)}</h2>
          {section.body.map((key) => (
            <p key={key} className="leading-relaxed text-slate-800">
              {t(key)}
            </p>
          ))}
        </section>
      ))}
      {children}
      {operator ? (
        <p className="text-slate-700">
          {t("legal.operatorLine", { name: operator.name })}{" "}
          {operator.contactEmail ? (
            <a className="text-brand-700 underline" href={`mailto:${operator.contactEmail}`}>
              {operator.contactEmail}
            </a>
          ) : operator.website ? (
            <a className="text-brand-700 underline" href={operator.website} rel="noopener">
              {operator.website}
            </a>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}
