import { z } from "zod";
import { BOOKING_DECLINE_REASONS, dateRangeProblem, MAX_BOOKING_DAYS, type DateProblem } from "~/domain/booking";
import { formToken, oneOf, optionalText, text } from "./common";
import { problem } from "./messages";

/** What is wrong with a booking's dates, as the forms say it. */
export const DATE_MESSAGES: Record<DateProblem, string> = {
  invalid: problem("form.dateInvalid"),
  past: problem("booking.datePast"),
  reversed: problem("booking.dateReversed"),
  tooLong: problem("booking.dateTooLong", { max: MAX_BOOKING_DAYS }),
  tooFar: problem("booking.dateTooFar"),
};

const day = z.string({ required_error: problem("form.required") }).trim();

function withDates<T extends z.ZodRawShape>(shape: T) {
  return z.object({ start: day, end: day, ...shape }).superRefine((value, context) => {
    const { start, end } = value as { start: string; end: string };
    const found = dateRangeProblem(start, end);
    if (found) context.addIssue({ code: "custom", path: [found.field], message: DATE_MESSAGES[found.problem] });
  });
}

export const BookingRequestSchema = withDates({
  formToken: formToken.optional(),
  purpose: text({ min: 10, max: 2_000, multiline: true }),
  samples: text({ max: 1_000, multiline: true }),
  message: optionalText({ max: 5_000, multiline: true }),
});

export const BookingProposeSchema = withDates({});

export const BookingDeclineSchema = z.object({
  reason: oneOf(BOOKING_DECLINE_REASONS),
  note: optionalText({ max: 1_000, multiline: true }),
});
