-- DropIndex
DROP INDEX "Offer_status_type_hiddenAt_idx";

-- CreateIndex
CREATE INDEX "Organization_id_status_kind_idx" ON "Organization"("id", "status", "kind");

-- CreateIndex
CREATE INDEX "Offer_status_type_hiddenAt_sortNameVi_id_idx" ON "Offer"("status", "type", "hiddenAt", "sortNameVi", "id");

-- CreateIndex
CREATE INDEX "Offer_status_type_hiddenAt_sortNameEn_id_idx" ON "Offer"("status", "type", "hiddenAt", "sortNameEn", "id");

-- CreateIndex
CREATE INDEX "Offer_status_hiddenAt_sortNameVi_id_idx" ON "Offer"("status", "hiddenAt", "sortNameVi", "id");

-- CreateIndex
CREATE INDEX "Offer_status_hiddenAt_sortNameEn_id_idx" ON "Offer"("status", "hiddenAt", "sortNameEn", "id");


-- Hand-added: the planner's statistics for the new indexes now, not at the next hourly ANALYZE.
ANALYZE "Offer";
ANALYZE "Organization";
