import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, test, inject } from "vitest";
import { enqueueSearchSync } from "#search/outbox";
import { refreshExpertSearchText } from "~/models/expert.server";
import { refreshRequestSearchText } from "~/models/request.server";
import { refreshEventSearchText } from "~/models/event.server";
import { LIMITS } from "~/auth/rate-limit.server";
import { hex, makeEvent, makeOffer, makeOrganization, makeUser, word } from "../factories";
import { lintOpenApi, problemLines } from "../setup/redocly-lint";
import { baseURL, clientAddress } from "./browser";
import { portalDb } from "./fixtures";

/**
 * The public API (/api/v1) over plain HTTP, held to its own OpenAPI document:
 * every response this file receives is validated against the schema the
 * served document gives for that path and status (objects are closed there,
 * so an undocumented property fails too), carries no e-mail address, and is
 * readable from any origin. Around that: drafts, pending and archived
 * listings, unpublished profiles, and requests that are not open never
 * appear; an anonymous request names neither its company nor its author;
 * filters, pagination, errors, the rate limit and the database fallback.
 *
 * Cases that need a change outside the API's files are `test.fails` with a
 * comment: they start failing (and must become plain tests) once it is made.
 */
const API = "/api/v1";
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const db = () => portalDb();

// ------------------------------------------------------------------ the document and the checks every response goes through

type OpenApi = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<
    string,
    Record<"get" | "options", { parameters: { $ref: string }[]; responses: Record<string, { $ref?: string }> }>
  >;
  components: Record<string, Record<string, unknown>>;
};
let doc: OpenApi;
let ajv: Ajv2020;
/** Templates of the paths that answered a real 200 that was validated. */
const validated = new Set<string>();

const escapePointer = (part: string) => part.replace(/~/g, "~0").replace(/\//g, "~1");

function resolve<T>(pointer: string): T {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], doc) as T;
}

function templateOf(pathname: string): string | undefined {
  const rest = pathname.slice(API.length);
  return Object.keys(doc.paths).find((template) =>
    new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+").replace(/\./g, "\\.")}$`).test(rest),
  );
}

type Method = "get" | "options";

/** The validator of the documented JSON body of `template` answering `status` (else its default response). */
function validatorFor(
  template: string | undefined,
  status: number,
  method: Method = "get",
): { validate: ValidateFunction; response: { headers?: Record<string, unknown> } } {
  if (!template) {
    return { validate: ajv.getSchema("openapi.json#/components/schemas/Error")!, response: {} };
  }
  const operation = doc.paths[template]![method];
  if (!operation) throw new Error(`the document has no ${method} operation for ${template}`);
  const key = String(status) in operation.responses ? String(status) : "default";
  if (!(key in operation.responses))
    throw new Error(`the document gives no ${status} (nor a default) for ${method} ${template}`);
  let pointer = `#/paths/${escapePointer(template)}/${method}/responses/${key}`;
  let response = resolve<{ $ref?: string; headers?: Record<string, unknown> }>(pointer);
  if (response.$ref) {
    pointer = response.$ref;
    response = resolve(pointer);
  }
  const validate = ajv.getSchema(`openapi.json${pointer}/content/${escapePointer("application/json")}/schema`);
  if (!validate) throw new Error(`no JSON schema for ${template} ${status}`);
  return { validate, response };
}

type Answer<T> = { response: Response; status: number; text: string; body: T };

/** One client address for the whole file (the rate limit has its own tests). */
const address = clientAddress();

/** GET through the document's checks; bodies are read untyped by default, their schema being checked here. */
async function get<T = any>(
  pathAndQuery: string,
  init: { headers?: Record<string, string>; from?: string } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${baseURL()}${pathAndQuery}`, {
    redirect: "manual",
    headers: { "X-Forwarded-For": init.from ?? address, ...init.headers },
  });
  const text = await response.text();
  const answer = { response, status: response.status, text, body: (text ? JSON.parse(text) : null) as T };
  if (response.status !== 304) checkAgainstDocument(pathAndQuery, answer);
  return answer;
}

/** What holds for every API response, whatever the endpoint and the status. */
function checkAgainstDocument(
  pathAndQuery: string,
  { response, status, text, body }: Answer<unknown>,
  method: Method = "get",
) {
  const url = new URL(pathAndQuery, baseURL());
  const where = `${method.toUpperCase()} ${status} ${url.pathname}${url.search}`;
  expect(status, where).toBeLessThan(500);
  expect(response.headers.get("access-control-allow-origin"), where).toBe("*");
  const template = templateOf(url.pathname);
  if (status === 204) {
    // A CORS preflight: no body, and the headers its documented 204 names.
    expect(text, where).toBe("");
    const documented = template ? doc.paths[template]![method]?.responses["204"] : undefined;
    expect(documented, `${where}: a documented 204`).toBeTruthy();
    for (const header of Object.keys((documented as { headers?: object }).headers ?? {})) {
      expect(response.headers.get(header), `${where}: documented header ${header}`).not.toBeNull();
    }
    return;
  }
  expect(response.headers.get("content-type"), where).toMatch(/^application\/json\b/);
  expect(text, `${where}: an e-mail address in the body`).not.toMatch(EMAIL);

  const { validate, response: documented } = validatorFor(template, status, method);
  if (!validate(body)) {
    throw new Error(`${where} does not match the OpenAPI document:\n${JSON.stringify(validate.errors, null, 2)}`);
  }
  for (const header of Object.keys(documented.headers ?? {})) {
    expect(response.headers.get(header), `${where}: documented header ${header}`).not.toBeNull();
  }
  if (template && status === 200) {
    // Every parameter the call used is one the document declares.
    const declared = doc.paths[template]!.get.parameters.map((parameter) =>
      resolve<{ name: string; in: string }>(parameter.$ref),
    );
    for (const name of new Set(url.searchParams.keys())) {
      expect(
        declared.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name),
        where,
      ).toContain(name);
    }
    validated.add(template);
  }
}

/** Any method, through the same checks as `get` (for OPTIONS: the document's options operation). */
async function send(method: "OPTIONS", pathAndQuery: string): Promise<Answer<any>> {
  const response = await fetch(`${baseURL()}${pathAndQuery}`, {
    method,
    headers: {
      "X-Forwarded-For": address,
      Origin: "https://other.example",
      "Access-Control-Request-Method": "GET",
      "Access-Control-Request-Headers": "if-none-match",
    },
  });
  const text = await response.text();
  const answer = { response, status: response.status, text, body: text ? JSON.parse(text) : null };
  checkAgainstDocument(pathAndQuery, answer, "options");
  return answer;
}

/** A GET with headers fetch() will not send as given (Host), over a plain socket to the loopback address. */
async function rawGet(pathAndQuery: string, headers: Record<string, string>): Promise<Answer<any>> {
  const { port } = new URL(baseURL());
  const {
    status,
    headers: received,
    text,
  } = await new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
    const request = http.get(
      {
        host: "127.0.0.1",
        port,
        path: pathAndQuery,
        headers: { "X-Forwarded-For": address, ...headers },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const list = new Headers();
          for (const [name, value] of Object.entries(response.headers))
            if (typeof value === "string") list.set(name, value);
          resolve({ status: response.statusCode!, headers: list, text: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer to ${pathAndQuery}`)));
    request.on("error", reject);
  });
  const answer = {
    response: new Response(text, { status, headers: received }),
    status,
    text,
    body: text ? JSON.parse(text) : null,
  };
  checkAgainstDocument(pathAndQuery, answer);
  return answer;
}

