import { getDomain } from "tldts";
import { z } from "zod";
import { isDomainName, MAX_EMAIL_DOMAINS } from "~/domain/affiliation";
import { email, oneOf, optionalText } from "./common";
import { problem } from "./messages";

/** The researcher's work address, to which the confirmation link goes. */
export const AffiliationEmailSchema = z.object({ intent: z.literal("send-link"), email });

/** An official's decision on a requested check. */
export const AffiliationDecisionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{10,40}$/i, problem("form.required")),
  decision: oneOf(["verify", "decline"] as const),
  note: optionalText({ max: 500, multiline: true }),
});

/** A listing's extra e-mail domains, one per line. */
export const EmailDomainsSchema = z.object({
  domains: z
    .string()
    .optional()
    .transform((value) => [
      ...new Set(
        (value ?? "")
          .split(/[\r\n]+/)
          .map((line) => line.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean),
      ),
    ])
    .superRefine((domains, context) => {
      // A public suffix (edu.vn, ac.uk, github.io) would verify every address under it.
      const wrong = domains.find(
        (domain) => !isDomainName(domain) || getDomain(domain, { allowPrivateDomains: true }) === null,
      );
      if (wrong)
        context.addIssue({
          code: "custom",
          message: problem("affiliation.domains.invalid", { value: wrong.slice(0, 80) }),
        });
      else if (domains.length > MAX_EMAIL_DOMAINS)
        context.addIssue({
          code: "custom",
          message: problem("affiliation.domains.tooMany", { max: MAX_EMAIL_DOMAINS }),
        });
    }),
});
