/** Types of search results shared with the browser (no server code). */
export type OrganizationHitHighlights = Partial<
  Record<"nameVi" | "nameEn" | "acronym" | "summaryVi" | "summaryEn", string>
>;
