import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { requireUser } from "~/auth/auth.server";
import { formatSlot } from "~/domain/meeting";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { agendaOf } from "~/models/meeting.server";
import { titled } from "~/utils/meta";

/** A member's meetings at events, by event and time in Hanoi time (docs/decisions/073). */
export const meta: MetaFunction = (args) => titled(args, (t) => t("agenda.title"));

export async function loader(args: LoaderFunctionArgs) {
  const user = requireUser(args);
  return { events: await agendaOf(user.id) };
}

export default function Agenda() {
  const { events } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("agenda.title")} />
      <p className="text-slate-700">{t("agenda.intro")}</p>
      {events.length === 0 ? <p className="text-slate-700">{t("agenda.empty")}</p> : null}
      {events.map((event) => {
        const title = pick(lang, event.titleVi, event.titleEn);
        return (
          <section
            key={event.slug}
            aria-labelledby={`e-${event.slug}`}
            className="rounded-2xl border border-slate-200 bg-white p-4"
          >
            <h2 id={`e-${event.slug}`} className="text-lg font-semibold break-words">
              <Link to={`/events/${event.slug}`} className="text-brand-700 underline">
                {title}
              </Link>
            </h2>
            <Link to={`/events/${event.slug}/people`} className="text-sm text-brand-700 underline">
              {t("agenda.people")}
            </Link>
            <ol className="mt-3 divide-y divide-slate-200">
              {event.meetings.map((meeting) => (
                <li key={meeting.id} className="py-3">
                  <p className="font-semibold">{formatSlot(lang, meeting.startsAt, meeting.endsAt)}</p>
                  <p className="mt-1 break-words">
                    {meeting.with}{" "}
                    <span className="text-sm text-slate-600">
                      ({meeting.asked ? t("agenda.asked") : t("agenda.invited")})
                    </span>
                  </p>
                  <p className="mt-1 flex flex-wrap items-center gap-2">
                    <Badge tone={meeting.status === "accepted" ? "brand" : undefined}>
                      {t(`meeting.status.${meeting.status}`)}
                    </Badge>
                    {meeting.outcomeDue ? <Badge tone="success">{t("agenda.outcomeDue")}</Badge> : null}
                    <Link to={meeting.url} className="text-brand-700 underline">
                      {t("agenda.open")}
                    </Link>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