async function expectError(pathAndQuery: string, status: number, code: string, from?: string) {
  const answer = await get<{ error: { code: string; message: string } }>(pathAndQuery, { from });
  expect(answer.status, pathAndQuery).toBe(status);
  expect(answer.body.error.code, pathAndQuery).toBe(code);
  expect(answer.body.error.message.length).toBeGreaterThan(0);
  expect(answer.response.headers.get("cache-control")).toContain("no-store");
  return answer;
}

// ------------------------------------------------------------------ fixtures

type Org = { id: string; slug: string };
const f = {} as {
  orgToken: string;
  published: Org;
  child: Org;
  orphan: Org;
  hidden: Record<"draft" | "pending" | "archived", Org>;
  field: { id: string; slug: string; nameVi: string; areaSlug: string };
  otherArea: string;
  expertToken: string;
  expert: { slug: string; accountEmail: string; bioEmail: string; userId: string };
  draftExpert: { slug: string };
  requestToken: string;
  publicRequest: { id: string; companyName: string };
  anonymousRequest: {
    id: string;
    companyToken: string;
    companyName: string;
    authorName: string;
    authorEmail: string;
    authorId: string;
  };
  hiddenRequests: { id: string }[];
  offerToken: string;
  offers: Record<"service" | "equipment" | "technology" | "seeded", { id: string }>;
  hiddenOffers: { id: string }[];
  eventToken: string;
  events: Record<
    "upcoming" | "past" | "cancelled" | "pending" | "rejected" | "draft",
    { slug: string; startsAt: Date }
  >;
};

/** A listing of this test's field, in Cầu Giấy, named in both languages. */
async function listing(name: string, options: { status: string; parentId?: string; kind?: string }) {
  return makeOrganization({
    label: "api",
    kind: options.kind ?? "institute",
    nameVi: name,
    nameEn: `${name} (EN)`,
    summaryVi: "Đơn vị kiểm thử giao diện lập trình.",
    status: options.status,
    district: "cau-giay",
    parentId: options.parentId ?? null,
    fieldIds: [f.field.id],
  });
}

/** Someone who never signs in, with a name unlike any other in the data. */
const someone = (label: string, accountType: "business" | "researcher") =>
  makeUser({ label: `api-${label}`, name: `Người Dùng ${word(8)}`, accountType, password: null });

async function makeExpert(status: "published" | "draft", affiliationId: string, bioEmail = "") {
  const user = await someone("researcher", "researcher");
  const profile = await db().expertProfile.create({
    data: {
      userId: user.id,
      slug: `api-expert-${hex()}`,
      title: "ts",
      fullName: `Chuyên gia ${f.expertToken}`,
      affiliationId,
      position: "Nghiên cứu viên",
      bioVi: `Nghiên cứu bảo quản thực phẩm. ${bioEmail ? `Liên hệ: ${bioEmail}.` : ""}`,
      keywords: "bảo quản\nthực phẩm",
      offers: "consulting",
      status,
      publishedAt: status === "published" ? new Date() : null,
      fields: { create: [{ fieldId: f.field.id }] },
      links: {
        create: [
          { kind: "publication", title: "Một bài báo", url: "https://doi.org/10.1000/182", year: 2024, position: 0 },
        ],
      },
    },
  });
  await refreshExpertSearchText(profile.id, db());
  await enqueueSearchSync(db(), "expert", [profile.id]);
  return { ...profile, user };
}

/** Every request's confidential section holds this word: the API never shows or finds it. */
const CONFIDENTIAL = `bimat${Math.random().toString(36).slice(2, 12)}`;

async function makeRequest(options: {
  status: string;
  visibility: "public" | "anonymous";
  companyName: string;
  authorId: string;
  organizationId?: string;
}) {
  const published = ["open", "closed", "expired"].includes(options.status);
  const request = await db().techRequest.create({
    data: {
      authorId: options.authorId,
      organizationId: options.organizationId ?? null,
      companyName: options.companyName,
      sector: "agriculture_food",
      companySize: "small",
      district: "dong-anh",
      title: `Bảo quản nông sản ${f.requestToken}`,
      problem: "Cần công nghệ bảo quản rau quả tươi lâu hơn mà không dùng hóa chất.",
      desiredOutcome: "Quy trình được thử nghiệm và chuyển giao.",
      trl: 5,
      budget: "to_discuss",
      deadline: new Date(Date.now() + 60 * 86_400_000),
      visibility: options.visibility,
      confidential: `Thông số bảo mật ${CONFIDENTIAL}`,
      status: options.status,
      publishedAt: published ? new Date() : null,
      outcome: options.status === "closed" ? "no_fit" : null,
      closedAt: options.status === "closed" ? new Date() : null,
      fields: { create: [{ fieldId: f.field.id }] },
    },
  });
  await refreshRequestSearchText(request.id, db());
  await enqueueSearchSync(db(), "request", [request.id]);
  return request;
}

