-- AlterTable (SQLite adds no column with a non-constant default: Prisma fills now() on create)
ALTER TABLE "User" ADD COLUMN "confirmedAt" DATETIME;

-- Accounts made before sign-up needed a confirmation count as confirmed.
UPDATE "User" SET "confirmedAt" = "createdAt";

-- CreateTable
CREATE TABLE "SignUpConfirmation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "accountType" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "redirectTo" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignUpConfirmation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SignUpConfirmation_userId_idx" ON "SignUpConfirmation"("userId");

