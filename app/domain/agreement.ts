import { isDay } from "./booking";
import { AGREEMENT_TYPES, LICENSING_TYPES, type AgreementType } from "./agreement-values";

/**
 * Agreements recorded in a conversation (docs/decisions/074): which threads take them,
 * and the rules of the signing date, shared by the form and the model.
 */

/** The conversations an agreement can come out of (a response becomes a match first). */
export const AGREEMENT_CONVERSATION_KINDS = ["match", "inquiry", "booking", "meeting"] as const;

export const takesAgreements = (kind: string) => (AGREEMENT_CONVERSATION_KINDS as readonly string[]).includes(kind);

export const isAgreementType = (value: string): value is AgreementType =>
  (AGREEMENT_TYPES as readonly string[]).includes(value);

export const isLicensingType = (value: string) => (LICENSING_TYPES as readonly string[]).includes(value);

export type SignedOnProblem = "invalid" | "future" | "beforeConversation";

/**
 * What is wrong with a signing day, or null: a real Hanoi calendar day, not after today
 * and not before the day the conversation started (`earliest`, a Hanoi day too).
 */
export function signedOnProblem(day: string, earliest: string, today: string): SignedOnProblem | null {
  if (!isDay(day)) return "invalid";
  if (day > today) return "future";
  if (day < earliest) return "beforeConversation";
  return null;
}

/** What each side may do with an agreement now. */
export type AgreementStep = "confirm" | "dispute" | "withdraw";

export function agreementSteps(status: string, mine: { recordedIt: boolean; onRecorderSide: boolean }) {
  if (status !== "pending") return [] as AgreementStep[];
  if (mine.recordedIt) return ["withdraw"] as AgreementStep[];
  // A colleague of the recorder (the same organization's team) neither confirms nor withdraws it.
  return mine.onRecorderSide ? ([] as AgreementStep[]) : (["confirm", "dispute"] as AgreementStep[]);
}
