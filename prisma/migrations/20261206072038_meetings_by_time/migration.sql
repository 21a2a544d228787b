-- CreateIndex
CREATE INDEX "EventMeeting_status_startsAt_endsAt_eventId_idx" ON "EventMeeting"("status", "startsAt", "endsAt", "eventId");

