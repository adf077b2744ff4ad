/**
 * Issue 11 (Lighthouse LCP): a page's scripts are asked for only after the
 * browser has painted the server's HTML (app/components/scripts-after-paint.tsx).
 * The HTML itself makes the browser fetch no script while it parses; once
 * painted, the page still loads its scripts and hydrates, with the CSP
 * allowing the added module script by its hash (a shared page) or its nonce
 * (a private one), and nothing reported in the console.
 */
import { describe, expect, it } from "vitest";
import { setUpJourney, waitForHydration, watchCsp, watchForErrors } from "./harness";

const journey = setUpJourney();

describe("scripts after the first paint", () => {
  for (const { path, policy } of [
    { path: "/", policy: /script-src 'self' 'sha256-/ },
    { path: "/zh/products", policy: /script-src 'self' 'sha256-/ },
    { path: "/cart", policy: /script-src 'self' 'nonce-/ },
  ]) {
    it(`${path}: no script is requested while the HTML is parsed; after the first paint they load and the page hydrates`, async () => {
      const res = await fetch(`${journey.server.url}${path}`);
      expect(res.headers.get("Content-Security-Policy")).toMatch(policy);
      const html = await res.text();
      expect(html).not.toContain('rel="modulepreload"');
      expect(html).not.toMatch(/<script[^>]*type="module"/);
      expect(html).toMatch(/<script[^>]*type="text\/x-module-after-paint"[^>]*data-modulepreload="\/assets\/entry\.client-/);

      const context = await journey.browser.newContext();
      const page = await context.newPage();
      const errors = watchForErrors(page);
      const violations = await watchCsp(page);
      await page.goto(`${journey.server.url}${path}`);
      await waitForHydration(page);
      const seen = await page.evaluate(() => ({
        firstContentfulPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
        scripts: performance
          .getEntriesByType("resource")
          .filter((r) => /\/assets\/.*\.js$/.test(r.name))
          .map((r) => ({ url: new URL(r.name).pathname, start: r.startTime })),
        preloads: document.querySelectorAll('link[rel="modulepreload"]').length,
        modules: document.querySelectorAll('script[type="module"]').length,
      }));
      expect(seen.firstContentfulPaint).not.toBeNull();
      expect(seen.scripts.length).toBeGreaterThan(1);
      for (const script of seen.scripts) expect(script.start, script.url).toBeGreaterThanOrEqual(seen.firstContentfulPaint);
      expect(seen.preloads).toBeGreaterThan(1);
      expect(seen.modules).toBe(1);
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
