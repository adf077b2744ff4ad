/**
 * Live counters at a peak (issue 11): many listeners of one festival,
 * language and currency share one feed, so a tick reads the counters once
 * and builds the payload once whatever their number, and every listener
 * gets the same message; a paid order reaches them all. Proved by counting
 * (the feed's own counters, read from the built app), never by timing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFestivals } from "~/modules/festivals/festivals.server";
import { dealProduct } from "./fixtures";
import { ADDRESS, appBuild, appHandler, ORIGIN, Shopper } from "./http-client";

type Stats = { ticks: number; counterReads: number; payloads: number; messages: number };
let handle: Awaited<ReturnType<typeof appHandler>>;
let stats: Stats;
let sizes: () => { feeds: number; listeners: number };
beforeAll(async () => {
  handle = await appHandler();
  const entry = (await appBuild()).entry.module as unknown as { liveFeedStats: Stats; liveFeedSizes: typeof sizes };
  stats = entry.liveFeedStats;
  sizes = entry.liveFeedSizes;
});

interface Counters {
  metric: string;
  value: string;
  percent: number | null;
}

/** One open event stream, read in the background into its `data:` messages. */
function listen(path: string) {
  const abort = new AbortController();
  const messages: string[] = [];
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  const done = (async () => {
    const res = await handle(new Request(`${ORIGIN}${path}`, { signal: abort.signal, headers: { Accept: "text/event-stream" } }));
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffered = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (event.startsWith("data: ")) messages.push(event.slice(6));
        }
      }
    } catch {
      /* aborted */
    }
  })();
  // Going away, as a browser does: the request is aborted and its body no longer read.
  const close = () => {
    abort.abort();
    void reader?.cancel().catch(() => {});
  };
  return { messages, close, done };
}

const N = 50;
let listeners: ReturnType<typeof listen>[] = [];
afterAll(() => listeners.forEach((l) => l.close()));

const counterOf = (message: string, metric: string) => (JSON.parse(message) as { counters: Counters[] }).counters.find((c) => c.metric === metric)!;

describe("the live counter feed", () => {
  it(`builds one payload per tick for ${N} listeners of one festival, language and currency, and delivers a paid order to all of them`, async () => {
    const festival = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;
    const product = await dealProduct(3);
    expect(product.deal!.festivalId).toBe(festival.id);
    const before = { ...stats };

    listeners = Array.from({ length: N }, () => listen(`/fr/festivals/${festival.slug}/events?currency=KES`));
    await expect.poll(() => listeners.filter((l) => l.messages.length > 0).length).toBe(N);
    expect(sizes()).toEqual({ feeds: 1, listeners: N });
    // The first listener's feed built the payload; the other 49 were given its bytes.
    expect(stats.payloads - before.payloads).toBe(1);
    const first = listeners[0].messages[0];
    for (const l of listeners) expect(l.messages[0]).toBe(first);
    expect(counterOf(first, "gmv").value).toContain("KES");

    // Quiet ticks: one counter read each, for all 50, and no payload.
    const quiet = { ...stats };
    await expect.poll(() => stats.ticks - quiet.ticks).toBeGreaterThanOrEqual(3);
    const ticks = stats.ticks - quiet.ticks;
    expect(stats.counterReads - quiet.counterReads).toBe(ticks);
    expect(stats.payloads - quiet.payloads).toBe(0);

    // A shopper buys the deal through the forms and pays with the demo provider.
    const orders = Number(counterOf(first, "orders").value.replace(/\D/g, ""));
    const beforeOrder = { ...stats };
    const shopper = new Shopper();
    await shopper.post("/cart", { intent: "add", slug: product.slug }, handle);
    const payUrl = (await shopper.post("/checkout", ADDRESS, handle)).headers.get("Location")!;
    expect(payUrl).toMatch(/\/pay\/demo\//);
    expect((await shopper.post(payUrl, { outcome: "pay" }, handle)).status).toBe(303);

    await expect.poll(() => listeners.filter((l) => l.messages.length >= 2).length).toBe(N);
    const changed = listeners[0].messages[1];
    expect(Number(counterOf(changed, "orders").value.replace(/\D/g, ""))).toBe(orders + 1);
    for (const l of listeners) expect(l.messages.slice(1)).toEqual([changed]);
    // One payload for the change, whatever the number of listeners.
    expect(stats.payloads - beforeOrder.payloads).toBe(1);
    expect(stats.counterReads - beforeOrder.counterReads).toBe(stats.ticks - beforeOrder.ticks);

    // The last listener to leave stops the feed.
    listeners.forEach((l) => l.close());
    await Promise.all(listeners.map((l) => l.done));
    await expect.poll(() => sizes()).toEqual({ feeds: 0, listeners: 0 });
  });

  it("keeps a feed per language and currency: listeners in another currency get their own payload", async () => {
    const festival = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;
    const before = { ...stats };
    const usd = Array.from({ length: 5 }, () => listen(`/festivals/${festival.slug}/events`));
    const cny = Array.from({ length: 5 }, () => listen(`/zh/festivals/${festival.slug}/events`));
    listeners = [...usd, ...cny];
    await expect.poll(() => listeners.filter((l) => l.messages.length > 0).length).toBe(10);
    expect(sizes()).toEqual({ feeds: 2, listeners: 10 });
    expect(stats.payloads - before.payloads).toBe(2);
    expect(counterOf(usd[0].messages[0], "gmv").value).toMatch(/\$/);
    expect(counterOf(cny[0].messages[0], "gmv").value).toMatch(/¥/);
    listeners.forEach((l) => l.close());
    await Promise.all(listeners.map((l) => l.done));
    await expect.poll(() => sizes()).toEqual({ feeds: 0, listeners: 0 });
  });
});
