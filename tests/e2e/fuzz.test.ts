import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { generateSessionToken, SESSION_COOKIE, sessionIdFromToken } from "~/auth/session.server";
import { baseURL, clientAddress, useBrowser } from "./browser";
import { portalDb } from "./fixtures";
import { databaseState } from "./fuzz/database-state";
import { actionRoutes, type FoundForm, formsOn } from "./fuzz/forms";
import {
  describe as show,
  type Fields,
  hostileValue,
  mutate,
  type Random,
  randomSource,
  SCRIPT_MARKERS,
} from "./fuzz/inputs";
import { ROOT } from "../setup/paths";
import {
  hanoiMorning,
  makeEvent,
  makeMeeting,
  makeOffer,
  makeOrganization,
  makeRegistration,
  makeUser,
} from "../factories";
import { unsubscribeToken } from "~/models/unsubscribe.server";
import { makeExpert, makeFoodCompany, makeMatch, makeRequest, makeResearcher, makeResponse, manage } from "./world";

/**
 * Thousands of generated hostile inputs to every form and query parameter the
 * portal serves: wrong types, huge sizes, Unicode edge cases, and injection
 * strings for SQL, Meilisearch filters and HTML. The forms are the ones the
 * pages really render (found by Chromium, one per submit button), each sent
 * first as a careful person would fill it, then with one or two fields
 * changed, dropped, repeated, or an unknown field added.
 *
 * For every answer: never a 5xx, never injected markup unescaped in a page;
 * and when the request is refused (4xx), no table has changed. Afterwards
 * every page that shows what was stored is read again for injected markup.
 *
 * FUZZ_SEED replays a run; FUZZ_VARIANTS (per form) and FUZZ_QUERIES (per
 * query target) make it longer.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_122);
const VARIANTS = Number(process.env.FUZZ_VARIANTS ?? 20);
const QUERIES = Number(process.env.FUZZ_QUERIES ?? 36);

const { openPage } = useBrowser();
const db = () => portalDb();
type Actor = { name: string; userId: string | null; pages: () => string[] };
type Failure = string;

const failures: Failure[] = [];
const stats = { posts: 0, gets: 0, refused: 0, accepted: 0 };
let state: ReturnType<typeof databaseState>;
const world = {} as Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const curator = await makeUser({ label: "fuzz-curator", role: "curator" });
  const admin = await makeUser({ label: "fuzz-admin", role: "admin" });
  const owner = await makeUser({ label: "fuzz-owner" });
  const managed = await makeFoodCompany("fuzz-managed");
  const other = await makeFoodCompany("fuzz-other");
  await manage(owner.id, managed.id);
  const responder = await makeResearcher("fuzz-responder");
  const newcomer = await makeUser({ label: "fuzz-newcomer", accountType: "researcher" });
  await makeExpert(newcomer.id, "draft");
  const request = await makeRequest(owner.id, { reviewerId: curator.id, organizationId: managed.id });
  await makeResponse(request.id, responder);
  // Invited too: "Requests for you" shows the request with its "not for me" form.
  await db().invitation.create({
    data: { requestId: request.id, expertId: responder.expert.id, invitedById: owner.id, note: "Mời anh chị" },
  });
  // A request with a confidential section, an unanswered question (the owner's answer form) and the
  // responder shortlisted (the confidentiality terms' form).
  const talk = await makeRequest(owner.id, { reviewerId: curator.id });
  await db().techRequest.update({ where: { id: talk.id }, data: { confidential: "Nhà cung cấp hiện tại: X." } });
  await db().requestQuestion.create({
    data: { requestId: talk.id, askerId: newcomer.id, body: "Kho lạnh rộng bao nhiêu mét vuông?" },
  });
  await makeResponse(talk.id, responder, "shortlisted");
  const pending = await makeRequest(owner.id, { reviewerId: curator.id, status: "pending" });
  // Its own request for the edit form: an accepted edit may send it back to review.
  const editable = await makeRequest(owner.id, { reviewerId: curator.id });
  const match = await makeMatch(curator.id);
  // The listing's own offer, for its page (confirm, withdraw) and its edit form.
  const offer = await makeOffer({ organizationId: managed.id, nameVi: "Dịch vụ đo nhiễu xạ tia X" });
  const instrument = await makeOffer({ organizationId: managed.id, type: "equipment", nameVi: "Máy nhiễu xạ tia X" });
  await db().organizationClaim.create({
    data: {
      userId: newcomer.id,
      organizationId: other.id,
      message: "Tôi là giám đốc, e-mail công việc: giamdoc@example.vn",
    },
  });
  await db().notification.create({
    data: {
      userId: owner.id,
      type: "status",
      data: JSON.stringify({ key: "notify.requestExpired", params: { title: request.title } }),
      url: `/requests/${request.id}`,
    },
  });
  // A saved search: /me/alerts shows its change and delete forms (the lists show the save form).
  await db().savedSearch.create({
    data: { userId: owner.id, list: "requests", query: "q=cam+bien", label: "Cảm biến", frequency: "weekly" },
  });
  // An inquiry of the newcomer to the listing, its sender blocked: the owner's inbox lists the block.
  const inquiry = await db().conversation.create({
    data: {
      kind: "inquiry",
      subject: "Hỏi về dịch vụ đo",
      starterId: newcomer.id,
      organizationId: managed.id,
      messages: { create: [{ senderId: newcomer.id, body: "Xin báo giá giúp tôi." }] },
    },
  });
  await db().conversationBlock.create({
    data: { ownerKey: `organization:${managed.id}`, blockedUserId: newcomer.id, conversationId: inquiry.id },
  });
  const resetToken = generateSessionToken();
  await db().passwordResetToken.create({
    data: { id: sessionIdFromToken(resetToken), userId: newcomer.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  // A sign-up still waiting for its mailed link.
  const confirmToken = generateSessionToken();
  const waiting = await db().user.create({
    data: {
      email: `waiting-${confirmToken.slice(0, 8)}@example.vn`,
      name: "Chờ xác nhận",
      passwordHash: "!",
      accountType: "business",
      confirmedAt: null,
    },
  });
  await db().signUpConfirmation.create({
    data: {
      id: sessionIdFromToken(confirmToken),
      userId: waiting.id,
      passwordHash: "!",
      name: waiting.name,
      accountType: "business",
      locale: "vi",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  // Affiliation: the responder's profile at a university with a website (the send-link form on
  // /me/profile) and a link mailed to them (the confirm form); the match's researcher asked for an
  // official's check (the admins' list). A notification's unsubscribe link, for a visitor.
  const university = await makeFoodCompany("university");
  await db().organization.update({ where: { id: university.id }, data: { website: "https://www.dh-fuzz.edu.vn" } });
  await db().expertProfile.update({ where: { id: responder.expert.id }, data: { affiliationId: university.id } });
  const affiliationToken = generateSessionToken();
  await db().affiliationConfirmation.create({
    data: {
      expertId: responder.expert.id,
      organizationId: university.id,
      email: "nghiencuu@dh-fuzz.edu.vn",
      tokenHash: sessionIdFromToken(affiliationToken),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  await db().expertProfile.update({
    where: { id: match.responder.expert.id },
    data: { affiliationId: other.id, affiliationCheckRequestedAt: new Date() },
  });
  const unsubscribe = await unsubscribeToken(owner.id, { kind: "type", type: "message" }, db());

  const actors: Actor[] = [
    {
      name: "visitor",
      userId: null,
      pages: () => [
        "/",
        "/directory",
        "/experts",
        // The overseas experts network (docs/decisions/076): its search form is fuzzed too
        "/experts/overseas",
        "/requests",
        "/login",
        "/signup",
        "/forgot-password",
        `/reset-password?token=${resetToken}`,
        "/confirm",
        `/confirm?token=${confirmToken}`,
        `/organizations/${managed.slug}`,
        `/offers/${offer.id}`,
        `/experts/${responder.expert.slug}`,
        `/requests/${request.id}`,
        "/ecosystem",
        `/unsubscribe/${unsubscribe}`,
      ],
    },
    {
      name: "business member, manager of a listing",
      userId: owner.id,
      pages: () => [
        "/account",
        "/me/requests",
        "/requests/new",
        `/requests/${request.id}`,
        `/requests/${talk.id}`,
        `/organizations/${managed.slug}/edit`,
        `/organizations/${managed.slug}/logo`,
        `/requests/${editable.id}/edit`,
        `/organizations/${other.slug}/claim`,
        "/organizations/new",
        ...(["service", "equipment", "technology"] as const).map(
          (type) => `/offers/new?type=${type}&org=${managed.slug}`,
        ),
        `/offers/${offer.id}/edit`,
        `/offers/${offer.id}`,
        `/offers/${instrument.id}/photos`,
        "/notifications",
        "/me/notifications",
        "/matches",
        "/messages",
        `/messages/${inquiry.id}`,
        "/me/alerts",
        "/requests?q=cam+bien",
      ],
    },
    {
      name: "researcher",
      userId: newcomer.id,
      pages: () => ["/me/profile", `/requests/${request.id}`, "/me/responses"],
    },
    {
      name: "responder",
      userId: responder.id,
      // The inquiry forms of a listing, an expert and an offer that are not theirs.
      pages: () => [
        "/me/responses",
        "/me/requests-for-you",
        `/requests/${request.id}`,
        `/requests/${talk.id}`,
        "/me/profile",
        `/affiliation/confirm?token=${affiliationToken}`,
        `/organizations/${managed.slug}`,
        `/experts/${match.responder.expert.slug}`,
        `/offers/${offer.id}`,
      ],
    },
    { name: "matched business", userId: match.owner.id, pages: () => [`/messages/${match.match.id}`] },
    {
      name: "admin",
      userId: admin.id,
      pages: () => [
        "/admin",
        "/admin/requests",
        "/admin/claims",
        "/admin/queue",
        "/admin/organizations",
        "/admin/users",
        "/admin/import",
        "/admin/import/offers",
        "/admin/audit",
        "/admin/affiliations",
        `/requests/${pending.id}`,
        // The officials' indicators and their report (docs/decisions/075): filter forms.
        "/admin/indicators",
        "/admin/indicators/report",
        "/me/agreements",
      ],
    },
  ];
  // Events (docs/decisions/072): an incubator's manager, with an event to edit and cancel; an admin's city event form.
  const incubator = await makeOrganization({ label: "fuzz-incubator", kind: "incubator" });
  const organizer = await makeUser({ label: "fuzz-incubator-manager" });
  await manage(organizer.id, incubator.id);
  const event = await db().event.create({
    data: {
      slug: `fuzz-demo-day-${Date.now()}`,
      kind: "demo_day",
      titleVi: "Ngày trình diễn khởi nghiệp",
      startsAt: new Date(Date.now() + 20 * 86_400_000),
      endsAt: new Date(Date.now() + 20 * 86_400_000 + 6 * 3_600_000),
      venue: "Hội trường A",
      district: "cau-giay",
      organizationId: incubator.id,
      createdById: organizer.id,
      status: "published",
    },
  });
  actors.push(
    {
      name: "incubator manager (events)",
      userId: organizer.id,
      pages: () => [
        `/events/new?org=${incubator.slug}`,
        `/events/${event.slug}/edit`,
        `/events/${event.slug}`,
        "/events",
      ],
    },
    { name: "admin (events)", userId: admin.id, pages: () => ["/events/new"] },
  );
  actors.push(await meetingActor());
  // Event registration (docs/decisions/077): registered for a full event (update and cancel forms),
  // not yet for an open one (register form), and /me/events (cancel).
  const registrant = await makeUser({ label: "fuzz-registrant" });
  const fullEvent = await makeEvent({ label: "fuzz-full-event", capacity: 1 });
  const openEvent = await makeEvent({ label: "fuzz-open-event", capacity: 1000 });
  await makeRegistration(fullEvent.id, registrant.id, { listed: true });
  actors.push({
    name: "event registrant",
    userId: registrant.id,
    pages: () => [`/events/${fullEvent.slug}/registration`, `/events/${openEvent.slug}/registration`, "/me/events"],
  });
  return { actors, admin };
}

/** Fresh sessions for an actor, made in one write (a refused form may have signed them out). */
async function sessionsFor(actor: Actor, count: number): Promise<(string | null)[]> {
  if (!actor.userId) return Array.from({ length: count }, () => null);
  const tokens = Array.from({ length: count }, () => generateSessionToken());
  await db().session.createMany({
    data: tokens.map((token) => ({
      id: sessionIdFromToken(token),
      userId: actor.userId!,
      expiresAt: new Date(Date.now() + 86_400_000),
    })),
  });
  return tokens.map((token) => `${SESSION_COOKIE}=${token}`);
}

