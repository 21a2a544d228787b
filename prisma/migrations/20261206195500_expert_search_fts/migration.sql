-- Hand-written (as 20261205181000_offer_search_fts; docs/decisions/059): Prisma's schema cannot declare
-- an FTS5 virtual table, so this folder has no schema.snapshot.prisma and the next generated migration
-- diffs from the previous one. The experts' database fallback matches ExpertProfile.searchText, the
-- folded text the app writes with every change, through this index: a scan of it took 100 ms of a read
-- worker per search at 50,000 profiles. It stores no copy of the text (external content); triggers keep
-- it in step inside the writing transaction.
CREATE VIRTUAL TABLE "ExpertSearch" USING fts5(
    "searchText",
    content = 'ExpertProfile',
    content_rowid = 'rowid',
    -- The text is folded by the app already; the tokenizer only splits it.
    tokenize = 'unicode61 remove_diacritics 0',
    -- Typing sends one- to three-letter prefixes; these keep them from walking every term.
    prefix = '1 2 3'
);

CREATE TRIGGER "ExpertSearch_insert" AFTER INSERT ON "ExpertProfile" BEGIN
    INSERT INTO "ExpertSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

CREATE TRIGGER "ExpertSearch_delete" AFTER DELETE ON "ExpertProfile" BEGIN
    INSERT INTO "ExpertSearch" ("ExpertSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;

CREATE TRIGGER "ExpertSearch_update" AFTER UPDATE OF "searchText" ON "ExpertProfile" BEGIN
    INSERT INTO "ExpertSearch" ("ExpertSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "ExpertSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

-- Index the profiles already there.
INSERT INTO "ExpertSearch" ("ExpertSearch") VALUES ('rebuild');
