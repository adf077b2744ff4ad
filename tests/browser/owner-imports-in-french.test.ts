/**
 * Journey (issue 17's acceptance): an owner, in French, downloads the import
 * template, fills 20 products in three languages (English, French, Chinese)
 * with a ZIP of photos; the dry run shows two deliberate errors by row and
 * column and saves nothing; the corrected file imports and publishes all 20,
 * which the store's page shows; importing the same file again changes nothing.
 */
import fs from "node:fs";
import { and, eq, like } from "drizzle-orm";
import { zipSync } from "fflate";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { setUpJourney, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();
const COUNT = 20;
const CATEGORIES = ["crafts", "textiles", "home", "jewellery"];
const { products, productImages, stores } = schema;

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The file as the owner fills it: the template's header, one row per product. */
function fill(header: string[], broken: boolean): Buffer {
  const rows = Array.from({ length: COUNT }, (_, index) => {
    const n = index + 1;
    const values: Record<string, string> = {
      sku: `FR-IMP-${String(n).padStart(2, "0")}`,
      category: CATEGORIES[index % CATEGORIES.length],
      price: `${20 + n}.00`,
      currency: "USD",
      stock: String(5 + n),
      images: `photo-${n}.jpg`,
      name_en: `Woven basket no. ${n}`,
      description_en: `Basket ${n}, woven by hand in Thiès.`,
      origin_note_en: "Thiès, Senegal",
      name_fr: `Panier tressé n° ${n}`,
      description_fr: `Panier ${n}, tressé à la main à Thiès.`,
      origin_note_fr: "Thiès, Sénégal",
      name_zh: `手工编织篮 ${n} 号`,
    };
    // Two deliberate mistakes: a price in words (row 6) and a category that does not exist (row 10).
    if (broken && n === 5) values.price = "vingt";
    if (broken && n === 9) values.category = "paniers";
    return header.map((c) => cell(values[c] ?? "")).join(",");
  });
  return Buffer.from([header.join(","), ...rows].join("\r\n") + "\r\n", "utf8");
}

async function photosZip(): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {};
  for (let n = 1; n <= COUNT; n++) {
    files[`photos/photo-${n}.jpg`] = new Uint8Array(
      await sharp({ create: { width: 480, height: 360, channels: 3, background: { r: (n * 37) % 256, g: (n * 71) % 256, b: (n * 113) % 256 } } })
        .jpeg()
        .toBuffer(),
    );
  }
  return Buffer.from(zipSync(files, { level: 0 }));
}

async function upload(page: Page, table: Buffer, zip: Buffer, publish: boolean) {
  await page.getByLabel("Tableur (CSV ou XLSX)").setInputFiles({ name: "produits.csv", mimeType: "text/csv", buffer: table });
  await page.getByLabel("Photos (ZIP, facultatif)").setInputFiles({ name: "photos.zip", mimeType: "application/zip", buffer: zip });
  if (publish) await page.getByLabel("Publier tout de suite", { exact: false }).check();
  await page.getByRole("button", { name: "Vérifier le fichier (rien n’est enregistré)" }).click();
  await page.locator(".import-result").waitFor();
}

