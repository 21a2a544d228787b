-- CreateTable
CREATE TABLE "ConversationBlock" (
    "ownerKey" TEXT NOT NULL,
    "blockedUserId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("ownerKey", "blockedUserId"),
    CONSTRAINT "ConversationBlock_blockedUserId_fkey" FOREIGN KEY ("blockedUserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationBlock_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- A new column with a constant default: no table rebuild needed
ALTER TABLE "ExpertProfile" ADD COLUMN "inquiriesOpen" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "ConversationBlock_blockedUserId_idx" ON "ConversationBlock"("blockedUserId");

-- CreateIndex
CREATE INDEX "ConversationBlock_conversationId_idx" ON "ConversationBlock"("conversationId");

