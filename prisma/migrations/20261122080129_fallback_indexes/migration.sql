-- DropIndex
DROP INDEX "Organization_status_kind_idx";

-- DropIndex
DROP INDEX "Organization_createdAt_idx";

-- CreateIndex
CREATE INDEX "Organization_status_kind_district_verified_idx" ON "Organization"("status", "kind", "district", "verified");

-- CreateIndex
CREATE INDEX "Organization_status_createdAt_idx" ON "Organization"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Organization_status_verified_sortNameVi_idx" ON "Organization"("status", "verified", "sortNameVi");

-- CreateIndex
CREATE INDEX "Organization_status_verified_sortNameEn_idx" ON "Organization"("status", "verified", "sortNameEn");

