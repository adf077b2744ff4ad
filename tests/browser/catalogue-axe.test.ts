/**
 * axe-core (npm, injected into the page) finds no violations on the
 * catalogue's main pages in English, Chinese and Arabic (right to left).
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpJourney } from "./harness";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const journey = setUpJourney();

async function violations(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

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
