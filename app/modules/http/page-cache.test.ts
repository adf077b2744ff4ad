import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { inlineScriptHashes, normaliseUrl, PageCache, type PageCacheState } from "./page-cache";
import { sharedCacheControl } from "./shared-pages";

/** A page cache over a fake app whose clock, content version and price changes the test moves. */
function harness(options: { store?: boolean; status?: number; cacheControl?: string } = {}) {
  const world = { now: 1_000_000, version: 1, changeAt: Infinity, renders: 0, fallbacks: 0 };
  const state: PageCacheState = {
    contentVersion: () => world.version,
    oneContentVersion: (run) => run(),
    now: () => world.now,
    nextPriceChange: (at) => (world.changeAt > at ? world.changeAt : Infinity),
    homeLanguage: (acceptLanguage) => Promise.resolve(acceptLanguage.startsWith("zh") ? "zh" : "en"),
  };
  const cache = new PageCache({
    state,
    originOf: () => "http://shop.test",
    production: true,
    store: options.store,
    render: async (request) => {
      world.renders++;
      // A render takes a moment, so that concurrent misses overlap.
      await new Promise((r) => setTimeout(r, 20));
      const body = `<html><body><p>${new URL(request.url).pathname} at ${world.now} v${world.version}</p><script>go(${world.renders})</script>${"x".repeat(2000)}</body></html>`;
      return new Response(body, {
        status: options.status ?? 200,
        headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": options.cacheControl ?? sharedCacheControl(30) },
      });
    },
  });
  const server: Server = createServer((req, res) =>
    cache.handle(req, res, () => {
      world.fallbacks++;
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("app");
    }),
  );
  const ready = new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  servers.push(server);
  return { world, cache, ready };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe("the shared page cache", () => {
  it("renders a page once and answers repeats from the cache, compressed once", async () => {
    const { world, cache, ready } = harness();
    const base = await ready;
    const first = await fetch(`${base}/products`, { headers: { "Accept-Encoding": "br" } });
    const text = await first.text();
    const again = await fetch(`${base}/products`, { headers: { "Accept-Encoding": "gzip" } });
    expect(await again.text()).toBe(text);
    expect(world.renders).toBe(1);
    expect(cache.stats.hits).toBe(1);
    expect(first.headers.get("Content-Encoding")).toBe("br");
    expect(again.headers.get("Content-Encoding")).toBe("gzip");
    expect(first.headers.get("Vary")).toBe("Accept-Encoding");
    expect(first.headers.get("Set-Cookie")).toBeNull();
    // The CSP allows exactly the entry's inline script, by hash.
    expect(first.headers.get("Content-Security-Policy")).toContain(`script-src 'self' ${inlineScriptHashes(text)[0]}`);
    expect(first.headers.get("Content-Security-Policy")).not.toContain("nonce");
  });

  it("compresses an entry into an encoding only when a request wants it, and then once", async () => {
    const { world, cache, ready } = harness();
    const base = await ready;
    const get = async (encoding: string) => {
      const res = await fetch(`${base}/products?category=rare`, { headers: { "Accept-Encoding": encoding } });
      return { text: await res.text(), encoding: res.headers.get("Content-Encoding") };
    };
    const first = await get("br");
    // The render pays for its own request's encoding only: no gzip copy that nobody asked for.
    expect(cache.stats.compressions).toBe(1);
    for (let i = 0; i < 3; i++) expect(await get("br, gzip")).toEqual(first);
    expect(cache.stats.compressions).toBe(1);
    const gzip = await get("gzip");
    expect(gzip).toEqual({ text: first.text, encoding: "gzip" });
    expect(cache.stats.compressions).toBe(2);
    await get("gzip");
    expect((await get("identity")).encoding).toBeNull();
    expect(cache.stats.compressions).toBe(2);
    expect(world.renders).toBe(1);
  });

  it("renders concurrent misses for one URL once", async () => {
    const { world, ready } = harness();
    const base = await ready;
    await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/stores`).then((r) => r.text())));
    expect(world.renders).toBe(1);
  });

  it("keeps one entry per page whatever the order of its parameters", async () => {
    const { world, ready } = harness();
    const base = await ready;
    await (await fetch(`${base}/products?page=2&category=tea`)).text();
    await (await fetch(`${base}/products?category=tea&page=2`)).text();
    expect(world.renders).toBe(1);
    expect(normaliseUrl("/p", "b=2&a=1")).toBe("/p?a=1&b=2");
  });

  it("never serves an entry past the next price change, nor past its lifetime", async () => {
    const { world, ready } = harness();
    const base = await ready;
    world.changeAt = world.now + 10_000;
    const first = await fetch(`${base}/festivals/peak`);
    await first.text();
    // A CDN is told the same: fresh until the change, and no stale copy across it.
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=0, s-maxage=10");
    world.now += 9_999;
    await (await fetch(`${base}/festivals/peak`)).text();
    expect(world.renders).toBe(1);
    world.now += 1; // the sale phase starts (or a flash window ends) now
    await (await fetch(`${base}/festivals/peak`)).text();
    expect(world.renders).toBe(2);
    // With no change ahead, the route's own lifetime (30 s) is the limit.
    world.changeAt = Infinity;
    world.now += 29_999;
    await (await fetch(`${base}/festivals/peak`)).text();
    expect(world.renders).toBe(2);
    world.now += 1;
    await (await fetch(`${base}/festivals/peak`)).text();
    expect(world.renders).toBe(3);
  });

  it("drops every entry when the content version moves (a write in any process)", async () => {
    const { world, ready } = harness();
    const base = await ready;
    await (await fetch(`${base}/products`)).text();
    await (await fetch(`${base}/stores`)).text();
    world.version++;
    await (await fetch(`${base}/products`)).text();
    await (await fetch(`${base}/stores`)).text();
    expect(world.renders).toBe(4);
  });

  it("answers a matching If-None-Match with 304, and HEAD with headers only", async () => {
    const { ready } = harness();
    const base = await ready;
    const first = await fetch(`${base}/products`);
    await first.text();
    const etag = first.headers.get("ETag")!;
    expect((await fetch(`${base}/products`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    const head = await fetch(`${base}/products`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("does not store what is not a fresh public page", async () => {
    const notFound = harness({ status: 404, cacheControl: "no-store" });
    const base = await notFound.ready;
    const res = await fetch(`${base}/products/none`);
    expect(res.status).toBe(404);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    await res.text();
    await (await fetch(`${base}/products/none`)).text();
    expect(notFound.world.renders).toBe(2);
  });

  it("renders every request with storing off (the benchmark's cold path)", async () => {
    const { world, ready } = harness({ store: false });
    const base = await ready;
    await Promise.all(Array.from({ length: 5 }, () => fetch(`${base}/products`).then((r) => r.text())));
    expect(world.renders).toBe(5);
  });

  it("leaves other pages, other methods and a first visit to / in another language to the app", async () => {
    const { world, ready } = harness();
    const base = await ready;
    for (const path of ["/cart", "/dashboard", "/products.data", "/zz/products"]) await (await fetch(`${base}${path}`)).text();
    await (await fetch(`${base}/products`, { method: "POST" })).text();
    await (await fetch(`${base}/`, { headers: { "Accept-Language": "zh-CN" } })).text();
    expect(world.fallbacks).toBe(6);
    expect(world.renders).toBe(0);
    // Someone who chose English (a link inside the site) gets the shared page, kept out of shared caches.
    const chosen = await fetch(`${base}/`, { headers: { "Accept-Language": "zh-CN", "Sec-Fetch-Site": "same-origin" } });
    await chosen.text();
    expect(chosen.headers.get("Cache-Control")).toBe("private, no-store");
    const english = await fetch(`${base}/`, { headers: { "Accept-Language": "en-GB" } });
    await english.text();
    expect(english.headers.get("Cache-Control")).toMatch(/^public/);
    expect(english.headers.get("Vary")).toBe("Accept-Encoding, Accept-Language");
    expect(world.renders).toBe(1);
  });
});
