/**
 * Journey: an owner signs in in French, lists a new product with a photo,
 * fills French and English, publishes; the shop shows it in French and
 * English, and in Arabic with the English fallback marked; the campaign
 * tracker's "products listed" went up by one. A hostile description runs no
 * script: no dialog opens and no CSP violation is reported.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpJourney, watchForErrors, watchCsp, waitForHydration } from "./harness";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "owner-uploads-"));
const journey = setUpJourney({ UPLOADS_DIR: uploads }, () => {
  fs.rmSync(uploads, { recursive: true, force: true });
});

const productsListed = async (page: Page) => {
  await page.goto(`${journey.server.url}/`);
  const text = await page.locator('.tracker .meter[data-metric="products"]', { hasText: "Products on sale" }).locator(".meter__value").textContent();
  return Number((text ?? "").replace(/[^\d]/g, ""));
};

describe("owner lists an item in French", () => {
  it("signs in, lists with a photo, publishes, and the shop shows it in fr, en and ar", async () => {
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    const csp = await watchCsp(page);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    const before = await productsListed(page);

    await page.goto(`${journey.server.url}/fr/login`);
    await page.getByLabel("E-mail", { exact: true }).fill("fatima@silkroad.example");
    await page.getByLabel("Mot de passe", { exact: true }).fill("Owner-Demo-2026");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL("**/fr/dashboard");
    await page.locator(".owner-panel").first().waitFor();
    await page.locator(".owner-panel").first().getByRole("link", { name: "Ajouter un produit" }).click();
    await page.waitForURL("**/products/new");
    await waitForHydration(page);

    // Instant feedback from the shared schema.
    await page.getByLabel("Prix (dollars américains)").fill("gratuit");
    await page.getByLabel("Stock").focus();
    await expect.poll(() => page.locator(".field--invalid .field-errors").first().textContent()).toContain("dollars américains");

    await page.getByLabel("Catégorie", { exact: true }).selectOption("crafts");
    await page.getByLabel("Prix (dollars américains)").fill("32.00");
    await page.getByLabel("Stock").fill("9");
    await page.getByLabel("Nom (English)").fill("Tadelakt Candle Holder");
    await page.getByLabel("Description (English)").fill("Polished **by hand** in Marrakesh. <img src=x onerror=alert('xss')> [see](javascript:alert('xss'))");
    await page.locator(".owner-lang summary", { hasText: "Français" }).click();
    await page.getByLabel("Nom (Français)").fill("Photophore en tadelakt");
    await page.getByLabel("Description (Français)").fill("Poli **à la main** à Marrakech. <script>alert('xss')</script>");
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await page.waitForURL(/\/fr\/dashboard\/stores\/.+\/products\/\d+\?saved=1/);

    // A photo, re-encoded by the journey.server.
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 180, g: 90, b: 50 } } }).jpeg().toBuffer();
    await page.getByLabel("Choisir une photo").setInputFiles({ name: "bougeoir.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByRole("button", { name: "Envoyer la photo" }).click();
    await page.waitForURL(/uploaded=1/);
    const src = await page.locator(".owner-images img").first().getAttribute("src");
    expect(src).toMatch(/^\/uploads\/[a-f0-9]{32}-\d+\.webp$/);

    await page.getByRole("button", { name: "Publier" }).click();
    await page.waitForURL(/status=publish/);
    const shopLink = page.getByRole("link", { name: "Voir dans la vitrine" });
    const href = (await shopLink.getAttribute("href"))!;
    const slug = href.split("/").pop()!;

    await page.goto(`${journey.server.url}/fr/products/${slug}`);
    expect(await page.locator("h1").textContent()).toBe("Photophore en tadelakt");
    expect(await page.locator(".product-page__description strong").textContent()).toBe("à la main");
    expect(await page.locator(".fallback-note").count()).toBe(0);
    expect(await page.locator(".product-page__media img").getAttribute("src")).toBe(src);

    await page.goto(`${journey.server.url}/products/${slug}`);
    expect(await page.locator("h1").textContent()).toBe("Tadelakt Candle Holder");
    expect(await page.locator(".product-page__description").textContent()).toContain("onerror=alert('xss')");
    await page.locator(".product-page__description a").count().then((n) => expect(n).toBe(0));

    await page.goto(`${journey.server.url}/ar/products/${slug}`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.locator("h1").textContent()).toBe("Tadelakt Candle Holder");
    expect(await page.locator(".fallback-note").count()).toBe(1);

    expect(await productsListed(page)).toBe(before + 1);
    expect(dialogs).toEqual([]);
    expect(await csp()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