// ------------------------------------------------------------------ sending and checking

function headers(cookie: string | null, extra: Record<string, string> = {}) {
  // A different address each time: the rate limits are tested elsewhere, here they would only hide the validation.
  return { "X-Forwarded-For": clientAddress(), ...(cookie ? { Cookie: cookie } : {}), ...extra };
}

/**
 * The portal's limits on a request's size: a body over 256 KiB (413), a request line or headers
 * over Node's 16 KiB (431). Past them the server may answer and close before the client has sent
 * everything, which the client sees as a reset connection: a refusal too.
 */
const MAX_BODY_BYTES = 256 * 1024;
const MAX_URL_BYTES = 16 * 1024;
const closedEarly = (error: unknown) =>
  ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"].includes(String((error as { cause?: { code?: string } }).cause?.code));

function body(
  form: FoundForm,
  fields: Fields,
  random: Random,
): { body: BodyInit; bytes: number; type?: Record<string, string> } {
  const type = { "Content-Type": "application/x-www-form-urlencoded" };
  const bytes = fields.reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value) * 3 + 2,
    0,
  );
  if (form.multipart) {
    const data = new FormData();
    for (const [name, value] of fields) data.append(name, value);
    for (const name of form.files)
      data.append(
        name,
        new Blob([`name_vi,kind,website\n${hostileValue(random)},lab,${hostileValue(random)}\n`]),
        hostileValue(random).slice(0, 60) || "x.csv",
      );
    return { body: data, bytes };
  }
  // Now and then a body no browser would send: broken percent-encoding.
  if (random.next() < 0.05)
    return {
      body: `${fields.map(([name]) => `${encodeURIComponent(name)}=%ZZ%E0%A4%A`).join("&")}&%=&&=x`,
      bytes: 0,
      type,
    };
  const params = new URLSearchParams();
  for (const [name, value] of fields) params.append(name, value);
  const text = params.toString();
  return { body: text, bytes: Buffer.byteLength(text), type };
}

