/**
 * Every response carries a request id (X-Request-Id): a sane one from the
 * client or a proxy is kept, anything else replaced by a fresh UUID.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../browser/harness";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const requestId = async (path: string, headers: Record<string, string> = {}) =>
  (await fetch(`${server.url}${path}`, { headers, redirect: "manual" })).headers.get("x-request-id");

describe("request ids", () => {
  it("gives every response a new id, pages and static files alike", async () => {
    const [page, again, file] = [await requestId("/products"), await requestId("/products"), await requestId("/favicon.svg")];
    for (const id of [page, again, file]) expect(id).toMatch(UUID);
    expect(page).not.toBe(again);
  });

  it("keeps a sane incoming X-Request-Id and replaces one that is not", async () => {
    expect(await requestId("/healthz", { "X-Request-Id": "lb-2026-12-06.abc:42" })).toBe("lb-2026-12-06.abc:42");
    expect(await requestId("/healthz", { "X-Request-Id": "<script>alert(1)</script>" })).toMatch(UUID);
    expect(await requestId("/healthz", { "X-Request-Id": "x".repeat(500) })).toMatch(UUID);
  });
});
