import pLimit from "p-limit";

/**
 * Message files are read whole into memory (up to MAX_ATTACHMENTS × 10 MB a request) before
 * they are checked (docs/decisions/070). This gate bounds how many such bodies are held at
 * once: a few are read at a time, a few more wait their turn unread (the socket holds them),
 * the rest are told to come back, and one account sends one upload at a time. Bodies without
 * files never pass here.
 */
export const UPLOAD_SLOTS = 3;
export const UPLOADS_WAITING = 12;
const RETRY_AFTER_SECONDS = 10;

export function createUploadGate(slots = UPLOAD_SLOTS, waiting = UPLOADS_WAITING) {
  const limit = pLimit(slots);
  const inFlight = new Set<string>();
  return async function throughGate<T>(userId: string, read: () => Promise<T>): Promise<T> {
    if (inFlight.has(userId)) throw busy(429);
    if (limit.pendingCount >= waiting) throw busy(503);
    inFlight.add(userId);
    try {
      return await limit(read);
    } finally {
      inFlight.delete(userId);
    }
  };
}

function busy(status: 429 | 503) {
  return new Response(
    status === 429
      ? "Your previous files are still being sent. Try again when they are."
      : "Too many files are being sent right now. Try again in a few seconds.",
    { status, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8" } },
  );
}

/** The portal's one gate for message files. */
export const uploadGate = createUploadGate();

/** Whether a request's body is multipart (it may carry files). */
export const isMultipart = (request: Request) =>
  (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
