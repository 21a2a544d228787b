import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/forms";
import { PageHeader, Panel } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { Notice } from "~/components/ui/notice";
import { requireUser, requireUserId } from "~/auth/auth.server";
import { newFormToken } from "~/auth/form-token.server";
import { registrationUrl } from "~/domain/event-urls";
import { useT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { calendarFeedUrl, resetCalendarFeed } from "~/models/event-calendar.server";
import { myRegistrations } from "~/models/event-registration.server";
import { titled } from "~/utils/meta";
import { invariantResponse, readForm } from "~/utils/misc";

export const meta: MetaFunction = (args) => titled(args, (t) => t("myEvents.title"));

/** GET /me/events: the member's registrations, their calendar file and their personal feed's address. */
export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  const lang = await getLanguage(args.request);
  const { upcoming, past } = await myRegistrations(user.id, lang);
  return {
    // A cancel form's key for each registration that can still be cancelled.
    upcoming: upcoming.map((row) => ({
      ...row,
      cancelKey: row.status !== "cancelled" && !row.event.cancelled ? newFormToken() : null,
    })),
    past,
    feedUrl: await calendarFeedUrl(user.id),
  };
}

/** POST /me/events: the member gives their personal feed a new address (the old one leaked). */
export async function action(args: ActionFunctionArgs) {
  const userId = requireUserId(args);
  const formData = await readForm(args.request);
  invariantResponse(formData.get("intent") === "reset-feed", "Unknown intent", { status: 400 });
  await resetCalendarFeed(userId);
  return redirect("/me/events?feedReset=1#calendar");
}

type Row = Awaited<ReturnType<typeof loader>>["past"][number] & { cancelKey?: string | null };

function RegistrationItem({ row }: { row: Row }) {
  const t = useT();
  const status =
    row.status === "waitlisted"
      ? t("registration.status.waitlisted", { position: row.position ?? 0 })
      : t(`registration.status.${row.status}`);
  return (
    <li data-my-event={row.event.slug} className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
      <h3 className="text-base font-semibold break-words">
        <Link to={registrationUrl(row.event.slug)} className="text-brand-700 hover:underline">
          {row.event.title}
        </Link>
      </h3>
      <p className="text-sm text-slate-700">{row.event.time}</p>
      {row.event.address ? <p className="text-sm break-words text-slate-600">{row.event.address}</p> : null}
      <p className="flex flex-wrap gap-2">
        <Badge tone={row.status === "registered" ? "success" : row.status === "waitlisted" ? "brand" : "neutral"}>
          <span data-registration-status={row.status}>{status}</span>
        </Badge>
        {row.event.cancelled ? <Badge>{t("myEvents.eventCancelled")}</Badge> : null}
      </p>
      {row.cancelKey ? (
        <Form method="post" action={registrationUrl(row.event.slug)}>
          <input type="hidden" name="formToken" value={row.cancelKey} />
          <input type="hidden" name="back" value="me" />
          <SubmitButton name="intent" value="cancel" tone="secondary">
            <span aria-hidden="true">{t("registration.cancel")}</span>
            <span className="sr-only">{t("registration.cancelNamed", { title: row.event.title })}</span>
          </SubmitButton>
        </Form>
      ) : null}
    </li>
  );
}

export default function MyEvents() {
  const { upcoming, past, feedUrl } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("myEvents.title")} />
      <p className="text-sm text-slate-600">{t("myEvents.intro")}</p>
      {searchParams.get("cancelled") === "1" ? <Notice>{t("registration.done.cancelled")}</Notice> : null}
      {upcoming.length + past.length === 0 ? (
        <p className="rounded-2xl border border-slate-200 bg-white p-5">{t("myEvents.empty")}</p>
      ) : null}
      <section aria-labelledby="upcoming" className="space-y-3">
        <h2 id="upcoming" className="text-lg font-semibold">
          {t("myEvents.upcoming")}
        </h2>
        {upcoming.length === 0 ? <p className="text-sm text-slate-600">{t("myEvents.noneUpcoming")}</p> : null}
        <ul className="space-y-3">
          {upcoming.map((row) => (
            <RegistrationItem key={row.id} row={row} />
          ))}
        </ul>
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past" className="space-y-3">
          <h2 id="past" className="text-lg font-semibold">
            {t("myEvents.past")}
          </h2>
          <ul className="space-y-3">
            {past.map((row) => (
              <RegistrationItem key={row.id} row={row} />
            ))}
          </ul>
        </section>
      ) : null}
      <Panel id="calendar" title={t("myEvents.calendar")} className="space-y-3">
        {searchParams.get("feedReset") === "1" ? <Notice>{t("myEvents.feedResetDone")}</Notice> : null}
        <p>
          <Link reloadDocument to="/me/calendar.ics" className="text-sm font-medium text-brand-700 underline">
            {t("myEvents.download")}
          </Link>
        </p>
        <div>
          <label htmlFor="calendar-feed" className="block text-sm font-medium text-slate-800">
            {t("myEvents.feed")}
          </label>
          <input
            id="calendar-feed"
            type="url"
            readOnly
            value={feedUrl}
            aria-describedby="calendar-feed-hint"
            onFocus={(event) => event.currentTarget.select()}
            className="mt-1 w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          />
          <p id="calendar-feed-hint" className="mt-1 text-sm text-slate-600">
            {t("myEvents.feedHint")}
          </p>
        </div>
        <Form method="post" className="space-y-2">
          <p className="text-sm text-slate-600">{t("myEvents.feedResetHint")}</p>
          <SubmitButton name="intent" value="reset-feed" tone="secondary">
            {t("myEvents.feedReset")}
          </SubmitButton>
        </Form>
      </Panel>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
