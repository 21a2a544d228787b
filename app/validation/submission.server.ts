import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { problem } from "~/validation/messages";

/** A form's reply with status 400 (field errors) or 429 (rate limited). */
export function invalid(result: SubmissionResult<string[]>, status = 400) {
  return data({ result }, { status });
}

export function rateLimited(result: (options: { formErrors: string[] }) => SubmissionResult<string[]>, waitMs: number) {
  return data(
    {
      result: result({
        formErrors: [problem("form.tooManyAttempts", { minutes: Math.max(1, Math.ceil(waitMs / 60_000)) })],
      }),
    },
    { status: 429, headers: { "Retry-After": String(Math.ceil(waitMs / 1000)) } },
  );
}
