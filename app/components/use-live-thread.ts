import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ShownMessage } from "./thread";

/**
 * A thread page's live part (docs/decisions/070): every POLL_MS while the tab is
 * visible it asks for the messages after the last one it shows (nothing while hidden;
 * at once when the tab shows again; slower after a failure), and it loads older pages
 * in place. Without JavaScript none of this runs: a reload shows what is new, and the
 * "older" link opens the older page.
 */
const POLL_MS = 5_000;
const MAX_BACKOFF_MS = 60_000;

type Answer = { messages: ShownMessage[]; now: string; more?: boolean; older?: string | null };

/** Merged by id and kept in (time, id) order, as the server pages them. */
function merge(...lists: (readonly ShownMessage[])[]): ShownMessage[] {
  const byId = new Map<string, ShownMessage>();
  for (const list of lists) for (const message of list) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
  );
}

export function useLiveThread(options: {
  conversationId: string;
  messages: readonly ShownMessage[];
  older: string | null;
  now: string;
  /** A page of older messages opened without JavaScript: not live. */
  live: boolean;
}) {
  const { conversationId, live } = options;
  const [extra, setExtra] = useState<ShownMessage[]>([]);
  const [older, setOlder] = useState(options.older);
  const [now, setNow] = useState(options.now);
  const [loadingOlder, setLoadingOlder] = useState(false);
  // The page's own data comes back after a send: it starts over from it.
  useEffect(() => {
    setOlder(options.older);
    setNow(options.now);
    setExtra([]);
  }, [options.messages, options.older, options.now]);
  const messages = useMemo(() => merge(options.messages, extra), [options.messages, extra]);
  const lastId = useRef<string | null>(null);
  lastId.current = messages.at(-1)?.id ?? null;

  const fetchJson = useCallback(
    async (query: string): Promise<Answer> => {
      const response = await fetch(`/messages/${conversationId}/updates?${query}`, {
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as Answer;
    },
    [conversationId],
  );

  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_MS;
    let stopped = false;
    const poll = async () => {
      clearTimeout(timer);
      if (stopped || document.visibilityState !== "visible") return;
      try {
        const after = lastId.current;
        const answer = await fetchJson(after ? `after=${encodeURIComponent(after)}` : "");
        if (stopped) return;
        setNow(answer.now);
        if (answer.messages.length) setExtra((current) => merge(current, answer.messages));
        delay = answer.more ? 0 : POLL_MS;
      } catch {
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
      if (!stopped) timer = setTimeout(poll, delay);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void poll();
    };
    timer = setTimeout(poll, POLL_MS);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [live, fetchJson]);

  /** Loads the page before the oldest shown; resolves to the first message it brought, if any. */
  const loadOlder = useCallback(async (): Promise<string | null> => {
    if (!older) return null;
    setLoadingOlder(true);
    try {
      const answer = await fetchJson(`before=${encodeURIComponent(older)}`);
      setExtra((current) => merge(answer.messages, current));
      setOlder(answer.older ?? null);
      return answer.messages[0]?.id ?? null;
    } catch {
      return null;
    } finally {
      setLoadingOlder(false);
    }
  }, [older, fetchJson]);

  return { messages, older, now, loadOlder, loadingOlder };
}
