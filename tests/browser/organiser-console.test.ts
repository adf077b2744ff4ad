/**
 * Issue 14, points 1 and 2. The organiser signs in from the login page and
 * starts at /organiser: the campaign totals, every festival (state, dates,
 * counters against targets) and the store leaderboard are there, and each
 * festival's dashboard, edit page and applications are reached by clicking
 * its links, in English and in Chinese. Then, with the live festival's
 * dashboard open, a purchase in another browser moves every counter, progress
 * line and bar on it, without a reload.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { listFestivals } from "~/modules/festivals/festivals.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { buyableProducts } from "../integration/fixtures";
import { setUpJourney, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();

const TEXT = {
  en: { console: "Organiser console", login: "/login", applications: "Applications for", states: ["Coming soon", "Warm-up", "Live now", "Encore", "Ended"] },
  zh: { console: "主办方控制台", login: "/zh/login", applications: "的报名申请", states: ["即将开始", "预热中", "火热进行中", "返场", "已结束"] },
} as const;

/** Opens /organiser signed out, signs in on the login page it is sent to, and lands back on the console. */
async function signInAtConsole(lang: "en" | "zh", viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const prefix = lang === "en" ? "" : `/${lang}`;
  const context = await journey.browser.newContext({ locale: lang === "zh" ? "zh-CN" : "en-GB", viewport });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${journey.server.url}${prefix}/organiser`);
  await page.waitForURL((url) => url.pathname === TEXT[lang].login);
  await waitForHydration(page); // a person reads the form first: no click lands half-way through hydration
  await page.locator('input[name="email"]').fill("organiser@silkroad.example");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORDS.organiser);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === `${prefix}/organiser`);
  await expect.poll(() => page.locator("h1").textContent()).toBe(TEXT[lang].console);
  return { context, page, errors };
}

async function backToConsole(page: Page, lang: "en" | "zh") {
  await page.locator(".breadcrumb a").click();
  await page.waitForURL((url) => url.pathname === `${lang === "en" ? "" : `/${lang}`}/organiser`);
}

describe("the organiser console", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`shows totals, every festival and the leaderboard, and links to each festival's pages (${lang})`, async () => {
      const prefix = lang === "en" ? "" : `/${lang}`;
      const { context, page, errors } = await signInAtConsole(lang);
      await waitForHydration(page);

      // Campaign totals and the store leaderboard.
      await expect.poll(() => page.locator("[data-campaign-totals] [data-metric]").count()).toBe(3);
      for (const value of await page.locator("[data-campaign-totals] dd").allTextContents()) expect(value).toMatch(/\d/);
      expect(await page.locator("#leaderboard-title + * table tbody tr").count()).toBeGreaterThan(0);

      // Every festival (the seed's ended, live and upcoming ones), each with its state, dates and counters.
      const published = await listFestivals(lang, Date.now());
      const slugs = await page.locator("[data-festival]").evaluateAll((els) => els.map((e) => e.getAttribute("data-festival")!));
      expect(slugs.sort()).toEqual(published.map((f) => f.slug).sort());
      const states = new Set<string>();
      for (const f of published) {
        const card = page.locator(`[data-festival="${f.slug}"]`);
        expect((await card.locator("h3").textContent())?.trim()).toBe(f.name);
        const state = (await card.locator(".state-pill").first().textContent())!.trim();
        expect(TEXT[lang].states).toContain(state);
        states.add(state);
        expect(await card.locator(".organiser-festival__dates dd").first().textContent()).toMatch(/\d/);
        expect(await card.locator(".progress-row").count()).toBe(3);
        expect(await card.locator('[data-link="export"]').getAttribute("href")).toBe(`${prefix}/organiser/festivals/${f.slug}/export`);
      }
      expect(states.size).toBe(3);

      // Each festival's dashboard, edit page and applications, by clicking.
      for (const f of published) {
        const card = () => page.locator(`[data-festival="${f.slug}"]`);
        await card().locator('[data-link="dashboard"]').click();
        await page.waitForURL((url) => url.pathname === `${prefix}/organiser/festivals/${f.slug}`);
        await expect.poll(() => page.locator("h1").textContent()).toContain(f.name);
        expect(await page.locator(".organiser-dashboard [data-counters] [data-metric]").count()).toBe(3);
        await backToConsole(page, lang);

        await card().locator('[data-link="edit"]').click();
        await page.waitForURL((url) => url.pathname === `${prefix}/organiser/festivals/${f.slug}/edit`);
        await expect.poll(() => page.locator("h1").textContent()).toBe(f.name);
        expect(await page.locator('input[name="slug"]').inputValue()).toBe(f.slug);
        await backToConsole(page, lang);

        await card().locator('[data-link="applications"]').click();
        await page.waitForURL((url) => url.pathname === `${prefix}/organiser/review` && url.searchParams.get("festival") === f.slug);
        await expect.poll(() => page.locator("h1").textContent()).toContain(TEXT[lang].applications);
        expect(await page.locator("h1").textContent()).toContain(f.name);
        // Only this festival's applications are listed.
        for (const kind of await page.locator(".review-item__kind").allTextContents()) expect(kind).toContain(f.name);
        await backToConsole(page, lang);
      }

      // The export link serves the festival's CSV to the signed-in organiser.
      const csv = await context.request.get(`${journey.server.url}${await page.locator('[data-link="export"]').first().getAttribute("href")}`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toContain("text/csv");

      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it("moves every counter, progress line and bar of an open festival dashboard when someone buys", async () => {
    const live = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;
    const deal = (await buyableProducts()).find((p) => p.deal?.festivalId === live.id && p.stock >= 5)!;
    expect(deal).toBeTruthy();

    const { context, page, errors } = await signInAtConsole("en");
    await page.locator(`[data-festival="${live.slug}"] [data-link="dashboard"]`).click();
    await page.waitForURL((url) => url.pathname === `/organiser/festivals/${live.slug}`);
    await waitForHydration(page);

    /** Every number and bar of the live section: the three meters and the three progress lines. */
    const read = () =>
      page.locator("#live-title").locator("..").evaluate((section) => {
        const out: Record<string, string> = {};
        for (const m of section.querySelectorAll<HTMLElement>("[data-counters] [data-metric]")) {
          out[`meter ${m.dataset.metric}`] = m.querySelector(".meter__value")!.textContent.trim();
          out[`meter bar ${m.dataset.metric}`] = m.querySelector<HTMLElement>(".meter__bar span")!.style.inlineSize;
        }
        for (const r of section.querySelectorAll<HTMLElement>(".progress-row[data-metric]")) {
          out[`progress ${r.dataset.metric}`] = r.querySelector("bdi")!.textContent.trim();
          out[`progress bar ${r.dataset.metric}`] = String(r.querySelector("progress")!.value);
        }
        return out;
      });
    const before = await read();
    expect(Object.keys(before)).toHaveLength(12);
    // The meters and the progress lines say the same numbers to begin with.
    for (const metric of ["orders", "units", "gmv"]) expect(before[`progress ${metric}`]).toBe(before[`meter ${metric}`]);

    // Another browser buys one unit of a deal of this festival with the demo provider.
    const buyerContext = await journey.browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const buyer = await buyerContext.newPage();
    await buyer.goto(`${journey.server.url}/products/${deal.slug}`);
    await buyer.locator('[data-testid="add-to-cart"] button[type="submit"]').click();
    await expect.poll(() => buyer.locator('[data-testid="cart-count"]').textContent()).toBe("1");
    await buyer.goto(`${journey.server.url}/checkout`);
    // Choosing the destination submits itself once the page is hydrated (without JavaScript, a button does).
    await waitForHydration(buyer);
    // The destination first: choosing it reloads the checkout with that country's address form and shipping.
    if ((await buyer.locator("#checkout-country").inputValue()) !== "KE") {
      await buyer.locator("#checkout-country").selectOption("KE");
      await buyer.waitForURL("**/checkout?*ship=KE*");
    }
    await buyer.fill("#checkout-email", "wanjiru@example.com");
    await buyer.fill("#checkout-name", "Wanjiru Kamau");
    await buyer.fill("#checkout-phone", "+254 712 345 678");
    await buyer.fill("#checkout-line1", "14 Moi Avenue");
    await buyer.fill("#checkout-city", "Nairobi");
    await buyer.locator('[data-testid="place-order"]').click();
    await buyer.waitForURL("**/pay/demo/**");
    await buyer.locator('[data-testid="demo-pay"]').click();
    await buyer.waitForURL("**/orders/**");

    // Within 2 s of the payment, every counter and bar on the open dashboard has moved, and they agree.
    await expect
      .poll(
        async () => {
          const now = await read();
          return Object.keys(before).filter((k) => now[k] === before[k]);
        },
        { timeout: 2000 },
      )
      .toEqual([]);
    const after = await read();
    for (const metric of ["orders", "units", "gmv"]) expect(after[`progress ${metric}`]).toBe(after[`meter ${metric}`]);
    expect(Number(after["meter orders"].replace(/\D/g, ""))).toBe(Number(before["meter orders"].replace(/\D/g, "")) + 1);

    expect(errors).toEqual([]);
    await Promise.all([context.close(), buyerContext.close()]);
  }, 120_000);
});
