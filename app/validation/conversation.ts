import { z } from "zod";
import { formToken, optionalText } from "./common";

/** A thread's message when files come with it: the words may then be left out (docs/decisions/070). */
export const MessageWithFilesSchema = z.object({
  body: optionalText({ max: 5_000, multiline: true }),
  formToken: formToken.optional(),
});
