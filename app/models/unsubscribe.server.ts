import crypto from "node:crypto";
import { appUrl } from "~/config/app-url.server";
import { prisma } from "~/db/client.server";
import type { NotificationType, UnsubscribeScope } from "~/domain/notification-preferences";

/**
 * One-click unsubscribe links (RFC 8058; docs/decisions/068). A link names its recipient and
 * what it stops, signed with HMAC-SHA-256 under a key the portal makes for itself on first use
 * (PortalSecret), so it works without signing in and changes only its own recipient's settings.
 * Account and security mail (confirmations, password resets) never carries one.
 */
const KEY_NAME = "unsubscribe-signing-key";
let cachedKey: Buffer | null = null;

async function signingKey(): Promise<Buffer> {
  if (cachedKey) return cachedKey;
  const made = crypto.randomBytes(32).toString("base64url");
  // Two processes starting at once: the first insert wins and both read it back.
  await prisma.$executeRaw`INSERT OR IGNORE INTO "PortalSecret" ("name", "value") VALUES (${KEY_NAME}, ${made})`;
  const row = await prisma.portalSecret.findUniqueOrThrow({ where: { name: KEY_NAME } });
  cachedKey = Buffer.from(row.value, "base64url");
  return cachedKey;
}

const scopeText = (scope: UnsubscribeScope) =>
  scope.kind === "type" ? `type:${scope.type}` : scope.kind === "search" ? `search:${scope.id}` : "digest";

function parseScope(text: string): UnsubscribeScope | null {
  if (text === "digest") return { kind: "digest" };
  const [kind, value] = [text.slice(0, text.indexOf(":")), text.slice(text.indexOf(":") + 1)];
  if (!value || !/^[a-z0-9_-]{1,40}$/i.test(value)) return null;
  if (kind === "type") return { kind: "type", type: value as NotificationType };
  if (kind === "search") return { kind: "search", id: value };
  return null;
}

/** The token of a link: "<userId>.<scope>.<signature>", all URL-safe. */
export async function unsubscribeToken(userId: string, scope: UnsubscribeScope): Promise<string> {
  const payload = `${userId}.${scopeText(scope)}`;
  const signature = crypto
    .createHmac("sha256", await signingKey())
    .update(payload)
    .digest("base64url");
  return `${payload}.${signature}`;
}

/** The recipient and scope a token names, or null when it is malformed or its signature is wrong. */
export async function readUnsubscribeToken(token: string): Promise<{ userId: string; scope: UnsubscribeScope } | null> {
  if (token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, scopeTextValue, signature] = parts as [string, string, string];
  const expected = crypto
    .createHmac("sha256", await signingKey())
    .update(`${userId}.${scopeTextValue}`)
    .digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const scope = parseScope(scopeTextValue);
  return scope ? { userId, scope } : null;
}

export const unsubscribeUrl = async (userId: string, scope: UnsubscribeScope) =>
  `${appUrl()}/unsubscribe/${await unsubscribeToken(userId, scope)}`;

/** The headers a notification, alert or digest mail carries (RFC 2369 and RFC 8058). */
export async function unsubscribeHeaders(userId: string, scope: UnsubscribeScope): Promise<Record<string, string>> {
  return {
    "List-Unsubscribe": `<${await unsubscribeUrl(userId, scope)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
