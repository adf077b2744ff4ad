/**
 * Issue 18, point 2, in a real browser: from /organiser the organiser opens
 * the review queue by clicking, narrows it to a festival, and approves a deal
 * offer choosing who pays its discount. A shared discount without a share and a
 * share past the festival's subsidy budget (the upcoming festival's is 0) are
 * refused next to the choice, and the offer stays pending; with the store
 * paying, it is approved and the queue says who funds it.
 */
import { describe, expect, it } from "vitest";
import { setUpJourney, signInAsOrganiser, waitForHydration, watchForErrors } from "./harness";

const journey = setUpJourney();
const FESTIVAL = "new-year-gifts-festival";

describe("the organiser decides who funds a discount", () => {
  it("refuses a bad share and one past the budget beside the choice, then approves with the store paying", async () => {
    const context = await journey.browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await signInAsOrganiser(page, journey.server);
    await page.locator(".page-head").getByRole("link", { name: /Review queue/ }).click();
    await page.waitForURL((url) => url.pathname === "/organiser/review");
    await waitForHydration(page);
    await page.locator("[data-review-filters]").getByLabel("Festival").selectOption(FESTIVAL);
    await page.locator("[data-review-filters]").getByRole("button", { name: "Show" }).click();
    await page.waitForURL((url) => url.searchParams.get("festival") === FESTIVAL);
    await expect.poll(() => page.locator('[data-review^="deal-"]').count()).toBeGreaterThan(0);
    const key = (await page.locator('[data-review^="deal-"]').first().getAttribute("data-review"))!;
    const item = () => page.locator(`[data-review="${key}"]`);

    // Shared with no share given (the browser itself stops a number outside 1–99).
    await item().getByLabel("Shared").check();
    await item().getByRole("button", { name: "Approve", exact: true }).click();
    await expect.poll(() => item().locator("[data-funding-choice] .field-errors").first().textContent()).toContain("whole percentage from 1 to 99");

    // Shared at 40 %: past the festival's budget, refused with the amounts; still pending.
    await item().getByLabel("Shared").check();
    await item().getByLabel("Organiser's share").fill("40");
    await item().getByRole("button", { name: "Approve", exact: true }).click();
    await expect.poll(() => item().locator("[data-funding-choice]").textContent()).toContain("Nothing was approved.");
    expect(await item().locator("[data-budget-detail]").textContent()).toContain("Subsidy budget");
    expect(await item().getAttribute("data-status")).toBe("pending");

    // The store pays: approved, and the decided queue says so.
    await item().getByLabel("The store").check();
    await item().getByRole("button", { name: "Approve", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "approved");
    await page.goto(`${journey.server.url}/organiser/review?festival=${FESTIVAL}&status=approved`);
    await expect.poll(() => item().locator("[data-funding]").textContent()).toBe("Discount paid by the store");
    // The two refusals answer 400, which the browser logs; nothing else went wrong.
    expect(errors.filter((e) => e.includes("status of 400"))).toHaveLength(2);
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  }, 180_000);
});
