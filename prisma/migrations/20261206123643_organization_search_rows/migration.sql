-- Hand-written (docs/decisions/079), like the FTS5 index's (decision 045): Prisma's schema does not
-- declare this table, so the folder has no schema.snapshot.prisma.
--
-- The columns the database fallback filters, counts and orders full-text matches by, one narrow row
-- per organization under the same rowid. A match read from "OrganizationSearch" was joined to its
-- "Organization" row, which holds the whole text (about 2.4 KB: one page of the file per match),
-- so 1,000 matches read about 4 MB, mostly as system time copying pages into the read workers'
-- caches. Here 1,000 matches take a few dozen pages, and all 100,000 rows fit in a worker's cache.
CREATE TABLE "OrganizationSearchRow" (
    "rowid" INTEGER NOT NULL PRIMARY KEY,
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "district" TEXT,
    "ward" TEXT,
    "verified" BOOLEAN NOT NULL,
    "sortNameVi" TEXT NOT NULL,
    "sortNameEn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- Kept in step by triggers inside whatever transaction writes the organization, as the FTS index is.
CREATE TRIGGER "OrganizationSearchRow_insert" AFTER INSERT ON "Organization" BEGIN
    INSERT INTO "OrganizationSearchRow"
        ("rowid", "id", "status", "kind", "district", "ward", "verified", "sortNameVi", "sortNameEn", "createdAt")
    VALUES (new.rowid, new."id", new."status", new."kind", new."district", new."ward", new."verified",
        new."sortNameVi", new."sortNameEn", new."createdAt");
END;

CREATE TRIGGER "OrganizationSearchRow_delete" AFTER DELETE ON "Organization" BEGIN
    DELETE FROM "OrganizationSearchRow" WHERE "rowid" = old.rowid;
END;

CREATE TRIGGER "OrganizationSearchRow_update"
AFTER UPDATE OF "id", "status", "kind", "district", "ward", "verified", "sortNameVi", "sortNameEn", "createdAt"
ON "Organization" BEGIN
    UPDATE "OrganizationSearchRow" SET
        "id" = new."id", "status" = new."status", "kind" = new."kind", "district" = new."district",
        "ward" = new."ward", "verified" = new."verified", "sortNameVi" = new."sortNameVi",
        "sortNameEn" = new."sortNameEn", "createdAt" = new."createdAt"
    WHERE "rowid" = old.rowid;
END;

INSERT INTO "OrganizationSearchRow"
    ("rowid", "id", "status", "kind", "district", "ward", "verified", "sortNameVi", "sortNameEn", "createdAt")
SELECT rowid, "id", "status", "kind", "district", "ward", "verified", "sortNameVi", "sortNameEn", "createdAt"
FROM "Organization";

-- A four-letter prefix index as well: a query's last word is matched as a prefix, and four letters
-- ("vien", "cong", "nghe", "nano") is where most Vietnamese syllables end. Without it such a word
-- merged the lists of every longer word it starts (5 → 2 ms for "vien" at 100,000 organizations).
-- The index is made again from the rows; the triggers of decision 045 write into the new table.
DROP TABLE "OrganizationSearch";
CREATE VIRTUAL TABLE "OrganizationSearch" USING fts5(
    "searchText",
    content = 'Organization',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3 4'
);
INSERT INTO "OrganizationSearch" ("OrganizationSearch") VALUES ('rebuild');

ANALYZE "OrganizationSearchRow";
