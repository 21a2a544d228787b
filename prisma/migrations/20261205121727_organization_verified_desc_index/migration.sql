-- DropIndex
DROP INDEX "Organization_status_verified_sortNameVi_idx";

-- DropIndex
DROP INDEX "Organization_status_verified_sortNameEn_idx";

-- CreateIndex
CREATE INDEX "Organization_status_verified_sortNameVi_idx" ON "Organization"("status", "verified" DESC, "sortNameVi");

-- CreateIndex
CREATE INDEX "Organization_status_verified_sortNameEn_idx" ON "Organization"("status", "verified" DESC, "sortNameEn");

