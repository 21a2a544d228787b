-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "note" TEXT;

-- AlterTable
ALTER TABLE "RequestResponse" ADD COLUMN "feedbackAt" DATETIME;

-- CreateTable
CREATE TABLE "RequestDecline" (
    "requestId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("requestId", "expertId"),
    CONSTRAINT "RequestDecline_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TechRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestDecline_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestQuestion_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TechRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestQuestion_askerId_fkey" FOREIGN KEY ("askerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConfidentialityAcceptance" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "acceptedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("requestId", "userId"),
    CONSTRAINT "ConfidentialityAcceptance_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TechRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConfidentialityAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TechRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT NOT NULL,
    "organizationId" TEXT,
    "companyName" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "companySize" TEXT NOT NULL,
    "district" TEXT,
    "ward" TEXT,
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "desiredOutcome" TEXT NOT NULL,
    "trl" INTEGER NOT NULL,
    "budget" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "requesterType" TEXT NOT NULL DEFAULT 'business',
    "confidential" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "reviewNote" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "publishedAt" DATETIME,
    "closedAt" DATETIME,
    "deadlineReminderAt" DATETIME,
    "feedbackReminderAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TechRequest_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TechRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TechRequest_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_TechRequest" ("authorId", "budget", "closedAt", "companyName", "companySize", "createdAt", "deadline", "desiredOutcome", "district", "id", "organizationId", "outcome", "problem", "publishedAt", "reviewNote", "reviewedAt", "reviewedById", "searchText", "sector", "status", "title", "trl", "updatedAt", "visibility", "ward") SELECT "authorId", "budget", "closedAt", "companyName", "companySize", "createdAt", "deadline", "desiredOutcome", "district", "id", "organizationId", "outcome", "problem", "publishedAt", "reviewNote", "reviewedAt", "reviewedById", "searchText", "sector", "status", "title", "trl", "updatedAt", "visibility", "ward" FROM "TechRequest";
DROP TABLE "TechRequest";
ALTER TABLE "new_TechRequest" RENAME TO "TechRequest";
CREATE INDEX "TechRequest_status_deadline_idx" ON "TechRequest"("status", "deadline");
CREATE INDEX "TechRequest_authorId_idx" ON "TechRequest"("authorId");
CREATE INDEX "TechRequest_organizationId_idx" ON "TechRequest"("organizationId");
CREATE INDEX "TechRequest_requesterType_status_idx" ON "TechRequest"("requesterType", "status");
CREATE TABLE "new_Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "starterId" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "organizationId" TEXT,
    "matchId" TEXT,
    "responseId" TEXT,
    "offerId" TEXT,
    "expertId" TEXT,
    "lastMessageAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Conversation_starterId_fkey" FOREIGN KEY ("starterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "RequestResponse" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Conversation_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Conversation_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Conversation" ("createdAt", "expertId", "id", "kind", "lastMessageAt", "matchId", "offerId", "organizationId", "ownerUserId", "starterId", "subject") SELECT "createdAt", "expertId", "id", "kind", "lastMessageAt", "matchId", "offerId", "organizationId", "ownerUserId", "starterId", "subject" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE UNIQUE INDEX "Conversation_matchId_key" ON "Conversation"("matchId");
CREATE UNIQUE INDEX "Conversation_responseId_key" ON "Conversation"("responseId");
CREATE INDEX "Conversation_starterId_lastMessageAt_idx" ON "Conversation"("starterId", "lastMessageAt");
CREATE INDEX "Conversation_ownerUserId_lastMessageAt_idx" ON "Conversation"("ownerUserId", "lastMessageAt");
CREATE INDEX "Conversation_organizationId_lastMessageAt_idx" ON "Conversation"("organizationId", "lastMessageAt");
CREATE INDEX "Conversation_offerId_idx" ON "Conversation"("offerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RequestDecline_expertId_idx" ON "RequestDecline"("expertId");

-- CreateIndex
CREATE INDEX "RequestDecline_reason_idx" ON "RequestDecline"("reason");

-- CreateIndex
CREATE INDEX "RequestQuestion_requestId_createdAt_idx" ON "RequestQuestion"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "RequestQuestion_askerId_idx" ON "RequestQuestion"("askerId");

-- CreateIndex
CREATE INDEX "ConfidentialityAcceptance_userId_idx" ON "ConfidentialityAcceptance"("userId");


-- Data: every response has its private conversation (docs/decisions/064). A match's
-- conversation is its response's; the other responses get one, between the request's
-- author (the starter, as in a match) and the responder, dated from the response.
UPDATE "Conversation" SET "responseId" = (SELECT "responseId" FROM "Match" WHERE "Match"."id" = "Conversation"."matchId")
WHERE "matchId" IS NOT NULL;
INSERT INTO "Conversation" ("id", "kind", "subject", "starterId", "ownerUserId", "responseId", "lastMessageAt", "createdAt")
SELECT 'r' || lower(hex(randomblob(12))), 'response', t."title", t."authorId", r."responderId", r."id", r."createdAt", r."createdAt"
FROM "RequestResponse" r JOIN "TechRequest" t ON t."id" = r."requestId"
WHERE NOT EXISTS (SELECT 1 FROM "Conversation" c WHERE c."responseId" = r."id");
-- The feedback a response already had: its last change stands for the first.
UPDATE "RequestResponse" SET "feedbackAt" = "updatedAt" WHERE "status" IN ('shortlisted', 'declined', 'accepted');
