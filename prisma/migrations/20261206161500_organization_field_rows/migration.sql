-- Hand-written (docs/decisions/082), like "OrganizationSearchRow" (decision 079): Prisma's schema
-- does not declare this table, so the folder has no schema.snapshot.prisma.
--
-- Each link of an organization to a field, under the organization's rowid. The database fallback
-- filters by a field or an area as a set of rowids; built from "OrganizationField", each link's
-- organization id was looked up in the organizations' id index (11,672 lookups for one area at
-- 100,000 organizations, 8–10 ms per statement). Here the set is one range of this table's index.
CREATE TABLE "OrganizationFieldRow" (
    "fieldId" TEXT NOT NULL,
    "organizationRowid" INTEGER NOT NULL
);

-- The sets are read off this index alone (covering); it also keeps each link once.
CREATE UNIQUE INDEX "OrganizationFieldRow_fieldId_organizationRowid_key"
    ON "OrganizationFieldRow" ("fieldId", "organizationRowid");

-- An organization's links, found by its rowid when it is deleted.
CREATE INDEX "OrganizationFieldRow_organizationRowid_idx" ON "OrganizationFieldRow" ("organizationRowid");

-- Kept in step by triggers inside whatever transaction writes the links, as the narrow rows are.
CREATE TRIGGER "OrganizationFieldRow_insert" AFTER INSERT ON "OrganizationField" BEGIN
    INSERT OR IGNORE INTO "OrganizationFieldRow" ("fieldId", "organizationRowid")
    SELECT new."fieldId", o.rowid FROM "Organization" o WHERE o."id" = new."organizationId";
END;

CREATE TRIGGER "OrganizationFieldRow_delete" AFTER DELETE ON "OrganizationField" BEGIN
    DELETE FROM "OrganizationFieldRow"
    WHERE "fieldId" = old."fieldId"
      AND "organizationRowid" = (SELECT o.rowid FROM "Organization" o WHERE o."id" = old."organizationId");
END;

CREATE TRIGGER "OrganizationFieldRow_update" AFTER UPDATE OF "fieldId", "organizationId" ON "OrganizationField" BEGIN
    DELETE FROM "OrganizationFieldRow"
    WHERE "fieldId" = old."fieldId"
      AND "organizationRowid" = (SELECT o.rowid FROM "Organization" o WHERE o."id" = old."organizationId");
    INSERT OR IGNORE INTO "OrganizationFieldRow" ("fieldId", "organizationRowid")
    SELECT new."fieldId", o.rowid FROM "Organization" o WHERE o."id" = new."organizationId";
END;

-- A deleted organization's links go by cascade after its row, when its rowid can no longer be
-- looked up by id: its own delete removes them.
CREATE TRIGGER "OrganizationFieldRow_organization_delete" AFTER DELETE ON "Organization" BEGIN
    DELETE FROM "OrganizationFieldRow" WHERE "organizationRowid" = old.rowid;
END;

INSERT INTO "OrganizationFieldRow" ("fieldId", "organizationRowid")
SELECT l."fieldId", o.rowid FROM "OrganizationField" l JOIN "Organization" o ON o."id" = l."organizationId";

ANALYZE "OrganizationFieldRow";
