import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's Content-Security-Policy */
    cspNonce?: string;
    /** Id of this request, also sent back as X-Request-Id and written in the logs */
    requestId?: string;
  }
}
