-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "logoKey" TEXT;

