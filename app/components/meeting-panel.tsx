import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { FormErrors, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { Fact, StepButton } from "~/components/thread-panel";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { formatSlot } from "~/domain/meeting";
import { MEETING_OUTCOME_LABELS, MEETING_OUTCOMES, type MeetingStatus } from "~/domain/meeting-values";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { MEETING_NOTE_MAX } from "~/validation/meeting";

export type MeetingView = {
  status: MeetingStatus;
  startsAt: string;
  endsAt: string;
  event: { slug: string; titleVi: string | null; titleEn: string | null };
  steps: string[];
  outcomeOpen: boolean;
  outcome: string | null;
  note: string | null;
};

type StepResult = { step: string; result: SubmissionResult<string[]> } | null | undefined;

/**
 * A meeting conversation's meeting (docs/decisions/073): its event, slot and status, the
 * steps this side may take now, each a form of its own, and after the event this side's
 * outcome with its private note (no script needed).
 */
export function MeetingPanel({ meeting, last, saved }: { meeting: MeetingView; last: StepResult; saved: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const outcomeErrors = last?.step === "outcome" ? last.result.error : undefined;
  const sent = last?.step === "outcome" ? (last.result.initialValue as Record<string, unknown> | null) : null;
  const sentText = (name: string) => (typeof sent?.[name] === "string" ? (sent[name] as string) : undefined);
  return (
    <section id="meeting" aria-labelledby="meeting-title" className="rounded-2xl border border-slate-200 bg-white p-4">
      <h2 id="meeting-title" className="text-lg font-semibold">
        {t("meeting.panel")}
      </h2>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <Fact label={t("meeting.event")}>
          <Link to={`/events/${meeting.event.slug}`} className="text-brand-700 underline">
            {pick(lang, meeting.event.titleVi, meeting.event.titleEn)}
          </Link>
        </Fact>
        <Fact label={t("meeting.when")}>{formatSlot(lang, meeting.startsAt, meeting.endsAt)}</Fact>
        <Fact label={t("meeting.statusLabel")}>
          <Badge tone={meeting.status === "accepted" ? "brand" : undefined}>
            {t(`meeting.status.${meeting.status}`)}
          </Badge>
        </Fact>
      </dl>
      {last && last.step !== "outcome" ? (
        <div className="mt-3">
          <FormErrors errors={last.result.error?.[""]} />
        </div>
      ) : null}
      {meeting.steps.length ? (
        <div className="mt-4 flex flex-wrap items-start gap-3">
          {meeting.steps.includes("accept") ? (
            <StepButton intent="meeting-accept" label={t("meeting.step.accept")} tone="primary" />
          ) : null}
          {meeting.steps.includes("decline") ? (
            <StepButton intent="meeting-decline" label={t("meeting.step.decline")} />
          ) : null}
          {meeting.steps.includes("withdraw") ? (
            <StepButton intent="meeting-withdraw" label={t("meeting.step.withdraw")} />
          ) : null}
          {meeting.steps.includes("cancel") ? (
            <StepButton intent="meeting-cancel" label={t("meeting.step.cancel")} tone="danger" />
          ) : null}
        </div>
      ) : null}
      {meeting.outcomeOpen ? (
        <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{t("meeting.outcomeTitle")}</h3>
          <p className="text-sm text-slate-700">{t("meeting.outcomeIntro")}</p>
          {saved && !last ? <Notice>{t("people.saved")}</Notice> : null}
          <FormErrors errors={outcomeErrors?.[""]} />
          <SelectField
            label={t("meeting.outcome")}
            name="outcome"
            required
            defaultValue={sentText("outcome") ?? meeting.outcome ?? ""}
            placeholder=""
            options={MEETING_OUTCOMES.map((value) => ({ value, label: MEETING_OUTCOME_LABELS[value][lang] }))}
            errors={outcomeErrors?.outcome}
          />
          <TextareaField
            label={t("meeting.note")}
            hint={t("meeting.noteHint")}
            name="note"
            rows={3}
            maxLength={MEETING_NOTE_MAX}
            defaultValue={sentText("note") ?? meeting.note ?? ""}
            errors={outcomeErrors?.note}
          />
          <SubmitButton name="intent" value="meeting-outcome">
            {t("meeting.saveOutcome")}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
