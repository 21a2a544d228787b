-- A member's personal calendar feed is signed with this number too: resetting the feed's
-- address raises it, and the old address stops working. Added in place (the generated
-- script rebuilt the whole "User" table for one column with a default).
ALTER TABLE "User" ADD COLUMN "calendarFeedVersion" INTEGER NOT NULL DEFAULT 0;
