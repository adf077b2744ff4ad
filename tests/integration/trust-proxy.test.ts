/**
 * Issue 12, point 6: behind one proxy (TRUST_PROXY=1), a client that writes
 * its own X-Forwarded-For cannot pick the address a per-IP limit counts.
 * Through the real server (Express decides `req.ip`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "~/modules/auth/rate-limit.server";
import { startTestServer, type TestServer } from "../browser/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: "1" });
});
afterAll(async () => {
  await server?.stop();
});

/** A failed sign-in as the proxy forwards it: the client's own header first, then the address the proxy saw. */
const failedSignIn = (forged: string, seenByProxy: string, i: number) =>
  fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, "X-Forwarded-For": `${forged}, ${seenByProxy}` },
    body: new URLSearchParams({ email: `forger-${i}@silkroad.example`, password: "wrong-password-here" }),
  });

describe("TRUST_PROXY=1", () => {
  it("counts the per-IP sign-in limit against the address the proxy saw, whatever X-Forwarded-For the client invents", async () => {
    for (let i = 0; i < LIMITS.loginFailuresPerIp.max; i++) {
      const res = await failedSignIn(`10.66.${i}.${i + 1}`, "192.0.2.77", i);
      expect(res.status).toBe(400);
    }
    const next = await failedSignIn("10.66.200.200", "192.0.2.77", 99);
    expect(next.status).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await failedSignIn("192.0.2.77", "192.0.2.78", 100)).status).toBe(400);
  });
});
