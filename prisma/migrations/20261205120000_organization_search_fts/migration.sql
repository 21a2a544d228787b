-- Hand-written (docs/decisions/045): Prisma's schema cannot declare an FTS5 virtual table, so this
-- folder has no schema.snapshot.prisma and the next generated migration diffs from the previous one.
-- The database fallback search's full-text index over Organization.searchText, the folded text the
-- app writes with every change (search/organization-document.ts). The index stores no copy of the
-- text (external content); triggers keep it in step inside the writing transaction.
CREATE VIRTUAL TABLE "OrganizationSearch" USING fts5(
    "searchText",
    content = 'Organization',
    content_rowid = 'rowid',
    -- The text is folded by the app already; the tokenizer only splits it.
    tokenize = 'unicode61 remove_diacritics 0',
    -- Typing sends one- to three-letter prefixes; these keep them from walking every term.
    prefix = '1 2 3'
);

CREATE TRIGGER "OrganizationSearch_insert" AFTER INSERT ON "Organization" BEGIN
    INSERT INTO "OrganizationSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

CREATE TRIGGER "OrganizationSearch_delete" AFTER DELETE ON "Organization" BEGIN
    INSERT INTO "OrganizationSearch" ("OrganizationSearch", rowid, "searchText")
    VALUES ('delete', old.rowid, old."searchText");
END;

CREATE TRIGGER "OrganizationSearch_update" AFTER UPDATE OF "searchText" ON "Organization" BEGIN
    INSERT INTO "OrganizationSearch" ("OrganizationSearch", rowid, "searchText")
    VALUES ('delete', old.rowid, old."searchText");
    INSERT INTO "OrganizationSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

-- Index the organizations already there.
INSERT INTO "OrganizationSearch" ("OrganizationSearch") VALUES ('rebuild');
