-- CreateTable
CREATE TABLE "Booking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "requestedStart" TEXT NOT NULL,
    "requestedEnd" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "samples" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "declineReason" TEXT,
    "declineNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Booking_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Booking_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Booking_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Booking_conversationId_key" ON "Booking"("conversationId");

-- CreateIndex
CREATE INDEX "Booking_offerId_startDate_idx" ON "Booking"("offerId", "startDate");

-- CreateIndex
CREATE INDEX "Booking_requesterId_idx" ON "Booking"("requesterId");


-- Written by hand (docs/decisions/063): two bookings of one instrument that hold their
-- dates (requested, proposed, accepted) never overlap, whoever writes. Dates are
-- "YYYY-MM-DD" strings, so text order is date order; both ends are inclusive.
CREATE TRIGGER "Booking_no_overlap_insert" BEFORE INSERT ON "Booking"
WHEN NEW."status" IN ('requested', 'proposed', 'accepted') AND EXISTS (
  SELECT 1 FROM "Booking" AS other
  WHERE other."offerId" = NEW."offerId"
    AND other."status" IN ('requested', 'proposed', 'accepted')
    AND other."startDate" <= NEW."endDate" AND NEW."startDate" <= other."endDate"
)
BEGIN
  SELECT RAISE(ABORT, 'booking_overlap');
END;

CREATE TRIGGER "Booking_no_overlap_update" BEFORE UPDATE OF "status", "startDate", "endDate", "offerId" ON "Booking"
WHEN NEW."status" IN ('requested', 'proposed', 'accepted') AND EXISTS (
  SELECT 1 FROM "Booking" AS other
  WHERE other."offerId" = NEW."offerId"
    AND other."id" <> NEW."id"
    AND other."status" IN ('requested', 'proposed', 'accepted')
    AND other."startDate" <= NEW."endDate" AND NEW."startDate" <= other."endDate"
)
BEGIN
  SELECT RAISE(ABORT, 'booking_overlap');
END;
