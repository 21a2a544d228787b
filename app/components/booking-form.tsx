import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { Form, Link } from "@remix-run/react";
import { Field, FormErrors, HoneypotField, SubmitButton, TextareaField } from "~/components/forms";
import { Panel } from "~/components/page";
import { hanoiToday, MAX_BOOKING_DAYS, type BookingOffer } from "~/domain/booking";
import { useT } from "~/i18n/i18n";
import { BookingRequestSchema } from "~/validation/booking";

/**
 * The booking request on an instrument's page (docs/decisions/063): dates, purpose,
 * samples and a message. Works without JavaScript; a refused form comes back with its
 * messages and what was typed.
 */
export function BookingForm({
  booking,
  lastResult,
}: {
  booking: BookingOffer;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "booking-form",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BookingRequestSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (booking.mode === "own") return null;
  const sent = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const value = (name: string) => (typeof sent[name] === "string" ? (sent[name] as string) : undefined);
  const today = hanoiToday();
  return (
    <Panel id="booking" title={t("booking.title")}>
      {booking.mode === "signIn" ? (
        <p className="mt-2">
          <Link
            to={`/login?redirectTo=${encodeURIComponent(`/offers/${booking.offerId}#booking`)}`}
            className="font-semibold text-brand-700 underline"
          >
            {t("booking.signIn")}
          </Link>
        </p>
      ) : (
        <Form method="post" className="mt-2 space-y-4" {...getFormProps(form)}>
          <p className="text-sm text-slate-700">{t("booking.intro")}</p>
          <FormErrors errors={[...(form.errors ?? []), ...(fields.formToken.errors ?? [])]} />
          <input type="hidden" name="formToken" value={booking.formToken} />
          <input type="hidden" name="intent" value="book" />
          <HoneypotField />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t("booking.start")}
              name="start"
              type="date"
              min={today}
              required
              defaultValue={value("start")}
              errors={fields.start.errors}
            />
            <Field
              label={t("booking.end")}
              name="end"
              type="date"
              min={today}
              required
              hint={t("booking.datesHint", { max: MAX_BOOKING_DAYS })}
              defaultValue={value("end")}
              errors={fields.end.errors}
            />
          </div>
          <TextareaField
            label={t("booking.purpose")}
            hint={t("booking.purposeHint")}
            name="purpose"
            rows={3}
            maxLength={2000}
            required
            defaultValue={value("purpose")}
            errors={fields.purpose.errors}
          />
          <TextareaField
            label={t("booking.samples")}
            hint={t("booking.samplesHint")}
            name="samples"
            rows={2}
            maxLength={1000}
            required
            defaultValue={value("samples")}
            errors={fields.samples.errors}
          />
          <TextareaField
            label={t("booking.message")}
            name="message"
            rows={3}
            maxLength={5000}
            defaultValue={value("message")}
            errors={fields.message.errors}
          />
          <SubmitButton>{t("booking.submit")}</SubmitButton>
        </Form>
      )}
    </Panel>
  );
}
