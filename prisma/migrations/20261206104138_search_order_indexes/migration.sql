-- DropIndex
DROP INDEX "Organization_status_sortNameVi_idx";

-- DropIndex
DROP INDEX "Organization_status_sortNameEn_idx";

-- DropIndex
DROP INDEX "Organization_status_verified_sortNameVi_idx";

-- DropIndex
DROP INDEX "Organization_status_verified_sortNameEn_idx";

-- DropIndex
DROP INDEX "OrganizationField_fieldId_idx";

-- CreateIndex
CREATE INDEX "Organization_status_sortNameVi_id_idx" ON "Organization"("status", "sortNameVi", "id");

-- CreateIndex
CREATE INDEX "Organization_status_sortNameEn_id_idx" ON "Organization"("status", "sortNameEn", "id");

-- CreateIndex
CREATE INDEX "Organization_status_kind_sortNameVi_id_idx" ON "Organization"("status", "kind", "sortNameVi", "id");

-- CreateIndex
CREATE INDEX "Organization_status_kind_sortNameEn_id_idx" ON "Organization"("status", "kind", "sortNameEn", "id");

-- CreateIndex
CREATE INDEX "Organization_status_verified_sortNameVi_id_idx" ON "Organization"("status", "verified" DESC, "sortNameVi", "id");

-- CreateIndex
CREATE INDEX "Organization_status_verified_sortNameEn_id_idx" ON "Organization"("status", "verified" DESC, "sortNameEn", "id");

-- CreateIndex
CREATE INDEX "OrganizationField_fieldId_organizationId_idx" ON "OrganizationField"("fieldId", "organizationId");


-- Hand-added: the planner's statistics for the new indexes now, not at the next hourly ANALYZE
-- (until then it would not know the kind-and-name index is the one for "universities by name").
ANALYZE "Organization";
ANALYZE "OrganizationField";
