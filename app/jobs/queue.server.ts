import type { Prisma } from "~/generated/prisma/client";
import { remember } from "@epic-web/remember";
import { EventEmitter } from "node:events";

/**
 * Background jobs: rows written in the same transaction as their cause and run
 * by app/jobs/worker.server.ts. Kinds and their payloads:
 */
export type JobPayloads = {
  "deliver-mail": { mailId: string };
  "recompute-matches": { requestId: string };
  "recompute-matches-for-expert": { expertId: string };
  /** An offer became public: tell the owners of the open requests it fits. */
  "match-offer": { offerId: string };
  // Account work kept off the request path, so timing tells nothing about which e-mails have accounts.
  "sign-up": {
    email: string;
    name: string;
    passwordHash: string;
    accountType: string;
    locale: string;
    redirectTo: string | null;
  };
  "resend-confirmation": { email: string };
  "password-reset": { email: string };
};
export type JobKind = keyof JobPayloads;

export async function enqueueJob<K extends JobKind>(
  tx: Prisma.TransactionClient,
  kind: K,
  payload: JobPayloads[K],
  options: { runAt?: Date } = {},
) {
  await tx.job.create({ data: { kind, payload: JSON.stringify(payload), runAt: options.runAt ?? new Date() } });
}

const signal = remember("job-queue-signal", () => new EventEmitter());

/** Call after the transaction that enqueued jobs commits: wakes this process's worker. */
export function notifyJobs() {
  signal.emit("enqueued");
}

export function onJobsEnqueued(listener: () => void): () => void {
  signal.on("enqueued", listener);
  return () => signal.off("enqueued", listener);
}
