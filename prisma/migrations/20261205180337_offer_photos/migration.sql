-- CreateTable
CREATE TABLE "OfferPhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "altVi" TEXT,
    "altEn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OfferPhoto_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OfferPhoto_key_key" ON "OfferPhoto"("key");

-- CreateIndex
CREATE INDEX "OfferPhoto_offerId_position_idx" ON "OfferPhoto"("offerId", "position");

