-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "confirmedAt" DATETIME;
ALTER TABLE "Organization" ADD COLUMN "staleSince" DATETIME;

-- CreateTable
CREATE TABLE "OrganizationRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reviewNote" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganizationRevision_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganizationRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganizationRevision_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganizationRedirect" (
    "fromSlug" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganizationRedirect_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ExpertProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT 'none',
    "fullName" TEXT NOT NULL,
    "affiliationId" TEXT,
    "position" TEXT,
    "bioVi" TEXT,
    "bioEn" TEXT,
    "keywords" TEXT NOT NULL DEFAULT '',
    "offers" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "reviewState" TEXT NOT NULL DEFAULT 'pending',
    "reviewNote" TEXT,
    "reviewedAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExpertProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExpertProfile_affiliationId_fkey" FOREIGN KEY ("affiliationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ExpertProfile" ("affiliationId", "bioEn", "bioVi", "createdAt", "fullName", "id", "keywords", "offers", "position", "publishedAt", "searchText", "slug", "status", "title", "updatedAt", "userId") SELECT "affiliationId", "bioEn", "bioVi", "createdAt", "fullName", "id", "keywords", "offers", "position", "publishedAt", "searchText", "slug", "status", "title", "updatedAt", "userId" FROM "ExpertProfile";
DROP TABLE "ExpertProfile";
ALTER TABLE "new_ExpertProfile" RENAME TO "ExpertProfile";
CREATE UNIQUE INDEX "ExpertProfile_userId_key" ON "ExpertProfile"("userId");
CREATE UNIQUE INDEX "ExpertProfile_slug_key" ON "ExpertProfile"("slug");
CREATE INDEX "ExpertProfile_status_idx" ON "ExpertProfile"("status");
CREATE INDEX "ExpertProfile_affiliationId_idx" ON "ExpertProfile"("affiliationId");
CREATE INDEX "ExpertProfile_reviewState_status_idx" ON "ExpertProfile"("reviewState", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrganizationRevision_status_createdAt_idx" ON "OrganizationRevision"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OrganizationRevision_organizationId_status_idx" ON "OrganizationRevision"("organizationId", "status");

-- CreateIndex
CREATE INDEX "OrganizationRedirect_organizationId_idx" ON "OrganizationRedirect"("organizationId");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_action_createdAt_idx" ON "AuditEntry"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "Organization_status_staleSince_idx" ON "Organization"("status", "staleSince");

