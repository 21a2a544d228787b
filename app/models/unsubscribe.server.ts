import crypto from "node:crypto";
import { appUrl } from "~/config/app-url.server";
import { prisma } from "~/db/client.server";
import { isNotificationType, type UnsubscribeScope } from "~/domain/notification-preferences";

/**
 * One-click unsubscribe links (RFC 8058; docs/decisions/068). A link names its recipient and
 * what it stops, signed with HMAC-SHA-256 under a key the portal makes for itself on first use
 * (PortalSecret), so it works without signing in and changes only its own recipient's settings.
 * Account and security mail (confirmations, password resets) never carries one.
 */
const KEY_NAME = "unsubscribe-signing-key";
let cachedKey: Buffer | null = null;

type Db = Pick<typeof prisma, "$executeRaw" | "portalSecret">;

/**
 * Read (or made) through the caller's transaction when there is one: notify() signs inside
 * the write it belongs to. A key made inside a transaction is not kept in memory until it is
 * read back committed, since a rollback would drop it.
 */
async function signingKey(db: Db = prisma): Promise<Buffer> {
  if (cachedKey) return cachedKey;
  const existing = await db.portalSecret.findUnique({ where: { name: KEY_NAME } });
  if (existing) return (cachedKey = Buffer.from(existing.value, "base64url"));
  const made = crypto.randomBytes(32).toString("base64url");
  // Two processes starting at once: the first insert wins and both read it back.
  await db.$executeRaw`INSERT OR IGNORE INTO "PortalSecret" ("name", "value") VALUES (${KEY_NAME}, ${made})`;
  const row = await db.portalSecret.findUniqueOrThrow({ where: { name: KEY_NAME } });
  const key = Buffer.from(row.value, "base64url");
  if (db === prisma) cachedKey = key;
  return key;
}

const scopeText = (scope: UnsubscribeScope) =>
  scope.kind === "type" ? `type:${scope.type}` : scope.kind === "search" ? `search:${scope.id}` : "digest";

function parseScope(text: string): UnsubscribeScope | null {
  if (text === "digest") return { kind: "digest" };
  const colon = text.indexOf(":");
  if (colon < 0) return null;
  const [kind, value] = [text.slice(0, colon), text.slice(colon + 1)];
  // Only kinds the portal knows: a signed but unknown kind would be stored as a preference.
  if (kind === "type") return isNotificationType(value) ? { kind: "type", type: value } : null;
  if (kind === "search" && /^[a-z0-9_-]{1,40}$/i.test(value)) return { kind: "search", id: value };
  return null;
}

const sign = async (payload: string, db?: Db) =>
  crypto
    .createHmac("sha256", await signingKey(db))
    .update(payload)
    .digest("base64url");

/**
 * The portal's signature of any other text under the same key: the personal calendar feed's
 * token (app/models/event-calendar.server.ts). Callers prefix their text with what it is for, so
 * no signature made for one use passes for another.
 */
export const portalSignature = (payload: string) => sign(payload);

/** The token of a link: "<userId>.<scope>.<signature>", all URL-safe. */
export async function unsubscribeToken(userId: string, scope: UnsubscribeScope, db?: Db): Promise<string> {
  const payload = `${userId}.${scopeText(scope)}`;
  return `${payload}.${await sign(payload, db)}`;
}

/** The recipient and scope a token names, or null when it is malformed or its signature is wrong. */
export async function readUnsubscribeToken(token: string): Promise<{ userId: string; scope: UnsubscribeScope } | null> {
  if (token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, scopeTextValue, signature] = parts as [string, string, string];
  // Compared as text, not decoded: Node's base64 decoder skips stray characters, which would
  // let many spellings of one signature pass.
  const expected = Buffer.from(await sign(`${userId}.${scopeTextValue}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const scope = parseScope(scopeTextValue);
  return scope ? { userId, scope } : null;
}

/** `db`: the caller's transaction, when it signs inside one. */
export const unsubscribeUrl = async (userId: string, scope: UnsubscribeScope, db?: Db) =>
  `${appUrl()}/unsubscribe/${await unsubscribeToken(userId, scope, db)}`;

/** The headers a notification, alert or digest mail carries (RFC 2369 and RFC 8058). */
export async function unsubscribeHeaders(
  userId: string,
  scope: UnsubscribeScope,
  db?: Db,
): Promise<Record<string, string>> {
  return {
    "List-Unsubscribe": `<${await unsubscribeUrl(userId, scope, db)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
