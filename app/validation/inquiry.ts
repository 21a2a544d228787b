import { z } from "zod";
import { formToken, text } from "./common";

/** The inquiry form of a listing's page (an offer, an organization, an expertise profile). */
export const InquirySchema = z.object({
  intent: z.literal("inquiry"),
  body: text({ min: 10, max: 5_000, multiline: true }),
  formToken: formToken.optional(),
});
