import http from "node:http";
import https from "node:https";
import { setMaxListeners } from "node:events";
import { MeiliSearchApiError } from "meilisearch";

/**
 * The HTTP client the Meilisearch client uses, on Node's http module with
 * keep-alive connections.
 *
 * Why not the global fetch: with fetch's keep-alive connections, every
 * response larger than a couple of kilobytes arrived 40 ms late (Meilisearch
 * writes chunked responses in pieces; Nagle's algorithm on its side meets
 * delayed ACKs on ours). Node's http module does not stall. The benchmark
 * measured 48 ms → 5 ms per search (docs/decisions/007-search-design.md).
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

export async function meilisearchHttpClient(input: URL | RequestInfo, init: RequestInit = {}): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  const transport = url.protocol === "https:" ? https : http;
  const body = typeof init.body === "string" ? init.body : undefined;
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => (headers[key] = value));
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));

  const signal = init.signal ?? undefined;
  // meilisearch-js reuses one signal for every poll while waiting for a task.
  if (signal) setMaxListeners(100, signal);
  let abort: (() => void) | undefined;
  const { status, statusText, text } = await new Promise<{ status: number; statusText: string; text: string }>(
    (resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const request = transport.request(
        url,
        { method: init.method ?? "GET", headers, agent: agents[url.protocol as "http:" | "https:"] },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              statusText: response.statusMessage ?? "",
              text: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          response.on("error", reject);
        },
      );
      // The client's timeout aborts the signal with its own reason; pass it on as is.
      abort = () => {
        request.destroy();
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", abort, { once: true });
      request.on("error", reject);
      request.end(body);
    },
  ).finally(() => {
    if (abort) signal?.removeEventListener("abort", abort);
  });

  const parsed = text === "" ? undefined : JSON.parse(text);
  if (status < 200 || status >= 300) {
    throw new MeiliSearchApiError(new Response(null, { status, statusText }), parsed);
  }
  return parsed;
}

/** The Meilisearch error code (`index_not_found`…) of an error, however wrapped. */
export function meilisearchErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { cause?: { code?: unknown } }).cause?.code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
