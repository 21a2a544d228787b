import type { HeadersFunction } from "@remix-run/node";

/**
 * Remix sends an action's headers with the page only when the route passes
 * them on. Routes whose actions can answer 429 export this, so the page keeps
 * the Retry-After that tells clients when to try again.
 */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers(loaderHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
