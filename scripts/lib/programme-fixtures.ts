import type { PrismaClient } from "~/generated/prisma/client";
import { AGREEMENT_TYPES, AGREEMENT_VALUE_RANGES } from "~/domain/agreement-values";
import { DISTRICTS } from "~/domain/districts";

/**
 * The city's programme at the bench's scale (docs/decisions/075): past events, accepted
 * meetings with outcomes (each a conversation of kind "meeting") and agreements from some
 * of them, between a pool of members made for it. Idempotent: counts what has the bench's
 * ids and adds only what is missing, in chunks, so `--reuse` runs skip it. Written with
 * createMany straight to the tables (no outbox: none of these is searched).
 */
export type ProgrammeScale = { events: number; meetings: number; agreements: number; members?: number };

const CHUNK = 2_000;
const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(7, "0")}`;
const DAY = 86_400_000;

async function inChunks(total: number, from: number, write: (start: number, end: number) => Promise<unknown>) {
  for (let start = from; start < total; start += CHUNK) await write(start, Math.min(total, start + CHUNK));
}

export async function ensureProgramme(prisma: PrismaClient, scale: ProgrammeScale, now = new Date()) {
  const members = scale.members ?? 2_000;
  const haveMembers = await prisma.user.count({ where: { id: { startsWith: "benchpm" } } });
  await inChunks(members, haveMembers, (start, end) =>
    prisma.user.createMany({
      data: Array.from({ length: end - start }, (_, k) => ({
        id: id("benchpm", start + k),
        email: `bench-programme-${start + k}@example.vn`,
        name: `Bench participant ${start + k}`,
        passwordHash: "!bench: no sign-in",
        accountType: (start + k) % 2 ? "researcher" : "business",
      })),
    }),
  );
  const fields = await prisma.field.findMany({ where: { parentId: null }, select: { id: true } });
  const haveEvents = await prisma.event.count({ where: { id: { startsWith: "benchpe" } } });
  // Events spread over the last three years, each ended; a few online (no area).
  const eventStart = (i: number) => new Date(now.getTime() - (3 + (i % 1_090)) * DAY - (i % 9) * 3_600_000);
  await inChunks(scale.events, haveEvents, async (start, end) => {
    const rows = Array.from({ length: end - start }, (_, k) => start + k);
    await prisma.event.createMany({
      data: rows.map((i) => ({
        id: id("benchpe", i),
        slug: `bench-programme-event-${i}`,
        kind: ["technology_market", "workshop", "training", "demo_day", "competition"][i % 5]!,
        titleVi: `Sự kiện thử ${i}`,
        startsAt: eventStart(i),
        endsAt: new Date(eventStart(i).getTime() + 8 * 3_600_000),
        format: i % 10 === 0 ? "online" : "in_person",
        district: i % 10 === 0 ? null : DISTRICTS[i % DISTRICTS.length]!.slug,
        status: "published",
        publishedAt: eventStart(i),
      })),
    });
    if (fields.length)
      await prisma.eventField.createMany({
        data: rows.map((i) => ({ eventId: id("benchpe", i), fieldId: fields[i % fields.length]!.id })),
      });
  });
  // Meetings: ten per event, between two members of the pool, accepted, with outcomes.
  const haveMeetings = await prisma.eventMeeting.count({ where: { id: { startsWith: "benchmt" } } });
  await inChunks(scale.meetings, haveMeetings, async (start, end) => {
    const rows = Array.from({ length: end - start }, (_, k) => start + k);
    const event = (i: number) => i % scale.events;
    const pair = (i: number) => [id("benchpm", (i * 7) % members), id("benchpm", (i * 7 + 1 + (i % 13)) % members)];
    const at = (i: number) => new Date(eventStart(event(i)).getTime() + (i % 16) * 30 * 60_000);
    await prisma.conversation.createMany({
      data: rows.map((i) => ({
        id: id("benchcv", i),
        kind: "meeting",
        subject: `Gặp gỡ tại sự kiện thử ${event(i)}`,
        starterId: pair(i)[0]!,
        ownerUserId: pair(i)[1]!,
        createdAt: new Date(at(i).getTime() - 2 * DAY),
        lastMessageAt: new Date(at(i).getTime() - 2 * DAY),
      })),
    });
    await prisma.eventMeeting.createMany({
      data: rows.map((i) => ({
        id: id("benchmt", i),
        eventId: id("benchpe", event(i)),
        conversationId: id("benchcv", i),
        requesterId: pair(i)[0]!,
        inviteeId: pair(i)[1]!,
        startsAt: at(i),
        endsAt: new Date(at(i).getTime() + 30 * 60_000),
        status: "accepted",
        requesterOutcome: ["follow_up_request", "response", "agreement", "nothing"][i % 4]!,
        inviteeOutcome: ["nothing", "agreement", "response", "follow_up_request"][i % 4]!,
      })),
    });
  });
  // Agreements out of some meetings: most confirmed, the rest pending, disputed or withdrawn.
  const haveAgreements = await prisma.agreement.count({ where: { id: { startsWith: "benchag" } } });
  const statuses = ["confirmed", "confirmed", "confirmed", "pending", "disputed", "withdrawn"];
  await inChunks(scale.agreements, haveAgreements, (start, end) =>
    prisma.agreement.createMany({
      data: Array.from({ length: end - start }, (_, k) => {
        const i = start + k;
        const meeting = (i * 9) % scale.meetings;
        const day = new Date(eventStart(meeting % scale.events).getTime() + (i % 30) * DAY);
        const signedOn = new Date(Math.min(day.getTime(), now.getTime()) + 7 * 3_600_000).toISOString().slice(0, 10);
        const status = statuses[i % statuses.length]!;
        return {
          id: id("benchag", i),
          conversationId: id("benchcv", meeting),
          type: AGREEMENT_TYPES[Math.floor(i / statuses.length) % AGREEMENT_TYPES.length]!,
          valueRange: i % 3 ? AGREEMENT_VALUE_RANGES[i % AGREEMENT_VALUE_RANGES.length]! : null,
          signedOn,
          recordedById: id("benchpm", (meeting * 7) % members),
          status,
          confirmedAt: status === "confirmed" ? day : null,
        };
      }),
    }),
  );
  return {
    events: await prisma.event.count({ where: { id: { startsWith: "benchpe" } } }),
    meetings: await prisma.eventMeeting.count({ where: { id: { startsWith: "benchmt" } } }),
    agreements: await prisma.agreement.count({ where: { id: { startsWith: "benchag" } } }),
  };
}

/** `url` opened `runs` times as the cookie's member (after 2 to warm up), each checked for `mark`: its times in ms. */
export async function timeGets(url: string, cookie: string, mark: string, runs = 20) {
  const open = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
    const body = await response.text();
    if (response.status !== 200 || !body.includes(mark)) throw new Error(`GET ${url}: ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 2; i++) await open();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await open());
  return times;
}