beforeAll(async () => {
  doc = (await (
    await fetch(`${baseURL()}${API}/openapi.json`, { headers: { "X-Forwarded-For": address } })
  ).json()) as OpenApi;
  ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  // The document's other parts are not JSON Schema; schemas are reached inside it by JSON pointer.
  ajv.addVocabulary(["openapi", "info", "servers", "tags", "paths", "components"]);
  ajv.addSchema(doc, "openapi.json");

  // A field whose area has other fields, and another area.
  const field = await db().field.findFirstOrThrow({
    where: { parent: { children: { some: {} } }, parentId: { not: null } },
    include: { parent: true },
    orderBy: { position: "asc" },
  });
  f.field = { id: field.id, slug: field.slug, nameVi: field.nameVi, areaSlug: field.parent!.slug };
  f.otherArea = (
    await db().field.findFirstOrThrow({
      where: { parentId: null, slug: { not: field.parent!.slug }, children: { some: {} } },
    })
  ).slug;

  f.orgToken = word();
  const published = await listing(`Viện Kiểm Thử ${f.orgToken}`, { status: "published" });
  const draftParent = await listing(`Viện Nháp ${f.orgToken}`, { status: "draft" });
  f.published = published;
  f.hidden = {
    draft: draftParent,
    pending: await listing(`Viện Chờ Duyệt ${f.orgToken}`, { status: "pending" }),
    archived: await listing(`Viện Lưu Trữ ${f.orgToken}`, { status: "archived" }),
  };
  f.child = await listing(`Phòng thí nghiệm con ${word()}`, {
    status: "published",
    parentId: published.id,
    kind: "lab",
  });
  f.orphan = await listing(`Phòng thí nghiệm mồ côi ${word()}`, {
    status: "published",
    parentId: draftParent.id,
    kind: "lab",
  });

  f.expertToken = word();
  const bioEmail = `lien.he.${hex()}@lab.example.vn`;
  const expert = await makeExpert("published", published.id, bioEmail);
  f.expert = { slug: expert.slug, accountEmail: expert.user.email, bioEmail, userId: expert.userId };
  f.draftExpert = await makeExpert("draft", published.id);

  f.requestToken = word();
  const author = await someone("business", "business");
  const publicRequest = await makeRequest({
    status: "open",
    visibility: "public",
    companyName: `Công ty Công Khai ${word()}`,
    authorId: author.id,
    organizationId: published.id,
  });
  f.publicRequest = { id: publicRequest.id, companyName: publicRequest.companyName };
  const anonymousAuthor = await someone("business", "business");
  const companyToken = word();
  const anonymousRequest = await makeRequest({
    status: "open",
    visibility: "anonymous",
    companyName: `Công ty Bí Mật ${companyToken}`,
    authorId: anonymousAuthor.id,
    organizationId: published.id,
  });
  f.anonymousRequest = {
    id: anonymousRequest.id,
    companyToken,
    companyName: anonymousRequest.companyName,
    authorName: anonymousAuthor.name,
    authorEmail: anonymousAuthor.email,
    authorId: anonymousAuthor.id,
  };
  f.hiddenRequests = [];
  for (const status of ["pending", "rejected", "closed", "expired"]) {
    f.hiddenRequests.push(
      await makeRequest({ status, visibility: "public", companyName: `Công ty ${word()}`, authorId: author.id }),
    );
  }

  // Offers (issue 17): one of each type, one from public sources with a price on record; none that is not public.
  f.offerToken = word();
  const offer = (data: Parameters<typeof makeOffer>[0]) =>
    makeOffer({ organizationId: published.id, fieldSlugs: [f.field.slug], ...data });
  f.offers = {
    service: await offer({
      nameVi: `Đo nhiễu xạ tia X ${f.offerToken}`,
      priceMode: "range",
      priceMinVnd: 500_000,
      priceMaxVnd: 900_000,
      reviewNote: "note-for-curators-only",
    }),
    equipment: await offer({
      type: "equipment",
      nameVi: `Kính hiển vi điện tử ${f.offerToken}`,
      accessMode: "staff_run",
      ward: "nghia-do",
    }),
    technology: await offer({
      type: "technology",
      nameVi: `Màng lọc gốm ${f.offerToken}`,
      trl: 6,
      ipStatus: "granted_patent",
      offeredAs: "licence",
    }),
    seeded: await offer({
      nameVi: `Phân tích nguồn công khai ${f.offerToken}`,
      fromPublicSource: true,
      priceMode: "range",
      priceMinVnd: 1,
      priceMaxVnd: 2,
    }),
  };
  f.hiddenOffers = [
    await offer({ nameVi: `Dịch vụ nháp ${f.offerToken}`, status: "draft" }),
    await offer({ nameVi: `Dịch vụ chờ ${f.offerToken}`, status: "pending" }),
    await offer({ nameVi: `Dịch vụ ẩn ${f.offerToken}`, hiddenAt: new Date() }),
  ];

  // Events (docs/decisions/072): one upcoming and one past, published; one cancelled; three never public.
  f.eventToken = word();
  const event = async (status: string, days: number, data: Parameters<typeof makeEvent>[0] = {}) => {
    const row = await makeEvent({
      label: "api-event",
      titleVi: `Hội thảo ${f.eventToken} ${status}`,
      startsAt: new Date(Date.now() + days * 86_400_000),
      status,
      reviewNote: `ghi chú duyệt ${f.eventToken}`,
      fieldIds: [f.field.id],
      ...data,
    });
    await refreshEventSearchText(row.id, db());
    await enqueueSearchSync(db(), "event", [row.id]);
    return row;
  };
  f.events = {
    upcoming: await event("published", 7, {
      organizationId: published.id,
      format: "hybrid",
      district: "cau-giay",
      onlineUrl: "https://meet.example/hoi-thao",
      capacity: 40,
    }),
    past: await event("published", -7, { kind: "demo_day", format: "online", venue: null }),
    cancelled: await event("cancelled", 9, { format: "online", venue: null, onlineUrl: "https://meet.example/huy" }),
    pending: await event("pending", 8),
    rejected: await event("rejected", 8),
    draft: await event("draft", 8),
  };

  // Until the portal's outbox worker has brought the engine up to date.
  const deadline = Date.now() + 60_000;
  while ((await db().searchOutbox.count({ where: { processedAt: null } })) > 0) {
    if (Date.now() > deadline) throw new Error("the search outbox did not drain within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

// ------------------------------------------------------------------ the document

describe("the OpenAPI document", () => {
  test("is served, is OpenAPI 3.1, and describes every endpoint", async () => {
    const { status, body, response } = await get<OpenApi>(`${API}/openapi.json`);
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\.1\./);
    expect(body.servers[0]!.url).toBe(`${baseURL()}${API}`);
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        "/equipment",
        "/equipment/{id}",
        "/events",
        "/events/{slug}",
        "/experts",
        "/experts/{slug}",
        "/fields",
        "/openapi.json",
        "/organizations",
        "/organizations/{slug}",
        "/requests",
        "/requests/{id}",
        "/services",
        "/services/{id}",
        "/technologies",
        "/technologies/{id}",
      ].sort(),
    );
    expect(response.headers.get("etag")).toBeTruthy();
    // Every schema compiles (strict mode: unknown keywords and bad types fail).
    for (const name of Object.keys(body.components.schemas!))
      expect(ajv.getSchema(`openapi.json#/components/schemas/${name}`), name).toBeTruthy();
  });

  test("the served document lints clean with Redocly's recommended rules: no error, no warning", async () => {
    const { text, body } = await get(`${API}/openapi.json`);
    // The one rule left out checks the servers entry against localhost: this test portal's
    // APP_URL is http://localhost:PORT by construction. The entry is APP_URL's (asserted here),
    // and the unit test lints the same document for a public address with every rule.
    expect(body.servers).toEqual([{ url: `${baseURL()}${API}` }]);
    const report = await lintOpenApi(text, { skipRules: ["no-server-example.com"] });
    expect(problemLines(report)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  test("says the API needs no credentials, and under which licence the data is", async () => {
    const { body } = await get(`${API}/openapi.json`);
    for (const [template, item] of Object.entries(body.paths as OpenApi["paths"])) {
      for (const method of ["get", "options"] as const)
        expect((item[method] as { security?: unknown }).security, `${method} ${template}`).toEqual([]);
    }
    expect(body.info.license).toEqual({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
  });

  test("absolute URLs come from APP_URL, whatever Host and X-Forwarded-Host say", async () => {
    // Answers are public for a minute: a forged host must not reach a cache's copy.
    const forged = { Host: "evil.example:8443", "X-Forwarded-Host": "evil.example:6666", "X-Forwarded-Proto": "https" };
    const list = await rawGet(`${API}/organizations?q=${f.orgToken}&perPage=1`, forged);
    expect(list.status).toBe(200);
    expect(list.body.links).toEqual({
      self: `${baseURL()}${API}/organizations?q=${f.orgToken}&perPage=1`,
      next: `${baseURL()}${API}/organizations?q=${f.orgToken}&perPage=1&page=2`,
      prev: null,
    });
    expect(list.body.data[0].url).toBe(`${baseURL()}${API}/organizations/${list.body.data[0].slug}`);
    const one = await rawGet(`${API}/organizations/${f.published.slug}`, forged);
    expect(one.body.data).toMatchObject({
      url: `${baseURL()}${API}/organizations/${f.published.slug}`,
      webUrl: `${baseURL()}/organizations/${f.published.slug}`,
    });
    const document = await rawGet(`${API}/openapi.json`, forged);
    expect(document.body.servers).toEqual([{ url: `${baseURL()}${API}` }]);
    for (const answer of [list, one, document]) expect(answer.text).not.toMatch(/evil\.example|:8443|:6666/);
  });
});

// ------------------------------------------------------------------ organizations

describe("organizations", () => {
  test("the list: envelope, defaults, links", async () => {
    const { status, body } = await get(`${API}/organizations`);
    expect(status).toBe(200);
    // (degraded may be true here too, when a loaded machine makes the engine time out: not asserted.)
    expect(body).toMatchObject({ page: 1, perPage: 20 });
    expect(typeof body.degraded).toBe("boolean");
    expect(body.data).toHaveLength(20);
    expect(body.total).toBeGreaterThanOrEqual(138);
    expect(body.totalPages).toBe(Math.ceil(body.total / 20));
    expect(body.links).toEqual({
      self: `${baseURL()}${API}/organizations`,
      next: `${baseURL()}${API}/organizations?page=2`,
      prev: null,
    });
  });

  test("search finds the published listing only: never a draft, pending or archived one", async () => {
    // The unit under it is found too: its parent's name is part of what it is searched by.
    const { body } = await get(`${API}/organizations?q=${f.orgToken}`);
    expect(body.data.map((item: { slug: string }) => item.slug).sort()).toEqual(
      [f.published.slug, f.child.slug].sort(),
    );
    expect(body.total).toBe(2);
    const item = body.data.find((found: { slug: string }) => found.slug === f.published.slug);
    expect(item).toMatchObject({
      kind: "institute",
      nameVi: `Viện Kiểm Thử ${f.orgToken}`,
      district: { slug: "cau-giay", nameVi: "Cầu Giấy", nameEn: "Cau Giay" },
      fields: [f.field.slug],
      url: `${baseURL()}${API}/organizations/${f.published.slug}`,
      webUrl: `${baseURL()}/organizations/${f.published.slug}`,
    });
    for (const hidden of Object.values(f.hidden))
      await expectError(`${API}/organizations/${hidden.slug}`, 404, "not_found");
  });

  test("every page of the whole list: each listing once, all of them published", async () => {
    const seen: string[] = [];
    let total = 0;
    let next: string | null = `${API}/organizations?sort=name&perPage=100`;
    while (next) {
      const { body }: Answer<any> = await get(next.replace(baseURL(), ""));
      seen.push(...body.data.map((item: { slug: string }) => item.slug));
      total = body.total;
      next = body.links.next;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(138);
    expect(seen).toEqual(expect.arrayContaining([f.published.slug, f.child.slug, f.orphan.slug]));
    // (Other test files write some rows straight to the database, without the index: so "all
    // published rows" is the index's business; here, nothing that is not published.)
    const statuses = await db().organization.groupBy({ by: ["status"], where: { slug: { in: seen } }, _count: true });
    expect(statuses.map((group) => [group.status, group._count])).toEqual([["published", seen.length]]);
  });

  test("filters: kind, district, verified, field (and an area for all its fields)", async () => {
    const kinds = await get(`${API}/organizations?kind=lab&kind=institute&perPage=100`);
    expect(kinds.body.data.length).toBeGreaterThan(0);
    for (const item of kinds.body.data) expect(["lab", "institute"]).toContain(item.kind);

    const district = await get(`${API}/organizations?district=cau-giay&perPage=100`);
    expect(district.body.data.length).toBeGreaterThan(0);
    for (const item of district.body.data) expect(item.district.slug).toBe("cau-giay");

    const verified = await get(`${API}/organizations?verified=true&perPage=100`);
    expect(verified.body.total).toBeGreaterThan(0);
    for (const item of verified.body.data) expect(item.verified).toBe(true);
    const unverified = await get(`${API}/organizations?verified=false&perPage=100`);
    expect(unverified.body.total).toBeGreaterThan(verified.body.total);

    const areaFields = (
      await db().field.findMany({ where: { parent: { slug: f.field.areaSlug } }, select: { slug: true } })
    ).map((row) => row.slug);
    const byArea = await get(`${API}/organizations?field=${f.field.areaSlug}&perPage=100`);
    expect(byArea.body.data.length).toBeGreaterThan(0);
    for (const item of byArea.body.data)
      expect(
        item.fields.some((slug: string) => areaFields.includes(slug)),
        item.slug,
      ).toBe(true);

    for (const field of [f.field.slug, f.field.areaSlug]) {
      expect((await get(`${API}/organizations?q=${f.orgToken}&kind=institute&field=${field}`)).body.total, field).toBe(
        1,
      );
    }
    const elsewhere = await get(`${API}/organizations?q=${f.orgToken}&field=${f.otherArea}`);
    expect(elsewhere.body).toMatchObject({ total: 0, totalPages: 0, data: [], links: { next: null, prev: null } });
    const labs = await get(`${API}/organizations?q=${f.orgToken}&kind=lab`);
    expect(labs.body.data.map((item: { slug: string }) => item.slug)).toEqual([f.child.slug]);
  });

  test("one organization: parent, units, fields, experts' slugs (published only)", async () => {
    const { status, body } = await get(`${API}/organizations/${f.published.slug}`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      slug: f.published.slug,
      parent: null,
      fields: [{ slug: f.field.slug, nameVi: f.field.nameVi }],
      experts: [f.expert.slug],
    });
    expect(body.data.children.map((child: { slug: string }) => child.slug)).toEqual([f.child.slug]);
    expect(body.data.experts).not.toContain(f.draftExpert.slug);

    const child = await get(`${API}/organizations/${f.child.slug}`);
    expect(child.body.data.parent).toMatchObject({ slug: f.published.slug, kind: "institute" });
    // A unit under a draft names no parent.
    const orphan = await get(`${API}/organizations/${f.orphan.slug}`);
    expect(orphan.body.data.parent).toBeNull();
    expect(orphan.text).not.toContain(f.hidden.draft.slug);
  });

  test("unknown or malformed slugs are 404", async () => {
    await expectError(`${API}/organizations/no-such-listing`, 404, "not_found");
    await expectError(`${API}/organizations/HUST`, 404, "not_found");
    await expectError(`${API}/organizations/a%20b`, 404, "not_found");
    await expectError(`${API}/organizations/${f.published.slug}/more`, 404, "not_found");
  });
});

// ------------------------------------------------------------------ experts

describe("experts", () => {
  test("published profiles only, without the account's e-mail", async () => {
    const { body, text } = await get(`${API}/experts?q=${f.expertToken}`);
    expect(body.data.map((item: { slug: string }) => item.slug)).toEqual([f.expert.slug]);
    expect(body.data[0]).toMatchObject({
      title: "ts",
      fullName: `Chuyên gia ${f.expertToken}`,
      affiliation: { slug: f.published.slug },
      keywords: ["bảo quản", "thực phẩm"],
      offers: ["consulting"],
      fields: [f.field.slug],
    });
    expect(text).not.toContain(f.expert.accountEmail);
    expect(text).not.toContain(f.expert.userId);
    await expectError(`${API}/experts/${f.draftExpert.slug}`, 404, "not_found");
    await expectError(`${API}/experts/no-such-expert`, 404, "not_found");
  });

  test("one profile: an e-mail typed into the bio is masked", async () => {
    const { status, body, text } = await get(`${API}/experts/${f.expert.slug}`);
    expect(status).toBe(200);
    expect(body.data.bioVi).toContain("Liên hệ: [e-mail removed].");
    expect(body.data.links).toEqual([
      {
        kind: "publication",
        title: "Một bài báo",
        url: "https://doi.org/10.1000/182",
        year: 2024,
        authors: null,
        venue: null,
        doi: null,
      },
    ]);
    expect(body.data.orcid).toBeNull();
    expect(text).not.toContain(f.expert.bioEmail);
    expect(text).not.toContain(f.expert.accountEmail);
  });

  test("filters by field, by area and by offer", async () => {
    for (const query of [
      `field=${f.field.slug}`,
      `field=${f.field.areaSlug}`,
      "offer=consulting",
      `field=${f.field.slug}&offer=consulting`,
    ]) {
      const { body } = await get(`${API}/experts?q=${f.expertToken}&${query}`);
      expect(
        body.data.map((item: { slug: string }) => item.slug),
        query,
      ).toEqual([f.expert.slug]);
    }
    expect((await get(`${API}/experts?q=${f.expertToken}&field=${f.otherArea}`)).body.total).toBe(0);
    expect((await get(`${API}/experts?q=${f.expertToken}&offer=lab_services`)).body.total).toBe(0);
    const all = await get(`${API}/experts?perPage=100`);
    const slugs = all.body.data.map((item: { slug: string }) => item.slug);
    expect(slugs).toContain(f.expert.slug);
    expect(slugs).not.toContain(f.draftExpert.slug);
    expect(await db().expertProfile.count({ where: { slug: { in: slugs }, status: { not: "published" } } })).toBe(0);
  });
});

// ------------------------------------------------------------------ events

describe("events", () => {
  const slugsOf = (body: { data: { slug: string }[] }) => body.data.map((item) => item.slug);

  test("published events only, upcoming by default, past ones with when=past", async () => {
    const upcoming = await get(`${API}/events?q=${f.eventToken}`);
    expect(slugsOf(upcoming.body)).toEqual([f.events.upcoming.slug]);
    const past = await get(`${API}/events?q=${f.eventToken}&when=past`);
    expect(slugsOf(past.body)).toEqual([f.events.past.slug]);
    expect(upcoming.text + past.text).not.toContain("ghi chú duyệt");
    const all = await get(`${API}/events?perPage=100`);
    for (const hidden of [f.events.cancelled, f.events.pending, f.events.rejected, f.events.draft])
      expect(slugsOf(all.body)).not.toContain(hidden.slug);
    expect(upcoming.response.headers.get("cache-control")).toBe("public, max-age=60");
  });

  test("one event: what its page shows, times in UTC, its page and calendar file", async () => {
    const { status, body, text } = await get(`${API}/events/${f.events.upcoming.slug}`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      slug: f.events.upcoming.slug,
      status: "published",
      kind: "workshop",
      format: "hybrid",
      startsAt: f.events.upcoming.startsAt.toISOString(),
      area: { slug: "cau-giay" },
      organization: { slug: f.published.slug },
      organizerName: null,
      onlineUrl: "https://meet.example/hoi-thao",
      capacity: 40,
      seatsLeft: 40,
      fields: [{ slug: f.field.slug }],
      webUrl: `${baseURL()}/events/${f.events.upcoming.slug}`,
      icsUrl: `${baseURL()}/events/${f.events.upcoming.slug}.ics`,
    });
    expect(text).not.toContain("ghi chú duyệt");
    // A cancelled event's page stays and says so; its online link is gone.
    const cancelled = await get(`${API}/events/${f.events.cancelled.slug}`);
    expect(cancelled.body.data).toMatchObject({ status: "cancelled", onlineUrl: null });
    for (const hidden of [f.events.pending, f.events.rejected, f.events.draft])
      await expectError(`${API}/events/${hidden.slug}`, 404, "not_found");
    await expectError(`${API}/events/no-such-event`, 404, "not_found");
  });

  test("filters by kind, format, area, field and organizer", async () => {
    for (const query of [
      "kind=workshop",
      "format=hybrid&format=in_person",
      "area=cau-giay",
      `field=${f.field.slug}`,
      `field=${f.field.areaSlug}`,
      `organizer=${f.published.slug}`,
    ]) {
      const { body } = await get(`${API}/events?q=${f.eventToken}&${query}`);
      expect(slugsOf(body), query).toEqual([f.events.upcoming.slug]);
    }
    for (const query of ["kind=competition", "format=online", "area=dong-anh", `field=${f.otherArea}`])
      expect((await get(`${API}/events?q=${f.eventToken}&${query}`)).body.total, query).toBe(0);
    const demo = await get(`${API}/events?q=${f.eventToken}&when=past&kind=demo_day&format=online`);
    expect(slugsOf(demo.body)).toEqual([f.events.past.slug]);
    await expectError(`${API}/events?organizer=${f.hidden.draft.slug}`, 400, "invalid_parameter");
  });
});

// ------------------------------------------------------------------ requests

describe("requests", () => {
  test("open requests only; an anonymous one names neither its company nor its author", async () => {
    const { body, text } = await get(`${API}/requests?q=${f.requestToken}`);
    const ids = body.data.map((item: { id: string }) => item.id);
    expect(ids.sort()).toEqual([f.publicRequest.id, f.anonymousRequest.id].sort());
    const byId = new Map(body.data.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(f.publicRequest.id)).toMatchObject({
      visibility: "public",
      companyName: f.publicRequest.companyName,
    });
    expect(byId.get(f.anonymousRequest.id)).toMatchObject({
      visibility: "anonymous",
      companyName: null,
      sector: "agriculture_food",
      companySize: "small",
      district: { slug: "dong-anh" },
    });
    for (const secret of [
      f.anonymousRequest.companyToken,
      f.anonymousRequest.authorName,
      f.anonymousRequest.authorEmail,
      f.anonymousRequest.authorId,
      CONFIDENTIAL,
    ]) {
      expect(text).not.toContain(secret);
    }
    for (const hidden of f.hiddenRequests) await expectError(`${API}/requests/${hidden.id}`, 404, "not_found");
  });

  test("an anonymous request cannot be found by its company's name", async () => {
    const { body } = await get(`${API}/requests?q=${f.anonymousRequest.companyToken}`);
    expect(body.total).toBe(0);
  });

  test("no request is found by, or shows, its confidential section", async () => {
    const { body } = await get(`${API}/requests?q=${CONFIDENTIAL}`);
    expect(body.total).toBe(0);
    for (const id of [f.publicRequest.id, f.anonymousRequest.id]) {
      const one = await get(`${API}/requests/${id}`);
      expect(one.status).toBe(200);
      expect(one.text).not.toContain(CONFIDENTIAL);
    }
  });

  test("one request: the public one names its company and listing, the anonymous one neither", async () => {
    const open = await get(`${API}/requests/${f.publicRequest.id}`);
    expect(open.body.data).toMatchObject({
      companyName: f.publicRequest.companyName,
      organization: { slug: f.published.slug },
      desiredOutcome: "Quy trình được thử nghiệm và chuyển giao.",
      fields: [{ slug: f.field.slug }],
    });
    const anonymous = await get(`${API}/requests/${f.anonymousRequest.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.data).toMatchObject({ companyName: null, organization: null, visibility: "anonymous" });
    for (const secret of [
      f.anonymousRequest.companyName,
      f.anonymousRequest.authorName,
      f.anonymousRequest.authorEmail,
      f.anonymousRequest.authorId,
      f.published.slug,
    ]) {
      expect(anonymous.text).not.toContain(secret);
    }
    await expectError(`${API}/requests/no-such-request`, 404, "not_found");
    await expectError(`${API}/requests/${"x".repeat(300)}`, 404, "not_found");
  });

  test("filters by sector and field", async () => {
    expect(
      (await get(`${API}/requests?q=${f.requestToken}&sector=agriculture_food&field=${f.field.areaSlug}`)).body.total,
    ).toBe(2);
    expect((await get(`${API}/requests?q=${f.requestToken}&sector=ict`)).body.total).toBe(0);
    expect((await get(`${API}/requests?q=${f.requestToken}&field=${f.otherArea}`)).body.total).toBe(0);
  });
});

// ------------------------------------------------------------------ fields

describe("offers", () => {
  const ids = (body: { data: { id: string }[] }) => body.data.map((item) => item.id).sort();

  test("each type's list holds its public offers only, with public fields only", async () => {
    for (const [path, type] of [
      ["services", "service"],
      ["equipment", "equipment"],
      ["technologies", "technology"],
    ] as const) {
      const list = await get(`${API}/${path}?q=${f.offerToken}`);
      expect(list.status).toBe(200);
      const expected = type === "service" ? [f.offers.service.id, f.offers.seeded.id] : [f.offers[type].id];
      expect(ids(list.body)).toEqual(expected.sort());
      for (const hidden of f.hiddenOffers) expect(list.text).not.toContain(hidden.id);
      expect(list.text).not.toMatch(/reviewNote|createdById|searchText|seedHash|note-for-curators-only/);
    }
  });

  test("one offer: the type's facts, its owner and fields; no price for one from public sources", async () => {
    const service = await get(`${API}/services/${f.offers.service.id}`);
    expect(service.body.data).toMatchObject({
      type: "service",
      priceMode: "range",
      priceMinVnd: 500_000,
      organization: { slug: f.published.slug },
      area: { slug: "cau-giay" },
      fields: [{ slug: f.field.slug }],
      webUrl: `${baseURL()}/offers/${f.offers.service.id}`,
    });
    expect(service.text).not.toContain("note-for-curators-only");
    const seeded = await get(`${API}/services/${f.offers.seeded.id}`);
    expect(seeded.body.data).toMatchObject({ fromPublicSource: true, priceMinVnd: null, priceMaxVnd: null });
    const equipment = await get(`${API}/equipment/${f.offers.equipment.id}`);
    expect(equipment.body.data).toMatchObject({ accessMode: "staff_run", ward: { slug: "nghia-do" } });
    const technology = await get(`${API}/technologies/${f.offers.technology.id}`);
    expect(technology.body.data).toMatchObject({ trl: 6, ipStatus: "granted_patent", offeredAs: ["licence"] });
  });

  test("an offer is found under its own type only, and never when it is not public", async () => {
    await expectError(`${API}/equipment/${f.offers.service.id}`, 404, "not_found");
    for (const hidden of f.hiddenOffers) await expectError(`${API}/services/${hidden.id}`, 404, "not_found");
    await expectError(`${API}/technologies/no-such-offer`, 404, "not_found");
  });

  test("filters: field (an area for all its fields), access mode, area, ward, kind, TRL, IP status, updatedSince", async () => {
    const q = `q=${f.offerToken}`;
    expect(ids((await get(`${API}/services?${q}&field=${f.field.areaSlug}`)).body)).toHaveLength(2);
    expect(ids((await get(`${API}/services?${q}&field=${f.otherArea}`)).body)).toEqual([]);
    expect(ids((await get(`${API}/services?${q}&price=range&area=cau-giay&kind=institute`)).body)).toHaveLength(2);
    expect(ids((await get(`${API}/equipment?${q}&access=staff_run&ward=nghia-do`)).body)).toEqual([
      f.offers.equipment.id,
    ]);
    expect(ids((await get(`${API}/equipment?${q}&access=self_use`)).body)).toEqual([]);
    expect(ids((await get(`${API}/technologies?${q}&trl=6&ip=granted_patent`)).body)).toEqual([f.offers.technology.id]);
    expect(ids((await get(`${API}/technologies?${q}&trl=7`)).body)).toEqual([]);
    const since = new Date(Date.now() - 3_600_000).toISOString();
    expect(ids((await get(`${API}/technologies?${q}&updatedSince=${since}`)).body)).toHaveLength(1);
    expect(ids((await get(`${API}/technologies?${q}&updatedSince=2999-01-01`)).body)).toEqual([]);
  });
});

describe("fields", () => {
  test("the bilingual taxonomy, areas with their fields", async () => {
    const { status, body } = await get(`${API}/fields`);
    expect(status).toBe(200);
    expect(body.data.length).toBe(await db().field.count({ where: { parentId: null } }));
    expect(body.data.flatMap((area: { fields: unknown[] }) => area.fields).length).toBe(
      await db().field.count({ where: { parentId: { not: null } } }),
    );
    const area = body.data.find((item: { slug: string }) => item.slug === f.field.areaSlug);
    expect(area.fields.map((field: { slug: string }) => field.slug)).toContain(f.field.slug);
  });
});

// ------------------------------------------------------------------ pagination

describe("pagination", () => {
  test("links walk the pages, keep the filters, and pages do not overlap", async () => {
    const first = await get(`${API}/organizations?sort=name&kind=university&perPage=7`);
    expect(first.body.totalPages).toBeGreaterThanOrEqual(3);
    expect(first.body.links.prev).toBeNull();
    const second = await get(first.body.links.next.replace(baseURL(), ""));
    expect(second.body.page).toBe(2);
    expect(new URL(second.body.links.next).searchParams.getAll("kind")).toEqual(["university"]);
    expect(new URL(second.body.links.prev).searchParams.get("page")).toBe("1");
    const third = await get(second.body.links.next.replace(baseURL(), ""));
    const slugs = [first, second, third].flatMap((page) => page.body.data.map((item: { slug: string }) => item.slug));
    expect(slugs).toHaveLength(21);
    expect(new Set(slugs).size).toBe(21);

    const last = await get(`${API}/organizations?sort=name&kind=university&perPage=7&page=${first.body.totalPages}`);
    expect(last.body.links.next).toBeNull();
    expect(last.body.data.length).toBe(first.body.total - 7 * (first.body.totalPages - 1));
    await expectError(
      `${API}/organizations?sort=name&kind=university&perPage=7&page=${first.body.totalPages + 1}`,
      400,
      "page_out_of_range",
    );
  });

  test("experts and requests page the same way", async () => {
    const experts = await get(`${API}/experts?perPage=1`);
    expect(experts.body).toMatchObject({ perPage: 1, totalPages: experts.body.total });
    const requests = await get(`${API}/requests?perPage=1&page=2`);
    expect(requests.body.links.prev).toBe(`${baseURL()}${API}/requests?perPage=1&page=1`);
  });
});

// ------------------------------------------------------------------ errors

describe("bad input is a 400 in the error shape, never a 500", () => {
  test.each([
    ["/organizations?kind=spaceship", "invalid_parameter"],
    ["/organizations?district=paris", "invalid_parameter"],
    ["/organizations?field=not-a-field", "invalid_parameter"],
    ["/organizations?verified=maybe", "invalid_parameter"],
    ["/organizations?sort=random", "invalid_parameter"],
    ["/organizations?page=0", "invalid_parameter"],
    ["/organizations?page=abc", "invalid_parameter"],
    ["/organizations?perPage=101", "invalid_parameter"],
    ["/organizations?page=1&page=2", "invalid_parameter"],
    ["/organizations?page=999999", "page_out_of_range"],
    ["/organizations?q=" + "a".repeat(201), "invalid_parameter"],
    ["/organizations?kinds=lab", "unknown_parameter"],
    ["/organizations?field=x%22%20OR%20kind%20%3D%20%22lab", "invalid_parameter"],
    ["/experts?offer=free-lunch", "invalid_parameter"],
    ["/experts?kind=lab", "unknown_parameter"],
    ["/experts?country=XX", "invalid_parameter"],
    ["/experts?country=VN", "invalid_parameter"],
    ["/experts?based=mars", "invalid_parameter"],
    ["/requests?sector=mining", "invalid_parameter"],
    ["/requests?page=-1", "invalid_parameter"],
    ["/fields?page=2", "unknown_parameter"],
    ["/openapi.json?x=1", "unknown_parameter"],
    ["/organizations?kind=someone%40example.com", "invalid_parameter"],
    // Empty values are bad values too (the document: never silently ignored), except q's.
    ["/organizations?page=", "invalid_parameter"],
    ["/organizations?perPage=", "invalid_parameter"],
    ["/organizations?kind=", "invalid_parameter"],
    ["/organizations?kind=lab&kind=", "invalid_parameter"],
    ["/organizations?field=", "invalid_parameter"],
    ["/organizations?district=", "invalid_parameter"],
    ["/organizations?verified=", "invalid_parameter"],
    ["/organizations?sort=", "invalid_parameter"],
    ["/organizations?lang=", "invalid_parameter"],
    ["/experts?offer=", "invalid_parameter"],
    ["/experts?page=", "invalid_parameter"],
    ["/requests?sector=", "invalid_parameter"],
    ["/requests?perPage=", "invalid_parameter"],
    // Spellings and lengths the document does not give.
    ["/organizations?verified=1", "invalid_parameter"],
    ["/organizations?verified=0", "invalid_parameter"],
    ["/organizations?kind=%20lab", "invalid_parameter"],
    ["/organizations?q=a" + "%20".repeat(200), "invalid_parameter"],
    ["/organizations?page=10001&perPage=1", "page_out_of_range"],
    // Repeated: maxItems counts every value, the same one repeated too.
    ["/organizations?" + Array(21).fill("kind=lab").join("&"), "invalid_parameter"],
    ["/experts?" + Array(21).fill("offer=consulting").join("&"), "invalid_parameter"],
    ["/requests?" + Array(21).fill("sector=ict").join("&"), "invalid_parameter"],
    ["/organizations?q=a&q=b", "invalid_parameter"],
    ["/organizations?sort=name&sort=name", "invalid_parameter"],
    // Parameters Remix would take for itself and drop.
    ["/organizations?index", "unknown_parameter"],
    ["/organizations?_routes=root", "unknown_parameter"],
    ["/fields?_data=routes%2Fapi.v1.fields", "unknown_parameter"],
    // Malformed percent-encoding, in the query and in the path.
    ["/organizations?q=%E0%A4%A", "invalid_parameter"],
    ["/organizations?q=100%", "invalid_parameter"],
    ["/organizations/%E0%A4%A", "invalid_parameter"],
    ["/experts/%FF", "invalid_parameter"],
    ["/requests/%", "invalid_parameter"],
    // Offers.
    ["/services?trl=10", "invalid_parameter"],
    ["/services?trl=", "invalid_parameter"],
    ["/equipment?access=anyone", "invalid_parameter"],
    ["/technologies?ip=secret", "invalid_parameter"],
    ["/services?price=cheap", "invalid_parameter"],
    ["/services?updatedSince=yesterday", "invalid_parameter"],
    ["/services?updatedSince=2026-13-45", "invalid_parameter"],
    ["/services?type=equipment", "unknown_parameter"],
    ["/equipment/%FF", "invalid_parameter"],
    // Events.
    ["/events?when=tomorrow", "invalid_parameter"],
    ["/events?when=", "invalid_parameter"],
    ["/events?kind=party", "invalid_parameter"],
    ["/events?format=radio", "invalid_parameter"],
    ["/events?area=paris", "invalid_parameter"],
    ["/events?field=not-a-field", "invalid_parameter"],
    ["/events?organizer=no-such-listing", "invalid_parameter"],
    ["/events?district=cau-giay", "unknown_parameter"],
    ["/events?page=999999", "page_out_of_range"],
    ["/events?" + Array(21).fill("kind=workshop").join("&"), "invalid_parameter"],
    ["/events/%FF", "invalid_parameter"],
    ["/events/x?y=1", "unknown_parameter"],
  ])("%s → %s", async (pathAndQuery, code) => {
    await expectError(`${API}${pathAndQuery}`, 400, code);
  });

  test("20 values of a filter, and an empty q, are accepted as documented", async () => {
    const twenty = await get(`${API}/organizations?${Array(20).fill("kind=lab").join("&")}&q=`);
    expect(twenty.status).toBe(200);
    expect(twenty.body.total).toBe((await get(`${API}/organizations?kind=lab`)).body.total);
  });

  test("messages read right", async () => {
    expect((await expectError(`${API}/organizations/no-such-listing`, 404, "not_found")).body.error.message).toBe(
      "No published organization has this slug.",
    );
    expect((await expectError(`${API}/experts/no-such-expert`, 404, "not_found")).body.error.message).toBe(
      "No published expert has this slug.",
    );
    expect((await expectError(`${API}/requests/nosuchrequest`, 404, "not_found")).body.error.message).toBe(
      "No open request has this id.",
    );
    expect((await expectError(`${API}/fields?x=1`, 400, "unknown_parameter")).body.error.message).toBe(
      'Unknown parameter "x"; this endpoint takes no parameters.',
    );
  });

  test("unknown paths under /api/v1 answer 404 in the error shape", async () => {
    await expectError(`${API}/nothing-here`, 404, "not_found");
  });

  test.each([
    // Paths match the document exactly: case, trailing slash, no Remix data suffix.
    "/ORGANIZATIONS",
    "/Fields",
    "/fields/",
    "/organizations/",
    "/fields.data",
    "/organizations.data",
    "//fields",
    "",
    "/",
  ])("the undocumented path /api/v1%s is 404 in the error shape", async (rest) => {
    await expectError(`${API}${rest}`, 404, "not_found");
  });

  test("odd values in every parameter never cause a 500", async () => {
    const odd = [
      "",
      " ",
      "%",
      "\\",
      '"',
      "'",
      "<",
      "NULL",
      "-1",
      "1e309",
      "9".repeat(40),
      "a".repeat(300),
      "Đống Đa",
      "\u0000",
      "😀",
      "%FF%FE",
      "' OR '1'='1",
      'x" OR status = "draft',
    ];
    const from = clientAddress();
    for (const [endpoint, params] of [
      ["/organizations", ["q", "kind", "field", "district", "verified", "sort", "lang", "page", "perPage"]],
      ["/experts", ["field", "offer", "based", "country"]],
      ["/requests", ["sector"]],
      ["/services", ["price", "kind", "trl", "ip", "updatedSince", "ward"]],
      ["/equipment", ["access"]],
      ["/events", ["q", "when", "kind", "format", "area", "field", "organizer", "page"]],
    ] as const) {
      for (const param of params) {
        for (const value of odd) {
          // Values starting with % are sent as they are: invalid UTF-8 in the query string.
          const encoded = value.startsWith("%") && value.length > 2 ? value : encodeURIComponent(value);
          const { status } = await get(`${API}${endpoint}?${param}=${encoded}`, { from });
          expect([200, 400], `${endpoint}?${param}=${JSON.stringify(value)}`).toContain(status);
        }
      }
    }
  });

  test("a POST is refused with 405 in the error shape", async () => {
    const response = await fetch(`${baseURL()}${API}/organizations`, {
      method: "POST",
      body: new URLSearchParams({ q: "x" }),
      headers: { Origin: new URL(baseURL()).origin, "X-Forwarded-For": address },
    });
    const text = await response.text();
    checkAgainstDocument(`${API}/organizations`, { response, status: response.status, text, body: JSON.parse(text) });
    expect(response.status).toBe(405);
    expect(JSON.parse(text).error.code).toBe("method_not_allowed");
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  test("other methods are refused with 405 from any site (the API changes nothing)", async () => {
    const origin = new URL(baseURL()).origin;
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const own = await fetch(`${baseURL()}${API}/organizations`, {
        method,
        headers: { Origin: origin, "X-Forwarded-For": address },
      });
      await own.arrayBuffer();
      expect(own.status, method).toBe(405);
      const other = await fetch(`${baseURL()}${API}/organizations`, {
        method,
        headers: { Origin: "https://other.example", "X-Forwarded-For": address },
      });
      await other.arrayBuffer();
      expect(other.status, method).toBe(405);
    }
  });

  test("OPTIONS is the documented CORS preflight on every path: 204, no body, the preflight headers", async () => {
    const paths = Object.keys(doc.paths).map((template) =>
      template.replace("{slug}", f.published.slug).replace("{id}", f.publicRequest.id),
    );
    for (const pathname of paths) {
      const { status, response } = await send("OPTIONS", `${API}${pathname}`);
      expect(status, pathname).toBe(204);
      expect(response.headers.get("access-control-allow-methods"), pathname).toBe("GET, HEAD");
      expect(response.headers.get("access-control-allow-headers"), pathname).toMatch(/if-none-match/i);
    }
    // A malformed address is refused as the document says.
    const malformed = await send("OPTIONS", `${API}/organizations/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("invalid_parameter");
  });

  test("PUT and DELETE get the API's JSON error shape", async () => {
    const response = await fetch(`${baseURL()}${API}/organizations`, {
      method: "DELETE",
      headers: { "X-Forwarded-For": address },
    });
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

// ------------------------------------------------------------------ HTTP

describe("HTTP", () => {
  test("CORS for every origin, public caching for a minute, and a working ETag", async () => {
    const first = await get(`${API}/fields`, { headers: { Origin: "https://other.example" } });
    expect(first.response.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.response.headers.get("cache-control")).toContain("public, max-age=60");
    const etag = first.response.headers.get("etag")!;
    const again = await get(`${API}/fields`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    const changed = await get(`${API}/fields`, { headers: { "If-None-Match": 'W/"something-else"' } });
    expect(changed.status).toBe(200);
  });

  test("the route's Cache-Control is the only one (the pages' private default does not apply)", async () => {
    const { response } = await get(`${API}/fields`);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
  });
});

// ------------------------------------------------------------------ rate limit

describe("rate limit", () => {
  test("each client address may make its share of requests a minute, then gets 429 with Retry-After", async () => {
    // As hit() scales it: RATE_LIMIT_FACTOR when it is a positive number.
    const factor = Number(process.env.RATE_LIMIT_FACTOR ?? 1);
    const max = Math.max(
      1,
      Math.round(LIMITS.apiPerAddress.max * (Number.isFinite(factor) && factor > 0 ? factor : 1)),
    );
    const from = clientAddress();
    // Cheap requests (404), eight at a time, until the first refusal. A slow machine may
    // cross into a new window on the way, so "at least max" rather than "exactly max".
    let allowed = 0;
    let refused = false;
    const worker = async () => {
      while (!refused && allowed < 3 * max) {
        const response = await fetch(`${baseURL()}${API}/organizations/rate-limit-probe`, {
          headers: { "X-Forwarded-For": from },
        });
        await response.arrayBuffer();
        if (response.status === 429) refused = true;
        else {
          expect(response.status).toBe(404);
          allowed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(refused).toBe(true);
    expect(allowed).toBeGreaterThanOrEqual(max);

    const over = await expectError(`${API}/fields`, 429, "rate_limited", from);
    const retryAfter = Number(over.response.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect((await get(`${API}/fields`, { from: clientAddress() })).status).toBe(200);
  }, 300_000);
});

// ------------------------------------------------------------------ the database fallback

describe("when the search engine stops answering", () => {
  function meilisearchPid(): number {
    const pidFile = path.join(path.dirname(inject("portalDatabase")), "meilisearch", "meilisearch.pid");
    return Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  }

  test("lists answer from the database, say so with degraded: true, and still hide what is not published", async () => {
    const pid = meilisearchPid();
    process.kill(pid, "SIGSTOP");
    try {
      // perPage values no earlier call used: the directory caches the engine's recent answers.
      const organizations = await get(`${API}/organizations?q=${f.orgToken}&perPage=11`);
      expect(organizations.body).toMatchObject({ degraded: true, total: 2 });
      expect(organizations.body.data.map((item: { slug: string }) => item.slug).sort()).toEqual(
        [f.published.slug, f.child.slug].sort(),
      );
      const experts = await get(`${API}/experts?q=${f.expertToken}&perPage=11`);
      expect(experts.body).toMatchObject({ degraded: true, total: 1 });
      const requests = await get(`${API}/requests?q=${f.requestToken}&perPage=11`);
      expect(requests.body).toMatchObject({ degraded: true, total: 2 });
      expect(requests.text).not.toContain(f.anonymousRequest.companyToken);
      const byField = await get(`${API}/experts?field=${f.field.areaSlug}&offer=consulting&perPage=100`);
      expect(byField.body.degraded).toBe(true);
      expect(byField.body.data.map((item: { slug: string }) => item.slug)).toContain(f.expert.slug);
      expect((await get(`${API}/requests?q=${f.anonymousRequest.companyToken}&perPage=11`)).body.total).toBe(0);
      // Offers: the same filters from the database, public ones only.
      const services = await get(`${API}/services?q=${f.offerToken}&price=range&perPage=11`);
      expect(services.body).toMatchObject({ degraded: true, total: 2 });
      expect(services.text).not.toMatch(/note-for-curators-only/);
      const instruments = await get(`${API}/equipment?q=${f.offerToken}&ward=nghia-do&perPage=11`);
      expect(instruments.body.data.map((item: { id: string }) => item.id)).toEqual([f.offers.equipment.id]);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await expect
      .poll(async () => (await get(`${API}/organizations?q=${f.orgToken}&perPage=12`)).body.degraded, {
        timeout: 30_000,
        interval: 1_000,
      })
      .toBe(false);
  }, 120_000);
});

// ------------------------------------------------------------------ coverage of the document

describe("the document and the API agree", () => {
  test("every documented endpoint answered a real 200 that was validated against it", () => {
    expect([...validated].sort()).toEqual(Object.keys(doc.paths).sort());
  });
});
