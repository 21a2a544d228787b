import crypto from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { appUrl } from "~/config/app-url.server";
import { clientAddress } from "~/auth/auth.server";
import { log } from "~/config/log.server";
import { hit, LIMITS } from "~/auth/rate-limit.server";
import { ApiError } from "./errors";
import { jsonWithoutEmails } from "./redact";

/**
 * How every API route answers: JSON (e-mail addresses masked), readable from
 * any site (CORS), cacheable for a minute with an ETag, rate limited per
 * client address, and errors in one shape, never an HTML page or a bare 500.
 */
const MAX_AGE_SECONDS = 60;

const COMMON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
};

export type ApiArgs = { request: Request; params: LoaderFunctionArgs["params"]; url: URL; origin: string };

/** A loader that answers `handler`'s value as JSON, or an error as `{ error }`. */
export function apiLoader(handler: (args: ApiArgs) => Promise<unknown>) {
  return async (args: LoaderFunctionArgs): Promise<Response> => {
    try {
      const wait = await hit(LIMITS.apiPerAddress, clientAddress(args));
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        throw new ApiError(429, "rate_limited", `Too many requests from this address; try again in ${seconds} s.`, {
          "Retry-After": String(seconds),
        });
      }
      // Absolute URLs (url, links, servers) use the configured public address: the
      // request's Host and X-Forwarded-Host are the client's to forge, and answers are cached.
      const origin = appUrl();
      const asked = new URL(args.request.url);
      const url = new URL(`${origin}${asked.pathname}${asked.search}`);
      const body = await handler({ request: args.request, params: args.params, url, origin });
      return success(args.request, body);
    } catch (error) {
      return failure(error, args.request);
    }
  };
}

/** The action of every API route: it is read-only. */
export async function methodNotAllowed(): Promise<Response> {
  return failure(new ApiError(405, "method_not_allowed", "This API is read-only: use GET.", { Allow: "GET, HEAD" }));
}

function success(request: Request, body: unknown): Response {
  const text = jsonWithoutEmails(body);
  const etag = `W/"${crypto.createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
  const headers = { ...COMMON_HEADERS, "Cache-Control": `public, max-age=${MAX_AGE_SECONDS}`, ETag: etag };
  const known = request.headers
    .get("If-None-Match")
    ?.split(",")
    .map((tag) => tag.trim());
  if (known?.includes(etag) || known?.includes("*")) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}

function failure(error: unknown, request?: Request): Response {
  let known: ApiError;
  if (error instanceof ApiError) known = error;
  else {
    log("error", "api_error", {
      path: request ? new URL(request.url).pathname : null,
      error: String((error as Error)?.stack ?? error),
    });
    known = new ApiError(500, "internal_error", "The server ran into a problem; it has been logged.");
  }
  const { status, headers, body } = errorAnswer(known);
  return new Response(body, { status, headers });
}

/** An error as the API sends it; also used by the server's gate in front of Remix. */
export function errorAnswer(error: ApiError): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: error.status,
    headers: { ...COMMON_HEADERS, "Cache-Control": "no-store", ...error.headers },
    body: jsonWithoutEmails(error.body),
  };
}
