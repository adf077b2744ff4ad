import { describe, expect, it } from "vitest";
import { securityHeaders } from "./headers";

describe("security headers", () => {
  it("allow scripts only from the site or with the nonce", () => {
    const csp = securityHeaders({ nonce: "abc123", production: false })["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
  it("send HSTS only in production", () => {
    expect(securityHeaders({ nonce: "n", production: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ nonce: "n", production: false })["Strict-Transport-Security"]).toBeUndefined();
  });
});
