import { Link } from "@remix-run/react";
import { Panel } from "~/components/page";
import { pick, useLanguage, useT } from "~/i18n/i18n";
import { eventTimeRange } from "~/domain/event-time";

type UpcomingEvent = {
  slug: string;
  titleVi: string | null;
  titleEn: string | null;
  startsAt: string | Date;
  endsAt: string | Date;
};

/** A listing's upcoming events on its page (a few, soonest first); nothing when it has none. */
export function OrganizationEvents({
  slug,
  events,
  canAdd,
}: {
  slug: string;
  events: UpcomingEvent[];
  canAdd: boolean;
}) {
  const t = useT();
  const lang = useLanguage();
  if (events.length === 0 && !canAdd) return null;
  return (
    <Panel id="events" title={t("events.upcoming")}>
      {events.length ? (
        <ul className="mt-3 divide-y divide-slate-100">
          {events.map((event) => (
            <li key={event.slug} className="py-2">
              <Link to={`/events/${event.slug}`} className="font-medium text-brand-700 hover:underline">
                {pick(lang, event.titleVi, event.titleEn)}
              </Link>
              <p className="text-sm text-slate-600">{eventTimeRange(lang, event.startsAt, event.endsAt)}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        {events.length ? (
          <Link to={`/events?organizer=${slug}`} className="font-medium text-brand-700 hover:underline">
            {t("events.all")} →
          </Link>
        ) : null}
        {canAdd ? (
          <Link to={`/events/new?org=${slug}`} className="font-medium text-brand-700 hover:underline">
            {t("events.new.link")}
          </Link>
        ) : null}
      </p>
    </Panel>
  );
}
