/**
 * The session form with JavaScript off: the organiser schedules a session
 * (a link that is not https first: the server's message beside the field,
 * and what was typed and ticked kept), then changes it and cancels it from
 * its edit page, every step a plain form post answered by a full page.
 */
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { toLocalInput } from "~/modules/festivals/clock";
import { LANGS } from "~/modules/i18n/config";
import { festivalOnSale, setUpJourney, signInAsOrganiser } from "./harness";

const journey = setUpJourney();
const HOUR = 3_600_000;

async function fillTexts(page: Page, title: string) {
  for (const lang of LANGS) {
    await page.locator(`input[name="title_${lang}"]`).fill(`${title} (${lang})`);
    await page.locator(`textarea[name="summary_${lang}"]`).fill(`About ${title}, ${lang}.`);
  }
}

describe("the session form without JavaScript", () => {
  it("schedules, refuses a bad link beside the field keeping the input, changes and cancels a session", async () => {
    const festival = (await festivalOnSale(journey.server, 12 * HOUR))!;
    const [product] = await journey.server.query<{ id: number }>(
      sql`SELECT d.product_id AS id FROM festival_deals d JOIN festival_enrolments e ON e.id = d.enrolment_id WHERE e.festival_id = ${festival.id} AND e.status = 'approved' AND d.status = 'approved' ORDER BY d.product_id LIMIT 1`,
    );
    const context = await journey.browser.newContext({
      javaScriptEnabled: false,
      locale: "en-GB",
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await signInAsOrganiser(page, journey.server, "/organiser", { javaScript: false });
    // No script ran: React never hydrated the page.
    expect(await page.locator("html[data-hydrated]").count()).toBe(0);
    await page.locator(`[data-festival="${festival.slug}"] [data-link="programme"]`).click();
    await page.waitForURL((url) => url.pathname === `/organiser/festivals/${festival.slug}/programme`);

    const start = Math.ceil((Date.now() + 3 * HOUR) / HOUR) * HOUR;
    const form = page.locator("form.session-form");
    await form.getByLabel("A named speaker").check();
    await form.locator('input[name="speakerName"]').fill("Abebe Bekele");
    await form.locator('select[name="channel"]').selectOption("lecture-hall");
    await form.locator('input[name="start"]').fill(toLocalInput(start, festival.timeZone));
    await form.locator('input[name="end"]').fill(toLocalInput(start + HOUR, festival.timeZone));
    await form.locator('input[name="watchUrl"]').fill("http://live.example.org/coffee");
    await form.locator(`input[name="product_${product.id}"]`).check();
    await fillTexts(page, "Coffee origins");
    await page.getByRole("button", { name: "Schedule the session" }).click();
    // The server answered (400): its message beside the link, everything typed and ticked still there.
    await page.waitForLoadState("load");
    await expect.poll(() => page.locator('[id$="watchUrl-error"]').textContent()).toContain("Enter a full https:// address.");
    expect(await form.locator('input[name="title_sw"]').inputValue()).toBe("Coffee origins (sw)");
    expect(await form.locator('input[name="speakerName"]').inputValue()).toBe("Abebe Bekele");
    expect(await form.locator('select[name="channel"]').inputValue()).toBe("lecture-hall");
    expect(await form.locator(`input[name="product_${product.id}"]`).isChecked()).toBe(true);
    expect(await journey.server.query(sql`SELECT id FROM festival_sessions WHERE festival_id = ${festival.id}`)).toHaveLength(0);

    await form.locator('input[name="watchUrl"]').fill("https://live.example.org/coffee");
    await page.getByRole("button", { name: "Schedule the session" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "scheduled");
    expect(await page.locator(".notice").textContent()).toBe("The session is scheduled.");
    const [{ id }] = await journey.server.query<{ id: number }>(sql`SELECT id FROM festival_sessions WHERE festival_id = ${festival.id}`);

    // Its edit page, by its link: the form comes filled in; move it an hour later.
    await page.locator(`[data-admin-session="${id}"] [data-link="edit-session"]`).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/programme/${id}`));
    const edit = page.locator("form.session-form");
    expect(await edit.locator('input[name="title_en"]').inputValue()).toBe("Coffee origins (en)");
    expect(await edit.locator(`input[name="product_${product.id}"]`).isChecked()).toBe(true);
    await edit.locator('input[name="start"]').fill(toLocalInput(start + HOUR, festival.timeZone));
    await edit.locator('input[name="end"]').fill(toLocalInput(start + 2 * HOUR, festival.timeZone));
    await edit.locator('input[name="title_en"]').fill("Coffee origins, later");
    await page.getByRole("button", { name: "Save the changes" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "updated");
    expect(await page.locator(".notice").textContent()).toBe("The session is updated.");
    expect(
      await journey.server.query<{ starts_at: number; title: string }>(
        sql`SELECT s.starts_at, t.title FROM festival_sessions s JOIN festival_session_translations t ON t.session_id = s.id AND t.lang = 'en' WHERE s.id = ${id}`,
      ),
    ).toEqual([{ starts_at: start + HOUR, title: "Coffee origins, later" }]);

    // Cancelled: first without a reason (the server says so), then with one.
    await page.locator(`[data-admin-session="${id}"] [data-link="edit-session"]`).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/programme/${id}`));
    await page.getByRole("button", { name: "Cancel this session" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => page.locator('[id$="reason-error"]').textContent()).toContain("Say why the session is cancelled");
    await page.getByLabel("Reason").fill("The speaker cannot travel.");
    await page.getByRole("button", { name: "Cancel this session" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "cancelled");
    expect(await page.locator(`[data-admin-session="${id}"] .state-pill`).textContent()).toBe("Cancelled");
    expect(await journey.server.query<{ status: string }>(sql`SELECT status FROM festival_sessions WHERE id = ${id}`)).toEqual([{ status: "cancelled" }]);
    await context.close();
  }, 120_000);
});
