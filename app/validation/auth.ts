import { z } from "zod";
import { email, oneOf, password, text } from "./common";
import { problem } from "./messages";

export const SignUpSchema = z
  .object({
    name: text({ max: 120 }),
    email,
    password,
    confirmPassword: z.string({ required_error: problem("form.required") }),
    accountType: oneOf(["researcher", "business"] as const),
    redirectTo: z.string().optional(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: problem("form.passwordsDiffer"),
  });

export const SignInSchema = z.object({
  email,
  password: z.string({ required_error: problem("form.required") }).max(200, problem("form.tooLong", { max: 200 })),
  redirectTo: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z
  .object({
    token: z.string().max(100),
    password,
    confirmPassword: z.string({ required_error: problem("form.required") }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: problem("form.passwordsDiffer"),
  });

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: z
      .string({ required_error: problem("form.required") })
      .max(200, problem("form.tooLong", { max: 200 })),
    password,
    confirmPassword: z.string({ required_error: problem("form.required") }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    message: problem("form.passwordsDiffer"),
  });

export const ProfileNameSchema = z.object({ intent: z.literal("update-name"), name: text({ max: 120 }) });

export const ConfirmSignUpSchema = z.object({ intent: z.literal("confirm"), token: z.string().max(100) });

export const ResendConfirmationSchema = z.object({ intent: z.literal("resend"), email });
