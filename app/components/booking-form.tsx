import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { Form, Link } from "@remix-run/react";
import { Field, FormErrors, HoneypotField, SubmitButton, TextareaField, type ListOfErrors } from "~/components/forms";
import { Panel } from "~/components/page";
import { hanoiToday, MAX_BOOKING_DAYS, type BookingOffer } from "~/domain/booking";
import { useT } from "~/i18n/i18n";
import { BookingRequestSchema } from "~/validation/booking";

/** The request's texts, as data (decision 041); their limits are the schema's. */
const TEXTS = [
  { name: "purpose", hint: "booking.purposeHint", rows: 3, max: 2000, required: true },
  { name: "samples", hint: "booking.samplesHint", rows: 2, max: 1000, required: true },
  { name: "message", hint: null, rows: 3, max: 5000, required: false },
] as const;

/** A booking's two dates (the request's and a proposal's), from today in Hanoi. */
export function BookingDateFields({
  value,
  errors,
  hint,
}: {
  value: (name: string) => string | undefined;
  errors: { start?: ListOfErrors; end?: ListOfErrors };
  hint?: string;
}) {
  const t = useT();
  const today = hanoiToday();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {(["start", "end"] as const).map((name) => (
        <Field
          key={name}
          label={t(`booking.${name}`)}
          name={name}
          type="date"
          min={today}
          required
          hint={name === "end" ? hint : undefined}
          defaultValue={value(name)}
          errors={errors[name]}
        />
      ))}
    </div>
  );
}

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
  if (booking.mode === "own")
    return (
      <Panel id="booking" title={t("booking.title")}>
        <p className="mt-2 text-slate-700">{t("booking.own")}</p>
      </Panel>
    );
  const sent = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const value = (name: string) => (typeof sent[name] === "string" ? (sent[name] as string) : undefined);
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
          <BookingDateFields
            value={value}
            errors={{ start: fields.start.errors, end: fields.end.errors }}
            hint={t("booking.datesHint", { max: MAX_BOOKING_DAYS })}
          />
          {TEXTS.map((text) => (
            <TextareaField
              key={text.name}
              label={t(`booking.${text.name}`)}
              hint={text.hint ? t(text.hint) : undefined}
              name={text.name}
              rows={text.rows}
              maxLength={text.max}
              required={text.required}
              defaultValue={value(text.name)}
              errors={fields[text.name].errors}
            />
          ))}
          <SubmitButton>{t("booking.submit")}</SubmitButton>
        </Form>
      )}
    </Panel>
  );
}
