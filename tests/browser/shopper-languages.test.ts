/**
 * Journey: a shopper opens the Chinese showcase, visits a store, opens one of
 * its products, then switches to Arabic and sees the same product right to left.
 */
import { describe, expect, it } from "vitest";
import { setUpJourney, watchForErrors } from "./harness";

const journey = setUpJourney();

describe("shopper browses in Chinese, then reads the product in Arabic", () => {
  it("goes /zh → store → product → Arabic with dir=rtl", async () => {
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchForErrors(page);

    await page.goto(`${journey.server.url}/zh`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hans");
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    await expect.poll(() => page.locator("h1").first().textContent()).toMatch(/[\u4e00-\u9fff]/);

    // Open a featured store (client-side navigation once hydrated).
    const storeLink = page.locator('a.store-card__link[href^="/zh/stores/"]').first();
    const storeHref = await storeLink.getAttribute("href");
    await storeLink.click();
    await page.waitForURL(`**${storeHref}`);
    await page.locator(".store-page").waitFor();
    expect(await page.locator("h1").textContent()).toMatch(/[\u4e00-\u9fff]/);

    // Open one of its products.
    const productLink = page.locator('.store-page a.product-card__link[href^="/zh/products/"]').first();
    const productHref = (await productLink.getAttribute("href"))!;
    await productLink.click();
    await page.waitForURL(`**${productHref}`);
    await page.locator(".product-page").waitFor();
    const zhName = await page.locator("h1").textContent();
    expect(zhName).toMatch(/[\u4e00-\u9fff]/);

    // Switch to Arabic: the same product, right to left.
    await page.locator(".lang-switcher summary").click();
    await page.locator('[data-lang-switch="ar"]').click();
    const slug = productHref.replace("/zh/products/", "");
    await page.waitForURL(`**/ar/products/${slug}`);
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    const arName = await page.locator("h1").textContent();
    expect(arName).toMatch(/[\u0600-\u06ff]/);
    expect(arName).not.toBe(zhName);
    await expect.poll(() => page.locator(".product-page__price .price").first().textContent()).toMatch(/\d/);

    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
