-- AlterTable
ALTER TABLE "ExpertProfile" ADD COLUMN "affiliationCheckRequestedAt" DATETIME;
ALTER TABLE "ExpertProfile" ADD COLUMN "affiliationEmail" TEXT;
ALTER TABLE "ExpertProfile" ADD COLUMN "affiliationVerifiedAt" DATETIME;
ALTER TABLE "ExpertProfile" ADD COLUMN "affiliationVerifiedBy" TEXT;
ALTER TABLE "ExpertProfile" ADD COLUMN "affiliationVerifiedOrgId" TEXT;
ALTER TABLE "ExpertProfile" ADD COLUMN "confirmedAt" DATETIME;
ALTER TABLE "ExpertProfile" ADD COLUMN "hiddenAt" DATETIME;
ALTER TABLE "ExpertProfile" ADD COLUMN "orcid" TEXT;
ALTER TABLE "ExpertProfile" ADD COLUMN "staleSince" DATETIME;

-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN "headers" TEXT;

-- CreateTable
CREATE TABLE "AffiliationConfirmation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expertId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AffiliationConfirmation_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MessageAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storedName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MessageAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "channel" TEXT NOT NULL,

    PRIMARY KEY ("userId", "type"),
    CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "frequency" TEXT NOT NULL DEFAULT 'weekly',
    "checkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PortalSecret" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Added in place rather than by redefining the tables as Prisma writes it: a redefined
-- Organization would lose its full-text triggers and renumber the rowids its index keys on.
ALTER TABLE "Organization" ADD COLUMN "emailDomains" TEXT NOT NULL DEFAULT '';
ALTER TABLE "User" ADD COLUMN "weeklyDigest" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "digestSentAt" DATETIME;
ALTER TABLE "ExpertLink" ADD COLUMN "doi" TEXT;
ALTER TABLE "ExpertLink" ADD COLUMN "authors" TEXT;
ALTER TABLE "ExpertLink" ADD COLUMN "venue" TEXT;
ALTER TABLE "ExpertLink" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'manual';

-- CreateIndex
CREATE UNIQUE INDEX "AffiliationConfirmation_tokenHash_key" ON "AffiliationConfirmation"("tokenHash");

-- CreateIndex
CREATE INDEX "AffiliationConfirmation_expertId_idx" ON "AffiliationConfirmation"("expertId");

-- CreateIndex
CREATE UNIQUE INDEX "MessageAttachment_storedName_key" ON "MessageAttachment"("storedName");

-- CreateIndex
CREATE INDEX "MessageAttachment_messageId_idx" ON "MessageAttachment"("messageId");

-- CreateIndex
CREATE INDEX "SavedSearch_userId_idx" ON "SavedSearch"("userId");

-- CreateIndex
CREATE INDEX "SavedSearch_list_frequency_idx" ON "SavedSearch"("list", "frequency");

