import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { Fact, StepButton } from "~/components/thread-panel";
import { Badge } from "~/components/ui/badge";
import {
  AGREEMENT_TYPE_LABELS,
  AGREEMENT_TYPES,
  AGREEMENT_VALUE_RANGE_LABELS,
  AGREEMENT_VALUE_RANGES,
} from "~/domain/agreement-values";
import type { AgreementStep } from "~/domain/agreement";
import { formatDay, hanoiToday } from "~/domain/booking";
import { useLanguage, useT } from "~/i18n/i18n";

export type AgreementItem = {
  id: string;
  type: string;
  valueRange: string | null;
  signedOn: string;
  note: string | null;
  status: string;
  licensesOffer: boolean;
  recordedBy: string | null;
  mine: boolean;
  steps: AgreementStep[];
};

export type AgreementSectionData = { agreements: AgreementItem[]; licensable: boolean; formToken: string };

type Last =
  { agreement?: SubmissionResult<string[]>; agreementStep?: { id: string; message: string } } | null | undefined;

const STATUS_TONE = { confirmed: "success", pending: "brand" } as const;

/**
 * A conversation's agreements (docs/decisions/074): each with its status and the steps
 * this side may take, and the form that records a new one. Every form works without script.
 */
export function AgreementPanel({ section, last }: { section: AgreementSectionData; last: Last }) {
  const t = useT();
  const lang = useLanguage();
  const reply = last?.agreement;
  const sent = (name: string) => {
    const value = (reply?.initialValue as Record<string, unknown> | null | undefined)?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const errors = reply?.error ?? undefined;
  const label = (type: string) => AGREEMENT_TYPE_LABELS[type as keyof typeof AGREEMENT_TYPE_LABELS]?.[lang] ?? type;
  return (
    <section
      id="agreements"
      aria-labelledby="agreements-title"
      className="rounded-2xl border border-slate-200 bg-white p-4"
    >
      <h2 id="agreements-title" className="text-lg font-semibold">
        {t("agreement.panel")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {t("agreement.privacy")}{" "}
        <Link to="/me/agreements" className="text-brand-700 underline">
          {t("myAgreements.title")}
        </Link>
      </p>
      {section.agreements.length ? (
        <ul className="mt-3 space-y-3">
          {section.agreements.map((agreement) => (
            <li
              key={agreement.id}
              id={`agreement-${agreement.id}`}
              className="rounded-xl border border-slate-200 p-3"
              data-agreement-status={agreement.status}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{label(agreement.type)}</span>
                <Badge tone={STATUS_TONE[agreement.status as keyof typeof STATUS_TONE]}>
                  {t(`agreement.status.${agreement.status as "pending"}`)}
                </Badge>
              </div>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <Fact item label={t("agreement.signedOn")}>
                  {formatDay(lang, agreement.signedOn)}
                </Fact>
                {agreement.valueRange ? (
                  <Fact item label={t("agreement.value")}>
                    {AGREEMENT_VALUE_RANGE_LABELS[agreement.valueRange as keyof typeof AGREEMENT_VALUE_RANGE_LABELS]?.[
                      lang
                    ] ?? agreement.valueRange}
                  </Fact>
                ) : null}
                {agreement.licensesOffer ? (
                  <Fact item label={t("agreement.offer")}>
                    {t("agreement.licensesOffer")}
                  </Fact>
                ) : null}
                <Fact item label={t("agreement.recordedBy")}>
                  {agreement.mine ? t("agreement.yourSide") : (agreement.recordedBy ?? t("talk.requester"))}
                </Fact>
                {agreement.note ? (
                  <Fact item label={t("agreement.noteShown")}>
                    {agreement.note}
                  </Fact>
                ) : null}
              </dl>
              {last?.agreementStep?.id === agreement.id ? (
                <div className="mt-2">
                  <FormErrors errors={[last.agreementStep.message]} />
                </div>
              ) : null}
              {agreement.status === "pending" && agreement.mine ? (
                <p className="mt-2 text-sm text-slate-600">{t("agreement.waiting")}</p>
              ) : null}
              {agreement.steps.length ? (
                <div className="mt-3 flex flex-wrap gap-2">
                  {agreement.steps.map((step) => (
                    <StepButton
                      key={step}
                      intent={`agreement-${step}`}
                      label={t(`agreement.step.${step}`)}
                      tone={step === "confirm" ? "primary" : step === "dispute" ? "danger" : "secondary"}
                      fields={{ agreementId: agreement.id }}
                    />
                  ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("agreement.none")}</p>
      )}
      <details className="mt-4 border-t border-slate-200 pt-3" open={Boolean(reply)}>
        <summary className="cursor-pointer font-medium text-brand-700">{t("agreement.record")}</summary>
        <Form method="post" className="mt-3 space-y-3">
          <FormErrors errors={[...(errors?.[""] ?? []), ...(errors?.formToken ?? [])]} />
          <input type="hidden" name="formToken" value={section.formToken} />
          <SelectField
            label={t("agreement.type")}
            name="type"
            required
            placeholder={t("agreement.typeChoose")}
            defaultValue={sent("type")}
            options={AGREEMENT_TYPES.map((type) => ({ value: type, label: AGREEMENT_TYPE_LABELS[type][lang] }))}
            errors={errors?.type}
          />
          <Field
            label={t("agreement.signedOn")}
            hint={t("agreement.signedOnHint")}
            name="signedOn"
            type="date"
            required
            max={hanoiToday()}
            defaultValue={sent("signedOn")}
            errors={errors?.signedOn}
          />
          <SelectField
            label={t("agreement.valueRange")}
            hint={t("agreement.valueHint")}
            name="valueRange"
            placeholder={t("agreement.valueNone")}
            defaultValue={sent("valueRange")}
            options={AGREEMENT_VALUE_RANGES.map((range) => ({
              value: range,
              label: AGREEMENT_VALUE_RANGE_LABELS[range][lang],
            }))}
            errors={errors?.valueRange}
          />
          <TextareaField
            label={t("agreement.note")}
            hint={t("agreement.noteHint")}
            name="note"
            rows={2}
            maxLength={1000}
            defaultValue={sent("note")}
            errors={errors?.note}
          />
          {section.licensable ? (
            <div>
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name="licensesOffer"
                  defaultChecked={sent("licensesOffer") === "on"}
                  aria-describedby={errors?.licensesOffer ? "licensesOffer-error" : undefined}
                  className="mt-1 size-4"
                />
                <span>{t("agreement.licensesOfferLabel")}</span>
              </label>
              <ErrorList id="licensesOffer-error" errors={errors?.licensesOffer} />
            </div>
          ) : null}
          <SubmitButton name="intent" value="agreement-record">
            {t("agreement.submit")}
          </SubmitButton>
        </Form>
      </details>
    </section>
  );
}
