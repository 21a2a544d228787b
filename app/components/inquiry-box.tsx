import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { Form, Link, useActionData, useLocation } from "@remix-run/react";
import { FormErrors, HoneypotField, SubmitButton, TextareaField } from "~/components/forms";
import { Panel } from "~/components/page";
import { ButtonLink } from "~/components/ui/button";
import { useT } from "~/i18n/i18n";
import { InquirySchema } from "~/validation/inquiry";

type State = "open" | "own" | "closed" | "unmanaged";
type Figures = { count: number; answered: number; medianMs: number | null };

const HOUR = 3_600_000;

/** "Trả lời 9/10 liên hệ · thường trong 6 giờ": the owner's responsiveness, with the count it rests on. */
export function ResponsivenessLine({ figures }: { figures: Figures | null }) {
  const t = useT();
  if (!figures) return null;
  const { medianMs } = figures;
  const time =
    medianMs === null
      ? null
      : medianMs < HOUR
        ? t("responsiveness.minutes", { n: Math.max(1, Math.ceil(medianMs / 60_000)) })
        : medianMs < 48 * HOUR
          ? t("responsiveness.hours", { n: Math.round(medianMs / HOUR) })
          : t("responsiveness.days", { n: Math.round(medianMs / (24 * HOUR)) });
  return (
    <p className="text-sm text-slate-700" title={t("responsiveness.window")} data-testid="responsiveness">
      {t("responsiveness.line", { answered: figures.answered, count: figures.count })}
      {time ? ` · ${t("responsiveness.typically", { time })}` : null}
    </p>
  );
}

/**
 * A listing's contact box: the inquiry form (works without JavaScript), or why there is
 * none: a visitor's link to sign in and come back, one's own listing, a researcher who
 * takes requests only, a listing nobody manages (its public contacts instead).
 */
export function InquiryBox({
  box,
  signedIn,
  formToken,
  contactsHref,
  toTeam = false,
}: {
  box: { state: State; responsiveness: Figures | null } | null;
  signedIn: boolean;
  formToken: string;
  /** Where the listing's public contacts are, when nobody manages it */
  contactsHref?: string;
  /** The listing is an organization's: the message goes to its managers */
  toTeam?: boolean;
}) {
  const t = useT();
  // The page's action answers this form (app/routes/__inquiry.server.ts); a visitor signs in and comes back here.
  const result = (useActionData() as { result?: SubmissionResult<string[]> } | undefined)?.result;
  const returnTo = useLocation().pathname;
  const [form, fields] = useForm({
    id: "inquiry-form",
    lastResult: result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InquirySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!box) return null;
  const typed = result?.initialValue?.body;
  return (
    <Panel id="inquiry" title={t("inquiry.title")} className="space-y-3">
      <ResponsivenessLine figures={box.responsiveness} />
      {box.state === "own" ? <p className="text-sm text-slate-700">{t("inquiry.own")}</p> : null}
      {box.state === "closed" ? (
        <div className="space-y-2 text-sm text-slate-700">
          <p>{t("inquiry.closed")}</p>
          <ButtonLink to="/requests/new" variant="secondary" size="sm">
            {t("inquiry.postRequest")}
          </ButtonLink>
        </div>
      ) : null}
      {box.state === "unmanaged" ? (
        <p className="text-sm text-slate-700">
          {t("inquiry.unmanaged")}{" "}
          {contactsHref ? (
            <Link to={contactsHref} className="text-brand-700 underline">
              {t("inquiry.unmanagedContacts")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {box.state === "open" && !signedIn ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">{t("inquiry.signInHint")}</p>
          <ButtonLink to={`/login?redirectTo=${encodeURIComponent(returnTo)}`}>{t("inquiry.signIn")}</ButtonLink>
        </div>
      ) : null}
      {box.state === "open" && signedIn ? (
        <Form method="post" className="relative space-y-3" {...getFormProps(form)}>
          <p className="text-sm text-slate-700">
            {t("inquiry.intro")}
            {toTeam ? ` ${t("inquiry.toTeam")}` : null}
          </p>
          <FormErrors errors={form.errors} reply={result} />
          <input type="hidden" name="intent" value="inquiry" />
          <input type="hidden" name="formToken" value={formToken} />
          <HoneypotField />
          <TextareaField
            label={t("inquiry.message")}
            hint={t("inquiry.hint")}
            name="body"
            minLength={10}
            maxLength={5000}
            required
            defaultValue={typeof typed === "string" ? typed : undefined}
            errors={fields.body.errors}
          />
          <SubmitButton>{t("inquiry.send")}</SubmitButton>
        </Form>
      ) : null}
    </Panel>
  );
}
