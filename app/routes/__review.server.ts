import { parseWithZod } from "@conform-to/zod/v3";
import type { ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/auth.server";
import type { Permission } from "~/auth/permissions";
import { reviewItem, reviewItemExists, type ReviewKind } from "~/models/review-queue.server";
import { readForm } from "~/utils/misc";
import { problem } from "~/validation/messages";
import { ReviewSchema } from "~/validation/request";

/**
 * The action of a review page (/admin/claims, /admin/requests): one item, named by the form
 * field `field`, approved or rejected with a reason. 400 on an invalid form, 404 when the item
 * is gone, 409 when it was reviewed already; the route answers with the status returned.
 */
export async function reviewOne(
  args: ActionFunctionArgs,
  { permission, kind, field }: { permission: Permission; kind: ReviewKind; field: string },
) {
  const user = requirePermission(args, permission);
  const formData = await readForm(args.request);
  const id = String(formData.get(field) ?? "");
  const submission = parseWithZod(formData, { schema: ReviewSchema });
  if (submission.status !== "success") return { id, result: submission.reply(), error: null, status: 400 };
  const done = await reviewItem(kind, id, user.id, {
    approve: submission.value.intent === "approve",
    note: submission.value.note,
  });
  if (!done && !(await reviewItemExists(kind, id))) throw new Response("Not found", { status: 404 });
  return {
    id,
    result: submission.reply(),
    error: done ? null : problem("review.alreadyDone"),
    status: done ? 200 : 409,
  };
}
