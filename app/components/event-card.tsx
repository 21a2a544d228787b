import { Link } from "@remix-run/react";
import { pick, useLanguage } from "~/i18n/i18n";
import { findDistrict } from "~/domain/districts";
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS, type EventFormat, type EventKind } from "~/domain/event-values";
import { eventTimeRange } from "~/domain/event-time";
import { Highlight } from "./highlight";

export type EventCardView = {
  slug: string;
  kind: string;
  titleVi: string | null;
  titleEn: string | null;
  startsAt: string | Date;
  endsAt: string | Date;
  format: string;
  venue: string | null;
  district: string | null;
  organizerName: string | null;
  organization: { slug: string; nameVi: string | null; nameEn: string | null; acronym: string | null } | null;
  highlights?: Record<string, string>;
};

/** An event in a list: kind, title, when (Hanoi time, with the day), where, who organizes it. */
export function EventCard({ event }: { event: EventCardView }) {
  const lang = useLanguage();
  const titleKey = lang === "vi" ? "titleVi" : "titleEn";
  const title = pick(lang, event.titleVi, event.titleEn);
  const highlighted = event.highlights?.[titleKey] ?? null;
  const place = [
    event.format !== "online" ? event.venue : null,
    findDistrict(event.district)?.[lang],
    event.format !== "in_person" ? EVENT_FORMAT_LABELS[event.format as EventFormat]?.[lang] : null,
  ].filter(Boolean);
  const organizer = event.organization
    ? event.organization.acronym || pick(lang, event.organization.nameVi, event.organization.nameEn)
    : event.organizerName;
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm [overflow-wrap:anywhere] sm:p-5">
      <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">
        {EVENT_KIND_LABELS[event.kind as EventKind]?.[lang] ?? event.kind}
      </p>
      <h3 className="mt-1 text-lg font-semibold">
        <Link to={`/events/${event.slug}`} className="text-brand-800 underline-offset-2 hover:underline">
          {highlighted ? <Highlight text={highlighted} /> : title}
        </Link>
      </h3>
      <p className="mt-1 text-sm font-medium text-slate-800">{eventTimeRange(lang, event.startsAt, event.endsAt)}</p>
      {place.length ? <p className="text-sm text-slate-700">{place.join(" · ")}</p> : null}
      {organizer ? <p className="text-sm text-slate-600">{organizer}</p> : null}
    </article>
  );
}
