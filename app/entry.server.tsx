import { Transform } from "node:stream";
import { inspect } from "node:util";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "~/db/busy.server";
import { log } from "~/config/log.server";
import { NonceProvider } from "~/utils/nonce";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  if (loadContext.databaseBusy) responseStatusCode = databaseBusy(responseStatusCode, responseHeaders);
  // Crawlers and no-JavaScript clients get the whole document at once.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // React 18's stream can flush a buffer's unused tail of NUL bytes when a multi-byte
          // character does not fit its end (facebook/react#24985, fixed in React 19): drop them.
          const body = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              callback(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
            },
          });
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Form posts with JavaScript (single fetch): the same status as the page would get. */
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  if (!context.databaseBusy) return response;
  const headers = new Headers(response.headers);
  return new Response(response.body, { status: databaseBusy(response.status, headers), headers });
};

/** A failure because the database stayed locked: 503 and when to try again (app/db/busy.server.ts). */
function databaseBusy(status: number, headers: Headers): number {
  if (status !== 500) return status;
  headers.set("Retry-After", String(DATABASE_BUSY_RETRY_AFTER_SECONDS));
  return 503;
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // Aborted requests (the user navigated away) are not errors.
  if (request.signal.aborted) return;
  // A URL no route matches (the catch-all cannot match a path holding a line
  // break) reaches here as the router's own 404: a wrong address, not a fault.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (isDatabaseBusy(error)) {
    // Expected while another process holds the write lock (or this one is
    // swamped), and nothing was written.
    context.databaseBusy = true;
    log("warn", "database_busy", {
      method: request.method,
      url: new URL(request.url).pathname,
      reason: String((error as Error)?.message ?? error).slice(0, 300),
    });
    return;
  }
  console.error(
    JSON.stringify({
      level: "error",
      event: "unhandled_error",
      method: request.method,
      url: new URL(request.url).pathname,
      error: error instanceof Error ? `${error.message}\n${error.stack}` : inspect(error, { depth: 3 }),
    }),
  );
};
