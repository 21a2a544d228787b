import { z } from "zod";
import { SLUG_PATTERN } from "~/utils/text";
import { problem } from "./messages";

/** Building blocks shared by the forms' schemas (used on both sides). */

/** Visible characters: no control characters (except line breaks in long text). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/**
 * Everything some program reads as a line break: a bare CR, NEL, and Unicode's line and paragraph
 * separators, not only LF. In a one-line field any of them would split a CSV row, a log line or
 * an e-mail header line apart when the value is written out.
 */
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

/** Browsers send CRLF; a bare CR (old Mac line ends) is a line break too. */
const normalizeLineEnds = (value: string) => value.replace(/\r\n?/g, "\n");

/** A slug chosen from a list (a field's, a listing's); anything else was not one of the choices. */
export const slugChoice = z.string().regex(SLUG_PATTERN, problem("form.choose")).max(80);

/** A record's id sent back by a form's button or choice (the ids Prisma makes: cuid). */
export const recordChoice = z
  .string({ required_error: problem("form.choose") })
  .trim()
  .regex(/^[a-z0-9]{10,40}$/, problem("form.choose"));

export function text(options: { min?: number; max: number; multiline?: boolean }) {
  return z
    .string({ required_error: problem("form.required"), invalid_type_error: problem("form.required") })
    .transform((value) => (options.multiline ? normalizeLineEnds(value) : value).trim())
    .refine((value) => !CONTROL.test(value), problem("form.invalidCharacters"))
    .refine((value) => options.multiline || !LINE_BREAK.test(value), problem("form.oneLine"))
    .refine(
      (value) => value.length >= (options.min ?? 1),
      problem(options.min && options.min > 1 ? "form.tooShort" : "form.required", { min: options.min ?? 1 }),
    )
    .refine((value) => value.length <= options.max, problem("form.tooLong", { max: options.max }));
}

export function optionalText(options: { max: number; multiline?: boolean }) {
  return z
    .string()
    .optional()
    .transform((value) => (options.multiline ? normalizeLineEnds(value ?? "") : (value ?? "")).trim())
    .refine((value) => !CONTROL.test(value), problem("form.invalidCharacters"))
    .refine((value) => options.multiline || !LINE_BREAK.test(value), problem("form.oneLine"))
    .refine((value) => value.length <= options.max, problem("form.tooLong", { max: options.max }))
    .transform((value) => (value === "" ? null : value));
}

export const email = z
  .string({ required_error: problem("form.required") })
  .trim()
  .toLowerCase()
  .max(254, problem("form.tooLong", { max: 254 }))
  .email(problem("form.email"));

export function oneOf<T extends string>(values: readonly T[]) {
  return z.enum(values as [T, ...T[]], {
    errorMap: (issue) => ({
      message: issue.code === "invalid_type" ? problem("form.required") : problem("form.choose"),
    }),
  });
}

/** An http(s) URL; a bare domain gets https:// in front. */
export const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim())
  .transform((value) => (value && !/^[a-z]+:\/\//i.test(value) ? `https://${value}` : value))
  .refine((value) => {
    if (value === "") return true;
    try {
      const url = new URL(value);
      return (
        (url.protocol === "https:" || url.protocol === "http:") && value.length <= 500 && url.hostname.includes(".")
      );
    } catch {
      return false;
    }
  }, problem("form.url"))
  .transform((value) => (value === "" ? null : value));

/** Checkbox lists arrive as a string, an array, or nothing. */
export function listOf<T extends z.ZodTypeAny>(item: T, options: { max: number; min?: number }) {
  return z
    .preprocess(
      (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
      z.array(item),
    )
    .refine((values) => values.length >= (options.min ?? 0), problem("form.chooseAtLeast", { min: options.min ?? 0 }))
    .refine((values) => values.length <= options.max, problem("form.tooMany", { max: options.max }));
}

export const password = z
  .string({ required_error: problem("form.required") })
  .min(10, problem("form.passwordTooShort", { min: 10 }))
  .max(200, problem("form.tooLong", { max: 200 }));

/** Hidden key that makes a create form safe against double submission (app/auth/form-token.server.ts). */
export const formToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, problem("form.expired"));
