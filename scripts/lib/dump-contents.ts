import fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import zlib from "node:zlib";

/**
 * What a Meilisearch dump holds, read from the file without an engine. A dump
 * is a gzipped tar: `metadata.json`, `indexes/<uid>/documents.jsonl` (one
 * document a line), `tasks/queue.jsonl` (one task a line), keys, settings.
 * Reading it proves the file is whole and gives the exact document counts
 * (the engine's live counts may already have moved on).
 */
export type DumpContents = {
  dumpVersion: string;
  dbVersion: string;
  /** Documents per index uid. */
  indexes: Record<string, number>;
  /**
   * Tasks not yet run when the dump was taken. Meilisearch runs a dump ahead
   * of enqueued document tasks and carries them in the dump; an import runs
   * them afterwards.
   */
  pendingTasks: number;
};

const BLOCK = 512;
const DOCUMENTS = /^indexes\/([^/]+)\/documents\.jsonl$/;

type Entry = { left: number; padding: number; take: (bytes: Buffer) => void; end: () => void };

export async function readDumpContents(file: string): Promise<DumpContents> {
  try {
    return await readArchive(file);
  } catch (error) {
    throw new Error(`${file} cannot be read as a Meilisearch dump: ${(error as Error).message}`);
  }
}

async function readArchive(file: string): Promise<DumpContents> {
  const indexes: Record<string, number> = {};
  let metadata: { dumpVersion?: string; dbVersion?: string } = {};
  let pendingTasks = 0;
  let longName: string | null = null;

  const entryFor = (name: string, type: string, size: number): Entry => {
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;
    const collect = (done: (text: string) => void): Entry => {
      const parts: Buffer[] = [];
      return {
        left: size,
        padding,
        take: (bytes) => parts.push(Buffer.from(bytes)),
        end: () => done(Buffer.concat(parts).toString("utf8")),
      };
    };
    const skip: Entry = { left: size, padding, take: () => {}, end: () => {} };
    // GNU long names and pax headers carry the next entry's real name.
    if (type === "L") return collect((text) => (longName = text.replace(/\0.*$/s, "")));
    if (type === "x") return collect((text) => (longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)?.[1] ?? null));
    if (type !== "0" && type !== "\0") return skip;
    const documents = DOCUMENTS.exec(name);
    if (documents) {
      const uid = documents[1]!;
      let last = 10;
      indexes[uid] = 0;
      return {
        left: size,
        padding,
        take: (bytes) => {
          indexes[uid]! += countNewlines(bytes);
          last = bytes[bytes.length - 1] ?? last;
        },
        // A last document without its newline still counts.
        end: () => void (last !== 10 && (indexes[uid]! += 1)),
      };
    }
    if (name === "metadata.json") return collect((text) => (metadata = JSON.parse(text) as typeof metadata));
    if (name === "tasks/queue.jsonl") {
      const lines = lineReader((line) => {
        const status = (JSON.parse(line) as { status?: string }).status;
        if (status === "enqueued" || status === "processing") pendingTasks++;
      });
      return { left: size, padding, take: lines.take, end: lines.end };
    }
    return skip;
  };

  let buffer: Buffer = Buffer.alloc(0);
  let entry: Entry | null = null;
  let skipping = 0;
  let ended = false;
  for await (const chunk of fs.createReadStream(file).pipe(zlib.createGunzip()) as AsyncIterable<Buffer>) {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    let at = 0;
    while (!ended) {
      if (entry) {
        const n = Math.min(entry.left, buffer.length - at);
        if (n > 0) entry.take(buffer.subarray(at, at + n));
        at += n;
        entry.left -= n;
        if (entry.left > 0) break;
        entry.end();
        skipping = entry.padding;
        entry = null;
      }
      if (skipping > 0) {
        const n = Math.min(skipping, buffer.length - at);
        at += n;
        skipping -= n;
        if (skipping > 0) break;
      }
      if (buffer.length - at < BLOCK) break;
      const header = buffer.subarray(at, at + BLOCK);
      at += BLOCK;
      if (header.every((byte) => byte === 0)) {
        ended = true;
        break;
      }
      const type = String.fromCharCode(header[156]!);
      const size = parseOctal(header.subarray(124, 136));
      const prefix = nulTerminated(header.subarray(345, 500));
      const name = (longName ?? (prefix ? `${prefix}/` : "") + nulTerminated(header.subarray(0, 100))).replace(
        /^\.\//,
        "",
      );
      if (type !== "L" && type !== "x") longName = null;
      entry = entryFor(name, type, size);
    }
    buffer = buffer.subarray(at);
  }
  if (!ended || entry) throw new Error("it ends before the end of its archive");
  if (!metadata.dumpVersion) throw new Error("it has no metadata.json");
  return { dumpVersion: metadata.dumpVersion, dbVersion: metadata.dbVersion ?? "unknown", indexes, pendingTasks };
}

function nulTerminated(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString("utf8");
}

function parseOctal(bytes: Buffer): number {
  if ((bytes[0]! & 0x80) !== 0) throw new Error("tar entries over 8 GB are not supported");
  const text = nulTerminated(bytes).trim();
  return text === "" ? 0 : parseInt(text, 8);
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}

/** Feeds complete lines to `onLine` as bytes arrive in arbitrary pieces. */
function lineReader(onLine: (line: string) => void) {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  return {
    take(bytes: Buffer) {
      const lines = (rest + decoder.write(bytes)).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) onLine(line);
    },
    end() {
      rest += decoder.end();
      if (rest.trim()) onLine(rest);
      rest = "";
    },
  };
}
