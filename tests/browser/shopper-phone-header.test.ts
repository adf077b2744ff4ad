/**
 * Journey (issue 13): a shopper on a phone. The language menu opens inside
 * the screen whatever the language and direction, and once she scrolls the
 * header leaves the products most of the screen. Also at desktop width.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpJourney, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();
const prefix = (lang: string) => (lang === "en" ? "" : `/${lang}`);

async function newPage(width: number): Promise<Page> {
  const context = await journey.browser.newContext({ viewport: { width, height: 844 } });
  return context.newPage();
}

describe("shopper on a phone", () => {
  for (const width of [390, 1280]) {
    for (const lang of ["en", "ar"]) {
      it(`opens the language menu fully inside a ${width} px screen in ${lang}, JavaScript or not`, async () => {
        for (const javaScriptEnabled of [true, false]) {
          const context = await journey.browser.newContext({ viewport: { width, height: 844 }, javaScriptEnabled });
          const page = await context.newPage();
          const errors = watchForErrors(page);
          await page.goto(`${journey.server.url}${prefix(lang)}/products`);
          if (javaScriptEnabled) await waitForHydration(page);
          await page.locator(".lang-switcher summary").click();
          const options = page.locator(".lang-switcher a[data-lang-switch]");
          await options.first().waitFor({ state: "visible" });
          expect(await options.count()).toBe(6);
          const boxes = await options.evaluateAll((links) =>
            links.map((a) => {
              const r = a.getBoundingClientRect();
              return { lang: a.getAttribute("data-lang-switch"), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
            }),
          );
          const view = page.viewportSize()!;
          for (const box of boxes) {
            const where = `${box.lang} option (${lang}, ${width} px, js ${javaScriptEnabled})`;
            expect(box.left, where).toBeGreaterThanOrEqual(0);
            expect(box.top, where).toBeGreaterThanOrEqual(0);
            expect(box.right, where).toBeLessThanOrEqual(view.width);
            expect(box.bottom, where).toBeLessThanOrEqual(view.height);
          }
          // The option on top of the pile is the link itself: nothing covers it.
          const arabic = boxes.find((b) => b.lang === "ar")!;
          const hit = await page.evaluate(
            ([x, y]) => document.elementFromPoint(x, y)?.closest("[data-lang-switch]")?.getAttribute("data-lang-switch"),
            [(arabic.left + arabic.right) / 2, (arabic.top + arabic.bottom) / 2],
          );
          expect(hit).toBe("ar");
          expect(errors).toEqual([]);
          await context.close();
        }
      });
    }
  }

  for (const lang of ["en", "zh", "ar"]) {
    it(`keeps at most 64 px of header on screen once scrolled down /products at 390 px in ${lang}`, async () => {
      const page = await newPage(390);
      await page.goto(`${journey.server.url}${prefix(lang)}/products`);
      await waitForHydration(page);
      await page.evaluate(() => window.scrollTo(0, 800));
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(700);
      // Whatever of the header still covers the page: its visible boxes' lowest edge.
      const covered = await page.evaluate(() => {
        let bottom = 0;
        for (const el of [document.querySelector("header.site-header")!, ...document.querySelectorAll("header.site-header *")]) {
          const r = el.getBoundingClientRect();
          // A closed <details> keeps boxes for its content in Chromium, hidden by content-visibility.
          if (r.height > 1 && r.bottom > 0 && el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) bottom = Math.max(bottom, r.bottom);
        }
        const pseudo = getComputedStyle(document.querySelector("header.site-header")!, "::before");
        if (pseudo.content !== "none" && pseudo.position === "fixed") bottom = Math.max(bottom, parseFloat(pseudo.height));
        return bottom;
      });
      expect(covered).toBeGreaterThan(30);
      expect(covered).toBeLessThanOrEqual(64);
      // The cart and the language menu stay within reach.
      expect(await page.locator(".site-header .cart-link").isVisible()).toBe(true);
      expect((await page.locator(".lang-switcher summary").boundingBox())!.y).toBeGreaterThanOrEqual(0);
      await page.context().close();
    });
  }

  for (const lang of ["en", "zh", "ar"]) {
    it(`keeps the desktop header on one row at 1280 px in ${lang}`, async () => {
      const page = await newPage(1280);
      await page.goto(`${journey.server.url}${prefix(lang)}/products`);
      await waitForHydration(page);
      const height = await page.locator("header.site-header").evaluate((h) => h.getBoundingClientRect().height);
      expect(height).toBeLessThanOrEqual(72);
      await page.context().close();
    });
  }
});
