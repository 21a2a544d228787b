-- Hand-written (docs/decisions/080): Prisma's schema cannot declare a partial index, so this folder has
-- no schema.snapshot.prisma and the next generated migration diffs from the previous one.
--
-- A nullable foreign key's own index (the one Prisma made) also counts its NULLs, and the planner's
-- statistics then describe it by them: when most rows have no reviewer, creator or parent, ANALYZE
-- records "every row has the same value", and SQLite judges the index useless for `col = ?`. Deleting
-- the referenced row (an account, a profile, a listing) then scanned the whole child table for each
-- row deleted: a cleanup of 1,000 accounts beside 50,000 offers read the Offer table 1,000 times.
-- These indexes hold only the rows that have a value, so their statistics say how selective a value is;
-- `col = ?` implies `col IS NOT NULL`, so the foreign key's lookups may use them.
CREATE INDEX "Agreement_confirmedById_set_idx" ON "Agreement"("confirmedById") WHERE "confirmedById" IS NOT NULL;
CREATE INDEX "Agreement_offerId_set_idx" ON "Agreement"("offerId") WHERE "offerId" IS NOT NULL;
CREATE INDEX "Agreement_recordedById_set_idx" ON "Agreement"("recordedById") WHERE "recordedById" IS NOT NULL;
CREATE INDEX "AuditEntry_actorId_set_idx" ON "AuditEntry"("actorId") WHERE "actorId" IS NOT NULL;
CREATE INDEX "Conversation_expertId_set_idx" ON "Conversation"("expertId") WHERE "expertId" IS NOT NULL;
CREATE INDEX "Conversation_matchId_set_idx" ON "Conversation"("matchId") WHERE "matchId" IS NOT NULL;
CREATE INDEX "Conversation_offerId_set_idx" ON "Conversation"("offerId") WHERE "offerId" IS NOT NULL;
CREATE INDEX "Conversation_organizationId_set_idx" ON "Conversation"("organizationId") WHERE "organizationId" IS NOT NULL;
CREATE INDEX "Conversation_ownerUserId_set_idx" ON "Conversation"("ownerUserId") WHERE "ownerUserId" IS NOT NULL;
CREATE INDEX "Conversation_responseId_set_idx" ON "Conversation"("responseId") WHERE "responseId" IS NOT NULL;
CREATE INDEX "Event_createdById_set_idx" ON "Event"("createdById") WHERE "createdById" IS NOT NULL;
CREATE INDEX "Event_organizationId_set_idx" ON "Event"("organizationId") WHERE "organizationId" IS NOT NULL;
CREATE INDEX "Event_reviewedById_set_idx" ON "Event"("reviewedById") WHERE "reviewedById" IS NOT NULL;
CREATE INDEX "ExpertProfile_affiliationId_set_idx" ON "ExpertProfile"("affiliationId") WHERE "affiliationId" IS NOT NULL;
CREATE INDEX "Field_parentId_set_idx" ON "Field"("parentId") WHERE "parentId" IS NOT NULL;
CREATE INDEX "MatchSuggestion_expertId_set_idx" ON "MatchSuggestion"("expertId") WHERE "expertId" IS NOT NULL;
CREATE INDEX "MatchSuggestion_offerId_set_idx" ON "MatchSuggestion"("offerId") WHERE "offerId" IS NOT NULL;
CREATE INDEX "MatchSuggestion_organizationId_set_idx" ON "MatchSuggestion"("organizationId") WHERE "organizationId" IS NOT NULL;
CREATE INDEX "Offer_createdById_set_idx" ON "Offer"("createdById") WHERE "createdById" IS NOT NULL;
CREATE INDEX "Offer_organizationId_set_idx" ON "Offer"("organizationId") WHERE "organizationId" IS NOT NULL;
CREATE INDEX "Offer_ownerExpertId_set_idx" ON "Offer"("ownerExpertId") WHERE "ownerExpertId" IS NOT NULL;
CREATE INDEX "Offer_reviewedById_set_idx" ON "Offer"("reviewedById") WHERE "reviewedById" IS NOT NULL;
CREATE INDEX "Organization_parentId_set_idx" ON "Organization"("parentId") WHERE "parentId" IS NOT NULL;
CREATE INDEX "OrganizationClaim_reviewedById_set_idx" ON "OrganizationClaim"("reviewedById") WHERE "reviewedById" IS NOT NULL;
CREATE INDEX "OrganizationRevision_reviewedById_set_idx" ON "OrganizationRevision"("reviewedById") WHERE "reviewedById" IS NOT NULL;
CREATE INDEX "TechRequest_organizationId_set_idx" ON "TechRequest"("organizationId") WHERE "organizationId" IS NOT NULL;
CREATE INDEX "TechRequest_reviewedById_set_idx" ON "TechRequest"("reviewedById") WHERE "reviewedById" IS NOT NULL;

ANALYZE "Agreement_confirmedById_set_idx";
ANALYZE "Agreement_offerId_set_idx";
ANALYZE "Agreement_recordedById_set_idx";
ANALYZE "AuditEntry_actorId_set_idx";
ANALYZE "Conversation_expertId_set_idx";
ANALYZE "Conversation_matchId_set_idx";
ANALYZE "Conversation_offerId_set_idx";
ANALYZE "Conversation_organizationId_set_idx";
ANALYZE "Conversation_ownerUserId_set_idx";
ANALYZE "Conversation_responseId_set_idx";
ANALYZE "Event_createdById_set_idx";
ANALYZE "Event_organizationId_set_idx";
ANALYZE "Event_reviewedById_set_idx";
ANALYZE "ExpertProfile_affiliationId_set_idx";
ANALYZE "Field_parentId_set_idx";
ANALYZE "MatchSuggestion_expertId_set_idx";
ANALYZE "MatchSuggestion_offerId_set_idx";
ANALYZE "MatchSuggestion_organizationId_set_idx";
ANALYZE "Offer_createdById_set_idx";
ANALYZE "Offer_organizationId_set_idx";
ANALYZE "Offer_ownerExpertId_set_idx";
ANALYZE "Offer_reviewedById_set_idx";
ANALYZE "Organization_parentId_set_idx";
ANALYZE "OrganizationClaim_reviewedById_set_idx";
ANALYZE "OrganizationRevision_reviewedById_set_idx";
ANALYZE "TechRequest_organizationId_set_idx";
ANALYZE "TechRequest_reviewedById_set_idx";
