/**
 * Journey (issue #14's acceptance): a demo owner on a 390 px phone, in
 * Portuguese, by clicking: creates a product with two photos in one step,
 * previews it (private: another owner and a shopper get a 404, and the page is
 * never cached), publishes it, offers it at the festival whose registration is
 * open; the organiser, in a second browser, goes from /pt/organiser to the
 * review queue and approves it; the owner's dashboard shows the decision. A
 * shopper, in a third browser, buys it with the demo payment; the owner ships
 * the line with a carrier and tracking number from the orders page, and the
 * shopper's order page shows it shipped with that number.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { setUpJourney, waitForHydration, watchForErrors } from "./harness";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "owner-journey-uploads-"));
const journey = setUpJourney({ UPLOADS_DIR: uploads }, () => {
  fs.rmSync(uploads, { recursive: true, force: true });
});

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");
const PHONE = { width: 390, height: 844 };
const NAME = "Cesto de sisal Kiondo";

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: PHONE, locale: "pt-PT" });
  const page = await context.newPage();
  return { context, page, errors: watchForErrors(page) };
}

async function signIn(page: Page, email: string, password: string) {
  await waitForHydration(page); // a person reads the form first: no click lands half-way through hydration
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Palavra-passe", { exact: true }).fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
}

/** The page never reaches a shared cache: a preview is the owner's alone. */
const notShared = (cacheControl: string | null) => expect(cacheControl ?? "").toMatch(/private|no-store/);

