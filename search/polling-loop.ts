/**
 * The loop both background workers run (the search outbox's and the job
 * queue's): a round, then a sleep that a wake-up signal cuts short, until
 * stopped. Rows are claimed with a lease by the round itself; a failed row
 * waits `backoffMs(attempts)` before its next try. Lives in search/ because
 * it is the lowest layer both workers import (app/jobs may import search/,
 * never the reverse).
 */
const MAX_BACKOFF_MS = 60_000;

/** 1 s, 2 s, 4 s … 60 s after the 1st, 2nd, 3rd … failed attempt. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));
}

export type PollingLoopOptions = {
  /** One round; returns how many rows it handled (0: nothing was due). */
  round: () => Promise<number>;
  /** Run by the started loop before each round, not by drain() (periodic tasks). */
  beforeRound?: () => Promise<unknown>;
  /** How long to sleep after an empty round (may look at the next due row). */
  idleMs: () => Promise<number> | number;
  /** Subscribes to this process's "rows were written" signal; returns the unsubscribe. */
  subscribe: (wake: () => void) => () => void;
  /** A round that threw (the database unavailable): logged, then the loop sleeps. */
  onError: (error: unknown) => void;
};

export class PollingLoop {
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #pendingWake = false;
  #unsubscribe: (() => void) | null = null;

  constructor(private readonly options: PollingLoopOptions) {}

  start() {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribe = this.options.subscribe(() => this.wake());
    this.#loop = this.#run();
  }

  /** Finishes the round in progress, then stops. */
  async stop() {
    this.#running = false;
    this.#unsubscribe?.();
    this.wake();
    await this.#loop;
  }

  /** A wake-up during a round is kept: the next sleep is skipped. */
  wake() {
    this.#pendingWake = true;
    this.#wake?.();
  }

  /** Runs rounds until one finds nothing due (scripts and tests); returns rows handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.options.round();
      if (handled === 0) return total;
      total += handled;
    }
  }

  async #run() {
    while (this.#running) {
      let handled = 0;
      try {
        await this.options.beforeRound?.();
        handled = await this.options.round();
      } catch (error) {
        this.options.onError(error);
      }
      if (handled === 0 && this.#running) await this.#sleep(await this.options.idleMs());
    }
  }

  async #sleep(ms: number) {
    if (this.#pendingWake) {
      this.#pendingWake = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = null;
    this.#pendingWake = false;
  }
}

/** A background worker driven by a PollingLoop: starting, stopping, waking and draining are the loop's. */
export abstract class LoopWorker {
  protected abstract readonly loop: PollingLoop;

  start() {
    this.loop.start();
  }

  /** Finishes the round in progress, then stops. */
  stop() {
    return this.loop.stop();
  }

  wake() {
    this.loop.wake();
  }

  /** Runs rounds until nothing is due (scripts and tests); returns rows handled. */
  drain(): Promise<number> {
    return this.loop.drain();
  }
}
