/**
 * Issue 14, points 3, 5 and 6, as the user sees them:
 * - an owner's 4:3 photo is not stretched to the square on the shop's product
 *   page, and the chosen file is cleared once it is uploaded;
 * - in the review queue, a new validation error replaces the last decision's
 *   "Approved." notice;
 * - at 1280 px, a signed-in header keeps the cart (and the account links) on
 *   its one row, in several languages.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { setUpJourney, waitForHydration, watchForErrors } from "./harness";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "polish-uploads-"));
const journey = setUpJourney({ UPLOADS_DIR: uploads }, () => {
  fs.rmSync(uploads, { recursive: true, force: true });
});

async function signIn(email: string, password: string, width = 1280) {
  const context = await journey.browser.newContext({ locale: "en-GB", viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${journey.server.url}/login`);
  await waitForHydration(page); // a person reads the form first: no click lands half-way through hydration
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  return { context, page, errors };
}

/** The header's boxes: the cart must sit on the brand's row, the header must be one row, each account link one line. */
async function headerLayout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => el!.getBoundingClientRect();
    const header = box(document.querySelector(".site-header"));
    const brand = box(document.querySelector(".site-header .brand"));
    const cart = box(document.querySelector('[data-testid="cart-link"]'));
    const links = [...document.querySelectorAll(".account-links a, .account-links button")].map((el) => {
      const r = box(el);
      const line = parseFloat(getComputedStyle(el).lineHeight) || 24;
      return r.height <= line * 1.5;
    });
    return { oneRow: header.height < 90, cartOnBrandRow: Math.abs(cart.top + cart.height / 2 - (brand.top + brand.height / 2)) < 12, linksOnOneLine: links.length === 2 && links.every(Boolean) };
  });
}

describe("owner and organiser pages, as they look", () => {
  it("keeps the signed-in header on one row at 1280 px", async () => {
    for (const [email, password, home] of [
      ["organiser@silkroad.example", DEMO_PASSWORDS.organiser, "organiser"],
      ["amina@silkroad.example", DEMO_PASSWORDS.owner, "dashboard"],
    ] as const) {
      const { context, page } = await signIn(email, password);
      for (const prefix of ["", "/fr", "/sw", "/pt", "/ar", "/zh"]) {
        await page.goto(`${journey.server.url}${prefix}/${home}`);
        await waitForHydration(page);
        expect({ page: `${prefix}/${home}`, ...(await headerLayout(page)) }).toEqual({ page: `${prefix}/${home}`, oneRow: true, cartOnBrandRow: true, linksOnOneLine: true });
      }
      await context.close();
    }
  }, 120_000);

  it("shows a 4:3 photo whole on the product page, and clears the chosen file after the upload", async () => {
    const [product] = await journey.server.query<{ id: number; slug: string; store: string }>(
      sql`SELECT p.id, p.slug, s.slug AS store FROM products p JOIN stores s ON s.id = p.store_id JOIN users u ON u.id = s.owner_id WHERE u.email = 'amina@silkroad.example' AND s.status = 'live' AND p.status = 'active' ORDER BY p.id LIMIT 1`,
    );
    const { context, page, errors } = await signIn("amina@silkroad.example", DEMO_PASSWORDS.owner);
    await page.goto(`${journey.server.url}/dashboard/stores/${product.store}/products/${product.id}`);
    await waitForHydration(page);
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 110, b: 160 } } }).jpeg().toBuffer();
    const input = page.getByLabel("Choose a photo");
    await input.setInputFiles({ name: "basket.jpg", mimeType: "image/jpeg", buffer: photo });
    expect(await input.evaluate((el: HTMLInputElement) => el.files?.length)).toBe(1);
    await page.getByRole("button", { name: "Upload photo" }).click();
    await page.waitForURL(/uploaded=1/);
    await expect.poll(() => page.locator(".owner-note--ok").textContent()).toContain("Photo added.");
    // The file just sent is no longer chosen: uploading again needs a new choice.
    await expect.poll(() => page.getByLabel("Choose a photo").evaluate((el: HTMLInputElement) => el.files?.length ?? 0)).toBe(0);

    // Make it the cover, then look at the shop's product page.
    const count = await page.locator(".owner-images li").count();
    const coverButton = page.getByRole("button", { name: `Make photo ${count} the cover` });
    if (await coverButton.count()) {
      await coverButton.click();
      await expect.poll(() => page.locator(".owner-images li.is-cover img").getAttribute("src")).toMatch(/^\/uploads\//);
    }
    await page.goto(`${journey.server.url}/products/${product.slug}`);
    const img = page.locator(".product-page__media img").first();
    await expect.poll(() => img.getAttribute("src")).toMatch(/^\/uploads\//);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const shown = await img.evaluate((el: HTMLImageElement) => ({
      natural: el.naturalWidth / el.naturalHeight,
      box: el.clientWidth / el.clientHeight,
      fit: getComputedStyle(el).objectFit,
    }));
    expect(shown.natural).toBeCloseTo(4 / 3, 2);
    // The box is square; the photo keeps its shape inside it instead of being stretched.
    expect(shown.box).toBeCloseTo(1, 1);
    expect(["contain", "cover"]).toContain(shown.fit);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("drops the last decision's notice when a new validation error shows in the review queue", async () => {
    const { context, page, errors } = await signIn("organiser@silkroad.example", DEMO_PASSWORDS.organiser);
    await page.locator(".page-head").getByRole("link", { name: /Review queue/ }).click();
    await page.waitForURL("**/organiser/review");
    await waitForHydration(page);
    const first = page.locator("[data-review]").first();
    const firstKey = await first.getAttribute("data-review");
    await first.locator('button[value="approved"]').click();
    await page.waitForURL("**/organiser/review?done=approved");
    await expect.poll(() => page.locator(`[data-review="${firstKey}"]`).count()).toBe(0);
    await expect.poll(() => page.locator(".notice").textContent()).toBe("Approved.");

    // A rejection without a reason: the error shows beside the field, and "Approved." is gone.
    const next = page.locator("[data-review]").first();
    const nextKey = await next.getAttribute("data-review");
    await next.locator('button[value="rejected"]').click();
    await expect.poll(() => page.locator(`#reason-${nextKey}-error`).textContent()).toContain("Give the store a reason for the rejection.");
    expect(await page.locator(".notice").count()).toBe(0);
    // The refused post answers 400, which the browser logs; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  }, 120_000);
});
