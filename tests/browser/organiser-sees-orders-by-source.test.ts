/**
 * Issue 17's acceptance: "The organiser sees orders by source after two
 * orders placed from feed links with different utm_source". The organiser
 * signs in, reads the feed addresses on the feeds page; two shoppers follow a
 * product link taken from those feeds' own output (Google's XML with
 * utm_source=google, Meta's CSV with utm_source=meta), one with JavaScript on
 * and one with it off, and each places and pays an order with the demo
 * provider. Back on /organiser, reached by clicking, the orders-by-source
 * table counts one more paid order for each source, and nothing else moved.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { regularProduct } from "../integration/fixtures";
import { setUpJourney, signInAsOrganiser, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();

/** The orders-by-source table as the page shows it: source key → orders counted. */
async function ordersBySource(page: Page): Promise<Record<string, number>> {
  const rows = await page.locator("[data-orders-by-source] tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-source") ?? "", tr.querySelector("td")?.textContent ?? ""]));
  return Object.fromEntries(rows.map(([source, orders]) => [source, Number(orders.replace(/\D/g, ""))]));
}

/** A shopper opens a feed's product link, adds the product from that page, checks out and pays; the order number. */
async function buyFromLink(browser: Browser, link: string, javaScriptEnabled: boolean): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 }, locale: "en-GB" });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  const landed = await page.goto(link);
  // The landing page is a shared page: the link's source travels in the add-to-cart form, not in a cookie.
  expect(await landed!.headerValue("set-cookie")).toBeNull();
  const source = new URL(link).searchParams.get("utm_source")!;
  expect(await page.locator('[data-testid="add-to-cart"] input[name="utm_source"]').inputValue()).toBe(source);

  if (javaScriptEnabled) {
    await waitForHydration(page);
    await page.locator('[data-testid="add-to-cart"] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe("1");
    await page.locator('[data-testid="cart-link"]').click();
  } else {
    await page.locator('[data-testid="add-to-cart"] button[type="submit"]').click();
  }
  await page.waitForURL(/\/cart/);
  await page.locator('[data-testid="to-checkout"]').click();
  await page.waitForURL(/\/checkout/);
  await page.locator("#checkout-country").selectOption("KE");
  if (!javaScriptEnabled) {
    // Without JavaScript the country is a GET form that reloads the page with its address fields.
    await page.locator('[data-testid="destination-submit"]').click();
    await page.waitForURL(/ship=KE/);
  }
  await expect.poll(() => page.locator('[data-testid="shipping-line"]').count()).toBe(1);
  await page.fill("#checkout-email", `from.${source}@example.com`);
  await page.fill("#checkout-name", "Wanjiru Kamau");
  await page.fill("#checkout-phone", "+254 712 345 678");
  await page.fill("#checkout-line1", "14 Moi Avenue");
  await page.fill("#checkout-city", "Nairobi");
  await page.locator('[data-testid="place-order"]').click();
  await page.waitForURL(/\/pay\/demo\//);
  // A client-side navigation changes the address before React has rendered the page it leads to.
  await expect.poll(() => page.locator('[data-testid="demo-label"]').count()).toBe(1);
  await page.locator('[data-testid="demo-pay"]').click();
  await page.waitForURL(/\/orders\//);
  await expect.poll(() => page.locator('[data-testid="order-status"]').textContent()).toBe("Paid");
  const number = /SR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.url())![0];
  expect(errors).toEqual([]);
  await context.close();
  return number;
}

describe("the organiser sees orders by source", () => {
  it("counts two orders paid from Google and Meta feed links, each under its utm_source, on /organiser", async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await signInAsOrganiser(page, journey.server);
    await expect.poll(() => page.locator("#sources-title").textContent()).toBe("Orders by source");
    const before = await ordersBySource(page);
    // The seed's sample orders came from no feed.
    expect(before.google ?? 0).toBe(0);
    expect(before.meta ?? 0).toBe(0);
    expect(before[""]).toBeGreaterThan(0);

    // The feeds page lists the addresses to give each platform; the shoppers' links come from those feeds' output.
    await page.locator('[data-link="feeds"]').click();
    await page.waitForURL((url) => url.pathname === "/organiser/feeds");
    const feedUrl = (kind: string) => page.locator(`[data-feeds-lang="en"] [data-feed="${kind}"] input[data-feed-url]`).inputValue();
    const googleFeed = await feedUrl("google");
    const metaFeed = await feedUrl("meta");
    expect(googleFeed).toBe(`${journey.server.url}/feeds/google/en/USD.xml`);
    const googleXml = await (await page.request.get(googleFeed)).text();
    const metaCsv = parseCsv<Record<string, string>>(await (await page.request.get(metaFeed)).text(), { columns: true, bom: true });

    const [first, second] = [await regularProduct(2), await regularProduct(2, 1)];
    const googleLink = [...googleXml.matchAll(/<g:link>([^<]+)<\/g:link>/g)].map((m) => m[1].replace(/&amp;/g, "&")).find((l) => l.includes(`/products/${first.slug}?`))!;
    const metaLink = metaCsv.find((r) => r.link.includes(`/products/${second.slug}?`))!.link;
    expect(new URL(googleLink).searchParams.get("utm_source")).toBe("google");
    expect(new URL(metaLink).searchParams.get("utm_source")).toBe("meta");

    const fromGoogle = await buyFromLink(journey.browser, googleLink, true);
    const fromMeta = await buyFromLink(journey.browser, metaLink, false);
    const stored = await journey.server.query(sql`SELECT number, status, source, medium FROM orders WHERE number IN (${fromGoogle}, ${fromMeta}) ORDER BY number`);
    expect(stored).toEqual(
      [
        { number: fromGoogle, status: "paid", source: "google", medium: "product_feed" },
        { number: fromMeta, status: "paid", source: "meta", medium: "product_feed" },
      ].sort((a, b) => a.number.localeCompare(b.number)),
    );

    // Back to the console through the header's link: one more paid order under each source, the rest unchanged.
    await page.locator('header a[href="/organiser"]').first().click();
    await page.waitForURL((url) => url.pathname === "/organiser");
    await expect.poll(() => ordersBySource(page)).toEqual({ ...before, google: 1, meta: 1 });
    const label = (source: string) => page.locator(`[data-orders-by-source] tr[data-source="${source}"] th`).textContent();
    expect(await label("google")).toBe("google");
    expect(await label("meta")).toBe("meta");
    expect(await label("")).toBe("Direct or unknown");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
