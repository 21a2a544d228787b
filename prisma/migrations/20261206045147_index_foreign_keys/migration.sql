-- CreateIndex
CREATE INDEX "OrganizationClaim_reviewedById_idx" ON "OrganizationClaim"("reviewedById");

-- CreateIndex
CREATE INDEX "TechRequest_reviewedById_idx" ON "TechRequest"("reviewedById");

-- CreateIndex
CREATE INDEX "MatchSuggestion_organizationId_idx" ON "MatchSuggestion"("organizationId");

-- CreateIndex
CREATE INDEX "Invitation_invitedById_idx" ON "Invitation"("invitedById");

-- CreateIndex
CREATE INDEX "RequestResponse_expertId_idx" ON "RequestResponse"("expertId");

-- CreateIndex
CREATE INDEX "Conversation_expertId_idx" ON "Conversation"("expertId");

-- CreateIndex
CREATE INDEX "Offer_createdById_idx" ON "Offer"("createdById");

-- CreateIndex
CREATE INDEX "Offer_reviewedById_idx" ON "Offer"("reviewedById");

-- CreateIndex
CREATE INDEX "OrganizationRevision_authorId_idx" ON "OrganizationRevision"("authorId");

-- CreateIndex
CREATE INDEX "OrganizationRevision_reviewedById_idx" ON "OrganizationRevision"("reviewedById");

