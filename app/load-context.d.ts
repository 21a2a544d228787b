import "@remix-run/node";
import type { Sharing } from "~/utils/answer-sharing";
import type { SessionValidation } from "~/auth/session.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's Content-Security-Policy */
    cspNonce?: string;
    /** Id of this request, also sent back as X-Request-Id and written in the logs */
    requestId?: string;
    /** The signed-in session, validated once per request by app/server/session-middleware.server.ts */
    auth?: SessionValidation | null;
    /** The client's address (behind a proxy, with TRUST_PROXY set) */
    clientAddress?: string;
    /** Set by handleError when the request failed on a locked database: answered 503 (entry.server.tsx) */
    databaseBusy?: boolean;
    /** Present when this answer may be kept and sent to others (app/server/shared-responses.server.ts) */
    sharing?: Sharing;
  }
}
