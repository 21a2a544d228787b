-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "organizationId" TEXT,
    "ownerExpertId" TEXT,
    "nameVi" TEXT,
    "nameEn" TEXT,
    "descriptionVi" TEXT,
    "descriptionEn" TEXT,
    "method" TEXT,
    "sampleRequirements" TEXT,
    "turnaround" TEXT,
    "audience" TEXT NOT NULL DEFAULT '',
    "priceMode" TEXT NOT NULL DEFAULT 'unknown',
    "priceMinVnd" INTEGER,
    "priceMaxVnd" INTEGER,
    "freeFor" TEXT NOT NULL DEFAULT '',
    "instrument" TEXT,
    "make" TEXT,
    "model" TEXT,
    "category" TEXT,
    "specifications" TEXT,
    "building" TEXT,
    "district" TEXT,
    "ward" TEXT,
    "accessMode" TEXT,
    "conditions" TEXT,
    "applications" TEXT,
    "trl" INTEGER,
    "ipStatus" TEXT,
    "ipNumber" TEXT,
    "offeredAs" TEXT NOT NULL DEFAULT '',
    "transferredTo" TEXT,
    "transferredAt" DATETIME,
    "sourceUrls" TEXT NOT NULL DEFAULT '',
    "fromPublicSource" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "reviewNote" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "createdById" TEXT,
    "publishedAt" DATETIME,
    "confirmedAt" DATETIME,
    "staleSince" DATETIME,
    "hiddenAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "sortNameVi" TEXT NOT NULL DEFAULT '',
    "sortNameEn" TEXT NOT NULL DEFAULT '',
    "seedKey" TEXT,
    "seedHash" TEXT,
    "editedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Offer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Offer_ownerExpertId_fkey" FOREIGN KEY ("ownerExpertId") REFERENCES "ExpertProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Offer_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Offer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferField" (
    "offerId" TEXT NOT NULL,
    "fieldId" TEXT NOT NULL,

    PRIMARY KEY ("offerId", "fieldId"),
    CONSTRAINT "OfferField_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferField_fieldId_fkey" FOREIGN KEY ("fieldId") REFERENCES "Field" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferInventor" (
    "offerId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("offerId", "expertId"),
    CONSTRAINT "OfferInventor_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferInventor_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Offer_seedKey_key" ON "Offer"("seedKey");

-- CreateIndex
CREATE INDEX "Offer_status_type_hiddenAt_idx" ON "Offer"("status", "type", "hiddenAt");

-- CreateIndex
CREATE INDEX "Offer_organizationId_type_idx" ON "Offer"("organizationId", "type");

-- CreateIndex
CREATE INDEX "Offer_ownerExpertId_idx" ON "Offer"("ownerExpertId");

-- CreateIndex
CREATE INDEX "Offer_status_staleSince_idx" ON "Offer"("status", "staleSince");

-- CreateIndex
CREATE INDEX "Offer_status_updatedAt_idx" ON "Offer"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "OfferField_fieldId_idx" ON "OfferField"("fieldId");

-- CreateIndex
CREATE INDEX "OfferInventor_expertId_idx" ON "OfferInventor"("expertId");

