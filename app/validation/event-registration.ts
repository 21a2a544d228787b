import { z } from "zod";
import { formToken, optionalText } from "./common";
import { problem } from "./messages";

/** The registration forms of /events/:slug/registration and /me/events (docs/decisions/077). */
export const INTERESTS_MAX = 300;

const choice = {
  // A checkbox: sent as "on" when ticked, absent otherwise.
  listed: z
    .literal("on", { errorMap: () => ({ message: problem("form.choose") }) })
    .optional()
    .transform((value) => value === "on"),
  interests: optionalText({ max: INTERESTS_MAX, multiline: true }),
};

// The key comes with every form the page sends; a form without one is an old page, asked to reload.
const key = z
  .string({ required_error: problem("form.expired"), invalid_type_error: problem("form.expired") })
  .pipe(formToken);

export const RegisterSchema = z.object({ intent: z.literal("register"), formToken: key, ...choice });
export const UpdateRegistrationSchema = z.object({ intent: z.literal("update"), formToken: key, ...choice });
export const CancelRegistrationSchema = z.object({ intent: z.literal("cancel"), formToken: key });

export const REGISTRATION_SCHEMAS = {
  register: RegisterSchema,
  update: UpdateRegistrationSchema,
  cancel: CancelRegistrationSchema,
} as const;
export type RegistrationIntent = keyof typeof REGISTRATION_SCHEMAS;
export const isRegistrationIntent = (value: unknown): value is RegistrationIntent =>
  typeof value === "string" && Object.hasOwn(REGISTRATION_SCHEMAS, value);