/** The answer's text when it is a page (where injected markup would matter). */
async function pageText(response: Response) {
  const text = await response.text();
  return (response.headers.get("content-type") ?? "").includes("text/html") ? text : "";
}

function checkAnswer(label: string, status: number, html: string) {
  if (status >= 500) failures.push(`${label} → ${status}`);
  const marker = SCRIPT_MARKERS.find((pattern) => pattern.test(html));
  if (marker) failures.push(`${label} → injected markup on the page: ${marker}`);
}

async function fuzzForm(form: FoundForm, actor: Actor, random: Random) {
  const cookies = await sessionsFor(actor, VARIANTS + 1);
  for (let round = 0; round <= VARIANTS; round += 1) {
    // Round 0 is the form as a careful person fills it.
    const { fields, change } = round === 0 ? { fields: form.fields, change: "as filled" } : mutate(form.fields, random);
    const label = `${actor.name}: POST ${form.action} (${form.fields.find(([name]) => name === "intent")?.[1] ?? "form"} on ${form.page}) with ${change}`;
    const before = state.current();
    const sent = body(form, fields, random);
    let response: Response;
    try {
      response = await fetch(`${baseURL()}${form.action}`, {
        method: "POST",
        redirect: "manual",
        body: sent.body,
        headers: headers(cookies[round]!, { Origin: new URL(baseURL()).origin, ...sent.type }),
        // A hung request would otherwise wait for the connection's 65 s keep-alive timeout.
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      if (sent.bytes > MAX_BODY_BYTES && closedEarly(error)) stats.refused += 1;
      else failures.push(`${label} → no answer: ${String((error as Error).cause ?? error)}`);
      continue;
    }
    stats.posts += 1;
    checkAnswer(label, response.status, await pageText(response));
    if (response.status >= 400) {
      stats.refused += 1;
      const changed = state.changed(before, state.current());
      if (changed.length > 0)
        failures.push(`${label} → refused with ${response.status}, yet changed ${changed.join(", ")}`);
    } else {
      stats.accepted += 1;
      const location = response.headers.get("location");
      if (location?.startsWith("/")) {
        const next = await fetch(`${baseURL()}${location}`, { redirect: "manual", headers: headers(cookies[round]!) });
        checkAnswer(`${label}, then GET ${location}`, next.status, await pageText(next));
      }
    }
  }
}

async function fuzzQuery(label: string, url: (random: Random) => string, random: Random, cookie: string | null) {
  const jobs = Array.from({ length: QUERIES }, () => url(random));
  // Reads change nothing, so four at a time.
  for (let start = 0; start < jobs.length; start += 4) {
    await Promise.all(
      jobs.slice(start, start + 4).map(async (path) => {
        try {
          const response = await fetch(`${baseURL()}${path}`, { redirect: "manual", headers: headers(cookie) });
          stats.gets += 1;
          checkAnswer(`${label}: GET ${show(path)}`, response.status, await pageText(response));
        } catch (error) {
          if (path.length <= MAX_URL_BYTES || !closedEarly(error))
            failures.push(`${label}: GET ${show(path)} → no answer: ${String((error as Error).cause ?? error)}`);
        }
      }),
    );
  }
}

/** encodeURIComponent, which throws on a lone surrogate: those go as U+FFFD, as a browser sends them. */
function encode(value: string) {
  return encodeURIComponent(
    value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"),
  );
}

function query(fields: Fields) {
  const params = new URLSearchParams();
  for (const [name, value] of fields) params.append(name, value);
  return params.toString();
}

// ------------------------------------------------------------------ the run

const found = new Map<string, { form: FoundForm; actor: Actor }>();

async function discover(actors: Actor[]) {
  for (const actor of actors) {
    const page = await openPage({ javaScriptEnabled: false });
    try {
      if (actor.userId) {
        const [cookie] = await sessionsFor(actor, 1);
        await page
          .context()
          .addCookies([
            { name: SESSION_COOKIE, value: cookie!.split("=")[1]!, url: baseURL(), httpOnly: true, sameSite: "Lax" },
          ]);
      }
      for (const path of actor.pages()) {
        for (const form of await formsOn(page, path)) {
          const intent = form.fields.find(([name]) => name === "intent")?.[1] ?? "";
          const key = `${actor.name} ${form.method} ${form.action.split("?")[0]} ${intent} ${form.fields.map(([name]) => name).join(",")}`;
          if (!found.has(key)) found.set(key, { form, actor });
        }
      }
    } finally {
      await page.context().close();
    }
  }
}

beforeAll(async () => {
  Object.assign(world, await buildWorld());
  state = databaseState(inject("portalDatabase"));
}, 120_000);

afterAll(() => state?.close());

describe(`fuzz (seed ${SEED})`, () => {
  test("every form, as each of the people who can open it, with hostile fields", async () => {
    failures.length = 0;
    const random = randomSource(SEED);
    // Members first: what they store then shows up in the officials' queues, which are fuzzed last.
    const officials = world.actors.filter((actor) => actor.name === "admin");
    const members = world.actors.filter((actor) => actor.name !== "admin");
    await discover(members);
    for (const { form, actor } of found.values()) if (form.method === "POST") await fuzzForm(form, actor, random);
    const membersForms = found.size;
    await discover(officials);
    for (const [index, { form, actor }] of [...found.values()].entries())
      if (index >= membersForms && form.method === "POST") await fuzzForm(form, actor, random);

    // "Every form": each route module with an action had a form found for it (the API answers 405, the catch-all 404).
    const posted = [...found.values()]
      .filter(({ form }) => form.method === "POST")
      .map(({ form }) => form.action.split("?")[0]!);
    const uncovered = actionRoutes(ROOT)
      .filter(({ file }) => !file.startsWith("api.") && file !== "$.tsx")
      .filter(({ pattern }) => !posted.some((action) => pattern.test(action)))
      .map(({ file }) => file);
    console.info(
      `fuzz: ${found.size} forms, ${stats.posts} posts (${stats.accepted} accepted, ${stats.refused} refused)`,
    );
    expect.soft(uncovered, "route modules with an action but no form found for them").toEqual([]);
    expect.soft(stats.posts, "posts sent").toBeGreaterThan(800);
    expect
      .soft(stats.accepted, "some variants were accepted (the forms were filled validly enough to reach the models)")
      .toBeGreaterThan(20);
    expect(failures.slice(0, 30), `${failures.length} failures of ${stats.posts} posts`).toEqual([]);
  }, 900_000);

  test("every query parameter and path segment, with hostile values", async () => {
    failures.length = 0;
    const random = randomSource(SEED + 1);
    const before = state.current();
    const [adminCookie] = await sessionsFor({ name: "admin", userId: world.admin.id, pages: () => [] }, 1);
    for (const { form, actor } of found.values()) {
      if (form.method !== "GET") continue;
      const path = form.action.split("?")[0]!;
      const fields: Fields = [...form.fields, ["page", "2"], ["sort", "name"]];
      const cookie = actor.userId === world.admin.id ? adminCookie! : null;
      await fuzzQuery(
        `${actor.name}: ${path} form`,
        (r) => `${path}?${query(mutate(fields, r).fields)}`,
        random,
        cookie,
      );
    }
    for (const path of [
      "/ecosystem",
      "/ecosystem/data/summary",
      "/export/organizations.csv",
      "/export/organizations.json",
      "/admin/audit/export",
      "/language",
    ]) {
      const fields: Fields = [
        ["format", "json"],
        ["lang", "en"],
        ["kind", "lab"],
        ["field", "food-technology"],
        ["from", "2026-01-01"],
        ["redirectTo", "/directory"],
      ];
      await fuzzQuery(
        path,
        (r) => `${path}?${query(mutate(fields, r).fields)}`,
        random,
        path.startsWith("/admin") ? adminCookie! : null,
      );
    }
    // The API's parameters, as its own OpenAPI document lists them.
    const openapi = (await (await fetch(`${baseURL()}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
    };
    for (const [template, item] of Object.entries(openapi.paths)) {
      const parameters = item.get?.parameters ?? [];
      const queryFields: Fields = parameters
        .filter((parameter) => parameter.in === "query")
        .map((parameter) => [parameter.name, "1"]);
      await fuzzQuery(
        `API ${template}`,
        (r) =>
          `/api/v1${template.replace(/\{[^}]+\}/g, () => encode(hostileValue(r)))}?${query(mutate(queryFields, r).fields)}`,
        random,
        null,
      );
    }
    // Path segments of the pages that take one.
    for (const template of [
      "/organizations/:x",
      "/experts/:x",
      "/requests/:x",
      "/matches/:x",
      "/messages/:x",
      "/messages/:x/updates",
      "/organizations/:x/edit",
      "/organizations/:x/domains",
      "/unsubscribe/:x",
      "/ecosystem/data/:x",
      "/admin/indicators/data/:x",
      "/admin/indicators?from=:x&to=:x&area=:x&field=:x",
      "/admin/indicators/report?quarter=:x",
      "/:x",
    ]) {
      await fuzzQuery(
        `path ${template}`,
        (r) => template.replace(":x", encode(hostileValue(r)).slice(0, 4_000)),
        random,
        adminCookie!,
      );
    }
    console.info(`fuzz: ${stats.gets} queries`);
    expect.soft(stats.gets, "queries sent").toBeGreaterThan(800);
    expect.soft(failures.slice(0, 30), `${failures.length} failures of ${stats.gets} queries`).toEqual([]);
    expect(state.changed(before, state.current()), "reads changed the database").toEqual([]);
  }, 600_000);

  test("what was stored shows as text on every page that shows it", async () => {
    failures.length = 0;
    const [adminCookie] = await sessionsFor({ name: "admin", userId: world.admin.id, pages: () => [] }, 1);
    const pages = new Set<string>([
      "/directory?q=fz",
      "/experts",
      "/requests",
      "/admin/queue",
      "/admin/audit",
      "/admin/users",
      "/admin/organizations?status=pending",
    ]);
    // The newest things stored by the fuzz run, on their own pages.
    for (const row of await db().organization.findMany({
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { slug: true },
    }))
      pages.add(`/organizations/${row.slug}`);
    for (const row of await db().expertProfile.findMany({
      orderBy: { updatedAt: "desc" },
      take: 10,
      select: { slug: true },
    }))
      pages.add(`/experts/${row.slug}`);
    for (const row of await db().techRequest.findMany({
      orderBy: { updatedAt: "desc" },
      take: 10,
      select: { id: true },
    }))
      pages.add(`/requests/${row.id}`);
    for (const path of pages) {
      const response = await fetch(`${baseURL()}${path}`, { redirect: "manual", headers: headers(adminCookie!) });
      checkAnswer(`stored content: GET ${path}`, response.status, await pageText(response));
    }
    expect(failures).toEqual([]);
  });
});

// --- Meetings at events (docs/decisions/073) -------------------------------------------

/**
 * A registered participant of an event: its people page with a request form open and its
 * own listing form, a request waiting for their answer, and a past meeting's outcome form.
 */
async function meetingActor(): Promise<Actor> {
  const event = await makeEvent({ startsAt: hanoiMorning(), hours: 8 });
  const past = await makeEvent({ startsAt: new Date(Date.now() - 3 * 86_400_000), hours: 4 });
  const participant = await makeUser({ label: "fuzz-participant" });
  const other = await makeUser({ label: "fuzz-other-participant" });
  await makeRegistration(event.id, participant.id, { listed: true, interests: "Thiết bị đo" });
  const listed = await makeRegistration(event.id, other.id, { listed: true, interests: "Xử lý nước" });
  const waiting = await makeMeeting(event, other.id, participant.id, {
    status: "requested",
    slot: 3,
    message: "Xin gặp để trao đổi.",
  });
  const over = await makeMeeting(past, other.id, participant.id, { message: "Xin gặp để trao đổi." });
  return {
    name: "meeting participant",
    userId: participant.id,
    pages: () => [
      `/events/${event.slug}/people?with=${listed.id}`,
      `/messages/${waiting.conversation.id}`,
      `/messages/${over.conversation.id}`,
    ],
  };
}
