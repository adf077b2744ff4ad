/**
 * Journey (issue 13, points 13 and 14): a shopper on a 390 px phone finds the
 * contact, shipping, returns and privacy pages from the footer, in English
 * and in Arabic, reads them in her language, and sees how she can pay; the
 * header's navigation takes her to the festivals and to a country pavilion;
 * a mistyped address gives a 404 page that searches and suggests; a
 * signed-in owner is not offered "Sign in" in the footer (issue 14, point 6).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../db/seed/demo-accounts";
import { axeViolations, setUpJourney, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();
const prefix = (lang: string) => (lang === "en" ? "" : `/${lang}`);

const EXPECTED = {
  en: {
    contact: { title: "Contact us", text: "hello@silkroad.example", section: "Questions about an order" },
    shipping: { title: "Shipping", text: "Each store packs and sends its own products", section: "Customs, duties and taxes" },
    returns: { title: "Returns and refunds", text: "14 days", section: "Refunds" },
    privacy: { title: "Privacy", text: "srs_session", section: "Cookies" },
    payments: "demo provider",
  },
  ar: {
    contact: { title: "اتصل بنا", text: "hello@silkroad.example", section: "أسئلة عن طلب" },
    shipping: { title: "الشحن", text: "يغلّف كل متجر منتجاته", section: "الجمارك والرسوم والضرائب" },
    returns: { title: "الإرجاع واسترداد المال", text: "14 يومًا", section: "استرداد المال" },
    privacy: { title: "الخصوصية", text: "srs_session", section: "ملفات تعريف الارتباط" },
    payments: "مزوّد دفع تجريبي",
  },
} as const;

async function phone(javaScriptEnabled = true, bypassCSP = false): Promise<Page> {
  const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled, bypassCSP });
  return context.newPage();
}

describe("trust pages and finding one's way", () => {
  for (const lang of ["en", "ar"] as const) {
    it(`reaches each trust page from the footer on a phone in ${lang}`, async () => {
      const expected = EXPECTED[lang];
      const page = await phone();
      const errors = watchForErrors(page);
      await page.goto(`${journey.server.url}${prefix(lang)}/products`);
      await waitForHydration(page);
      expect(await page.locator("html").getAttribute("dir")).toBe(lang === "ar" ? "rtl" : "ltr");
      // The footer says how to pay: here the demo provider (no Stripe keys in tests).
      const payments = page.locator(".site-footer [data-payments]");
      expect(await payments.getAttribute("data-payments")).toBe("demo");
      expect(await payments.textContent()).toContain(expected.payments);

      for (const trust of ["contact", "shipping", "returns", "privacy"] as const) {
        const link = page.locator(`.site-footer a[data-trust-link="${trust}"]`);
        await link.scrollIntoViewIfNeeded();
        expect(await link.textContent()).toBe(expected[trust].title);
        await link.click();
        await page.waitForURL(`**${prefix(lang)}/${trust}`);
        await expect.poll(() => page.locator("main h1").textContent()).toBe(expected[trust].title);
        expect(await page.title()).toContain(expected[trust].title);
        // Real text in the page's language, in sections with headings.
        const sections = await page.locator("main h2").allTextContents();
        expect(sections.length).toBeGreaterThanOrEqual(3);
        expect(sections).toContain(expected[trust].section);
        expect(await page.locator("main article").textContent()).toContain(expected[trust].text);
        // Nothing runs off a phone's screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        // Links inside the text stay in the page's language.
        for (const href of await page.locator("main article a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
          if (lang !== "en") expect(href).toMatch(new RegExp(`^/${lang}/`));
        }
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }, 60_000);
  }

  it("has no axe violations on the trust pages (ar) and the 404 page (en)", async () => {
    const page = await phone(true, true);
    const found: Record<string, string[]> = {};
    for (const path of ["/ar/contact", "/ar/shipping", "/ar/returns", "/ar/privacy", "/no-such-page"]) {
      await page.goto(`${journey.server.url}${path}`);
      const v = await axeViolations(page);
      if (v.length) found[path] = v;
    }
    expect(found).toEqual({});
    await page.context().close();
  }, 60_000);

  for (const width of [390, 1280]) {
    it(`reaches the festivals and a country pavilion from the header's navigation at ${width} px`, async () => {
      const context = await journey.browser.newContext({ viewport: { width, height: 844 } });
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${journey.server.url}/zh/products`);
      await waitForHydration(page);
      const nav = page.locator("nav.site-nav");

      await nav.getByRole("link", { name: "网购节" }).click();
      await page.waitForURL("**/zh/festivals");
      await expect.poll(() => page.locator("main h1").textContent()).toBe("网购节");

      await nav.getByRole("link", { name: "国家馆" }).click();
      await page.waitForURL("**/zh/countries");
      await expect.poll(() => page.locator("main h1").textContent()).toBe("国家馆");
      const first = page.locator("main .pavilions a").first();
      const country = (await first.locator(".pavilions__name").textContent())!;
      await first.click();
      await page.waitForURL(/\/zh\/countries\/[A-Z]{2}$/);
      // The breadcrumb names the country, and says where the shopper is.
      await expect.poll(() => page.locator("main .breadcrumb [aria-current='page']").textContent()).toContain(country);
      expect(await page.locator("main h1").textContent()).toContain(country);
      expect(await page.locator("main .store-card").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it("leads from the home page's pavilions to the country's page", async () => {
    const page = await phone();
    await page.goto(`${journey.server.url}/ar`);
    await waitForHydration(page);
    const pavilion = page.locator("section[aria-labelledby='pavilions-title'] .pavilions a").first();
    const country = (await pavilion.locator(".pavilions__name").textContent())!;
    await pavilion.click();
    await page.waitForURL(/\/ar\/countries\/[A-Z]{2}$/);
    await expect.poll(() => page.locator("main .breadcrumb [aria-current='page']").textContent()).toContain(country);
    await page.context().close();
  });

  for (const lang of ["en", "zh"] as const) {
    it(`answers a mistyped address with a 404 page that searches and suggests (${lang})`, async () => {
      const page = await phone();
      const response = await page.goto(`${journey.server.url}${prefix(lang)}/prodcuts/coffee`);
      expect(response!.status()).toBe(404);
      await waitForHydration(page);
      expect(await page.locator("main h1").textContent()).toBe(lang === "zh" ? "页面未找到" : "Page not found");
      // A suggestion leads to a real page.
      const suggestion = page.locator(".not-found__suggestions a").first();
      await suggestion.click();
      await page.waitForURL((url) => !url.pathname.includes("prodcuts"));
      await expect.poll(() => page.locator("[data-testid='not-found']").count()).toBe(0);
      expect(await page.locator("main h1").count()).toBe(1);
      // The search box, with JavaScript off too.
      const plain = await phone(false);
      await plain.goto(`${journey.server.url}${prefix(lang)}/nothing-here`);
      const search = plain.locator("[data-testid='not-found'] form[role='search']");
      await search.locator("input[name='q']").fill(lang === "zh" ? "咖啡" : "coffee");
      await search.locator("button[type='submit']").click();
      await plain.waitForURL(`**${prefix(lang)}/search?q=*`);
      expect(await plain.locator("main .product-card").count()).toBeGreaterThan(0);
      await plain.context().close();
      await page.context().close();
    }, 60_000);
  }

  it("does not offer a signed-in owner to sign in from the footer of a shared page, and keeps her desktop header on one row", async () => {
    const owner = DEMO_ACCOUNTS.find((a) => a.role === "owner")!;
    const page = await phone();
    await page.goto(`${journey.server.url}/login`);
    await waitForHydration(page);
    await page.locator("input[name='email']").fill(owner.email);
    await page.locator("input[name='password']").fill(owner.password);
    await page.locator(".form-card button[type='submit']").click();
    await page.waitForURL("**/dashboard");
    await page.goto(`${journey.server.url}/shipping`);
    await waitForHydration(page);
    // A shared page learns who is signed in after hydration (/me): then "Sign in" goes.
    await expect.poll(() => page.locator(".site-footer a[href='/login']").count()).toBe(0);
    expect(await page.locator(".site-footer a[href='/signup']").count()).toBe(1);
    // With the dashboard and sign-out links, the desktop header keeps one row (issue 14, point 6).
    await page.setViewportSize({ width: 1280, height: 844 });
    for (const lang of ["en", "fr", "sw"]) {
      await page.goto(`${journey.server.url}${prefix(lang)}/products`);
      await waitForHydration(page);
      await expect.poll(() => page.locator(".site-header .account-links").count()).toBe(1);
      expect(await page.locator("header.site-header").evaluate((h) => h.getBoundingClientRect().height), lang).toBeLessThanOrEqual(72);
    }
    await page.context().close();
  });
});
