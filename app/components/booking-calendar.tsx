import { Link } from "@remix-run/react";
import { Panel } from "~/components/page";
import { Badge } from "~/components/ui/badge";
import { formatDays, monthBounds, type BookingStatus } from "~/domain/booking";
import { useLanguage, useT } from "~/i18n/i18n";

export type CalendarBooking = {
  start: string;
  end: string;
  status: BookingStatus;
  /** Who booked and the thread: only for the instrument's owner side */
  who: string | null;
  url: string | null;
};

/**
 * An instrument's bookings in one month, as a list (readable on a phone, no script):
 * the dates taken for everyone; who and what is pending for the owner side only.
 */
export function BookingCalendar({ month, bookings }: { month: string; bookings: CalendarBooking[] }) {
  const t = useT();
  const lang = useLanguage();
  const { previous, next } = monthBounds(month);
  const [year, number] = month.split("-");
  return (
    <Panel id="calendar" title={t("booking.calendar")}>
      <nav aria-label={t("booking.calendar")} className="mt-3 flex items-center justify-between gap-2 text-sm">
        <Link to={`?month=${previous}#calendar`} className="text-brand-700 underline" rel="nofollow">
          {t("booking.calendarPrevious")}
        </Link>
        <p className="font-semibold" aria-live="polite">
          {t("booking.calendarMonth", { month: Number(number), year: String(year) })}
        </p>
        <Link to={`?month=${next}#calendar`} className="text-brand-700 underline" rel="nofollow">
          {t("booking.calendarNext")}
        </Link>
      </nav>
      {bookings.length === 0 ? (
        <p className="mt-3 text-slate-600">{t("booking.calendarEmpty")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {bookings.map((booking) => (
            <li key={`${booking.start}-${booking.end}-${booking.url ?? ""}`} className="py-2">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{formatDays(lang, booking.start, booking.end)}</span>
                <Badge tone={booking.status === "accepted" ? "brand" : undefined}>
                  {booking.who ? t(`booking.status.${booking.status}`) : t("booking.calendarBooked")}
                </Badge>
              </p>
              {booking.who && booking.url ? (
                <p className="text-sm break-words text-slate-700">
                  {booking.who} ·{" "}
                  <Link to={booking.url} className="text-brand-700 underline">
                    {t("booking.calendarOpen")}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
