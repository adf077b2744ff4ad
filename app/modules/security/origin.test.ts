import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./origin";

const site = ["http://localhost:3000"];
const req = (over: Partial<Parameters<typeof isCrossSiteRequest>[0]>) =>
  isCrossSiteRequest({ method: "POST", path: "/login", origin: null, referer: null, siteOrigins: site, ...over });

describe("cross-site request check", () => {
  it("lets safe methods through", () => {
    expect(req({ method: "GET", origin: "https://evil.example" })).toBe(false);
  });
  it("accepts a same-site Origin, or a same-site Referer when Origin is absent", () => {
    expect(req({ origin: "http://localhost:3000" })).toBe(false);
    expect(req({ referer: "http://localhost:3000/zh/login" })).toBe(false);
  });
  it("refuses other sites, null origins and requests with no evidence", () => {
    expect(req({ origin: "https://evil.example" })).toBe(true);
    expect(req({ origin: "null" })).toBe(true);
    expect(req({ referer: "https://evil.example/x" })).toBe(true);
    expect(req({})).toBe(true);
    expect(req({ origin: "http://localhost:3001" })).toBe(true);
  });
  it("trusts the browser's Sec-Fetch-Site where a no-referrer page leaves Origin null, and refuses what it calls cross-site", () => {
    expect(req({ origin: "null", secFetchSite: "same-origin" })).toBe(false);
    expect(req({ secFetchSite: "same-origin" })).toBe(false);
    expect(req({ origin: "null", secFetchSite: "cross-site" })).toBe(true);
    expect(req({ origin: "http://localhost:3000", secFetchSite: "same-site" })).toBe(true);
    expect(req({ origin: "https://evil.example", secFetchSite: "same-origin" })).toBe(true);
  });
  it("exempts signed webhooks", () => {
    expect(req({ path: "/webhooks/stripe", origin: "https://stripe.example" })).toBe(false);
  });
});
