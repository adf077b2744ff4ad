/**
 * Journey: a shopper reading Chinese adds a live festival deal and a regular
 * product to the cart, checks out with the demo provider, sees the
 * confirmation in Chinese, and the festival's counters on the home page's
 * festival banner move by exactly that order.
 */
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { presenter } from "~/modules/catalog/present.server";
import { featuredFestival } from "~/modules/festivals/festivals.server";
import { buyableProducts } from "../integration/fixtures";
import { setUpJourney, watchForErrors, waitForHydration } from "./harness";

const journey = setUpJourney();

async function readMeters(page: Page) {
  const values = await page.locator(".festival-banner__counters .meter__value").allTextContents();
  return { orders: Number(values[0].replace(/\D/g, "")), units: Number(values[1].replace(/\D/g, "")), gmv: values[2].trim() };
}

async function festivalMeters(page: Page) {
  await page.goto(`${journey.server.url}/zh`);
  return readMeters(page);
}

describe("a shopper buys in Chinese with the demo provider", () => {
  it("adds a live deal and a regular product, pays, reads the confirmation in Chinese, and the festival counters move by that order", async () => {
    const festival = (await featuredFestival("zh", Date.now()))!;
    expect(festival.clock.state).toBe("live");
    const products = await buyableProducts();
    const deal = products.find((p) => p.deal?.festivalId === festival.id && p.stock >= 5)!;
    const regular = products.find((p) => !p.deal && p.stock >= 5)!;
    expect(deal && regular).toBeTruthy();

    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    const before = await festivalMeters(page);

    // The deal, added in place (JavaScript on: a fetcher, no page change).
    await page.goto(`${journey.server.url}/zh/products/${deal.slug}`);
    await waitForHydration(page);
    await page.locator('[data-testid="add-to-cart"] button[type="submit"]').click();
    await expect.poll(() => page.locator(".add-to-cart__status").textContent()).toContain("已加入购物车");
    await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe("1");
    expect(page.url()).toContain(`/zh/products/${deal.slug}`);

    await page.goto(`${journey.server.url}/zh/products/${regular.slug}`);
    await page.locator('[data-testid="add-to-cart"] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe("2");

    // Cart → checkout.
    await page.locator('[data-testid="cart-link"]').click();
    await page.waitForURL("**/zh/cart");
    await expect.poll(() => page.locator(".cart-line").count()).toBe(2);
    await page.locator('[data-testid="to-checkout"]').click();
    await page.waitForURL(/\/zh\/checkout/);
    expect(await page.locator("#checkout-country").inputValue()).toBe("CN");
    // Instant feedback from the shared schema before anything is sent.
    await page.locator('[data-testid="place-order"]').click();
    await expect.poll(() => page.locator("#checkout-email-error").textContent()).toContain("请输入有效的电子邮箱");
    await page.fill("#checkout-email", "li.na@example.com");
    // A Chinese address: name and mobile first, then province, city, district and the detailed address.
    await page.fill("#checkout-name", "李娜");
    await page.fill("#checkout-phone", "138 0013 8000");
    await page.fill("#checkout-province", "上海市");
    await page.fill("#checkout-city", "上海");
    await page.fill("#checkout-district", "黄浦区");
    await page.fill("#checkout-line1", "南京东路 88 号");
    await page.locator('[data-testid="place-order"]').click();

    // The demo provider, labelled as such.
    await page.waitForURL("**/zh/pay/demo/**");
    expect(await page.locator('[data-testid="demo-label"]').textContent()).toContain("演示支付页面");
    await page.locator('[data-testid="demo-pay"]').click();

    // Confirmation, in Chinese.
    await page.waitForURL("**/zh/orders/**");
    expect(await page.getAttribute("html", "lang")).toBe("zh-Hans");
    expect(await page.locator('[data-testid="order-status"]').textContent()).toBe("已付款");
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^订单 SR-/);
    const number = /SR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.url())![0];

    // The festival's counters moved by exactly this order.
    const [line] = await journey.server.query<{ quantity: number; base: number }>(
      sql`SELECT l.quantity, l.line_total_base_minor AS base FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = ${number} AND l.festival_id = ${festival.id}`,
    );
    const [{ value: gmv }] = await journey.server.query<{ value: number }>(
      sql`SELECT SUM(value) AS value FROM progress_counters WHERE scope = 'festival' AND scope_key = ${String(festival.id)} AND metric = 'gmv'`,
    );
    // The home page may come from the shared cache, a few seconds old: its live feed brings the counters up to date.
    await page.goto(`${journey.server.url}/zh`);
    await waitForHydration(page);
    await expect.poll(() => readMeters(page)).toEqual({
      orders: before.orders + 1,
      units: before.units + line.quantity,
      gmv: (await presenter("zh", "CNY")).money(gmv),
    });
    expect(before.gmv).toBe((await presenter("zh", "CNY")).money(gmv - line.base));
    await expect.poll(() => page.locator('[data-testid="cart-count"]').textContent()).toBe("0");

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
