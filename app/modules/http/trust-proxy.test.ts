import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { parseTrustProxy, TrustProxyError } from "./trust-proxy";

/** The address Express gives a request carrying this X-Forwarded-For, under this TRUST_PROXY. */
async function clientIp(trustProxy: string | undefined, forwardedFor: string | null): Promise<string> {
  const app = express();
  app.set("trust proxy", parseTrustProxy(trustProxy));
  app.get("/", (req, res) => res.send(req.ip));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} });
    return await res.text();
  } finally {
    server.close();
  }
}

describe("TRUST_PROXY", () => {
  it("reads off, a hop count, or a list of addresses and ranges", () => {
    for (const off of [undefined, "", "0", "false", "off"]) expect(parseTrustProxy(off)).toBe(false);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback")).toEqual(["10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8", "loopback"]);
  });

  it("refuses what it does not understand, `true` (trust every hop) included", () => {
    for (const bad of ["true", "yes", "11", "10.0.0.0/33", "::1/129", "10.0.0", "proxy.example", "1.2.3.4/8/8", ",", "-1"]) {
      expect(() => parseTrustProxy(bad), bad).toThrow(TrustProxyError);
    }
  });

  it("with one hop trusted, an X-Forwarded-For the client wrote cannot choose its address", async () => {
    // The client sends "X-Forwarded-For: 6.6.6.6"; the proxy appends the address it saw.
    expect(await clientIp("1", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await clientIp("1", "1.1.1.1, 2.2.2.2, 203.0.113.9")).toBe("203.0.113.9");
    expect(await clientIp("1", "203.0.113.9")).toBe("203.0.113.9");
  });

  it("with a list, the client is the right-most address that is not a trusted proxy", async () => {
    expect(await clientIp("loopback,10.0.0.0/8", "6.6.6.6, 203.0.113.9, 10.1.2.3")).toBe("203.0.113.9");
    expect(await clientIp("127.0.0.1", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("off, the header is ignored and the socket's address counts", async () => {
    expect(await clientIp(undefined, "6.6.6.6")).toBe("127.0.0.1");
  });
});
