-- Hand-written (docs/decisions/053, as 045 for organizations): Prisma's schema cannot declare an FTS5
-- virtual table, so this folder has no schema.snapshot.prisma and the next generated migration diffs
-- from the previous one. The offers' database fallback search matches Offer.searchText, the folded
-- text the app writes with every change (search/offer-document.ts), through this index. It stores no
-- copy of the text (external content); triggers keep it in step inside the writing transaction.
CREATE VIRTUAL TABLE "OfferSearch" USING fts5(
    "searchText",
    content = 'Offer',
    content_rowid = 'rowid',
    -- The text is folded by the app already; the tokenizer only splits it.
    tokenize = 'unicode61 remove_diacritics 0',
    -- Typing sends one- to three-letter prefixes; these keep them from walking every term.
    prefix = '1 2 3'
);

CREATE TRIGGER "OfferSearch_insert" AFTER INSERT ON "Offer" BEGIN
    INSERT INTO "OfferSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

CREATE TRIGGER "OfferSearch_delete" AFTER DELETE ON "Offer" BEGIN
    INSERT INTO "OfferSearch" ("OfferSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;

CREATE TRIGGER "OfferSearch_update" AFTER UPDATE OF "searchText" ON "Offer" BEGIN
    INSERT INTO "OfferSearch" ("OfferSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "OfferSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

-- Index the offers already there.
INSERT INTO "OfferSearch" ("OfferSearch") VALUES ('rebuild');

-- The fallback lists matches newest first (the engine's order without words): walking this index it
-- stops at a page's worth instead of sorting every match. Like the FTS table it is not in
-- schema.prisma, so no generated migration sees or drops it; one that redefines "Offer" must recreate it.
CREATE INDEX "Offer_status_hiddenAt_publishedAt_idx" ON "Offer" ("status", "hiddenAt", "publishedAt" DESC);