describe("an owner imports products in French", () => {
  it("downloads the template, sees two errors by row and column, fixes them, imports 20 products, and a second import changes nothing", async () => {
    const base = journey.server.url;
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchForErrors(page);

    await page.goto(`${base}/fr/login`);
    await page.getByLabel("E-mail", { exact: true }).fill("fatima@silkroad.example");
    await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORDS.owner);
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await page.waitForURL("**/fr/dashboard");
    const panel = page.locator(".owner-panel").filter({ has: page.locator(".state-pill--live") }).first();
    const storeSlug = (await panel.getAttribute("data-store"))!;
    await panel.getByRole("link", { name: "Importer des produits" }).click();
    await page.waitForURL(`**/fr/dashboard/stores/${storeSlug}/products/import`);
    await waitForHydration(page);

    // The template, in French: English and French columns first.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le modèle (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe("products-template-fr.csv");
    const header = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "").trim().split(",");
    expect(header.slice(0, 12)).toEqual(["sku", "category", "price", "currency", "stock", "images", "name_en", "description_en", "origin_note_en", "name_fr", "description_fr", "origin_note_fr"]);
    expect(header).toContain("name_zh");

    const zip = await photosZip();
    // The imported products as the server stored them (its database, on this run's engine).
    const ofThisImport = and(eq(stores.slug, storeSlug), like(products.sku, "FR-IMP-%"));
    const storeProducts = () =>
      journey.server.db
        .select({ sku: products.sku, status: products.status, updatedAt: products.updatedAt })
        .from(products)
        .innerJoin(stores, eq(stores.id, products.storeId))
        .where(ofThisImport)
        .orderBy(products.sku);

    // Dry run with the two mistakes: both named by row and column, in French; nothing saved, nothing to confirm.
    await upload(page, fill(header, true), zip, false);
    await expect.poll(() => page.getByTestId("import-summary").textContent()).toContain("Lignes en erreur\u00a0: 2");
    const errorRows = page.locator('.import-rows tr[data-action="error"]');
    await expect.poll(() => errorRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row")))).toEqual(["6", "10"]);
    expect(await errorRows.nth(0).textContent()).toContain("Ligne 6, colonne C (price)");
    expect(await errorRows.nth(1).textContent()).toContain("Ligne 10, colonne B (category)");
    expect(await errorRows.nth(1).textContent()).toContain("Catégorie inconnue «\u00a0paniers\u00a0»");
    expect(await page.locator('.import-rows tr[data-action="create"]').count()).toBe(COUNT - 2);
    expect(await page.getByRole("button", { name: "Confirmer l’import" }).count()).toBe(0);
    expect(await storeProducts()).toEqual([]);

    // Corrected, published: 20 new, then confirmed.
    const fixed = fill(header, false);
    await upload(page, fixed, zip, true);
    await expect.poll(() => page.locator('.import-rows tr[data-action="create"]').count()).toBe(COUNT);
    expect(await storeProducts()).toEqual([]);
    await page.getByRole("button", { name: "Confirmer l’import" }).click();
    await page.waitForURL(/\?done=[a-f0-9]{32}$/);
    await expect.poll(() => page.getByTestId("import-done").textContent()).toContain("20 nouveaux, 0 mis à jour, 0 inchangés");
    const imported = await storeProducts();
    expect(imported.map((p) => p.status)).toEqual(Array(COUNT).fill("active"));

    // Live: the store's page shows all twenty, in French, with their photos.
    await page.getByRole("link", { name: "Voir la page de la boutique" }).click();
    await page.waitForURL(`**/fr/stores/${storeSlug}`);
    await page.locator(".store-page").waitFor();
    const names = await page.locator("main").textContent();
    for (let n = 1; n <= COUNT; n++) expect(names).toContain(`Panier tressé n° ${n}`);
    // Each with its photo, re-encoded as a single upload is.
    const photos = await journey.server.db
      .select({ url: productImages.url })
      .from(productImages)
      .innerJoin(products, eq(products.id, productImages.productId))
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(ofThisImport, eq(productImages.isCover, true)))
      .orderBy(productImages.id);
    expect(photos).toHaveLength(COUNT);
    for (const p of photos) expect(p.url).toMatch(/^\/uploads\/[a-f0-9]{32}-\d+\.webp$/);

    // The same file again: every row unchanged, and nothing in the store changes.
    await page.goto(`${base}/fr/dashboard/stores/${storeSlug}/products/import`);
    await waitForHydration(page);
    await upload(page, fixed, zip, true);
    await expect.poll(() => page.locator('.import-rows tr[data-action="unchanged"]').count()).toBe(COUNT);
    await page.getByRole("button", { name: "Confirmer l’import" }).click();
    await page.waitForURL(/\?done=[a-f0-9]{32}$/);
    await expect.poll(() => page.getByTestId("import-done").textContent()).toContain("0 nouveaux, 0 mis à jour, 20 inchangés");
    expect(await storeProducts()).toEqual(imported);

    expect(errors).toEqual([]);
    await context.close();
    // Five uploads of twenty photos (each photo encoded once, then reused), on a shared two-core machine.
  }, 240_000);
});
