import { z } from "zod";
import { DISTRICTS } from "~/domain/districts";
import { isWardSlug } from "~/domain/wards";
import { EVENT_FORMATS, EVENT_KINDS } from "~/domain/event-values";
import { MAX_EVENT_DAYS, parseHanoiLocal } from "~/domain/event-time";
import { formToken, listOf, oneOf, optionalText, optionalUrl, slugChoice } from "./common";
import { problem } from "./messages";

/** The lengths of a meeting slot an organizer may choose, minutes. */
export const MEETING_MINUTES = ["15", "20", "30", "45", "60"] as const;
/** The most seats a form takes: a stadium, not a typo of one. */
export const MAX_CAPACITY = 100_000;

const optionalSlug = (known: (value: string) => boolean) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || null)
    .refine((value) => value === null || known(value), problem("form.choose"));

/** A datetime-local value, read as Hanoi time (docs/decisions/072); required. */
const hanoiMoment = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim())
  .refine((value) => value !== "", problem("form.required"))
  .transform((value) => parseHanoiLocal(value))
  .refine((value): value is Date => value !== null, problem("event.timeInvalid"));

/** Seats: empty is no limit; otherwise a whole number from 1. */
const capacity = z
  .string()
  .optional()
  .transform((value) => (value ?? "").replace(/[\s.,]/g, ""))
  .refine((value) => value === "" || /^\d{1,9}$/.test(value), problem("form.number"))
  .transform((value) => (value === "" ? null : Number(value)))
  .refine((value) => value === null || value >= 1, problem("event.capacityPositive"))
  .refine((value) => value === null || value <= MAX_CAPACITY, problem("event.capacityTooLarge", { max: MAX_CAPACITY }));

const EventObject = z.object({
  kind: oneOf(EVENT_KINDS),
  titleVi: optionalText({ max: 200 }),
  titleEn: optionalText({ max: 200 }),
  descriptionVi: optionalText({ max: 5_000, multiline: true }),
  descriptionEn: optionalText({ max: 5_000, multiline: true }),
  startsAt: hanoiMoment,
  endsAt: hanoiMoment,
  format: oneOf(EVENT_FORMATS),
  venue: optionalText({ max: 300 }),
  district: optionalSlug((slug) => DISTRICTS.some((district) => district.slug === slug)),
  ward: optionalSlug(isWardSlug),
  onlineUrl: optionalUrl,
  fieldSlugs: listOf(slugChoice, { min: 1, max: 6 }),
  capacity,
  meetingsOpen: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  meetingMinutes: z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim() || "30")
    .refine((value) => (MEETING_MINUTES as readonly string[]).includes(value), problem("form.choose"))
    .transform(Number),
  /** An official's event in the city's name: who organizes it */
  organizerName: optionalText({ max: 200 }),
});

type Issue = { path: string; key: string; params?: Record<string, string | number> };

/** The rules that tie fields together. */
export function eventIssues(event: z.output<typeof EventObject>): Issue[] {
  const issues: Issue[] = [];
  if (!event.titleVi && !event.titleEn) issues.push({ path: "titleVi", key: "event.titleRequired" });
  // A time refused on its own (refinements do not stop zod) is not compared.
  const [start, end] = [event.startsAt as Date | null, event.endsAt as Date | null];
  if (start && end && end.getTime() <= start.getTime()) issues.push({ path: "endsAt", key: "event.endBeforeStart" });
  else if (start && end && end.getTime() - start.getTime() > MAX_EVENT_DAYS * 86_400_000)
    issues.push({ path: "endsAt", key: "event.tooLong", params: { days: MAX_EVENT_DAYS } });
  const inPerson = event.format !== "online";
  const online = event.format !== "in_person";
  if (inPerson && !event.venue) issues.push({ path: "venue", key: "form.required" });
  if (inPerson && !event.district) issues.push({ path: "district", key: "form.required" });
  if (online && !event.onlineUrl) issues.push({ path: "onlineUrl", key: "form.required" });
  if (event.onlineUrl && !event.onlineUrl.startsWith("https://"))
    issues.push({ path: "onlineUrl", key: "event.httpsOnly" });
  return issues;
}

const refine = (event: z.output<typeof EventObject>, context: z.RefinementCtx) => {
  for (const issue of eventIssues(event))
    context.addIssue({ code: "custom", path: [issue.path], message: problem(issue.key, issue.params) });
};

export const EventSchema = EventObject.superRefine(refine);
export type EventInput = z.output<typeof EventSchema>;

/** The create form also carries a key against double submission. */
export const NewEventSchema = EventObject.extend({ formToken }).superRefine(refine);
