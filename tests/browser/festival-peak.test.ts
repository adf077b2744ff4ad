/**
 * Journey (issue 11): at a festival peak, an Arabic shopper without
 * JavaScript pages through the live festival's deals and filters them, the
 * chosen currency kept all the way; with JavaScript, the festival page and
 * the home page follow a paid order's counters in place, without a reload;
 * and the paged, filtered page passes axe.
 */
import { describe, expect, it } from "vitest";
import { featuredFestival } from "~/modules/festivals/festivals.server";
import { payDemoOrder } from "../../scripts/bench-server";
import { buyableProducts } from "../integration/fixtures";
import { axeViolations, setUpJourney, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();

/** The festival on sale now and one of its deals a shopper can buy (the seed's, read through the data layer on either engine). */
async function liveFestivalDeal(): Promise<{ slug: string; product: string }> {
  const festival = (await featuredFestival("en", Date.now()))!;
  expect(festival.clock.state).toBe("live");
  const deal = (await buyableProducts()).find((p) => p.deal?.festivalId === festival.id && p.stock >= 1)!;
  return { slug: festival.slug, product: deal.slug };
}

describe("the live festival at a peak", () => {
  it("pages and filters the deals with JavaScript off", async () => {
    const live = await liveFestivalDeal();
    const context = await journey.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${journey.server.url}/ar/festivals/${live.slug}?currency=KES`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.locator("h1").count()).toBe(1);
    const first = await page.locator("[data-deal]").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-deal")));
    expect(first.length).toBe(24);

    await page.locator('a[rel="next"]').click();
    await page.waitForURL((u) => u.searchParams.get("page") === "2");
    expect(new URL(page.url()).searchParams.get("currency")).toBe("KES");
    expect(new URL(page.url()).hash).toBe("#deals");
    const second = await page.locator("[data-deal]").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-deal")));
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((slug) => first.includes(slug))).toBe(false);
    expect(await page.locator(".deal-list .pagination__status").textContent()).toMatch(/2|٢/);
    expect(await page.locator(".deal-card__price .price--deal").first().textContent()).toContain("KES");

    // The filter form: a category, submitted as a plain GET form.
    const form = page.locator(".deal-list form");
    const options = await form.locator('select[name="category"] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    await form.locator('select[name="category"]').selectOption(options[0]);
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.searchParams.get("category") === options[0]);
    const url = new URL(page.url());
    expect(url.searchParams.get("currency")).toBe("KES");
    expect(url.searchParams.has("page")).toBe(false);
    const filtered = await page.locator("[data-deal]").count();
    expect(filtered).toBeGreaterThan(0);
    expect(await page.locator(".deal-list__count").textContent()).not.toBe("");
    await context.close();
  }, 60_000);

  it("updates the counters in place on the festival page and the home page after a paid order", async () => {
    const live = await liveFestivalDeal();
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const festivalPage = await context.newPage();
    const home = await context.newPage();
    const errors = [...watchForErrors(festivalPage), ...watchForErrors(home)];
    await festivalPage.goto(`${journey.server.url}/festivals/${live.slug}`);
    await home.goto(`${journey.server.url}/`);
    await waitForHydration(festivalPage);
    await waitForHydration(home);
    const meter = (page: typeof home, metric: string) => page.locator(`[data-counters="${live.slug}"] [data-metric="${metric}"]`);
    const ordersOn = async (page: typeof home) => Number(((await meter(page, "orders").locator(".meter__value").textContent()) ?? "").replace(/\D/g, ""));
    const before = await ordersOn(festivalPage);
    expect(await ordersOn(home)).toBe(before);
    // Shoppers see what has sold, not the organiser's targets (issue 13, point 12).
    for (const page of [festivalPage, home]) expect(await page.locator(`[data-counters="${live.slug}"] :is(.meter__bar, .meter__target)`).count()).toBe(0);

    await payDemoOrder(journey.server.url, live.product);

    // Neither page is reloaded: the numbers follow the live feed.
    await expect.poll(() => ordersOn(festivalPage)).toBe(before + 1);
    await expect.poll(() => ordersOn(home)).toBe(before + 1);
    const gmvText = await meter(festivalPage, "gmv").locator(".meter__value").textContent();
    expect(await meter(home, "gmv").locator(".meter__value").textContent()).toBe(gmvText);
    expect(await meter(home, "units").locator(".meter__value").textContent()).toBe(await meter(festivalPage, "units").locator(".meter__value").textContent());
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it("has no axe violations on the festival page's first page and a filtered second page (en, ar)", async () => {
    const live = await liveFestivalDeal();
    // bypassCSP: the injected axe script has no nonce.
    const context = await journey.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    for (const path of [`/festivals/${live.slug}`, `/ar/festivals/${live.slug}?page=2`, `/zh/festivals/${live.slug}?category=coffee&currency=KES`]) {
      await page.goto(`${journey.server.url}${path}`);
      const v = await axeViolations(page);
      if (v.length) found[path] = v;
    }
    expect(found).toEqual({});
    await context.close();
  }, 120_000);
});
