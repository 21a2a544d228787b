import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, SubmitButton, TextareaField, type ListOfErrors } from "~/components/forms";
import { PageHeader, ParentLink } from "~/components/page";
import { ButtonLink } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { getUser } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { eventTimeRange } from "~/domain/event-time";
import { eventIcsUrl, eventUrl, registrationUrl } from "~/domain/event-urls";
import { useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { MessageKey } from "~/i18n/messages";
import {
  closedReason,
  eventPlace,
  eventTitle,
  findRegistrationEvent,
  registrationSummary,
} from "~/models/event-registration.server";
import { keepRetryAfter } from "~/utils/headers";
import { titled } from "~/utils/meta";
import { invariantResponse } from "~/utils/misc";
import { INTERESTS_MAX } from "~/validation/event-registration";
import { registrationAction } from "./__event-registration.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  titled(args, (t) => t("registration.pageTitle", { title: args.data?.event.title ?? "" }));

export const headers = keepRetryAfter;

/** The registration page of a published (or cancelled) event; 404 for any other. */
export async function loader(args: LoaderFunctionArgs) {
  const slug = args.params.slug ?? "";
  const event = await findRegistrationEvent(slug);
  invariantResponse(event, "Not found", { status: 404 });
  const user = getUser(args);
  const lang = await getLanguage(args.request);
  const summary = await registrationSummary(event, user?.id ?? null);
  return {
    event: {
      slug: event.slug,
      title: eventTitle(event, lang),
      time: eventTimeRange(lang, event.startsAt, event.endsAt),
      ...eventPlace(event, lang),
      limited: event.capacity !== null,
    },
    closed: closedReason(event),
    summary,
    signedIn: Boolean(user),
    // One key per form: a resent form writes once.
    keys: user ? { register: newFormToken(), update: newFormToken(), cancel: newFormToken() } : null,
  };
}

export async function action(args: ActionFunctionArgs) {
  return registrationAction(args, args.params.slug ?? "");
}

const DONE: Record<string, MessageKey> = {
  registered: "registration.done.registered",
  waitlisted: "registration.done.waitlisted",
  cancelled: "registration.done.cancelled",
  updated: "registration.done.updated",
};

type Errors = Record<string, ListOfErrors> | null | undefined;

export default function EventRegistration() {
  const { event, closed, summary, signedIn, keys } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const errors = actionData?.result.error as Errors;
  const typed = (actionData?.result.initialValue ?? null) as Record<string, unknown> | null;
  const refusedIntent = typeof typed?.intent === "string" ? typed.intent : null;
  const done = DONE[searchParams.get("done") ?? ""];
  const mine = summary.mine && summary.mine.status !== "cancelled" ? summary.mine : null;
  const full = summary.seatsLeft === 0 || summary.waitlisted > 0;
  // What the member last chose, or typed in a refused form.
  const choice = {
    listed: typed ? typed.listed === "on" : (mine?.listed ?? false),
    interests: typed ? String(typed.interests ?? "") : (mine?.interests ?? ""),
  };
  const formErrors = [...(errors?.[""] ?? []), ...(errors?.formToken ?? []), ...(errors?.intent ?? [])];

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <ParentLink to={eventUrl(event.slug)}>{t("registration.backToEvent")}</ParentLink>
      <PageHeader title={event.title} />
      <p className="text-sm font-medium text-slate-600">{t("registration.title")}</p>

      <dl className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4 text-sm">
        <div>
          <dt className="font-medium text-slate-600">{t("registration.when")}</dt>
          <dd data-event-time>{event.time}</dd>
        </div>
        {event.address || event.onlineUrl ? (
          <div>
            <dt className="font-medium text-slate-600">{t("registration.where")}</dt>
            {event.address ? <dd className="break-words">{event.address}</dd> : null}
            {event.onlineUrl ? <dd>{t("registration.online")}</dd> : null}
          </div>
        ) : null}
        {closed ? null : (
          <div>
            <dt className="sr-only">{t("registration.title")}</dt>
            <dd data-seats>
              {summary.seatsLeft === null
                ? t("registration.noLimit")
                : t("registration.seatsLeft", { count: summary.seatsLeft })}
              {summary.waitlisted > 0 ? ` · ${t("registration.waitlistCount", { count: summary.waitlisted })}` : null}
            </dd>
          </div>
        )}
      </dl>

      {done ? <Notice>{t(done)}</Notice> : null}
      {closed ? <Notice tone="warning">{t(`registration.closed.${closed}`)}</Notice> : null}

      {summary.mine ? (
        <p data-registration-status={summary.mine.status} className="text-base font-semibold">
          {summary.mine.status === "waitlisted"
            ? t("registration.status.waitlisted", { position: summary.mine.position ?? 0 })
            : t(`registration.status.${summary.mine.status}`)}
        </p>
      ) : null}
      {mine?.status === "waitlisted" ? (
        <p className="text-sm text-slate-600">{t("registration.waitlistExplained")}</p>
      ) : null}

      {!signedIn ? (
        closed ? null : (
          <ButtonLink to={`/login?redirectTo=${encodeURIComponent(registrationUrl(event.slug))}`}>
            {t("registration.signInFirst")}
          </ButtonLink>
        )
      ) : null}

      {signedIn && keys && !closed ? (
        <Form method="post" className="space-y-4 rounded-2xl border border-slate-200 bg-white p-4" noValidate>
          <input type="hidden" name="formToken" value={mine ? keys.update : keys.register} />
          {refusedIntent !== "cancel" ? <FormErrors errors={formErrors} /> : null}
          {!mine && full ? <p className="text-sm">{t("registration.fullNotice")}</p> : null}
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="listed"
              defaultChecked={choice.listed}
              className="mt-0.5 size-4 shrink-0"
              aria-invalid={errors?.listed ? true : undefined}
              aria-describedby={errors?.listed ? "listed-errors" : undefined}
            />
            <span>{t("registration.listed")}</span>
          </label>
          <ErrorList id="listed-errors" errors={errors?.listed} />
          <TextareaField
            label={t("registration.interests")}
            hint={t("registration.interestsHint")}
            name="interests"
            maxLength={INTERESTS_MAX}
            rows={3}
            defaultValue={choice.interests}
            errors={errors?.interests}
          />
          <SubmitButton name="intent" value={mine ? "update" : "register"} tone={mine ? "secondary" : "primary"}>
            {mine ? t("registration.update") : full ? t("registration.joinWaitlist") : t("registration.register")}
          </SubmitButton>
        </Form>
      ) : null}

      {signedIn && keys && mine && !closed ? (
        <Form method="post" className="space-y-2">
          <input type="hidden" name="formToken" value={keys.cancel} />
          {refusedIntent === "cancel" ? <FormErrors errors={formErrors} /> : null}
          <SubmitButton name="intent" value="cancel" tone="secondary">
            {t("registration.cancel")}
          </SubmitButton>
        </Form>
      ) : null}

      {mine?.status === "registered" ? (
        <p>
          <Link reloadDocument to={eventIcsUrl(event.slug)} className="text-sm font-medium text-brand-700 underline">
            {t("registration.downloadIcs")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
