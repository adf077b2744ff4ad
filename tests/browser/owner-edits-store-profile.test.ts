/**
 * Journey: a store owner on a phone signs in (the product list fits the
 * screen: no sideways scrolling), opens a store's profile from the dashboard,
 * picks Português, is told at once that a tagline is too long (the schema the
 * server uses, in the browser), saves a shorter one, and sees it on the public
 * store page in Portuguese, while the English page keeps its own tagline.
 * No console error and no CSP violation on the way.
 */
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpJourney, watchCsp, watchForErrors, waitForHydration } from "./harness";

const journey = setUpJourney();
const STORE = "bonwire-kente-weavers";

async function tagline(lang: string): Promise<string> {
  const [row] = await journey.server.query<{ tagline: string }>(
    sql`select t.tagline from store_translations t join stores s on s.id = t.store_id where s.slug = ${STORE} and t.lang = ${lang}`,
  );
  return row.tagline;
}

/** The page is no wider than the screen. */
const fitsTheScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("owner edits the store profile", () => {
  it("changes the Portuguese tagline and sees it on the Portuguese store page", async () => {
    const context = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    const csp = await watchCsp(page);
    const englishBefore = await tagline("en");
    const portugueseBefore = await tagline("pt");
    const wanted = "Kente tecido à mão em Bonwire, fio a fio, desde 1966.";
    expect(portugueseBefore).not.toBe(wanted);

    await page.goto(`${journey.server.url}/login`);
    await waitForHydration(page);
    await page.getByLabel("Email", { exact: true }).fill("kwame@silkroad.example");
    await page.getByLabel("Password", { exact: true }).fill("Owner-Demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/dashboard");
    const panel = page.locator(`.owner-panel[data-store="${STORE}"]`);
    await panel.waitFor();

    // On a phone each product is a readable card, and nothing scrolls sideways.
    expect(await fitsTheScreen(page)).toBe(true);
    const nameCell = panel.locator(".owner-products th[scope=row]").first();
    expect((await nameCell.boundingBox())!.width).toBeGreaterThan(250);

    await panel.getByRole("link", { name: "Edit store profile" }).click();
    await page.waitForURL(`**/dashboard/stores/${STORE}/profile`);
    await waitForHydration(page);
    await page.locator(".owner-lang-picker").waitFor();
    expect(await fitsTheScreen(page)).toBe(true);

    const portuguese = page.locator('.owner-lang-picker li[data-lang="pt"]');
    expect(await portuguese.getAttribute("data-state")).toBe("translated");
    await portuguese.getByRole("link").click();
    await page.waitForURL(/language=pt/);
    const field = page.getByLabel("Tagline (Português)");
    await expect.poll(() => field.inputValue()).toBe(portugueseBefore);

    // Instant feedback, next to the field.
    await field.fill("Kente tecido à mão em Bonwire. ".repeat(6));
    await page.getByLabel("Story (Português)").focus();
    await expect.poll(() => page.locator("#store-text-tagline-error").textContent()).toBe("The tagline is too long (140 characters at most).");
    expect(await field.getAttribute("aria-invalid")).toBe("true");

    await field.fill(wanted);
    await expect.poll(() => page.locator("#store-text-tagline-error").count()).toBe(0);
    await page.getByRole("button", { name: "Save the Português text" }).click();
    await page.waitForURL(/language=pt&saved=translation/);
    await expect.poll(() => page.locator(".notice").textContent()).toBe("Saved the Português text.");
    expect(await tagline("pt")).toBe(wanted);

    await page.getByRole("link", { name: "View the store page in Português" }).click();
    await page.waitForURL(`**/pt/stores/${STORE}`);
    // A client-side navigation: the URL changes a moment before the new page is drawn.
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("pt");
    await expect.poll(() => page.locator(".store-page__tagline").textContent()).toBe(wanted);

    await page.goto(`${journey.server.url}/stores/${STORE}`);
    expect(await page.locator(".store-page__tagline").textContent()).toBe(englishBefore);
    expect(await tagline("en")).toBe(englishBefore);

    expect(await csp()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
