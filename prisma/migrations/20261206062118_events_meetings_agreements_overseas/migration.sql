-- AlterTable
ALTER TABLE "Offer" ADD COLUMN "licensedAt" DATETIME;

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "titleVi" TEXT,
    "titleEn" TEXT,
    "descriptionVi" TEXT,
    "descriptionEn" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'in_person',
    "venue" TEXT,
    "district" TEXT,
    "ward" TEXT,
    "onlineUrl" TEXT,
    "organizationId" TEXT,
    "organizerName" TEXT,
    "capacity" INTEGER,
    "meetingsOpen" BOOLEAN NOT NULL DEFAULT true,
    "meetingMinutes" INTEGER NOT NULL DEFAULT 30,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reviewNote" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "createdById" TEXT,
    "publishedAt" DATETIME,
    "cancelledAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventField" (
    "eventId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,

    PRIMARY KEY ("eventId", "fieldId"),
    CONSTRAINT "EventField_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventField_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "interests" TEXT,
    "reminderSentAt" DATETIME,
    "promotedAt" DATETIME,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EventRegistration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "inviteeId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "requesterOutcome" TEXT,
    "inviteeOutcome" TEXT,
    "requesterNote" TEXT,
    "inviteeNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EventMeeting_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMeeting_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMeeting_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMeeting_inviteeId_fkey" FOREIGN KEY ("inviteeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "valueRange" TEXT,
    "signedOn" TEXT NOT NULL,
    "note" TEXT,
    "offerId" TEXT,
    "recordedById" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "confirmedById" TEXT,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Agreement_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Agreement_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Agreement_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Agreement_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- Add the overseas columns in place: redefining ExpertProfile (as Prisma would) rewrites every profile for four columns
ALTER TABLE "ExpertProfile" ADD COLUMN "country" TEXT;
ALTER TABLE "ExpertProfile" ADD COLUMN "institutionAbroad" TEXT;
ALTER TABLE "ExpertProfile" ADD COLUMN "workModes" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ExpertProfile" ADD COLUMN "languages" TEXT NOT NULL DEFAULT '';
CREATE INDEX "ExpertProfile_country_idx" ON "ExpertProfile"("country");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_status_startsAt_idx" ON "Event"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Event_status_district_idx" ON "Event"("status", "district");

-- CreateIndex
CREATE INDEX "Event_organizationId_startsAt_idx" ON "Event"("organizationId", "startsAt");

-- CreateIndex
CREATE INDEX "Event_createdById_idx" ON "Event"("createdById");

-- CreateIndex
CREATE INDEX "Event_reviewedById_idx" ON "Event"("reviewedById");

-- CreateIndex
CREATE INDEX "EventField_fieldId_idx" ON "EventField"("fieldId");

-- CreateIndex
CREATE INDEX "EventRegistration_eventId_status_createdAt_idx" ON "EventRegistration"("eventId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "EventRegistration_userId_status_idx" ON "EventRegistration"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EventRegistration_eventId_userId_key" ON "EventRegistration"("eventId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "EventMeeting_conversationId_key" ON "EventMeeting"("conversationId");

-- CreateIndex
CREATE INDEX "EventMeeting_eventId_status_startsAt_idx" ON "EventMeeting"("eventId", "status", "startsAt");

-- CreateIndex
CREATE INDEX "EventMeeting_requesterId_startsAt_idx" ON "EventMeeting"("requesterId", "startsAt");

-- CreateIndex
CREATE INDEX "EventMeeting_inviteeId_startsAt_idx" ON "EventMeeting"("inviteeId", "startsAt");

-- CreateIndex
CREATE INDEX "Agreement_conversationId_idx" ON "Agreement"("conversationId");

-- CreateIndex
CREATE INDEX "Agreement_status_signedOn_idx" ON "Agreement"("status", "signedOn");

-- CreateIndex
CREATE INDEX "Agreement_offerId_idx" ON "Agreement"("offerId");

-- CreateIndex
CREATE INDEX "Agreement_recordedById_idx" ON "Agreement"("recordedById");

-- CreateIndex
CREATE INDEX "Agreement_confirmedById_idx" ON "Agreement"("confirmedById");

