import { z } from "zod";
import { problem } from "./messages";

/**
 * Contact values of a listing. Published numbers and mailboxes often come in
 * twos ("024 3869 2008; 024 3869 2104"), and older pages still write
 * pre-2017 area codes (04…, 84-4…), so a number is judged by its digits, not
 * by today's numbering plan. Separators: ";" (or "," or " - ").
 */
const SEPARATOR = /\s*;\s*|\s*,\s*|\s+-\s+/;

export function isPhoneList(value: string): boolean {
  const numbers = value.split(SEPARATOR);
  return (
    value.length <= 100 &&
    numbers.length <= 3 &&
    numbers.every(
      (number) =>
        /^[\d\s.()+-]+$/.test(number) && !/\+.*\+/.test(number) && /^\d{8,13}$/.test(number.replace(/\D/g, "")),
    )
  );
}

const EMAIL = z.string().email();
export function isEmailList(value: string): boolean {
  const mailboxes = value.split(/\s*[;,]\s*/);
  return value.length <= 254 && mailboxes.length <= 3 && mailboxes.every((mailbox) => EMAIL.safeParse(mailbox).success);
}

/** Normalises separators to "; " so every listing reads alike. */
function joined(value: string, split: RegExp) {
  return value.split(split).join("; ");
}

export const optionalPhone = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim())
  .refine((value) => value === "" || isPhoneList(value), problem("form.phone"))
  .transform((value) => (value === "" ? null : joined(value, SEPARATOR)));

export const optionalEmails = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim().toLowerCase())
  .refine((value) => value === "" || isEmailList(value), problem("form.emails"))
  .transform((value) => (value === "" ? null : joined(value, /\s*[;,]\s*/)));