describe("an owner lists, offers and ships in Portuguese on a phone", () => {
  it("creates with two photos, previews, publishes, offers a deal, sees it approved, and ships a shopper's order with tracking", async () => {
    const base = journey.server.url;
    const owner = await phone(journey.browser);
    const page = owner.page;

    // Sign in from the Portuguese home, by the footer's link.
    await page.goto(`${base}/pt`);
    await page.locator('a[href^="/pt/login"]').first().click();
    await page.waitForURL("**/pt/login**");
    await signIn(page, "amina@silkroad.example", DEMO_PASSWORDS.owner);
    await page.waitForURL("**/pt/dashboard");
    const panel = page.locator(".owner-panel").filter({ has: page.locator(".state-pill--live") }).first();
    const storeSlug = (await panel.getAttribute("data-store"))!;
    await panel.getByRole("link", { name: "Adicionar um produto" }).click();
    await page.waitForURL("**/products/new");
    await waitForHydration(page);

    // One step: the product and two photos in the same form.
    await page.getByLabel("Categoria", { exact: true }).selectOption("crafts");
    await page.getByLabel("Preço (dólares americanos)").fill("40.00");
    await page.getByLabel("Stock").fill("12");
    await page.getByLabel("Nome (English)").fill("Kiondo Sisal Basket");
    await page.getByLabel("Descrição (English)").fill("Woven by hand in Machakos from sisal and leather.");
    await page.locator(".owner-lang summary", { hasText: "Português" }).click();
    await page.getByLabel("Nome (Português)").fill(NAME);
    await page.getByLabel("Descrição (Português)").fill("Tecido **à mão** em Machakos, com sisal e couro.");
    await page.getByLabel("Fotografias (até 4)").setInputFiles([path.join(FIXTURES, "photo-4x3.png"), path.join(FIXTURES, "photo-3x4.jpg")]);
    await page.getByRole("button", { name: "Guardar rascunho" }).click();
    await page.waitForURL(/\/pt\/dashboard\/stores\/.+\/products\/\d+\?saved=1/);
    const productId = Number(/products\/(\d+)/.exec(page.url())![1]);

    // Both photos, in the order chosen, re-encoded; the first is the cover.
    const photos = page.locator(".owner-images li");
    await expect.poll(() => photos.count()).toBe(2);
    const [first, second] = await photos.locator("img").evaluateAll((imgs) => imgs.map((i) => [i.getAttribute("src"), (i as HTMLImageElement).width / (i as HTMLImageElement).height]));
    expect(first[0]).toMatch(/^\/uploads\/[a-f0-9]{32}-\d+\.webp$/);
    await expect.poll(() => photos.first().locator(".badge").count()).toBe(1);
    const images = schema.productImages;
    const stored = await journey.server.db
      .select({ width: images.width, height: images.height, position: images.position, cover: images.isCover })
      .from(images)
      .where(eq(images.productId, productId))
      .orderBy(images.position);
    expect(stored.map((s) => [s.width > s.height, s.position, s.cover])).toEqual([
      [true, 0, true],
      [false, 1, false],
    ]);
    expect(second[0]).not.toBe(first[0]);

    // Move the second photo up and back down, without leaving the page's flow.
    await page.getByRole("button", { name: "Subir a fotografia 2" }).click();
    await expect.poll(() => photos.first().locator("img").getAttribute("src")).toBe(second[0]);
    await page.getByRole("button", { name: "Descer a fotografia 1" }).click();
    await expect.poll(() => photos.first().locator("img").getAttribute("src")).toBe(first[0]);

    // The preview: the shop's page for a draft, marked, private, with both photos.
    await page.getByRole("link", { name: "Pré-visualizar a página na loja" }).click();
    await page.waitForURL(/\/preview$/);
    const previewUrl = page.url();
    await expect.poll(() => page.locator('[data-testid="preview-banner"] h2').textContent()).toBe("Pré-visualização");
    await expect.poll(() => page.locator("h1").textContent()).toBe(NAME);
    await expect.poll(() => page.locator(".gallery__slide img").count()).toBe(2);
    await expect.poll(() => page.locator(".gallery__thumbs a").count()).toBe(2);
    expect(await page.locator('[data-testid="add-to-cart"]').count()).toBe(0);
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    notShared((await page.request.get(previewUrl)).headers()["cache-control"]);
    // Nobody else reaches it: a shopper, and another owner.
    const stranger = await journey.browser.newContext();
    expect((await stranger.request.get(previewUrl, { maxRedirects: 0 })).status()).not.toBe(200);
    const other = await stranger.newPage();
    await other.goto(`${base}/pt/login`);
    await signIn(other, "kwame@silkroad.example", DEMO_PASSWORDS.owner);
    await other.waitForURL("**/pt/dashboard");
    expect((await other.request.get(previewUrl)).status()).toBe(404);
    await stranger.close();
    // Not in the shop yet.
    expect((await page.request.get(`${base}/pt/products/${await productSlug(productId)}`)).status()).toBe(404);

    // Publish from the preview.
    await page.getByRole("button", { name: "Publicar" }).click();
    await page.waitForURL(/status=publish/);
    await expect.poll(() => page.locator(".state-pill").first().textContent()).toBe("Publicado");

    // The dashboard's list: Portuguese and English filled, the rest marked missing.
    await page.locator(".breadcrumb a").first().click();
    await page.waitForURL("**/pt/dashboard");
    const row = page.locator(".owner-products tr", { hasText: NAME });
    await expect.poll(() => row.locator(".lang-status li[data-state=done]").evaluateAll((els) => els.map((e) => e.getAttribute("data-lang")))).toEqual(["en", "pt"]);
    await expect.poll(() => row.locator(".lang-status li[data-state=missing]").count()).toBe(4);

    // Offer it at the festival whose registration is open.
    await page.locator('[data-link="festivals"]').click();
    await page.waitForURL("**/pt/dashboard/festivals");
    const festivalSlug = await openFestival();
    const storeRow = page.locator(`[data-enrol="${festivalSlug}|${storeSlug}"]`);
    // A client-side navigation changes the address before React has rendered the page it leads to.
    await storeRow.waitFor();
    if (await storeRow.getByRole("button", { name: "Inscrever esta loja" }).count()) {
      await storeRow.getByRole("button", { name: "Inscrever esta loja" }).click();
      await page.waitForURL(/enrolled=1/);
    }
    await page.locator(`[data-enrol="${festivalSlug}|${storeSlug}"]`).getByRole("link", { name: "Ofertas" }).click();
    await page.waitForURL(`**/pt/dashboard/festivals/${festivalSlug}/${storeSlug}`);
    await waitForHydration(page);
    // The same discount for the ticked products: here, only the new one.
    const bulk = page.locator("form.bulk-offer");
    await bulk.locator("li", { hasText: NAME }).getByRole("checkbox").check();
    await bulk.getByLabel(`Stock reservado · ${NAME}`).fill("5");
    await bulk.getByLabel("Desconto em percentagem (de 1 a 90)").fill("25");
    await bulk.getByRole("button", { name: "Aplicar aos produtos marcados e enviar para revisão" }).click();
    await page.waitForURL(/saved=1/);
    const dealRow = page.locator("tr[data-deal-status]", { hasText: NAME });
    expect(await dealRow.getAttribute("data-deal-status")).toBe("pending");
    expect(await dealRow.locator(".price--deal").textContent()).toContain("30");

    // The organiser, in a browser of their own, approves from the console's review queue.
    const organiser = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "pt-PT" });
    const org = await organiser.newPage();
    const orgErrors = watchForErrors(org);
    await org.goto(`${base}/pt/organiser`);
    await org.waitForURL("**/pt/login**");
    await signIn(org, "organiser@silkroad.example", DEMO_PASSWORDS.organiser);
    await org.waitForURL("**/pt/organiser");
    await org.locator(`[data-festival="${festivalSlug}"] [data-link="applications"]`).click();
    await org.waitForURL(/\/pt\/organiser\/review\?festival=/);
    const approve = async (item: ReturnType<Page["locator"]>) => {
      await item.getByRole("button", { name: "Aprovar" }).click();
      await org.waitForLoadState("networkidle");
    };
    // The store's enrolment first, if it still waits, then the deal.
    const enrolmentItem = org.locator(".review-item[data-review^='enrolment']", { hasText: await storeName(storeSlug) });
    if (await enrolmentItem.count()) await approve(enrolmentItem.first());
    const dealItem = org.locator(".review-item", { hasText: NAME });
    await expect.poll(() => dealItem.count()).toBe(1);
    await approve(dealItem);
    await expect.poll(() => dealItem.count()).toBe(0);
    expect(orgErrors).toEqual([]);
    await organiser.close();

    // The owner's dashboard shows the organiser's decision on the offer.
    await page.locator(".area-head a, .breadcrumb a").first().click();
    await page.waitForURL("**/pt/dashboard/festivals");
    await page.locator(".area-head a, .breadcrumb a").first().click();
    await page.waitForURL("**/pt/dashboard");
    const offer = page.locator(`[data-store="${storeSlug}"] tr[data-offer-status]`, { hasText: NAME });
    await expect.poll(() => offer.getAttribute("data-offer-status")).toBe("approved");
    await expect.poll(() => offer.locator(".state-pill").textContent()).toBe("Aprovado");

    // A shopper, in a third browser, finds it in the store and pays with the demo provider.
    const shopper = await phone(journey.browser);
    const buyer = shopper.page;
    await buyer.goto(`${base}/pt/stores/${storeSlug}`);
    await buyer.getByRole("link", { name: NAME }).first().click();
    await buyer.waitForURL("**/pt/products/**");
    await waitForHydration(buyer);
    // The gallery: two photos, the thumbnails scroll the row without leaving the page.
    // (The click navigates in the page: the URL can change a moment before the product is drawn.)
    await expect.poll(() => buyer.locator(".gallery__slide img").count()).toBe(2);
    await buyer.getByRole("link", { name: "Ver a fotografia 2 de 2" }).click();
    await expect.poll(() => buyer.locator(".gallery__thumbs a[aria-current=true]").getAttribute("href")).toBe("#photo-2");
    await buyer.locator('[data-testid="add-to-cart"] button[type="submit"]').click();
    await expect.poll(() => buyer.locator('[data-testid="cart-count"]').textContent()).toBe("1");
    await buyer.locator('[data-testid="cart-link"]').click();
    await buyer.waitForURL("**/pt/cart");
    await buyer.locator('[data-testid="to-checkout"]').click();
    await buyer.waitForURL(/\/pt\/checkout/);
    await buyer.fill("#checkout-email", "joana.silva@example.com");
    // Luanda: the Portuguese pages' default destination.
    await buyer.fill("#checkout-name", "Joana Silva");
    await buyer.fill("#checkout-phone", "+244 923 456 789");
    await buyer.fill("#checkout-line1", "Rua Rainha Ginga 29");
    await buyer.fill("#checkout-city", "Luanda");
    await buyer.locator('[data-testid="place-order"]').click();
    await buyer.waitForURL("**/pt/pay/demo/**");
    await buyer.locator('[data-testid="demo-pay"]').click();
    await buyer.waitForURL("**/pt/orders/**");
    const orderUrl = buyer.url();
    const number = /SR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(orderUrl)![0];
    await expect.poll(() => buyer.locator('[data-testid="order-status"]').textContent()).toBe("Paga");
    await expect.poll(() => buyer.locator("[data-line-shipping]").evaluateAll((els) => els.map((e) => e.getAttribute("data-line-shipping")))).toEqual(["unshipped"]);

    // The owner ships the line from the orders page.
    await page.locator(`[data-store="${storeSlug}"]`).getByRole("link", { name: "Encomendas" }).click();
    await page.waitForURL(`**/pt/dashboard/stores/${storeSlug}/orders`);
    const [{ id: lineId }] = await journey.server.query<{ id: number }>(
      sql`SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.number = ${number} AND l.product_id = ${productId}`,
    );
    const line = page.locator(`#line-${lineId}`);
    await line.getByLabel("Transportadora").fill("CTT Expresso");
    await line.getByLabel("Número de rastreio").fill("EA123456789PT");
    await line.getByRole("button", { name: "Marcar como enviado" }).click();
    await page.waitForURL(/done=shipped/);

    // The shopper's order page shows the line shipped, with its tracking number.
    await buyer.reload();
    const shipped = buyer.locator('[data-line-shipping="shipped"]');
    await expect.poll(() => shipped.count()).toBe(1);
    expect(await shipped.textContent()).toContain("EA123456789PT");
    expect(await shipped.textContent()).toContain("CTT Expresso");

    expect(shopper.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
    await shopper.context.close();
    await owner.context.close();
  }, 180_000);
});

/** The seeded festival whose registration is open now (the upcoming one). */
async function openFestival(): Promise<string> {
  const { festivals, festivalPhases } = schema;
  const now = new Date();
  const [festival] = await journey.server.db
    .select({ slug: festivals.slug })
    .from(festivals)
    .innerJoin(festivalPhases, eq(festivalPhases.festivalId, festivals.id))
    .where(and(eq(festivalPhases.kind, "registration"), lte(festivalPhases.startsAt, now), gt(festivalPhases.endsAt, now)))
    .orderBy(festivals.id)
    .limit(1);
  return festival.slug;
}

async function productSlug(id: number): Promise<string> {
  const [product] = await journey.server.db.select({ slug: schema.products.slug }).from(schema.products).where(eq(schema.products.id, id));
  return product.slug;
}

/** The store's name as the Portuguese pages show it. */
async function storeName(slug: string): Promise<string> {
  const [store] = await journey.server.query<{ name: string }>(
    sql`SELECT coalesce(pt.name, en.name) AS name FROM stores s JOIN store_translations en ON en.store_id = s.id AND en.lang = 'en' LEFT JOIN store_translations pt ON pt.store_id = s.id AND pt.lang = 'pt' WHERE s.slug = ${slug}`,
  );
  return store.name;
}
