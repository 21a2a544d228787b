import crypto from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { createSession, generateSessionToken, SESSION_COOKIE } from "~/auth/session.server";

/**
 * Writes the way people make them: signed-in users (made directly in the
 * database, as the e2e fixtures do) post the portal's forms over HTTP. A
 * curator edits listings, each edit with a unique marker as the English
 * summary, so the database, the audit log and the index can be checked for
 * exactly it; a member proposes new listings, each form with its token.
 */
export async function signedInUser(
  db: PrismaClient,
  role: "member" | "curator",
): Promise<{ userId: string; cookie: string }> {
  const id = crypto.randomBytes(4).toString("hex");
  const user = await db.user.create({
    // Never signs in with a password: the hash only has to be well-formed.
    data: {
      email: `${role}-${id}@example.vn`,
      name: `Fault ${role} ${id}`,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$unused$unused",
      role,
      accountType: "business",
    },
  });
  const token = generateSessionToken();
  await createSession(token, user.id, { db });
  return { userId: user.id, cookie: `${SESSION_COOKIE}=${token}` };
}

/** Published listings with at least one field, each with the form values that keep it as it is. */
export async function editableListings(db: PrismaClient, count: number) {
  const rows = await db.organization.findMany({
    where: { status: "published", fields: { some: { field: { parentId: { not: null } } } } },
    orderBy: { slug: "asc" },
    take: count,
    include: { fields: { select: { field: { select: { slug: true, parentId: true } } } } },
  });
  return rows.map((row) => {
    const form: Record<string, string | string[]> = {};
    for (const name of ["nameVi", "nameEn", "acronym", "summaryVi", "website", "address", "district"] as const)
      form[name] = row[name] ?? "";
    form.foundedYear = row.foundedYear === null ? "" : String(row.foundedYear);
    form.fieldSlugs = row.fields.filter(({ field }) => field.parentId !== null).map(({ field }) => field.slug);
    return { id: row.id, slug: row.slug, form };
  });
}

export type EditableListing = Awaited<ReturnType<typeof editableListings>>[number];

/**
 * What became of one write, as the client knows it: acknowledged (the
 * portal's success redirect), refused (any other answer, or the connection
 * refused: the portal did not take it), or unknown (the connection dropped
 * after the request was sent: it may or may not have been applied).
 */
export type Outcome = "acknowledged" | "refused" | "unknown";
export type Attempt = {
  key: string;
  marker: string;
  outcome: Outcome;
  status: number | null;
  retryAfter: string | null;
  startedAt: number;
  ms: number;
  detail: string;
};

async function attempt(
  key: string,
  marker: string,
  send: () => Promise<Response>,
  success: (location: string) => boolean,
  successStatus = 302,
): Promise<Attempt> {
  const startedAt = Date.now();
  const done = (outcome: Outcome, status: number | null, retryAfter: string | null, detail: string): Attempt => ({
    key,
    marker,
    outcome,
    status,
    retryAfter,
    startedAt,
    ms: Date.now() - startedAt,
    detail,
  });
  try {
    const response = await send();
    const body = (await response.text()).slice(0, 300);
    // Single fetch names the redirect in its body.
    const location = response.headers.get("location") ?? body;
    const acknowledged = response.status === successStatus && success(location);
    return done(
      acknowledged ? "acknowledged" : "refused",
      response.status,
      response.headers.get("retry-after"),
      location,
    );
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? "";
    return done(code === "ECONNREFUSED" ? "refused" : "unknown", null, null, `${String(error)} ${code}`);
  }
}

function formBody(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return body;
}

function post(baseURL: string, path: string, cookie: string, fields: Record<string, string | string[]>) {
  return fetch(`${baseURL}${path}`, {
    method: "POST",
    redirect: "manual",
    body: formBody(fields),
    // The portal refuses form posts from other origins.
    headers: { Cookie: cookie, Origin: baseURL },
    signal: AbortSignal.timeout(30_000),
  });
}

/**
 * The curator's edit form with `marker` as the English summary, sent as a
 * browser without JavaScript does, or (`script`) as the page's own JavaScript
 * does (Remix single fetch: `.data`, a redirect comes back as 202).
 */
export function postEdit(
  baseURL: string,
  cookie: string,
  listing: EditableListing,
  marker: string,
  { script = false } = {},
): Promise<Attempt> {
  const path = `/organizations/${listing.slug}/edit${script ? ".data" : ""}`;
  return attempt(
    listing.id,
    marker,
    () => post(baseURL, path, cookie, { ...listing.form, summaryEn: summaryFor(marker) }),
    (location) => location.includes(`/organizations/${listing.slug}?saved=1`),
    script ? 202 : 302,
  );
}

export function summaryFor(marker: string) {
  return `Fault stream edit ${marker}`;
}

/** The marker an edit wrote, read back from a summary. */
export function markerOf(summaryEn: string | null | undefined): string | null {
  return /^Fault stream edit (\S+)$/.exec(summaryEn ?? "")?.[1] ?? null;
}

export type Proposal = { name: string; formToken: string };

/** A member's proposal of a new listing; sending the same token again is a resubmission. */
export function postProposal(baseURL: string, cookie: string, proposal: Proposal, fieldSlug: string): Promise<Attempt> {
  return attempt(
    proposal.formToken,
    proposal.name,
    () =>
      post(baseURL, "/organizations/new", cookie, {
        kind: "lab",
        nameEn: proposal.name,
        fieldSlugs: fieldSlug,
        formToken: proposal.formToken,
      }),
    (location) => location.includes("/organizations/new?sent=1"),
  );
}

/**
 * Writers posting one after another until stopped, as many at once as
 * `writers`: each edits its own share of the listings in turn, so the edits
 * to one listing are ordered and the last applied one must be what remains.
 */
export function editStream(options: {
  baseURL: () => string;
  cookie: string;
  listings: EditableListing[];
  writers: number;
  tag: string;
}) {
  const attempts: Attempt[] = [];
  let running = true;
  const loops = Array.from({ length: options.writers }, async (_, writer) => {
    const mine = options.listings.filter((_, i) => i % options.writers === writer);
    for (let n = 0; running; n++) {
      attempts.push(
        await postEdit(options.baseURL(), options.cookie, mine[n % mine.length]!, `${options.tag}-w${writer}-${n}`),
      );
    }
  });
  return {
    attempts,
    count: (outcome: Outcome) => attempts.filter((item) => item.outcome === outcome).length,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
