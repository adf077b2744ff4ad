/**
 * Acceptance (issue 13, point 6): on the Arabic home, live festival and
 * product pages every value shown — a countdown, a price, a date, a count —
 * sits in its own bidirectional isolate, so "US$" never turns into "$US"
 * and a countdown's numbers stay beside their units. The test walks every
 * visible text node holding a digit (Latin or Arabic-Indic) and looks for an
 * ancestor below <body> whose computed `unicode-bidi` isolates it; with JavaScript
 * on (after hydration, so the countdowns' own text counts) and off.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { featuredFestival } from "~/modules/festivals/festivals.server";
import { buyableProducts } from "../integration/fixtures";
import { setUpJourney, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();

/** The digit-bearing text nodes not inside an inline isolate, each with a little context. */
function unisolatedValues(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
    const ISOLATING = new Set(["isolate", "isolate-override", "plaintext"]);
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!DIGIT.test(text)) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, noscript, template")) continue;
      // An <option> cannot hold elements: there the value must be marked with Unicode isolates (LRI or FSI … PDI) in the text itself.
      if (parent.closest("option")) {
        const unmarked = text.replace(/[\u2066\u2068][^\u2069]*\u2069/g, "");
        if (DIGIT.test(unmarked)) bad.push(`option: ${text}`);
        continue;
      }
      if (!parent.checkVisibility()) continue;
      let isolated = false;
      for (let el: Element | null = parent; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
        const style = getComputedStyle(el);
        // The root's dir="rtl" isolates the whole page; a value needs an isolate of its own.
        if (ISOLATING.has(style.unicodeBidi)) {
          isolated = true;
          break;
        }
      }
      if (!isolated) bad.push(`<${parent.tagName.toLowerCase()} class="${parent.className}">${text.trim()}`);
    }
    return bad;
  });
}

describe("Arabic pages isolate every value", () => {
  it("on the home, live festival and product pages, with JavaScript and without", async () => {
    const festival = (await featuredFestival("ar", Date.now()))!;
    expect(festival.clock.state).toBe("live");
    const deal = (await buyableProducts()).find((p) => p.deal?.festivalId === festival.id)!;
    expect(deal).toBeTruthy();
    const paths = ["/ar", `/ar/festivals/${festival.slug}`, `/ar/products/${deal.slug}`];

    const found: Record<string, string[]> = {};
    for (const javaScriptEnabled of [true, false]) {
      const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "ar", javaScriptEnabled });
      const page = await context.newPage();
      const errors = watchForErrors(page);
      for (const path of paths) {
        await page.goto(`${journey.server.url}${path}`);
        if (javaScriptEnabled) await waitForHydration(page);
        // The page does show values: a countdown on each of them, and prices.
        expect(await page.locator("time.countdown").count(), path).toBeGreaterThan(0);
        const bad = await unisolatedValues(page);
        if (bad.length) found[`${path} (JavaScript ${javaScriptEnabled ? "on" : "off"})`] = bad;
      }
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(found).toEqual({});
  }, 180_000);
});
