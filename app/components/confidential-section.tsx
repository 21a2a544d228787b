import { Form } from "@remix-run/react";
import { ChoiceGroup, SubmitButton, type ListOfErrors } from "~/components/forms";
import { Panel } from "~/components/page";
import { displayName } from "~/domain/expert-values";
import { formatDateTime, useLanguage, useT } from "~/i18n/i18n";

type Access =
  | {
      view: "author";
      text: string;
      accepted: { acceptedAt: string | Date; name: string; expert: { title: string; fullName: string } | null }[];
    }
  | { view: "terms" }
  | { view: "open"; text: string; acceptedAt: string | Date };

/**
 * A request's confidential section (docs/decisions/064), shown only to whom the model
 * allows: its author (with who accepted the terms, and when), and a shortlisted or
 * accepted researcher, who first sees the terms and a checkbox (no JavaScript needed).
 */
export function ConfidentialSection({ access, errors }: { access: Access; errors?: ListOfErrors }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Panel id="confidential" title={t("confidential.title")} className="scroll-mt-4 border-l-4 border-l-amber-400">
      {access.view === "terms" ? (
        <Form method="post" className="mt-2 space-y-3">
          <p className="text-sm">{t("confidential.exists")}</p>
          <blockquote className="rounded-lg border border-amber-200 bg-white p-3 text-sm">
            {t("confidential.terms")}
          </blockquote>
          <ChoiceGroup
            legend={t("confidential.title")}
            name="agree"
            options={[{ value: "on", label: t("confidential.agree") }]}
            errors={errors}
          />
          <SubmitButton name="intent" value="accept-terms">
            {t("confidential.accept")}
          </SubmitButton>
        </Form>
      ) : (
        <>
          {access.view === "author" ? (
            <p className="mt-1 text-sm text-slate-700">{t("confidential.authorNote")}</p>
          ) : null}
          <p className="mt-2 break-words whitespace-pre-line" data-confidential>
            {access.text}
          </p>
          {access.view === "open" ? (
            <p className="mt-2 text-xs text-slate-600">
              {t("confidential.acceptedBy")} · {formatDateTime(lang, access.acceptedAt)}
            </p>
          ) : (
            <div className="mt-3">
              <h3 className="text-sm font-semibold">{t("confidential.acceptedBy")}</h3>
              {access.accepted.length === 0 ? (
                <p className="text-sm text-slate-600">{t("confidential.noneAccepted")}</p>
              ) : (
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {access.accepted.map((acceptance, i) => (
                    <li key={i}>
                      {t("confidential.acceptedItem", {
                        name: acceptance.expert ? displayName(acceptance.expert, lang) : acceptance.name,
                        date: formatDateTime(lang, acceptance.acceptedAt),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </Panel>
  );
}
