import { describe, expect, it } from "vitest";
import { assetHeaders, isBuildScriptOrStyle, securityHeaders } from "./headers";

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
  it("keep the build's scripts and styles to what applies to them", () => {
    expect(assetHeaders({ production: true })).toEqual({ "X-Content-Type-Options": "nosniff", "Strict-Transport-Security": "max-age=31536000; includeSubDomains" });
    expect(assetHeaders({ production: false })).toEqual({ "X-Content-Type-Options": "nosniff" });
    for (const path of ["/assets/root-CYErmpV4.js", "/assets/(_lang)._index-DK2VzyO5.js", "/assets/app-x1.css"]) expect(isBuildScriptOrStyle(path)).toBe(true);
    for (const path of ["/assets/art.svg", "/assets/sub/x.js", "/products", "/assets/", "/x/assets/a.js", "/assets/a.js/"]) expect(isBuildScriptOrStyle(path)).toBe(false);
  });
});
