/**
 * Issue 14, point 10, in a real browser. The organiser starts at /organiser,
 * opens the review queue by clicking, filters it by a festival and a country
 * with the filter form, ticks several deal offers, rejects them at once with
 * one reason; then the owner of those offers signs in and reads the decision
 * and the reason on her dashboard.
 */
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { setUpJourney, signInAsOrganiser, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();
const FESTIVAL = "new-year-gifts-festival";
const REASON = "Please offer at least 15% off for the New Year sale, and resubmit.";

describe("the organiser reviews offers in bulk", () => {
  it("filters by festival and country, rejects several offers with one reason, and the owner reads it", async () => {
    const organiser = await journey.browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const page = await organiser.newPage();
    const errors = watchForErrors(page);
    await signInAsOrganiser(page, journey.server);

    await page.locator(".page-head").getByRole("link", { name: /Review queue/ }).click();
    await page.waitForURL((url) => url.pathname === "/organiser/review");
    await waitForHydration(page);
    // The seeded queue is not empty: wait for it to be on the page before counting it.
    await expect.poll(() => page.locator("[data-review]").count()).toBeGreaterThan(0);
    const unfiltered = await page.locator("[data-review]").count();

    // The filter form: a festival and a country, then "Show".
    const filters = page.locator("[data-review-filters]");
    await filters.getByLabel("Festival").selectOption(FESTIVAL);
    await filters.getByLabel("Country").selectOption("KE");
    await filters.getByRole("button", { name: "Show" }).click();
    await page.waitForURL((url) => url.searchParams.get("festival") === FESTIVAL && url.searchParams.get("country") === "KE");
    await expect.poll(() => page.locator("h1").textContent()).toContain("New Year Gifts Festival");
    const kenyan = page.locator('[data-review^="deal-"]');
    await expect.poll(() => kenyan.count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator("[data-review]").count()).toBeLessThan(unfiltered);
    for (const h of await page.locator("[data-review] h2 small").allTextContents()) expect(h).toContain("Kenya");

    // Three offers ticked, one reason, one click.
    const picked: string[] = [];
    for (let i = 0; i < 3; i++) {
      const item = kenyan.nth(i);
      picked.push((await item.getAttribute("data-review"))!);
      await item.locator("input[data-pick]").check();
    }
    const bulk = page.locator("[data-review-bulk]");
    await bulk.getByLabel(/Reason/).fill(REASON);
    await bulk.getByRole("button", { name: "Reject selected" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "rejected" && url.searchParams.get("count") === "3");
    await expect.poll(() => page.locator(".notice").textContent()).toBe("Rejected: 3; the owners will see your reason.");
    // They have left the pending queue, and the filters are kept.
    for (const key of picked) expect(await page.locator(`[data-review="${key}"]`).count()).toBe(0);
    expect(await filters.getByLabel("Country").inputValue()).toBe("KE");
    expect(errors).toEqual([]);
    await organiser.close();

    // The owner, on a phone, sees each decision with its reason on her dashboard.
    const owner = await journey.browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
    const phone = await owner.newPage();
    const ownerErrors = watchForErrors(phone);
    await phone.goto(`${journey.server.url}/login`);
    await waitForHydration(phone); // a person reads the form first: no click lands half-way through hydration
    await phone.locator('input[name="email"]').fill("amina@silkroad.example");
    await phone.locator('input[name="password"]').fill(DEMO_PASSWORDS.owner);
    await phone.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await phone.waitForURL((url) => url.pathname.endsWith("/dashboard"));
    for (const key of picked) {
      const row = phone.locator(`[data-offer="${key.replace("deal-", "")}"]`);
      await expect.poll(() => row.getAttribute("data-offer-status")).toBe("rejected");
      expect(await row.locator("[data-offer-reason]").textContent()).toBe(REASON);
    }
    expect(ownerErrors).toEqual([]);
    await owner.close();
  }, 180_000);
});
