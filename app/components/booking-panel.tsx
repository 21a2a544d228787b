import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { BookingDateFields } from "~/components/booking-form";
import { FormErrors, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { Fact, StepButton } from "~/components/thread-panel";
import { Badge } from "~/components/ui/badge";
import { BOOKING_DECLINE_REASONS, formatDays, type BookingDeclineReason, type BookingStatus } from "~/domain/booking";
import { useLanguage, useT } from "~/i18n/i18n";

export type BookingView = {
  status: string;
  startDate: string;
  endDate: string;
  requestedStart: string;
  requestedEnd: string;
  purpose: string;
  samples: string;
  declineReason: string | null;
  declineNote: string | null;
  steps: string[];
};

type StepResult = { step: string; result: SubmissionResult<string[]> } | null | undefined;

/**
 * A booking conversation's booking (docs/decisions/063): its status and dates, and the
 * steps this side may take now, each a form of its own (no script needed).
 */
export function BookingPanel({ booking, last }: { booking: BookingView; last: StepResult }) {
  const t = useT();
  const lang = useLanguage();
  const status = booking.status as BookingStatus;
  const errorsOf = (step: string) => (last?.step === step ? last.result.error : undefined);
  const sentOf = (step: string, name: string) => {
    const sent = last?.step === step ? (last.result.initialValue as Record<string, unknown> | null) : null;
    return typeof sent?.[name] === "string" ? (sent[name] as string) : undefined;
  };
  const moved = booking.requestedStart !== booking.startDate || booking.requestedEnd !== booking.endDate;
  return (
    <section id="booking" aria-labelledby="booking-title" className="rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="booking-title" className="text-lg font-semibold">
        {t("booking.panel")}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <Fact preLine label={t("booking.statusLabel")}>
          <Badge tone={status === "accepted" ? "brand" : undefined}>{t(`booking.status.${status}`)}</Badge>
        </Fact>
        <Fact preLine label={t("booking.dates")}>
          {formatDays(lang, booking.startDate, booking.endDate)}
        </Fact>
        {moved ? (
          <Fact preLine label={t("booking.requestedDates")}>
            {formatDays(lang, booking.requestedStart, booking.requestedEnd)}
          </Fact>
        ) : null}
        <Fact preLine label={t("booking.purpose")}>
          {booking.purpose}
        </Fact>
        <Fact preLine label={t("booking.samples")}>
          {booking.samples}
        </Fact>
        {booking.declineReason ? (
          <Fact preLine label={t("booking.declinedBecause")}>
            {t(`booking.reason.${booking.declineReason as BookingDeclineReason}`)}
            {booking.declineNote ? ` (“${booking.declineNote}”)` : null}
          </Fact>
        ) : null}
      </dl>
      {last && !["propose", "decline"].includes(last.step) ? (
        <div className="mt-3">
          <FormErrors errors={last.result.error?.[""]} />
        </div>
      ) : null}
      {booking.steps.length ? (
        <div className="mt-4 flex flex-wrap items-start gap-3">
          {booking.steps.includes("accept") ? (
            <StepButton intent="booking-accept" label={t("booking.step.accept")} tone="primary" />
          ) : null}
          {booking.steps.includes("acceptProposal") ? (
            <StepButton intent="booking-accept-proposal" label={t("booking.step.acceptProposal")} tone="primary" />
          ) : null}
          {booking.steps.includes("declineProposal") ? (
            <StepButton intent="booking-decline-proposal" label={t("booking.step.declineProposal")} />
          ) : null}
          {booking.steps.includes("cancel") ? (
            <StepButton intent="booking-cancel" label={t("booking.step.cancel")} tone="danger" />
          ) : null}
        </div>
      ) : null}
      {booking.steps.includes("propose") ? (
        <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("booking.step.propose")}</h3>
          <FormErrors errors={errorsOf("propose")?.[""]} />
          <BookingDateFields
            value={(name) => sentOf("propose", name)}
            errors={{ start: errorsOf("propose")?.start, end: errorsOf("propose")?.end }}
          />
          <SubmitButton name="intent" value="booking-propose" tone="secondary">
            {t("booking.step.propose")}
          </SubmitButton>
        </Form>
      ) : null}
      {booking.steps.includes("decline") ? (
        <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("booking.step.decline")}</h3>
          <SelectField
            label={t("booking.declineReason")}
            name="reason"
            required
            defaultValue={sentOf("decline", "reason")}
            options={BOOKING_DECLINE_REASONS.map((reason) => ({ value: reason, label: t(`booking.reason.${reason}`) }))}
            errors={errorsOf("decline")?.reason}
          />
          <TextareaField
            label={t("booking.declineNote")}
            name="note"
            rows={2}
            maxLength={1000}
            defaultValue={sentOf("decline", "note")}
            errors={errorsOf("decline")?.note}
          />
          <SubmitButton name="intent" value="booking-decline" tone="danger">
            {t("booking.step.decline")}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
