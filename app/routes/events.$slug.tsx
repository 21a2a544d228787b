import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { IntentForm } from "~/components/forms";
import { Badge } from "~/components/ui/badge";
import { ButtonLink } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { formatNumber, pick, useLanguage, useT, type Language } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { getUser, requireUser } from "~/auth/auth.server";
import { findDistrict } from "~/domain/districts";
import { findWard, wardLabel } from "~/domain/wards";
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS, type EventFormat, type EventKind } from "~/domain/event-values";
import { eventTimeRange } from "~/domain/event-time";
import { cancelEvent, eventForPage } from "~/models/event.server";
import { titled } from "~/utils/meta";
import { externalUrlLabel, invariantResponse, readForm } from "~/utils/misc";

/**
 * An event's page: when (Hanoi time, with the day), where, who organizes it, its fields and
 * seats; registration, the people to meet and the calendar file when it is open. Past and
 * cancelled events keep their page and say so. Pending or refused ones: organizers only (404).
 */
export const meta: MetaFunction<typeof loader> = (args) => {
  const { data } = args;
  if (!data) return titled(args, (t) => t("error.404.event"));
  const lang = data.lang as Language;
  return titled(args, pick(lang, data.event.titleVi, data.event.titleEn), {
    description: pick(lang, data.event.descriptionVi, data.event.descriptionEn) || null,
  });
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function load(args: LoaderFunctionArgs) {
  const slug = args.params.slug ?? "";
  invariantResponse(SLUG.test(slug) && slug.length <= 120, "Not found", { status: 404 });
  const found = await eventForPage(slug, getUser(args));
  invariantResponse(found, "Not found", { status: 404 });
  return found;
}

export async function loader(args: LoaderFunctionArgs) {
  const { event, canManage } = await load(args);
  const now = Date.now();
  return {
    lang: await getLanguage(args.request),
    event,
    canManage,
    over: event.endsAt.getTime() < now,
  };
}

export async function action(args: ActionFunctionArgs) {
  const user = requireUser(args);
  const { event, canManage } = await load(args);
  invariantResponse(canManage, "Not found", { status: 404 });
  const formData = await readForm(args.request);
  invariantResponse(formData.get("intent") === "cancel", "Unknown intent", { status: 400 });
  await cancelEvent(user, event.id);
  return redirect(`/events/${event.slug}?cancelled=1`);
}

export default function EventPage() {
  const { event, canManage, over } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  const [searchParams] = useSearchParams();
  const title = pick(lang, event.titleVi, event.titleEn);
  const other = lang === "vi" ? event.titleEn : event.titleVi;
  const description = pick(lang, event.descriptionVi, event.descriptionEn);
  const ward = findWard(event.ward);
  const district = findDistrict(event.district);
  const place = [event.venue, ward ? wardLabel(ward, lang) : null, district ? district[lang] : null]
    .filter(Boolean)
    .join(", ");
  const cancelled = event.status === "cancelled";
  const open = event.status === "published" && !over;
  const organizer = event.organization
    ? pick(lang, event.organization.nameVi, event.organization.nameEn)
    : event.organizerName || t("event.cityOrganizer");
  const sent = searchParams.get("sent");
  const edited = searchParams.get("edited");
  return (
    <article className="space-y-6">
      <nav aria-label={t("event.breadcrumb")} className="text-sm text-slate-600">
        <Link to="/events" className="text-brand-700 hover:underline">
          {t("events.title")}
        </Link>
      </nav>
      {sent === "pending" ? <Notice>{t("event.sent")}</Notice> : null}
      {sent === "published" ? <Notice>{t("event.published")}</Notice> : null}
      {edited === "pending" ? <Notice>{t("event.savedPending")}</Notice> : null}
      {edited === "saved" ? <Notice>{t("event.saved")}</Notice> : null}
      {edited === "unchanged" ? <Notice>{t("event.unchanged")}</Notice> : null}
      {cancelled ? <Notice tone="warning">{t("event.cancelledNotice")}</Notice> : null}
      {!cancelled && over ? <Notice>{t("event.endedNotice")}</Notice> : null}

      <header className="rounded-2xl border border-slate-200 bg-white p-5 [overflow-wrap:anywhere] sm:p-8">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">{EVENT_KIND_LABELS[event.kind as EventKind]?.[lang] ?? event.kind}</Badge>
          {event.status !== "published" ? <Badge>{t(`event.status.${event.status as "pending"}`)}</Badge> : null}
        </div>
        <h1 className="mt-3 text-2xl font-bold sm:text-3xl">{title}</h1>
        {other && other !== title ? (
          <p className="mt-1 text-slate-600" lang={lang === "vi" ? "en" : "vi"}>
            {other}
          </p>
        ) : null}
        {event.refusal ? (
          <p className="mt-3 text-sm text-red-800">{t("event.reviewNote", { note: event.refusal })}</p>
        ) : null}
        <dl className="mt-4 grid gap-3 sm:grid-cols-[10rem_1fr]">
          <dt className="font-semibold text-slate-700">{t("event.when")}</dt>
          <dd>
            <time dateTime={new Date(event.startsAt).toISOString()}>
              {eventTimeRange(lang, event.startsAt, event.endsAt)}
            </time>
          </dd>
          <dt className="font-semibold text-slate-700">{t("event.format")}</dt>
          <dd>{EVENT_FORMAT_LABELS[event.format as EventFormat]?.[lang] ?? event.format}</dd>
          {place ? (
            <>
              <dt className="font-semibold text-slate-700">{t("event.where")}</dt>
              <dd>{place}</dd>
            </>
          ) : null}
          {event.onlineUrl && !cancelled ? (
            <>
              <dt className="font-semibold text-slate-700">{t("event.onlineUrl")}</dt>
              <dd>
                <a
                  href={event.onlineUrl}
                  rel="noopener noreferrer nofollow"
                  className="break-all text-brand-700 underline"
                >
                  {externalUrlLabel(event.onlineUrl)}
                </a>
              </dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-700">{t("event.organizer")}</dt>
          <dd>
            {event.organization ? (
              <Link to={`/organizations/${event.organization.slug}`} className="text-brand-700 underline">
                {organizer}
              </Link>
            ) : (
              organizer
            )}
          </dd>
          {event.fields.length ? (
            <>
              <dt className="font-semibold text-slate-700">{t("event.fields")}</dt>
              <dd>
                <ul className="flex flex-wrap gap-2">
                  {event.fields.map((field) => (
                    <li key={field.slug}>
                      <Link to={`/events?field=${field.slug}`} className="text-brand-700 underline">
                        {lang === "vi" ? field.nameVi : field.nameEn}
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-700">{t("event.capacity")}</dt>
          <dd>
            {event.capacity === null
              ? t("event.noLimit")
              : t("event.seats", {
                  capacity: formatNumber(lang, event.capacity),
                  left: formatNumber(lang, event.seatsLeft ?? 0),
                })}
          </dd>
        </dl>
        {description ? <p className="mt-5 whitespace-pre-line">{description}</p> : null}
      </header>

      {open || (event.status === "published" && event.meetingsOpen) ? (
        <section aria-labelledby="take-part" className="rounded-2xl border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="take-part" className="text-lg font-semibold">
            {t("event.takePart")}
          </h2>
          <ul className="mt-3 flex flex-wrap gap-3">
            {open ? (
              <li>
                <ButtonLink to={`/events/${event.slug}/registration`}>{t("event.register")}</ButtonLink>
              </li>
            ) : null}
            {event.meetingsOpen ? (
              <li>
                <ButtonLink to={`/events/${event.slug}/people`} variant="secondary">
                  {t("event.people")}
                </ButtonLink>
              </li>
            ) : null}
            {open ? (
              <li>
                <a
                  href={`/events/${event.slug}.ics`}
                  className="inline-flex min-h-11 items-center text-brand-700 underline"
                >
                  {t("event.addToCalendar")}
                </a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {canManage && !cancelled ? (
        <section aria-labelledby="manage" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="manage" className="text-lg font-semibold">
            {t("event.manage")}
          </h2>
          <div className="flex flex-wrap items-center gap-4">
            <Link to={`/events/${event.slug}/edit`} className="font-medium text-brand-700 underline">
              {t("event.edit")}
            </Link>
            <IntentForm intent="cancel" label={t("event.cancel")}>
              {null}
            </IntentForm>
          </div>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary messages={{ 404: "error.404.event" }} />;
}
