import { parseWithZod } from "@conform-to/zod/v3";
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import type { SessionUser } from "~/auth/session.server";
import { getTaxonomy } from "~/models/field.server";
import { eventColumns, type EventData } from "~/models/event.server";
import { problem } from "~/validation/messages";
import { EventSchema, NewEventSchema } from "~/validation/event";
import { rateLimited } from "~/validation/submission.server";

/**
 * The event forms' shared step (/events/new, /events/:slug/edit): the form read and
 * checked (400 with field messages, every typed value kept), the fields resolved,
 * the write counted (429). Either the reply to send or the data.
 */
type Reply = ReturnType<typeof data<{ result: SubmissionResult<string[]> }>>;

export async function readEventForm(
  formData: FormData,
  user: SessionUser,
  options: { isNew: boolean },
): Promise<{ reply: Reply } | { event: EventData; organizerName: string | null; formToken: string }> {
  const submission = parseWithZod(formData, { schema: options.isNew ? NewEventSchema : EventSchema });
  if (submission.status !== "success") return { reply: data({ result: submission.reply() }, { status: 400 }) };
  const { fieldSlugs, organizerName, ...input } = submission.value;
  const taxonomy = await getTaxonomy();
  const fields = fieldSlugs.map((slug) => taxonomy.bySlug.get(slug));
  if (fields.some((field) => !field || field.areaSlug === null))
    return {
      reply: data(
        { result: submission.reply({ fieldErrors: { fieldSlugs: [problem("offer.fieldUnknown")] } }) },
        { status: 400 },
      ),
    };
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return { reply: rateLimited((replyOptions) => submission.reply(replyOptions), wait) };
  return {
    event: { ...eventColumns(input), fieldIds: fields.map((field) => field!.id) },
    organizerName,
    formToken: "formToken" in input ? String(input.formToken) : "",
  };
}
