/**
 * Journey, JavaScript off: a shopper opens a product, switches the currency,
 * adds it to the cart, checks out, pays with the demo provider and reads the
 * paid confirmation — in French and in Arabic, on a 390 px phone. Every step
 * is a plain link or form post; the currency chosen on the product page is
 * the one charged.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpJourney } from "./harness";

const journey = setUpJourney();

async function buyableSlug(skip: number): Promise<string> {
  const [row] = await journey.server.query<{ slug: string }>(
    sql`SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id
        WHERE p.status = 'active' AND s.status = 'live' AND p.stock > 5
          AND NOT EXISTS (SELECT 1 FROM festival_deals d WHERE d.product_id = p.id)
        ORDER BY p.id LIMIT 1 OFFSET ${skip}`,
  );
  return row.slug;
}

const cases = [
  { lang: "fr", currency: "KES", change: "Changer", paid: "Payée", address: { name: "Aïssatou Diallo", phone: "+221 77 123 45 67", line1: "12 rue des Manguiers", city: "Dakar", country: "SN" } },
  { lang: "ar", currency: "EGP", change: "تغيير", paid: "مدفوع", address: { name: "ليلى حسن", phone: "+20 100 123 4567", line1: "١٢ شارع النيل", city: "القاهرة", country: "EG" } },
] as const;

describe("a shopper pays without JavaScript", () => {
  for (const [i, c] of cases.entries()) {
    it(`goes from a product to the paid confirmation in ${c.lang}, currency switch included`, async () => {
      const context = await journey.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const slug = await buyableSlug(i * 3);
      await page.goto(`${journey.server.url}/${c.lang}/products/${slug}`);

      // The currency switcher: a GET form, so the choice lands in the URL.
      const price = () => page.locator(".product-page__price .price").first().textContent();
      const before = await price();
      await page.locator("#currency-select").selectOption(c.currency);
      await page.locator(".currency-switcher button[type=submit]").click();
      await page.waitForURL(new RegExp(`currency=${c.currency}`));
      expect(await price()).not.toBe(before);

      // Add to cart (a form post, then the cart page), still in the chosen currency.
      await page.locator('[data-testid="add-to-cart"] button[type="submit"]').click();
      await page.waitForURL(new RegExp(`/${c.lang}/cart`));
      expect(page.url()).toContain(`currency=${c.currency}`);

      await page.locator('[data-testid="to-checkout"]').click();
      await page.waitForURL(new RegExp(`/${c.lang}/checkout`));
      // The country comes first: a GET form reloads the page with its shipping and address fields.
      await page.locator("#checkout-country").selectOption(c.address.country);
      await page.locator('[data-testid="destination-submit"]').click();
      await page.waitForURL(new RegExp(`ship=${c.address.country}`));
      expect(page.url()).toContain(`currency=${c.currency}`);
      expect(await page.locator('[data-testid="shipping-line"]').count()).toBe(1);
      await page.fill("#checkout-email", "not-an-email");
      await page.fill("#checkout-name", c.address.name);
      await page.fill("#checkout-phone", c.address.phone);
      await page.fill("#checkout-line1", c.address.line1);
      await page.fill("#checkout-city", c.address.city);
      await page.locator('[data-testid="place-order"]').click();
      // Without JavaScript the server answers the mistake: a translated message by the field, the rest kept as typed.
      await page.waitForLoadState("load");
      const emailError = (await page.locator("#checkout-email-error").textContent()) ?? "";
      expect(emailError.length).toBeGreaterThan(0);
      expect(emailError).not.toContain("checkout.");
      expect(await page.locator("#checkout-email").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#checkout-line1").inputValue()).toBe(c.address.line1);
      await page.fill("#checkout-email", `nojs.${c.lang}@example.com`);
      await page.locator('[data-testid="place-order"]').click();

      // The demo provider's page, and its "pay" button: a form post from a no-referrer page.
      await page.waitForURL(new RegExp(`/${c.lang}/pay/demo/`));
      await page.locator('[data-testid="demo-pay"]').click();
      await page.waitForURL(new RegExp(`/${c.lang}/orders/`));
      expect(await page.locator('[data-testid="order-status"]').textContent()).toBe(c.paid);
      expect(await page.getAttribute("html", "dir")).toBe(c.lang === "ar" ? "rtl" : "ltr");

      // Charged in the currency chosen on the product page.
      const number = /SR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(page.url())![0];
      expect(await journey.server.query(sql`SELECT status, currency FROM orders WHERE number = ${number}`)).toEqual([{ status: "paid", currency: c.currency }]);
      await context.close();
    }, 90_000);
  }
});
