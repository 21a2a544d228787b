-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "contactSourceUrl" TEXT;
ALTER TABLE "Organization" ADD COLUMN "email" TEXT;
ALTER TABLE "Organization" ADD COLUMN "phone" TEXT;
ALTER TABLE "Organization" ADD COLUMN "ward" TEXT;

-- AlterTable
ALTER TABLE "TechRequest" ADD COLUMN "ward" TEXT;

-- CreateIndex
CREATE INDEX "Organization_ward_idx" ON "Organization"("ward");

