import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inlineScriptHashes, PageCache, pickEncoding } from "./page-cache";
import { sharedCacheControl } from "./shared-pages";

const SCRIPT = "window.__x = 1;";
const HTML = `<!doctype html><html><head><script>${SCRIPT}</script></head><body>${"<p>Silk Road Showcase</p>".repeat(200)}</body></html>`;

let clock = 1_000_000;
let version = 1;
let changeAt = Infinity;
let renders = 0;
/** What the next render answers with. */
let answer: () => Response;
const shared = () =>
  new Response(HTML, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": sharedCacheControl(30), "X-Route": "shared", Vary: "Cookie" },
  });

const cache = new PageCache({
  state: { contentVersion: () => version, oneContentVersion: (run) => run(), now: () => clock, nextPriceChange: () => changeAt, homeLanguage: () => Promise.resolve("en") },
  render: () => {
    renders++;
    return Promise.resolve(answer());
  },
  originOf: () => "http://shop.test",
  production: true,
});

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    cache.handle(req, res, () => {
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cache.clear();
  renders = 0;
  clock = 1_000_000;
  version = 1;
  changeAt = Infinity;
  answer = shared;
});

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the page cache's answers", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["br", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["", undefined],
  ])("with Accept-Encoding %j: the same headers on a miss and on hits, encoded as %s", async (acceptEncoding, encoding) => {
    const headers: Record<string, string> = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    const first = await get("/products", headers);
    clock += 10_000;
    const second = await get("/products", headers);
    expect(renders).toBe(1);
    for (const [i, res] of [first, second].entries()) {
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(res.headers.vary).toBe("Accept-Encoding");
      expect(Number(res.headers["content-length"])).toBe(res.body.length);
      const text = (encoding === "br" ? brotliDecompressSync(res.body) : encoding === "gzip" ? gunzipSync(res.body) : res.body).toString("utf8");
      expect(text).toBe(HTML);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["x-route"]).toBe("shared");
      expect(res.headers["set-cookie"]).toBeUndefined();
      expect(res.headers["content-security-policy"]).toContain(inlineScriptHashes(HTML)[0]);
      expect(res.headers["content-security-policy"]).not.toContain("nonce");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["strict-transport-security"]).toBeDefined();
      expect(res.headers.etag).toMatch(/^"[\w-]{22}"$/);
      // Fresh for what is left of its 30 s.
      expect(res.headers["cache-control"]).toBe(sharedCacheControl(30 - i * 10));
    }
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it("answers 304 to a matching If-None-Match, with only its freshness and ETag", async () => {
    const first = await get("/products", { "accept-encoding": "br" });
    clock += 5_000;
    const res = await get("/products", { "if-none-match": String(first.headers.etag) });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
    expect(res.headers.etag).toBe(first.headers.etag);
    expect(res.headers["cache-control"]).toBe(sharedCacheControl(25));
    expect(res.headers["content-type"]).toBeUndefined();
    expect(res.headers["content-security-policy"]).toBeUndefined();
    expect((await get("/products", { "if-none-match": '"other"' })).status).toBe(200);
    expect(cache.stats.notModified).toBe(1);
  });

  it("answers HEAD with the headers and no body", async () => {
    const full = await get("/products", { "accept-encoding": "gzip" });
    const head = await get("/products", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(full.body.length));
    expect(head.headers["content-encoding"]).toBe("gzip");
  });

  it("never serves an entry past its lifetime, the next price change, or a content version change", async () => {
    await get("/products");
    clock += 30_000;
    await get("/products");
    expect(renders).toBe(2);
    version++;
    await get("/products");
    expect(renders).toBe(3);
    cache.clear();
    changeAt = clock + 4_000;
    const capped = await get("/products");
    expect(capped.headers["cache-control"]).toBe(sharedCacheControl(4, 4));
    clock += 4_000;
    await get("/products");
    expect(renders).toBe(5);
  });

  it("renders every request of a page that is not for sharing, and keeps its own Cache-Control", async () => {
    answer = () => new Response(HTML, { headers: { "Content-Type": "text/html", "Cache-Control": "private, no-store", "Set-Cookie": "a=b" } });
    const res = await get("/products", { "accept-encoding": "br" });
    await get("/products", { "accept-encoding": "br" });
    expect(renders).toBe(2);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toBe("Accept-Encoding");
  });

  it("sends small and non-text bodies as they are", async () => {
    answer = () => new Response("tiny", { headers: { "Content-Type": "text/plain", "Cache-Control": sharedCacheControl(30) } });
    const res = await get("/products", { "accept-encoding": "br" });
    expect(res.body.toString()).toBe("tiny");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.headers["content-length"]).toBe("4");
    expect(res.headers.etag).toBeDefined();
  });

  it("lets the app answer what is not a shared page", async () => {
    expect((await get("/cart")).status).toBe(404);
    expect((await get("/products", {}, "POST")).status).toBe(404);
    expect(renders).toBe(0);
  });
});

describe("pickEncoding", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip, deflate, br, zstd", "br"],
    ["br", "br"],
    ["BR", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["br;q=0.0, gzip;q=0.5", "gzip"],
    ["br;q=0.1", "br"],
    ["gzip;q=0", "identity"],
    ["deflate", "identity"],
    ["xbr, gzipx", "identity"],
    ["  gzip  ;  q=1 ", "gzip"],
  ] as const)("%j → %s", (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
    // The same answer when asked again (no state carried between calls).
    expect(pickEncoding(header)).toBe(expected);
  });
});
