import type { RequestHandler } from "express";
import { ApiError, badParameter } from "~/api/errors";
import { API_PATHS } from "~/api/openapi";
import { errorAnswer } from "~/api/respond.server";

/**
 * What the API answers before Remix sees the request, in its own JSON error shape:
 * Remix and the static file server would answer these in text or HTML, match paths
 * the document does not have (`/ORGANIZATIONS`, `/fields/`, `/fields.data`), and take
 * `index`, `_routes` and `_data` out of the query before a loader could refuse them.
 */
const PREFIX = "/api/v1";
const TEMPLATES = API_PATHS.map((template) => template.split("/").slice(1));
/** Query parameters Remix reads itself (and removes from what the loader sees). */
const REMIX_PARAMETERS = new Set(["index", "_routes", "_data"]);
const PREFLIGHT_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Max-Age": "86400",
};

export function apiGate(): RequestHandler {
  return (req, res, next) => {
    const refuse = (error: ApiError) => {
      const { status, headers, body } = errorAnswer(error);
      res.status(status).set(headers).send(body);
    };
    const path = req.baseUrl + req.path;
    const segments = decodeSegments(path);
    if (!segments) {
      return refuse(
        badParameter('The path has a malformed percent-encoding ("%" must be followed by two hex digits, of UTF-8).'),
      );
    }
    if (!documented(segments)) {
      return refuse(new ApiError(404, "not_found", `No endpoint at ${shorten(path)}; see ${PREFIX}/openapi.json.`));
    }
    if (req.method === "OPTIONS") {
      // A CORS preflight: the document describes it (204, no body).
      res.status(204).set(PREFLIGHT_HEADERS).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      return refuse(new ApiError(405, "method_not_allowed", "The API is read-only: use GET.", { Allow: "GET, HEAD" }));
    }
    const query = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?") + 1) : "";
    for (const pair of query.split("&")) {
      const name = decodeQueryPart(pair.split("=")[0]!);
      if (name === null || decodeQueryPart(pair.slice(pair.indexOf("=") + 1)) === null) {
        return refuse(badParameter('The query string has a malformed percent-encoding: send "%" as "%25".'));
      }
      if (REMIX_PARAMETERS.has(name)) {
        return refuse(
          new ApiError(
            400,
            "unknown_parameter",
            `Unknown parameter "${name}"; see ${PREFIX}/openapi.json for this endpoint's parameters.`,
          ),
        );
      }
    }
    next();
  };
}

/** The path's segments, decoded; null when one is not valid percent-encoded UTF-8. */
function decodeSegments(path: string): string[] | null {
  try {
    return path.split("/").map(decodeURIComponent);
  } catch {
    return null;
  }
}

function decodeQueryPart(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** Exactly one of the document's paths (case and trailing slash included); a placeholder takes any non-empty segment. */
function documented(segments: string[]): boolean {
  const [empty, api, version, ...rest] = segments;
  if (empty !== "" || `/${api}/${version}` !== PREFIX) return false;
  return TEMPLATES.some(
    (template) =>
      template.length === rest.length &&
      template.every((part, index) => (part.startsWith("{") ? rest[index] !== "" : part === rest[index])),
  );
}

function shorten(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}
