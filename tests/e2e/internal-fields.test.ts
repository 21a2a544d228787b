import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { enqueueSearchSync } from "#search/outbox";
import { portalDb, signInAs } from "./fixtures";
import { httpClient } from "./http-client";
import { makeEvent, makeMatchRow, makeMessage, makeOffer, makeRegistration, makeUser } from "../factories";
import { meetingSlots } from "~/domain/meeting";
import { makeFoodCompany, makeRequest, makeResearcher, makeResponse, word } from "./world";

/**
 * What the portal keeps for itself never reaches a browser or an API client.
 *
 * A published listing, an expert affiliated with it and an open request of
 * that listing (matched with the expert) get unique marker strings in their
 * internal columns: the seed's key and hash, the search text, the stale date,
 * a curator's review notes (one given with an approval in the console). Then every public page's HTML and single-fetch
 * data (`.data`), the chart downloads, the open data and the API's JSON are
 * read by a visitor, by an unrelated member, and by the two sides of the match
 * (who also read their own request and thread): none may carry a marker,
 * another person's account id, e-mail or password hash, or a property named
 * after an internal column. Searching for the three by their words makes the
 * pages go through the search engine too.
 */
const db = () => portalDb();

/** Columns of prisma/schema.prisma that are the portal's, not the page's. */
const INTERNAL_COLUMNS = [
  "userId",
  "authorId",
  "responderId",
  "senderId",
  "invitedById",
  "reviewedById",
  "reviewNote",
  "reviewState",
  "reviewedAt",
  "searchText",
  "seedKey",
  "seedHash",
  "staleSince",
  "editedAt",
  "confirmedAt",
  "sortNameVi",
  "sortNameEn",
  "passwordHash",
  "email",
  // A verified affiliation shows as one boolean: never the address, the verifying org's id, how or when.
  "affiliationEmail",
  "affiliationVerifiedOrgId",
  "affiliationVerifiedBy",
  "affiliationVerifiedAt",
];
/** A property name, as JSON (`"name"`) or as JSON inside the page's script (`\"name\"`). */
const asProperty = (name: string) => new RegExp(`\\\\?"${name}\\\\?"`);

type Person = { id: string; email: string; cookie?: string };
const world = {} as {
  orgSlug: string;
  orgWord: string;
  expertSlug: string;
  expertWord: string;
  requestId: string;
  requestWord: string;
  matchId: string;
  offerId: string;
  instrumentId: string;
  markers: string[];
  /** The requests' confidential sections: only their author reads them here */
  confidential: string[];
  pendingId: string;
  passwordHash: string;
  owner: Person;
  responder: Person;
  curator: Person;
  member: Person;
  /** Manages the listing: reads the member's inquiry to it */
  manager: Person;
};

