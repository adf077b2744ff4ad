/**
 * Live counters over server-sent events. Each open page holds one stream;
 * counters are read at most once a second per festival whatever the number
 * of listeners, and a message goes out only when they changed (plus a
 * comment line now and then to keep proxies from closing the connection).
 * A stream ends when the browser goes away, after a minute (EventSource
 * reconnects by itself), or when the server shuts down — so it never holds
 * a shutdown up.
 */
import { readCounters, type CounterValues } from "../counters/counters.server";

const READ_EVERY_MS = 1000;
const HEARTBEAT_MS = 15_000;
const STREAM_LIFETIME_MS = 60_000;

const cache = new Map<number, { at: number; values: CounterValues }>();
export function festivalCountersCached(festivalId: number): CounterValues {
  const hit = cache.get(festivalId);
  const t = Date.now();
  if (hit && t - hit.at < READ_EVERY_MS) return hit.values;
  const values = readCounters("festival", [String(festivalId)]).get(String(festivalId))!;
  cache.set(festivalId, { at: t, values });
  return values;
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

export function counterEvents(options: {
  signal: AbortSignal;
  festivalId: number;
  payload: () => unknown;
}): Response {
  hookShutdown();
  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let lastValues = "";
      let lastSent = 0;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const tick = () => {
        const values = JSON.stringify(festivalCountersCached(options.festivalId));
        const t = Date.now();
        if (values !== lastValues) {
          lastValues = values;
          lastSent = t;
          send(`data: ${JSON.stringify(options.payload())}\n\n`);
        } else if (t - lastSent > HEARTBEAT_MS) {
          lastSent = t;
          send(": keep-alive\n\n");
        }
      };
      const timer = setInterval(tick, READ_EVERY_MS);
      const lifetime = setTimeout(() => close(), STREAM_LIFETIME_MS);
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        clearTimeout(lifetime);
        open.delete(close);
        options.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      open.add(close);
      options.signal.addEventListener("abort", close);
      send("retry: 3000\n\n");
      tick();
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
