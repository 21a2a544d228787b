import { parseWithZod } from "@conform-to/zod/v3";
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import type { SessionUser } from "~/auth/session.server";
import { getTaxonomy } from "~/models/field.server";
import { inventorsBySlug, offerColumns, type OfferData } from "~/models/offer.server";
import { problem } from "~/validation/messages";
import { NewOfferSchema, OfferSchema } from "~/validation/offer";
import { rateLimited } from "~/validation/submission.server";

/**
 * The offer forms' shared step (/offers/new, /offers/:id/edit): the form read and
 * checked (400 with field messages, every typed value kept), the fields and
 * inventors resolved, the write counted (429). Either the reply to send or the data.
 */
type Reply = ReturnType<typeof data<{ result: SubmissionResult<string[]> }>>;

export async function readOfferForm(
  formData: FormData,
  user: SessionUser,
  options: { isNew: boolean },
): Promise<{ reply: Reply } | { offer: OfferData; formToken: string }> {
  const submission = parseWithZod(formData, { schema: options.isNew ? NewOfferSchema : OfferSchema });
  if (submission.status !== "success") return { reply: data({ result: submission.reply() }, { status: 400 }) };
  const { fieldSlugs, inventors, ...input } = submission.value;
  const taxonomy = await getTaxonomy();
  const fields = fieldSlugs.map((slug) => taxonomy.bySlug.get(slug));
  const fieldErrors: Record<string, string[]> = {};
  if (fields.some((field) => !field || field.areaSlug === null))
    fieldErrors.fieldSlugs = [problem("offer.fieldUnknown")];
  const found = await inventorsBySlug(input.type === "technology" ? inventors : []);
  if (found.unknown.length) fieldErrors.inventors = [problem("offer.inventorUnknown")];
  if (Object.keys(fieldErrors).length)
    return { reply: data({ result: submission.reply({ fieldErrors }) }, { status: 400 }) };
  const wait = await hit(LIMITS.writesPerUser, user.id);
  if (wait > 0) return { reply: rateLimited((replyOptions) => submission.reply(replyOptions), wait) };
  return {
    offer: { ...offerColumns(input), fieldIds: fields.map((field) => field!.id), inventorIds: found.ids },
    formToken: "formToken" in input ? String(input.formToken) : "",
  };
}
