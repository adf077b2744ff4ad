/**
 * Bulk import with JavaScript off (issue 17, point 1; the design's "works
 * with JavaScript off"), in Arabic on a 390 px phone: the owner signs in,
 * opens the import page, sends a CSV and a ZIP of photos as plain multipart
 * form posts; the dry run names the broken row and column in Arabic and
 * offers nothing to confirm; the corrected file's dry run offers the
 * confirmation, whose post writes the products and redirects to the result.
 */
import { and, eq, like } from "drizzle-orm";
import { zipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { templateColumns, toCsv } from "~/modules/owner/import/columns";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { setUpJourney } from "./harness";

const journey = setUpJourney();
const { products, stores, users } = schema;

function rows(broken: boolean) {
  return [1, 2, 3].map((n) => ({
    sku: `AR-NOJS-${n}`,
    category: "crafts",
    price: broken && n === 2 ? "عشرون" : `${30 + n}.00`,
    currency: "USD",
    stock: String(4 + n),
    images: n === 1 ? "photos/bowl.jpg" : "",
    name_en: `Carved bowl no. ${n}`,
    description_en: `Bowl ${n}, carved by hand.`,
    name_ar: `وعاء منحوت رقم ${n}`,
    description_ar: `الوعاء ${n}، منحوت يدويًا.`,
  }));
}

describe("an owner imports products without JavaScript", () => {
  it("dry run with an error by row and column, then a clean dry run and its confirmation, as form posts in Arabic", async () => {
    // The server's database, on this run's engine: amina's first live store, and what the import wrote to it.
    const [store] = await journey.server.db
      .select({ slug: stores.slug })
      .from(stores)
      .innerJoin(users, eq(users.id, stores.ownerId))
      .where(and(eq(users.email, "amina@silkroad.example"), eq(stores.status, "live")))
      .orderBy(stores.id)
      .limit(1);
    const imported = () =>
      journey.server.db
        .select({ sku: products.sku, status: products.status, price: products.priceMinor })
        .from(products)
        .innerJoin(stores, eq(stores.id, products.storeId))
        .where(and(eq(stores.slug, store.slug), like(products.sku, "AR-NOJS-%")))
        .orderBy(products.sku);

    const context = await journey.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: "ar" });
    const page = await context.newPage();
    await page.goto(`${journey.server.url}/ar/login`);
    await page.locator('input[name="email"]').fill("amina@silkroad.example");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORDS.owner);
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await page.waitForURL("**/ar/dashboard");
    await page.goto(`${journey.server.url}/ar/dashboard/stores/${store.slug}/products/import`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");

    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 150, g: 90, b: 40 } } }).jpeg().toBuffer();
    const zip = Buffer.from(zipSync({ "photos/bowl.jpg": new Uint8Array(photo) }, { level: 0 }));
    const upload = async (broken: boolean) => {
      const table = Buffer.from(toCsv(templateColumns("ar"), rows(broken)), "utf8");
      await page.locator('.import-upload input[name="file"]').setInputFiles({ name: "منتجات.csv", mimeType: "text/csv", buffer: table });
      await page.locator('.import-upload input[name="photos"]').setInputFiles({ name: "photos.zip", mimeType: "application/zip", buffer: zip });
      await page.locator('.import-upload input[name="publish"]').check();
      await page.locator(".import-upload button[type=submit]").click();
      await page.locator(".import-result").waitFor();
    };

    // The broken file: the error names row 3 (the header is row 1), its column letter and name, in Arabic; nothing to confirm.
    await upload(true);
    const errorRow = page.locator('.import-rows tr[data-action="error"]');
    expect(await errorRow.count()).toBe(1);
    expect(await errorRow.getAttribute("data-row")).toBe("3");
    const message = (await errorRow.textContent()) ?? "";
    expect(message).toMatch(/[\u0600-\u06FF]/);
    expect(message).toContain("price");
    expect(message).not.toMatch(/owner\.(import\.)?errors\./);
    expect(await page.locator(".import-confirm").count()).toBe(0);
    expect(await imported()).toEqual([]);

    // The corrected file: three to create, and the confirmation form; still nothing written.
    await upload(false);
    expect(await page.locator('.import-rows tr[data-action="create"]').count()).toBe(3);
    expect(await imported()).toEqual([]);
    await page.locator(".import-confirm button[type=submit]").click();
    await page.waitForURL(/\/ar\/dashboard\/stores\/[^/]+\/products\/import\?done=[a-f0-9]{32}$/);
    expect(await page.locator('[data-testid="import-done"]').count()).toBe(1);
    expect(await imported()).toEqual([
      { sku: "AR-NOJS-1", status: "active", price: 3100 },
      { sku: "AR-NOJS-2", status: "active", price: 3200 },
      { sku: "AR-NOJS-3", status: "active", price: 3300 },
    ]);
    await context.close();
  }, 120_000);
});
