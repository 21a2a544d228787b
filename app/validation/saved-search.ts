import { z } from "zod";
import { FREQUENCIES, LABEL_MAX, SAVED_LISTS } from "~/utils/saved-search";
import { oneOf, recordChoice, text } from "./common";
import { problem } from "./messages";

/** Saving a list's search (the form under each list) and changing or deleting one (/me/alerts). */
export const SaveSearchSchema = z.object({
  intent: z.literal("save"),
  list: oneOf(SAVED_LISTS),
  // The list's URL query as the page had it; re-read by the list's schema on the server.
  query: z
    .string()
    .optional()
    .transform((value) => value ?? "")
    .pipe(z.string().max(2_000, problem("form.tooLong", { max: 2_000 }))),
  label: text({ max: LABEL_MAX }),
  frequency: oneOf(FREQUENCIES),
});

export const UpdateSavedSearchSchema = z.object({
  intent: z.literal("update"),
  id: recordChoice,
  label: text({ max: LABEL_MAX }),
  frequency: oneOf(FREQUENCIES),
});

export const DeleteSavedSearchSchema = z.object({ intent: z.literal("delete"), id: recordChoice });
