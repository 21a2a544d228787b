/** An official's decision on a pending claim, revision or proposed listing. */
export type ReviewDecision = { approve: boolean; note: string | null };

/** The columns a decision sets on the claim or revision it reviews. */
export function reviewedColumns(decision: ReviewDecision, reviewerId: string) {
  return {
    status: decision.approve ? "approved" : "rejected",
    reviewNote: decision.note,
    reviewedById: reviewerId,
    reviewedAt: new Date(),
  };
}
