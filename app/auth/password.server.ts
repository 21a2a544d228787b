import os from "node:os";
import { hash, verify } from "@node-rs/argon2";
import pLimit from "p-limit";

/**
 * Password hashing with argon2id at the parameters Lucia's guide and OWASP
 * recommend (19 MiB memory, 2 iterations, 1 lane): about 25 ms here.
 */
const OPTIONS = {
  memoryCost: 19_456,
  timeCost: 2,
  outputLen: 32,
  parallelism: 1,
  algorithm: 2 /* Argon2id */,
} as const;

/**
 * At most this many hashes are computed at once; the rest wait their turn. Each
 * one holds a thread of libuv's pool (4, shared with files and compression) and
 * a core: a flood of password checks must not starve every other request.
 */
export const PASSWORD_SLOTS = Math.max(1, Math.floor(os.availableParallelism() / 2));
const slots = pLimit(PASSWORD_SLOTS);

export function hashPassword(password: string): Promise<string> {
  return slots(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await slots(() => verify(passwordHash, password));
  } catch {
    return false; // a malformed hash never verifies
  }
}

/**
 * A hash of a random password, verified against when the e-mail is unknown,
 * so that sign-in takes as long for unknown e-mails as for wrong passwords.
 */
let dummy: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
}
