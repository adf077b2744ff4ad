/**
 * Journey: with JavaScript off, a French shopper filters /fr/products by
 * country and price, then pages forward and back through the results.
 */
import { describe, expect, it } from "vitest";
import { setUpJourney } from "./harness";

const journey = setUpJourney();

describe("filters work without JavaScript", () => {
  it("filters /fr/products by country and price and pages through", async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${journey.server.url}/fr/products`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");

    await page.locator(".filters > summary").click();
    const form = page.locator("form.filters__form");
    await form.getByLabel("Pays").selectOption("KE");
    await form.getByLabel("De").fill("1");
    await form.getByLabel("À").fill("60");
    await form.getByRole("button", { name: "Appliquer les filtres" }).click();
    await page.waitForURL(/country=KE/);
    const url = new URL(page.url());
    expect(url.searchParams.get("min")).toBe("1");
    expect(url.searchParams.get("max")).toBe("60");
    expect(await page.locator("h1").textContent()).toContain("Kenya");

    // Every card is from Kenya and priced within the range (in euros, the French default).
    const stores = await page.locator(".product-card__store").allTextContents();
    expect(stores.length).toBeGreaterThan(0);
    expect(stores.every((s) => s.includes("Kenya"))).toBe(true);
    const prices = (await page.locator(".product-card__price .price:not(.price--was)").allTextContents()).map((p) => Number(p.replace(/[^\d,]/g, "").replace(",", ".")));
    expect(prices.every((p) => p >= 1 && p <= 60 + 0.001 || Number.isNaN(p))).toBe(true);

    const count = await page.locator(".page-head__count").textContent();
    const total = Number(count!.replace(/\D/g, ""));
    if (total > 24) {
      const firstPage = await page.locator(".product-card__name").allTextContents();
      await page.locator('a[rel="next"]').click();
      await page.waitForURL(/after=/);
      expect(new URL(page.url()).searchParams.get("country")).toBe("KE");
      const second = await page.locator(".product-card__name").allTextContents();
      expect(second.some((n) => firstPage.includes(n))).toBe(false);
      expect(await page.locator(".pagination__status").textContent()).toContain("2");
      await page.locator('a[rel="prev"]').click();
      await page.waitForURL((u) => !u.searchParams.has("after"));
      expect(await page.locator(".product-card__name").allTextContents()).toEqual(firstPage);
    }
    await context.close();
  }, 60_000);
});
