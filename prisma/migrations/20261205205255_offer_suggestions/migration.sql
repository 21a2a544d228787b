-- CreateTable
CREATE TABLE "OfferMatchNotice" (
    "offerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("offerId", "userId"),
    CONSTRAINT "OfferMatchNotice_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferMatchNotice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferMatchNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TechRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MatchSuggestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "expertId" TEXT,
    "organizationId" TEXT,
    "offerId" TEXT,
    "rank" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "reasons" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MatchSuggestion_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TechRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MatchSuggestion_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MatchSuggestion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MatchSuggestion_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MatchSuggestion" ("computedAt", "expertId", "id", "organizationId", "rank", "reasons", "requestId", "score", "targetType") SELECT "computedAt", "expertId", "id", "organizationId", "rank", "reasons", "requestId", "score", "targetType" FROM "MatchSuggestion";
DROP TABLE "MatchSuggestion";
ALTER TABLE "new_MatchSuggestion" RENAME TO "MatchSuggestion";
CREATE INDEX "MatchSuggestion_requestId_targetType_rank_idx" ON "MatchSuggestion"("requestId", "targetType", "rank");
CREATE INDEX "MatchSuggestion_expertId_idx" ON "MatchSuggestion"("expertId");
CREATE INDEX "MatchSuggestion_offerId_idx" ON "MatchSuggestion"("offerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OfferMatchNotice_userId_idx" ON "OfferMatchNotice"("userId");

-- CreateIndex
CREATE INDEX "OfferMatchNotice_requestId_idx" ON "OfferMatchNotice"("requestId");

