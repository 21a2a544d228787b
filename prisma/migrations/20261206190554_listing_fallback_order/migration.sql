-- CreateIndex
CREATE INDEX "ExpertProfile_status_hiddenAt_publishedAt_id_idx" ON "ExpertProfile"("status", "hiddenAt", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "TechRequest_status_publishedAt_id_idx" ON "TechRequest"("status", "publishedAt" DESC, "id");


-- Hand-added: the planner's statistics for the new indexes now, not at the next hourly ANALYZE.
ANALYZE "ExpertProfile";
ANALYZE "TechRequest";
