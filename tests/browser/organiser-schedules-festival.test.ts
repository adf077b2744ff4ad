/**
 * Journey, in French: the organiser creates and publishes a festival with a
 * warm-up and a main sale; a store owner enrols and offers a deal; the
 * organiser approves both. With the test clock inside the sale, the public
 * festival page shows the deal and its countdown, and a demo purchase in
 * another browser makes the page's counters move without a reload.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { toLocalInput } from "~/modules/festivals/clock";
import { setUpJourney, waitForHydration, watchForErrors } from "./harness";
import { timeZoneName } from "~/modules/i18n/format";

// Test mode with the test clock switched on (never available in production).
const journey = setUpJourney({ NODE_ENV: "test", TEST_CLOCK: "1" });

const HOUR = 3_600_000;
const ZONE = "Africa/Lagos";
const SLUG = "semaine-du-karite";

async function signIn(email: string, password: string) {
  const context = await journey.browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${journey.server.url}/fr/login`);
  // A person reads a page before using it: every click below waits for hydration, so none lands half-way
  // through it (a click then can be lost, and the wait for the next page times out under load).
  await waitForHydration(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  return { context, page, errors };
}

describe("an organiser schedules a festival (in French)", () => {
  it("creates, publishes, reviews an owner's deal, and the public page counts a purchase live", async () => {
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    // The sale runs from an hour ago for three days, so it is live both by the
    // test clock (set a day ahead below) and by the wall clock.
    const warmupStart = now - 2 * 24 * HOUR;
    const saleStart = now - HOUR;
    const saleEnd = now + 3 * 24 * HOUR;

    // ── The organiser creates the festival.
    const organiser = await signIn("organiser@silkroad.example", DEMO_PASSWORDS.organiser);
    const o = organiser.page;
    await o.goto(`${journey.server.url}/fr/organiser`);
    await waitForHydration(o);
    await o.getByRole("link", { name: "Nouveau festival" }).click();
    await o.waitForURL("**/fr/organiser/festivals/new");
    await waitForHydration(o);
    await expect.poll(() => o.locator("h1").textContent()).toBe("Nouveau festival");
    await o.locator('input[name="slug"]').fill(SLUG);
    await o.locator('select[name="timeZone"]').selectOption(ZONE);
    await o.locator('input[name="warmup_start"]').fill(toLocalInput(warmupStart, ZONE));
    await o.locator('input[name="warmup_end"]').fill(toLocalInput(saleStart, ZONE));
    await o.locator('input[name="sale_start"]').fill(toLocalInput(saleStart, ZONE));
    // First a mistake: the sale ends before it starts → a French message next to the field.
    await o.locator('input[name="sale_end"]').fill(toLocalInput(saleStart - HOUR, ZONE));
    await o.locator('input[name="targetOrders"]').fill("100");
    await o.locator('input[name="targetUnits"]').fill("300");
    await o.locator('input[name="targetGmv"]').fill("5000");
    const names: Record<string, [string, string]> = {
      en: ["Shea Week", "Shea butter and skin care from West Africa."],
      zh: ["乳木果周", "来自西非的乳木果油与护肤品。"],
      fr: ["Semaine du karité", "Beurre de karité et soins venus d’Afrique de l’Ouest."],
      ar: ["أسبوع الشيا", "زبدة الشيا ومنتجات العناية بالبشرة من غرب أفريقيا."],
      pt: ["Semana do karité", "Manteiga de karité e cuidados de pele da África Ocidental."],
      sw: ["Wiki ya shea", "Siagi ya shea na bidhaa za ngozi kutoka Afrika Magharibi."],
    };
    for (const [lang, [name, pitch]] of Object.entries(names)) {
      await o.locator(`input[name="name_${lang}"]`).fill(name);
      await o.locator(`textarea[name="pitch_${lang}"]`).fill(pitch);
    }
    await o.getByRole("button", { name: "Créer le festival" }).click();
    await expect.poll(() => o.locator('[id$="sale_end-error"]').textContent()).toContain("La fin doit être postérieure au début.");
    expect(await journey.server.query(sql`SELECT id FROM festivals WHERE slug = ${SLUG}`)).toHaveLength(0);
    await o.locator('input[name="sale_end"]').fill(toLocalInput(saleEnd, ZONE));
    await o.getByRole("button", { name: "Créer le festival" }).click();
    await o.waitForURL(`**/fr/organiser/festivals/${SLUG}/edit?saved=created`);
    await waitForHydration(o);
    await o.getByRole("button", { name: "Publier" }).click();
    await o.waitForURL("**?saved=published");
    await expect.poll(() => o.locator(".notice").textContent()).toContain("Festival publié");

    // ── An owner enrols a store and offers a deal.
    const [store] = await journey.server.query<{ id: number; slug: string }>(
      sql`SELECT s.id, s.slug FROM stores s JOIN users u ON u.id = s.owner_id WHERE u.email = 'amina@silkroad.example' AND s.status = 'live' ORDER BY s.id LIMIT 1`,
    );
    const [product] = await journey.server.query<{ id: number; slug: string; price_minor: number }>(
      sql`SELECT id, slug, price_minor FROM products WHERE store_id = ${store.id} AND status = 'active' AND stock >= 10 ORDER BY id LIMIT 1`,
    );
    const owner = await signIn("amina@silkroad.example", DEMO_PASSWORDS.owner);
    const w = owner.page;
    await w.goto(`${journey.server.url}/fr/dashboard/festivals`);
    await waitForHydration(w);
    await w.locator(`[data-enrol="${SLUG}|${store.slug}"] button[type="submit"]`).click();
    await w.waitForURL("**/fr/dashboard/festivals?enrolled=1");
    await waitForHydration(w);
    await w.locator(`[data-enrol="${SLUG}|${store.slug}"] a`).click();
    await w.waitForURL(`**/fr/dashboard/festivals/${SLUG}/${store.slug}`);
    await waitForHydration(w);
    await w.locator('select[name="product"]').selectOption(String(product.id));
    const dealMinor = Math.floor(product.price_minor * 0.6);
    // The one-product offer form (the page also has a form that offers many products at one discount).
    await w.locator("#deal-offer-dealPrice").fill((dealMinor / 100).toFixed(2));
    await w.locator("#deal-offer-committedStock").fill("5");
    await w.locator("#deal-offer-perCustomerLimit").fill("3");
    await w.getByRole("button", { name: "Envoyer pour examen", exact: true }).click();
    await w.waitForURL("**?saved=1");
    await expect.poll(() => w.locator('[data-deal-status="pending"]').count()).toBe(1);

    // ── The organiser approves the enrolment and the deal.
    const [ids] = await journey.server.query<{ enrolment: number; deal: number }>(
      sql`SELECT e.id AS enrolment, d.id AS deal FROM festival_enrolments e JOIN festivals f ON f.id = e.festival_id JOIN festival_deals d ON d.enrolment_id = e.id WHERE f.slug = ${SLUG} AND e.store_id = ${store.id}`,
    );
    await o.goto(`${journey.server.url}/fr/organiser/review`);
    await waitForHydration(o);
    await o.locator(`[data-review="enrolment-${ids.enrolment}"] button[value="approved"]`).click();
    await o.waitForURL("**/fr/organiser/review?done=approved");
    await waitForHydration(o);
    await o.locator(`[data-review="deal-${ids.deal}"] button[value="approved"]`).click();
    // The URL already reads ?done=approved from the first decision: wait for the second to be stored.
    await o.locator(`[data-review="deal-${ids.deal}"]`).waitFor({ state: "detached" });
    await expect.poll(() => journey.server.query(sql`SELECT status FROM festival_deals WHERE id = ${ids.deal}`)).toEqual([{ status: "approved" }]);
    await w.reload();
    await expect.poll(() => w.locator('[data-deal-status="approved"]').count()).toBe(1);

    // ── The test clock moves a day into the sale.
    const clockAt = now + 24 * HOUR;
    const set = await fetch(`${journey.server.url}/test-clock`, {
      method: "POST",
      headers: { Origin: journey.server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ at: new Date(clockAt).toISOString() }),
    });
    expect(set.status).toBe(200);

    // ── A shopper (phone) opens the public page: the deal and its countdown.
    const shopperContext = await journey.browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 844 } });
    const shopper = await shopperContext.newPage();
    const shopperErrors = watchForErrors(shopper);
    await shopper.goto(`${journey.server.url}/fr/festivals/${SLUG}`);
    await expect.poll(() => shopper.locator("h1#festival-title").textContent()).toBe("Semaine du karité");
    const card = shopper.locator(`[data-deal="${product.slug}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator(".deal-card__time").textContent()).toContain("L’offre se termine dans");
    expect(await card.locator("time.countdown").getAttribute("datetime")).toBe(new Date(saleEnd).toISOString());
    // Two days left by the test clock (three by the wall clock): the countdown follows the app's clock.
    await expect.poll(() => card.locator("time.countdown").textContent()).toMatch(/^(1\s?j 23\s?h|2\s?j)/);
    // The clock says what happens then and names the festival's zone in French, not by its IANA id.
    const clock = await shopper.locator(".festival-banner__clock").textContent();
    expect(clock).toContain(`Fin des soldes (${timeZoneName(ZONE, "fr")})`);
    expect(clock).toContain("Les soldes se terminent dans");
    expect(clock).not.toContain(ZONE);
    // With JavaScript the second time is in the viewer's own zone, and says so.
    await expect.poll(() => shopper.locator(".festival-banner__when").textContent()).toContain("Votre heure locale");
    const orders = shopper.locator(`[data-counters="${SLUG}"] [data-metric="orders"] .meter__value`);
    expect((await orders.textContent())?.trim()).toBe("0");

    // ── Another shopper buys the deal with the demo provider.
    const buyerContext = await journey.browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const buyer = await buyerContext.newPage();
    await buyer.goto(`${journey.server.url}/fr/products/${product.slug}`);
    await waitForHydration(buyer);
    await buyer.locator('[data-testid="add-to-cart"] button[type="submit"]').click();
    await expect.poll(() => buyer.locator('[data-testid="cart-count"]').textContent()).toBe("1");
    await buyer.goto(`${journey.server.url}/fr/checkout`);
    // Choosing the destination submits itself once the page is hydrated (without JavaScript, a button does).
    await waitForHydration(buyer);
    // The destination first: choosing it reloads the checkout with that country's address form and shipping.
    if ((await buyer.locator("#checkout-country").inputValue()) !== "FR") {
      await buyer.locator("#checkout-country").selectOption("FR");
      await buyer.waitForURL("**/fr/checkout?*ship=FR*");
    }
    await buyer.fill("#checkout-email", "awa.diop@example.com");
    await buyer.fill("#checkout-name", "Awa Diop");
    await buyer.fill("#checkout-phone", "+33 6 12 34 56 78");
    await buyer.fill("#checkout-line1", "12 rue de la République");
    await buyer.fill("#checkout-city", "Lyon");
    await buyer.locator('[data-testid="place-order"]').click();
    await buyer.waitForURL("**/fr/pay/demo/**");
    await buyer.locator('[data-testid="demo-pay"]').click();
    await buyer.waitForURL("**/fr/orders/**");
    const [line] = await journey.server.query<{ festival_id: number; unit: number }>(
      sql`SELECT l.festival_id, l.unit_price_base_minor AS unit FROM order_lines l JOIN festivals f ON f.id = l.festival_id WHERE f.slug = ${SLUG}`,
    );
    expect(line?.unit).toBe(dealMinor);

    // ── The open festival page's counters moved, without a reload.
    await expect.poll(() => orders.textContent(), { timeout: 15_000 }).toBe("1");
    expect(shopperErrors).toEqual([]);
    expect(organiser.errors).toEqual([]);
    expect(owner.errors).toEqual([]);
    await Promise.all([organiser.context.close(), owner.context.close(), shopperContext.close(), buyerContext.close()]);
  }, 120_000);
});