beforeAll(async () => {
  const curator = await makeUser({ label: "curator", role: "curator" });
  const owner = await makeUser({ label: "owner" });
  const member = await makeUser({ label: "member" });
  const manager = await makeUser({ label: "manager" });
  const responder = await makeResearcher("responder");
  const organization = await makeFoodCompany("internal");
  const marker = (column: string) => `${column}${word(12)}`;
  const m = {
    seedKey: marker("seedkey"),
    seedHash: marker("seedhash"),
    orgSearch: marker("orgsearch"),
    expertNote: marker("expertnote"),
    expertSearch: marker("expertsearch"),
    requestNote: marker("requestnote"),
    requestSearch: marker("requestsearch"),
    approvalNote: marker("approvalnote"),
    offerSeedKey: marker("offerseedkey"),
    offerSeedHash: marker("offerseedhash"),
    offerSearch: marker("offersearch"),
    offerNote: marker("offernote"),
    offerSort: marker("offersort"),
    affiliationEmail: `${marker("affiliationmail")}@example.vn`,
  };
  const staleSince = new Date("2001-02-03T04:05:06.789Z");

  const orgText = await db().organization.findUniqueOrThrow({
    where: { id: organization.id },
    select: { searchText: true },
  });
  const org = await db().organization.update({
    where: { id: organization.id },
    // Search texts get the marker appended: the pages still find the three by their words.
    data: { seedKey: m.seedKey, seedHash: m.seedHash, searchText: `${orgText.searchText} ${m.orgSearch}`, staleSince },
  });
  // Approved with a curator's internal note, as a review leaves it.
  const expertText = await db().expertProfile.findUniqueOrThrow({
    where: { id: responder.expert.id },
    select: { searchText: true },
  });
  const expert = await db().expertProfile.update({
    where: { id: responder.expert.id },
    data: {
      affiliationId: org.id,
      // Verified through an address at the listing's domain: the address stays the portal's.
      affiliationVerifiedAt: staleSince,
      affiliationVerifiedBy: "email",
      affiliationEmail: m.affiliationEmail,
      affiliationVerifiedOrgId: org.id,
      reviewState: "approved",
      reviewNote: m.expertNote,
      reviewedAt: staleSince,
      searchText: `${expertText.searchText} ${m.expertSearch}`,
    },
  });
  const request = await makeRequest(owner.id, {
    reviewerId: curator.id,
    organizationId: org.id,
    reviewNote: m.requestNote,
  });
  const requestText = await db().techRequest.findUniqueOrThrow({
    where: { id: request.id },
    select: { searchText: true },
  });
  const confidential = [marker("confidential"), marker("pendingconfidential")];
  await db().techRequest.update({
    where: { id: request.id },
    data: { searchText: `${requestText.searchText} ${m.requestSearch}`, confidential: confidential[0] },
  });
  const response = await makeResponse(request.id, responder, "accepted");
  const match = await makeMatchRow(request, response);
  await makeMessage(match.id, owner.id, `Xin chào ${word()}`);
  await makeMessage(match.id, responder.id, `Chào anh ${word()}`);
  // A second request, approved through the console with a note: the note is the officials' own.
  const pending = await makeRequest(owner.id, { reviewerId: curator.id, status: "pending" });
  await db().techRequest.update({ where: { id: pending.id }, data: { confidential: confidential[1] } });
  // A second pending one, with its confidential section, for the curators' review pages.
  const toReview = await makeRequest(owner.id, { reviewerId: curator.id, status: "pending" });
  await db().techRequest.update({ where: { id: toReview.id }, data: { confidential: confidential[1] } });
  // A public question, answered, on the open request.
  await db().requestQuestion.create({
    data: {
      requestId: request.id,
      askerId: member.id,
      body: `Kho lạnh rộng bao nhiêu ${word()}?`,
      answer: `Năm trăm mét vuông ${word()}`,
      answeredAt: new Date(),
    },
  });
  const approval = await httpClient({ cookie: await signInAs(curator.id) }).post("/admin/requests", {
    requestId: pending.id,
    intent: "approve",
    note: m.approvalNote,
  });
  expect(approval.status).toBe(200);
  // A stale public-source offer of the listing, approved with a note, on its page and the listing's.
  const offer = await makeOffer({
    organizationId: org.id,
    nameVi: `Dịch vụ đo ${word()}`,
    fromPublicSource: true,
    sourceUrls: "https://example.vn/nguon-cong-khai",
    seedKey: m.offerSeedKey,
    seedHash: m.offerSeedHash,
    searchText: m.offerSearch,
    sortNameVi: m.offerSort,
    reviewNote: m.offerNote,
    reviewedById: curator.id,
    createdById: owner.id,
    confirmedAt: staleSince,
    staleSince,
    editedAt: staleSince,
  });
  // An instrument with a photo: its page and card show the photo, never the photo's own id.
  const instrument = await makeOffer({ organizationId: org.id, type: "equipment", nameVi: `Máy đo ${word()}` });
  const photo = await db().offerPhoto.create({
    data: { offerId: instrument.id, key: crypto.randomBytes(16).toString("hex"), altVi: `Ảnh máy ${word()}` },
  });
  await enqueueSearchSync(db(), "organization", [org.id]);
  await enqueueSearchSync(db(), "expert", [expert.id]);

  Object.assign(world, {
    orgSlug: org.slug,
    orgWord: (org.nameVi ?? "").split(" ").at(-1)!,
    expertSlug: expert.slug,
    expertWord: responder.expert.token,
    requestId: request.id,
    requestWord: request.titleToken,
    matchId: match.id,
    offerId: offer.id,
    instrumentId: instrument.id,
    markers: [...Object.values(m), staleSince.toISOString(), photo.id],
    confidential,
    pendingId: toReview.id,
    passwordHash: owner.passwordHash,
    owner: { id: owner.id, email: owner.email, cookie: await signInAs(owner.id) },
    responder: { id: responder.id, email: responder.email, cookie: await signInAs(responder.id) },
    curator: { id: curator.id, email: curator.email },
    member: { id: member.id, email: member.email, cookie: await signInAs(member.id) },
    manager: { id: manager.id, email: manager.email, cookie: await signInAs(manager.id) },
  });
  await db().organizationManager.create({ data: { userId: manager.id, organizationId: org.id } });

  // Searches below must be answered by the engine, with these three in it.
  const ids = [org.id, expert.id, request.id];
  const deadline = Date.now() + 60_000;
  while ((await db().searchOutbox.count({ where: { entityId: { in: ids }, processedAt: null } })) > 0) {
    if (Date.now() > deadline) throw new Error("the search outbox did not drain within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

/** Public pages: each is read as HTML and as its single-fetch data. */
function publicPages() {
  return [
    "/",
    "/directory",
    `/directory?q=${world.orgWord}`,
    `/organizations/${world.orgSlug}`,
    `/offers/${world.offerId}`,
    `/offers/${world.instrumentId}`,
    "/experts",
    `/experts?q=${world.expertWord}`,
    `/experts/${world.expertSlug}`,
    "/requests",
    `/requests?q=${world.requestWord}`,
    `/requests/${world.requestId}`,
    "/offers",
    "/ecosystem",
  ];
}

/** Files and JSON read as they are. */
function publicFiles() {
  return [
    "/ecosystem/data/collaborations?format=json",
    "/ecosystem/data/collaborations?format=csv",
    "/export/organizations.json",
    `/api/v1/organizations?q=${world.orgWord}`,
    `/api/v1/organizations/${world.orgSlug}`,
    `/api/v1/experts?q=${world.expertWord}`,
    `/api/v1/experts/${world.expertSlug}`,
    `/api/v1/requests?q=${world.requestWord}`,
    `/api/v1/requests/${world.requestId}`,
  ];
}

/** `/a/b?q` → `/a/b.data?q`; the home page's data is `/_root.data`. */
function dataUrl(page: string) {
  const url = new URL(page, "http://portal");
  const path = url.pathname === "/" ? "/_root" : url.pathname;
  return `${path}.data${url.search}`;
}

/** Everything wrong with one answer, as readable lines (empty when clean). */
function leaks(body: string, viewer: Person | null, path = ""): string[] {
  const found: string[] = [];
  // The open-data export's `email` column is each listing's published general mailbox (import
  // and export share their columns); people's addresses are caught by value below.
  const columns = path.startsWith("/export/organizations")
    ? INTERNAL_COLUMNS.filter((column) => column !== "email")
    : INTERNAL_COLUMNS;
  for (const column of columns) if (asProperty(column).test(body)) found.push(`property ${column}`);
  for (const value of world.markers) if (body.includes(value)) found.push(`marker ${value}`);
  // The author reads their own request's confidential section; nobody else, anywhere.
  if (viewer?.id !== world.owner.id)
    for (const value of world.confidential) if (body.includes(value)) found.push(`confidential ${value}`);
  if (body.includes(world.passwordHash)) found.push("a password hash");
  for (const [who, person] of Object.entries({
    owner: world.owner,
    responder: world.responder,
    curator: world.curator,
    member: world.member,
    manager: world.manager,
  })) {
    if (person.id === viewer?.id) continue;
    if (body.includes(person.id)) found.push(`${who}'s account id`);
    if (body.includes(person.email)) found.push(`${who}'s e-mail`);
  }
  return found;
}

async function read(path: string, viewer: Person | null) {
  const response = await httpClient({ cookie: viewer?.cookie }).get(path);
  const body = await response.text();
  expect(response.status, `${path}: ${body.slice(0, 200)}`).toBe(200);
  return body;
}

async function walk(viewer: Person | null, pages: string[], files: string[] = []) {
  const problems: string[] = [];
  const bodies = new Map<string, string>();
  for (const page of pages) {
    for (const path of [page, dataUrl(page)]) {
      const body = await read(path, viewer);
      bodies.set(path, body);
      for (const leak of leaks(body, viewer, path)) problems.push(`${path}: ${leak}`);
    }
  }
  for (const path of files) {
    const body = await read(path, viewer);
    bodies.set(path, body);
    for (const leak of leaks(body, viewer, path)) problems.push(`${path}: ${leak}`);
  }
  return { problems, bodies };
}

describe("internal columns never leave the server", () => {
  test("the pages and searches found the three (the walk reads real answers)", async () => {
    const { bodies } = await walk(null, [
      `/directory?q=${world.orgWord}`,
      `/experts?q=${world.expertWord}`,
      `/requests?q=${world.requestWord}`,
    ]);
    expect(bodies.get(`/directory?q=${world.orgWord}`)).toContain(`/organizations/${world.orgSlug}`);
    expect(bodies.get(`/experts?q=${world.expertWord}`)).toContain(`/experts/${world.expertSlug}`);
    expect(bodies.get(`/requests?q=${world.requestWord}`)).toContain(`/requests/${world.requestId}`);
  });

  test("a visitor", async () => {
    const { problems } = await walk(null, publicPages(), publicFiles());
    expect(problems).toEqual([]);
  });

  test("a member who is neither side", async () => {
    const { problems } = await walk(world.member, publicPages(), publicFiles());
    expect(problems).toEqual([]);
  });

  test("the request's author: the public pages, the responses to the request, the match", async () => {
    const own = ["/matches", "/messages", `/messages/${world.matchId}`, "/notifications", "/me/requests"];
    // The thread's live updates are JSON (no page data beside them): read as a file.
    const { problems, bodies } = await walk(
      world.owner,
      [...publicPages(), ...own],
      [`/messages/${world.matchId}/updates`],
    );
    // The walk is not blind to the confidential text: its author reads it on the request's page.
    expect(bodies.get(`/requests/${world.requestId}`)).toContain(world.confidential[0]);
    // The author's view of the request lists the expert's response; the approval was notified.
    expect(bodies.get("/notifications")).toContain("đã được duyệt");
    expect(bodies.get(`/requests/${world.requestId}`)).toContain(`/experts/${world.expertSlug}`);
    expect(problems).toEqual([]);
  });

  test("the responding expert: the public pages, their responses, the match", async () => {
    const { problems, bodies } = await walk(
      world.responder,
      [...publicPages(), "/me/responses", "/matches", "/messages", `/messages/${world.matchId}`],
      [`/messages/${world.matchId}/updates`],
    );
    expect(bodies.get(`/messages/${world.matchId}`)).toContain("Xin chào");
    // The thread's live updates carry the messages too, with no more fields than the page.
    expect(bodies.get(`/messages/${world.matchId}/updates`)).toContain("Xin chào");
    // Accepted, but the terms not accepted: the section exists for them, its text does not.
    expect(bodies.get(`/requests/${world.requestId}`)).toContain('id="confidential"');
    expect(problems).toEqual([]);
  });

  test("a curator: the review pages and the pending request never show its confidential section", async () => {
    const curator = { ...world.curator, cookie: await signInAs(world.curator.id) };
    const { problems, bodies } = await walk(curator, [
      "/admin/queue",
      "/admin/requests",
      `/requests/${world.pendingId}`,
      `/requests/${world.requestId}`,
    ]);
    expect(bodies.get("/admin/requests")).toContain(world.pendingId);
    expect(problems.filter((problem) => problem.includes("confidential"))).toEqual([]);
  });
});

describe("Requests for you", () => {
  test("shows the researcher the request, why and the invitation's note; no e-mail, account or row ids", async () => {
    const expert = await db().expertProfile.findUniqueOrThrow({ where: { userId: world.responder.id } });
    const reasonWord = word();
    const suggestion = await db().matchSuggestion.create({
      data: {
        requestId: world.requestId,
        targetType: "expert",
        expertId: expert.id,
        rank: 0,
        score: 8,
        reasons: JSON.stringify([{ kind: "keywords", terms: [`bảo quản ${reasonWord}`] }]),
      },
    });
    const note = `Mong anh xem giúp ${word()}`;
    const invitation = await db().invitation.create({
      data: { requestId: world.requestId, expertId: expert.id, invitedById: world.owner.id, note },
    });
    const { problems, bodies } = await walk(world.responder, ["/me/requests-for-you"]);
    const page = bodies.get("/me/requests-for-you")!;
    expect(page).toContain(`/requests/${world.requestId}`);
    expect(page).toContain(reasonWord);
    expect(page).toContain(note);
    expect(problems).toEqual([]);
    for (const body of bodies.values())
      for (const id of [expert.id, suggestion.id, invitation.id]) expect(body).not.toContain(id);
  });
});

describe("an inquiry's conversation and the inbox", () => {
  test("show the two sides' names and messages, never an e-mail address or an account id", async () => {
    const body = `Xin báo giá ${word()}`;
    const sent = await httpClient({ cookie: world.member.cookie }).post(`/organizations/${world.orgSlug}`, {
      intent: "inquiry",
      body,
    });
    expect(sent.status).toBe(302);
    const thread = (sent.headers.get("location") ?? "").replace(/#.*$/, "");
    expect(thread).toMatch(/^\/messages\/[a-z0-9]+$/);
    // The manager answers and blocks the sender: the inbox then lists the block too.
    const manager = httpClient({ cookie: world.manager.cookie });
    expect((await manager.post(thread, { body: `Chào bạn ${word()}` })).status).toBe(302);
    expect((await manager.post(thread, { intent: "block" })).status).toBe(302);
    for (const viewer of [world.member, world.manager]) {
      const { problems, bodies } = await walk(viewer, ["/messages", thread]);
      expect(bodies.get(thread)).toContain(body);
      expect(problems).toEqual([]);
    }
  });
});

describe("a response's conversation before acceptance", () => {
  test("on an anonymous request: both sides read it without an e-mail or account id, and the researcher never sees the company", async () => {
    const expert = await db().expertProfile.findUniqueOrThrow({ where: { userId: world.responder.id } });
    const curator = world.curator;
    const request = await makeRequest(world.owner.id, { reviewerId: curator.id, visibility: "anonymous" });
    const response = await makeResponse(request.id, { id: world.responder.id, expert }, "screening");
    const conversation = await db().conversation.findUniqueOrThrow({ where: { responseId: response.id } });
    const thread = `/messages/${conversation.id}`;
    const question = `Nhóm anh có mẫu thử không ${word()}?`;
    const reply = `Có, ba mẫu ${word()}`;
    expect((await httpClient({ cookie: world.owner.cookie }).post(thread, { body: question })).status).toBe(302);
    expect((await httpClient({ cookie: world.responder.cookie }).post(thread, { body: reply })).status).toBe(302);
    for (const viewer of [world.owner, world.responder]) {
      const { problems, bodies } = await walk(viewer, ["/messages", thread]);
      expect(bodies.get(thread)).toContain(question);
      expect(bodies.get(thread)).toContain(reply);
      expect(problems).toEqual([]);
      if (viewer === world.responder)
        for (const body of bodies.values()) expect(body).not.toContain(request.companyName);
    }
  });
});

describe("Saved searches", () => {
  test("a member's /me/alerts shows their searches, with no e-mail, account id or internal column", async () => {
    const label = `Tìm ${word()}`;
    await db().savedSearch.create({
      data: { userId: world.owner.id, list: "requests", query: `q=${world.requestWord}`, label, frequency: "daily" },
    });
    const { problems, bodies } = await walk(world.owner, ["/me/alerts"]);
    expect(bodies.get("/me/alerts")).toContain(label);
    expect(problems).toEqual([]);
  });
});

// Events (docs/decisions/072): the review note and the folded search text stay the portal's.
describe("Events", () => {
  test("the list, a search, the event's page, its listing's page and the API carry no review note or search text", async () => {
    const token = word();
    const markers = [`eventnote${word(12)}`, `eventsearch${word(12)}`];
    const organization = await db().organization.findUniqueOrThrow({ where: { slug: world.orgSlug } });
    const event = await db().event.create({
      data: {
        slug: `hoi-thao-${token}`,
        kind: "workshop",
        titleVi: `Hội thảo bảo quản lạnh ${token}`,
        startsAt: new Date(Date.now() + 5 * 86_400_000),
        endsAt: new Date(Date.now() + 5 * 86_400_000 + 3 * 3_600_000),
        venue: "Hội trường B",
        district: "cau-giay",
        organizationId: organization.id,
        status: "published",
        publishedAt: new Date(),
        reviewNote: markers[0],
        reviewedById: world.curator.id,
        reviewedAt: new Date(),
        createdById: world.owner.id,
        searchText: `hoi thao bao quan lanh ${token} ${markers[1]}`,
      },
    });
    await enqueueSearchSync(db(), "event", [event.id]);
    const deadline = Date.now() + 60_000;
    while ((await db().searchOutbox.count({ where: { entityId: event.id, processedAt: null } })) > 0) {
      if (Date.now() > deadline) throw new Error("the search outbox did not drain within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const pages = ["/events", `/events?q=${token}`, `/events/${event.slug}`, `/organizations/${world.orgSlug}`];
    // The API's events (its list, a search, the event) are read as they are.
    const files = ["/api/v1/events", `/api/v1/events?q=${token}`, `/api/v1/events/${event.slug}`];
    for (const viewer of [null, world.member]) {
      const { problems, bodies } = await walk(viewer, pages, files);
      expect(bodies.get(`/events?q=${token}`)).toContain(`/events/${event.slug}`);
      expect(bodies.get(`/api/v1/events?q=${token}`)).toContain(`"slug":"${event.slug}"`);
      expect(bodies.get(`/api/v1/events/${event.slug}`)).toContain(`"slug":"${event.slug}"`);
      expect(bodies.get(`/organizations/${world.orgSlug}`)).toContain(`/events/${event.slug}`);
      for (const [path, body] of bodies)
        for (const marker of markers) if (body.includes(marker)) problems.push(`${path}: marker ${marker}`);
      expect(problems).toEqual([]);
    }
  });
});

// --- Meetings at events (docs/decisions/073) -------------------------------------------

describe("a meeting's private notes", () => {
  test("reach only their own side: never the other side, the public pages, search, the API or exports", async () => {
    const event = await makeEvent({ startsAt: new Date(Date.now() - 3 * 86_400_000), hours: 4 });
    const [requester, invitee] = [await makeUser({ label: "requester" }), await makeUser({ label: "invitee" })];
    await makeRegistration(event.id, requester.id, { listed: true });
    await makeRegistration(event.id, invitee.id, { listed: true, interests: `Quan tâm ${word()}` });
    const requesterNote = `requesternote${word(12)}`;
    const inviteeNote = `inviteenote${word(12)}`;
    const conversation = await db().conversation.create({
      data: { kind: "meeting", subject: event.titleVi!, starterId: requester.id, ownerUserId: invitee.id },
    });
    await makeMessage(conversation.id, requester.id, `Xin gặp ${word()}`);
    const [slot] = meetingSlots(event);
    await db().eventMeeting.create({
      data: {
        eventId: event.id,
        conversationId: conversation.id,
        requesterId: requester.id,
        inviteeId: invitee.id,
        startsAt: slot!.start,
        endsAt: slot!.end,
        status: "accepted",
        requesterOutcome: "follow_up_request",
        requesterNote,
        inviteeOutcome: "agreement",
        inviteeNote,
      },
    });
    const thread = `/messages/${conversation.id}`;
    const people = `/events/${event.slug}/people`;
    const sides = [
      { id: requester.id, email: requester.email, cookie: await signInAs(requester.id), own: requesterNote },
      { id: invitee.id, email: invitee.email, cookie: await signInAs(invitee.id), own: inviteeNote },
    ];
    for (const side of sides) {
      const other = sides.find((person) => person !== side)!;
      const { bodies } = await walk(side, [thread, "/me/agenda", "/messages", people]);
      // Their own note is on the thread's outcome form; the other's nowhere; no e-mail, no account id.
      expect(bodies.get(thread)).toContain(side.own);
      for (const [path, body] of bodies) {
        expect(body, path).not.toContain(other.own);
        expect(body, path).not.toContain(other.email);
        expect(body, path).not.toContain(other.id);
        for (const column of ["requesterNote", "inviteeNote", "requesterId", "inviteeId"])
          expect(asProperty(column).test(body), `${path}: property ${column}`).toBe(false);
      }
    }
    // Nobody else: a visitor and an unrelated member, on the public pages, the API and the exports.
    for (const viewer of [null, world.member]) {
      const { bodies } = await walk(viewer, [...publicPages(), people], publicFiles());
      for (const [path, body] of bodies)
        for (const note of [requesterNote, inviteeNote]) expect(body, path).not.toContain(note);
    }
  });
});
// Agreements (docs/decisions/074, 075): a planted note and value reach the two sides only.
describe("an agreement's private values", () => {
  test("reach the two sides' thread and lists only: no public page, file, API, other member, official figure or mail", async () => {
    const { makeAgreement } = await import("../factories");
    const { readMailbox } = await import("../mailbox");
    const { inject } = await import("vitest");
    const note = `agreementnote${word(12)}`;
    await makeAgreement(world.matchId, {
      note,
      valueRange: "over_10b",
      type: "technology_transfer",
      recordedById: world.owner.id,
    });
    const secrets = [note, "over_10b", "Trên 10 tỷ đồng", "Over VND 10 billion"];
    const thread = `/messages/${world.matchId}`;
    // The two sides read it (the walk reads real answers).
    for (const side of [world.owner, world.responder]) {
      const { problems, bodies } = await walk(side, [thread, "/me/agreements"]);
      expect(bodies.get(thread)).toContain(note);
      expect(bodies.get("/me/agreements")).toContain("Trên 10 tỷ đồng");
      expect(problems).toEqual([]);
    }
    const indicatorFiles = INDICATOR_FILES.map((chart) => `/admin/indicators/data/${chart}?format=csv`);
    const readers: [Person | null, string[], string[]][] = [
      [null, publicPages(), publicFiles()],
      [world.member, [...publicPages(), "/me/agreements"], publicFiles()],
      [
        { ...world.curator, cookie: await signInAs(world.curator.id) },
        ["/admin/indicators", "/admin/indicators/report", "/ecosystem"],
        indicatorFiles,
      ],
    ];
    for (const [viewer, pages, files] of readers) {
      const { problems, bodies } = await walk(viewer, pages, files);
      expect(problems).toEqual([]);
      for (const [path, body] of bodies) {
        for (const secret of secrets) expect(body.includes(secret), `${path} shows ${secret}`).toBe(false);
        for (const column of ["recordedById", "confirmedById", "valueRange"])
          expect(asProperty(column).test(body), `${path} has ${column}`).toBe(false);
      }
    }
    // Outsiders are told the thread does not exist.
    expect((await httpClient({ cookie: world.member.cookie }).get(thread)).status).toBe(404);
    // No mail, to anyone, carries the note or the value.
    for (const mail of await readMailbox(inject("mailbox")))
      for (const secret of secrets) expect(`${mail.text}${mail.html ?? ""}`.includes(secret)).toBe(false);
  });
});

const INDICATOR_FILES = ["summary", "agreement-types", "meeting-outcomes", "links-areas", "links-fields"];

// Event registration and calendars (docs/decisions/077): a registrant's pages, the event's file,
// the public feed and the personal feeds never carry another registrant's e-mail, account id or
// words, nor a meeting's private note.
describe("event registration and calendars", () => {
  test("show the member their own registration only; the files carry no one else's address or notes", async () => {
    const event = await makeEvent({ label: "internal-event", capacity: 1, titleVi: `Sự kiện ${word()}` });
    const interestsMarker = `interests${word(12)}`;
    const noteMarker = `meetingnote${word(12)}`;
    // The member holds the seat (listed, with what they want to meet about); the owner waits.
    await db().eventRegistration.create({
      data: { eventId: event.id, userId: world.member.id, listed: true, interests: interestsMarker },
    });
    await makeRegistration(event.id, world.owner.id, { status: "waitlisted" });
    const conversation = await db().conversation.create({
      data: { kind: "meeting", subject: "Gặp gỡ", starterId: world.member.id },
    });
    await db().eventMeeting.create({
      data: {
        eventId: event.id,
        conversationId: conversation.id,
        requesterId: world.member.id,
        inviteeId: world.owner.id,
        startsAt: new Date(event.startsAt.getTime() + 3_600_000),
        endsAt: new Date(event.startsAt.getTime() + 5_400_000),
        status: "accepted",
        requesterNote: noteMarker,
        inviteeNote: noteMarker,
      },
    });
    const pages = [`/events/${event.slug}/registration`, "/me/events"];
    const files = ["/events.ics", `/events/${event.slug}.ics`, "/me/calendar.ics"];
    const { problems, bodies } = await walk(world.owner, pages, files);
    expect(bodies.get(`/events/${event.slug}/registration`)).toContain("vị trí 1");
    const feedUrl = /\/calendar\/[A-Za-z0-9._-]+\.ics/.exec(bodies.get("/me/events")!)![0];
    const feed = await read(feedUrl, null);
    // The owner's own calendar holds the accepted meeting, named by the member's name only.
    expect(feed).toContain("Gặp gỡ:");
    const all = [...bodies.values(), feed];
    for (const body of all) {
      expect(body).not.toContain(interestsMarker);
      expect(body).not.toContain(noteMarker);
    }
    expect([...problems, ...leaks(feed, world.owner, feedUrl)]).toEqual([]);
    // The public files, read by a visitor, likewise.
    const visitor = await walk(
      null,
      [`/events/${event.slug}/registration`],
      ["/events.ics", `/events/${event.slug}.ics`],
    );
    expect(visitor.problems).toEqual([]);
    for (const body of visitor.bodies.values()) expect(body).not.toContain(interestsMarker);
  });
});
