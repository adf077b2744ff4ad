/**
 * axe-core (npm, injected into the page) finds no violations on the
 * catalogue's main pages in English, Chinese and Arabic (right to left).
 */
import { describe, expect, it } from "vitest";
import { axeViolations as violations, setUpJourney } from "./harness";

const journey = setUpJourney();

describe("accessibility", () => {
  for (const lang of ["en", "zh", "ar"] as const) {
    it(`has no axe violations on home, products, a product, a store and search results (${lang})`, async () => {
      // bypassCSP: the injected axe script has no nonce.
      const context = await journey.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const prefix = lang === "en" ? "" : `/${lang}`;
      await page.goto(`${journey.server.url}${prefix}/products`);
      const productHref = (await page.locator("a.product-card__link").first().getAttribute("href"))!;
      const storeHref = `${prefix}/stores/${productHref.split("/").pop()!.split("-").slice(0, 2).join("-")}`;
      const storeLink = await page.goto(`${journey.server.url}${productHref}`).then(() => page.locator('[data-testid="store-link"]').getAttribute("href"));
      const found: Record<string, string[]> = {};
      for (const path of [`${prefix}/`, `${prefix}/products`, productHref, storeLink ?? storeHref, `${prefix}/search?q=${encodeURIComponent(lang === "zh" ? "咖啡" : lang === "ar" ? "قهوة" : "coffee")}`]) {
        await page.goto(`${journey.server.url}${path === "/" ? "" : path}`);
        const v = await violations(page);
        if (v.length) found[path] = v;
      }
      expect(found).toEqual({});
      await context.close();
    }, 120_000);
  }
});
