/**
 * The browser's files go out as the build compressed them (brotli 11 or
 * gzip 9, vite.config.ts): the encoding the browser accepts, the same bytes
 * once decoded, cached for a year, and the plain file for a client that
 * accepts neither.
 */
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../browser/harness";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** A GET without fetch's automatic decoding: the bytes and headers as sent. */
function raw(path: string, acceptEncoding: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the browser's files", () => {
  it("are sent precompressed in the encoding accepted, the same bytes as the plain file, cached for a year", async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const scripts = [...new Set([...html.matchAll(/\/assets\/[\w.()-]+\.js/g)].map((m) => m[0]))];
    expect(scripts.length).toBeGreaterThan(3);
    for (const path of scripts) {
      const plain = await raw(path, "identity");
      expect(plain.status).toBe(200);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.headers["content-type"]).toMatch(/javascript/);
      expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      // Not documents: no policy or framing headers (the page has them), but never sniffed.
      expect(plain.headers["x-content-type-options"]).toBe("nosniff");
      expect(plain.headers["content-security-policy"]).toBeUndefined();
      expect(plain.headers["x-frame-options"]).toBeUndefined();
      if (plain.body.length < 1024) continue;

      const br = await raw(path, "gzip, deflate, br, zstd");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.vary).toMatch(/Accept-Encoding/i);
      expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.body.length);

      const gz = await raw(path, "gzip");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    }
  });

  it("answers a plain 404 for a file the build does not have, whatever the encoding", async () => {
    for (const encoding of ["br", "identity"]) {
      const missing = await raw("/assets/no-such-file.js", encoding);
      expect(missing.status).toBe(404);
      expect(missing.headers["content-type"]).toMatch(/^text\/plain/);
    }
  });

  it("keeps the document headers on pages", async () => {
    const page = await raw("/products", "identity");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.headers["x-frame-options"]).toBe("DENY");
  });
});
