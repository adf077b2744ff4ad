/**
 * Live counters over server-sent events, built for a festival peak: one feed
 * per festival, language and currency that has at least one listener. Each
 * feed has one timer; once a second it reads the festival's counters once
 * and, when they changed, builds the payload once and writes the same
 * encoded bytes to every listener of the feed (plus a comment line now and
 * then to keep proxies from closing quiet connections). Listeners have no
 * timers and read nothing: a new one gets the feed's latest message at once,
 * so a cached page catches up as soon as its stream opens.
 *
 * A stream ends when the browser goes away, after a minute (EventSource
 * reconnects by itself; the feed's tick ends it), or when the server shuts
 * down — so it never holds a shutdown up. A feed stops with its last listener.
 */
import type { Lang } from "../i18n/config";
import { readCounters, type CounterValues } from "../counters/counters.server";

const TICK_MS = 1000;
const HEARTBEAT_MS = 15_000;
const STREAM_LIFETIME_MS = 60_000;

const encoder = new TextEncoder();
const RETRY = encoder.encode("retry: 3000\n\n");
const KEEP_ALIVE = encoder.encode(": keep-alive\n\n");

/** What a feed is for, and how it builds its payload from the counters it read. */
export interface FeedSource {
  festivalId: number;
  lang: Lang;
  currency: string;
  /** The festival's approved sessions, whose "orders during a session" counters the feed carries too. */
  sessionIds?: readonly string[];
  payload(values: CounterValues, sessions: Map<string, CounterValues>): unknown;
}

interface Listener {
  openedAt: number;
  write(bytes: Uint8Array): void;
  close(): void;
}

interface Feed {
  key: string;
  source: FeedSource;
  listeners: Set<Listener>;
  timer: ReturnType<typeof setInterval>;
  lastValues: string;
  lastMessage: Uint8Array | null;
  lastWriteAt: number;
  /** A tick is reading the counters: the next one waits its turn rather than read twice at once. */
  reading: boolean;
}

/** Counted, so tests and the benchmark can prove the work per tick does not grow with the listeners. */
export const liveFeedStats = { ticks: 0, counterReads: 0, payloads: 0, messages: 0 };
const feeds = new Map<string, Feed>();
/** Feeds running now and their listeners (tests, the benchmark). */
export function liveFeedSizes(): { feeds: number; listeners: number } {
  let listeners = 0;
  for (const feed of feeds.values()) listeners += feed.listeners.size;
  return { feeds: feeds.size, listeners };
}

function fanOut(feed: Feed, bytes: Uint8Array) {
  for (const listener of feed.listeners) listener.write(bytes);
}

async function tick(feed: Feed) {
  if (feed.reading) return;
  liveFeedStats.ticks++;
  const t = Date.now();
  for (const listener of feed.listeners) if (t - listener.openedAt >= STREAM_LIFETIME_MS) listener.close();
  if (!feed.listeners.size) return;
  try {
    liveFeedStats.counterReads++;
    feed.reading = true;
    const values = (await readCounters("festival", [String(feed.source.festivalId)])).get(String(feed.source.festivalId))!;
    const sessionIds = feed.source.sessionIds ?? [];
    const sessions = sessionIds.length ? await readCounters("session", sessionIds) : new Map<string, CounterValues>();
    const fingerprint = JSON.stringify([values, [...sessions]]);
    if (fingerprint !== feed.lastValues) {
      liveFeedStats.payloads++;
      const message = encoder.encode(`data: ${JSON.stringify(feed.source.payload(values, sessions))}\n\n`);
      feed.lastValues = fingerprint;
      feed.lastMessage = message;
      feed.lastWriteAt = t;
      liveFeedStats.messages++;
      fanOut(feed, message);
    } else if (t - feed.lastWriteAt > HEARTBEAT_MS) {
      feed.lastWriteAt = t;
      fanOut(feed, KEEP_ALIVE);
    }
  } catch (error) {
    // A failed read must not take the process down from a timer; the next tick tries again.
    console.error("live counters:", error);
  } finally {
    feed.reading = false;
  }
}

function join(source: FeedSource, listener: Listener): () => void {
  const key = `${source.festivalId}|${source.lang}|${source.currency}`;
  let feed = feeds.get(key);
  if (feed) {
    // The newest listener's view of the festival (its targets may have been edited).
    feed.source = source;
    feed.listeners.add(listener);
    if (feed.lastMessage) listener.write(feed.lastMessage);
  } else {
    const created: Feed = { key, source, listeners: new Set([listener]), timer: setInterval(() => void tick(created), TICK_MS), lastValues: "", lastMessage: null, lastWriteAt: 0, reading: false };
    feeds.set(key, created);
    feed = created;
    void tick(created);
  }
  const joined = feed;
  return () => {
    joined.listeners.delete(listener);
    if (!joined.listeners.size && feeds.get(joined.key) === joined) {
      clearInterval(joined.timer);
      feeds.delete(joined.key);
    }
  };
}

const open = new Set<() => void>();
let shutdownHooked = false;
function hookShutdown() {
  if (shutdownHooked) return;
  shutdownHooked = true;
  // Only alongside a server that handles shutdown itself: a lone listener would swallow the signal.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (process.listenerCount(signal) > 0) process.once(signal, () => [...open].forEach((close) => close()));
  }
}

/** One listener's event stream, fed by the shared feed of its festival, language and currency. */
export function counterEvents(options: { signal: AbortSignal; source: FeedSource }): Response {
  hookShutdown();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let leave = () => {};
      close = () => {
        if (closed) return;
        closed = true;
        leave();
        open.delete(close);
        options.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      const listener: Listener = {
        openedAt: Date.now(),
        write(bytes) {
          if (closed) return;
          try {
            controller.enqueue(bytes);
          } catch {
            close();
          }
        },
        close: () => close(),
      };
      open.add(close);
      options.signal.addEventListener("abort", close);
      controller.enqueue(RETRY);
      if (options.signal.aborted) return close();
      leave = join(options.source, listener);
      // Closed while joining (its first write failed): leave now that there is a feed to leave.
      if (closed) leave();
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps the compression middleware from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
