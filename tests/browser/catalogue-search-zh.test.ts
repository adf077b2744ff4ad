/**
 * Journey: a Chinese shopper, JavaScript on, types 咖啡 in the header search,
 * sees suggestions, submits, finds highlighted results and opens one.
 */
import { describe, expect, it } from "vitest";
import { setUpJourney, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();

describe("search in Chinese", () => {
  it("searches 咖啡 from the header and opens a result", async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(`${journey.server.url}/zh`);
    await waitForHydration(page);
    const box = page.getByRole("searchbox", { name: "搜索商品和店铺" });
    await box.pressSequentially("咖啡", { delay: 30 });
    // Suggestions arrive from the resource route as you type.
    await page.locator(".search-box__suggestions a").first().waitFor();
    expect(await page.locator(".search-box__suggestions a").first().textContent()).toBeTruthy();
    await box.press("Enter");
    await page.waitForURL(/\/zh\/search\?q=/);
    // Highlighted matches exist only on the results page (the home page also has product cards).
    await page.locator(".product-card__name mark").first().waitFor();
    await expect.poll(() => page.locator("h1").textContent()).toContain("咖啡");
    expect(await page.locator(".page-head__count").textContent()).toMatch(/\d+ 条结果/);
    expect(await page.locator(".product-card__name mark").first().textContent()).toBe("咖啡");

    const first = page.locator("a.product-card__link").first();
    const href = (await first.getAttribute("href"))!;
    expect(href).toMatch(/^\/zh\/products\//);
    await first.click();
    await page.waitForURL(`**${href}`);
    await page.locator(".product-page").waitFor();
    expect(await page.locator("h1").textContent()).toContain("咖啡");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
