/**
 * Issue 14, point 9, as the organiser does it, by clicking from /organiser:
 * duplicate last season's (ended) festival to new dates, pick its home time
 * zone from the list, rewrite it and save a draft in two languages, see
 * publishing refused with the four missing languages named, fill them in,
 * upload a banner, publish, and find the festival with its banner on the
 * public page.
 */
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { and, eq, exists, gte, notExists, sql, type SQL } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { schema } from "~/db.server";
import { setUpJourney, signInAsOrganiser, watchForErrors } from "./harness";

const uploadsDir = path.join(os.tmpdir(), `festival-banners-${crypto.randomUUID()}`);
const journey = setUpJourney({ UPLOADS_DIR: uploadsDir });

const NEW_TEXTS = {
  en: ["Coffee & Cocoa Week", "Single-origin coffee and cocoa from East and West Africa."],
  zh: ["咖啡与可可周", "来自东非和西非的单一产地咖啡与可可。"],
  fr: ["Semaine du café et du cacao", "Cafés et cacaos d’origine unique d’Afrique de l’Est et de l’Ouest."],
  ar: ["أسبوع القهوة والكاكاو", "قهوة وكاكاو من منشأ واحد من شرق أفريقيا وغربها."],
  pt: ["Semana do café e do cacau", "Café e cacau de origem única da África Oriental e Ocidental."],
  sw: ["Wiki ya kahawa na kakao", "Kahawa na kakao za asili moja kutoka Afrika Mashariki na Magharibi."],
} as const;

describe("an organiser sets up a festival from last season's", () => {
  it("duplicates, picks a zone, saves a two-language draft, is refused publishing, completes it, adds a banner and publishes", async () => {
    // A published festival whose phases have all ended.
    const [f, p] = [schema.festivals, schema.festivalPhases];
    const phases = (...also: SQL[]) => journey.server.db.select({ id: p.id }).from(p).where(and(eq(p.festivalId, f.id), ...also));
    const [past] = await journey.server.db
      .select({ slug: f.slug, id: f.id })
      .from(f)
      .where(and(eq(f.status, "published"), exists(phases()), notExists(phases(gte(p.endsAt, new Date())))))
      .orderBy(f.id)
      .limit(1);
    expect(past).toBeTruthy();
    const context = await journey.browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = watchForErrors(page);

    // ── Signed in at the console.
    await signInAsOrganiser(page, journey.server);

    // ── Duplicate the ended festival to next year.
    await page.locator(`[data-festival="${past.slug}"] [data-link="duplicate"]`).click();
    await page.waitForURL(`**/organiser/festivals/${past.slug}/edit#duplicate`);
    const year = new Date().getUTCFullYear() + 1;
    await page.locator("#duplicate-start").fill(`${year}-06-01`);
    await page.getByRole("button", { name: "Create the copy" }).click();
    await page.waitForURL("**/edit?saved=duplicated");
    const slug = /\/organiser\/festivals\/([^/]+)\/edit/.exec(new URL(page.url()).pathname)![1];
    expect(slug).not.toBe(past.slug);
    await expect.poll(() => page.locator(".notice").first().textContent()).toContain("Copy created as a draft");
    const [{ n: sourcePhases }] = await journey.server.query<{ n: number }>(sql`SELECT count(*) AS n FROM festival_phases WHERE festival_id = ${past.id}`);
    const [copy] = await journey.server.query<{ id: number; status: string }>(sql`SELECT id, status FROM festivals WHERE slug = ${slug}`);
    expect(copy.status).toBe("draft");
    expect(await journey.server.query(sql`SELECT count(*) AS n FROM festival_phases WHERE festival_id = ${copy.id}`)).toEqual([{ n: sourcePhases }]);

    // ── The home zone, from the list: its option names the zone and its offset.
    const zone = page.locator('select[name="timeZone"]');
    const nairobi = zone.locator('option[value="Africa/Nairobi"]');
    expect(await nairobi.textContent()).toMatch(/GMT\+3.*East Africa Time.*Africa\/Nairobi/);
    await zone.selectOption("Africa/Nairobi");

    // ── Rewritten for the new edition in English and Chinese; the other four are left for the translators.
    for (const lang of ["en", "zh"] as const) {
      await page.locator(`input[name="name_${lang}"]`).fill(NEW_TEXTS[lang][0]);
      await page.locator(`textarea[name="pitch_${lang}"]`).fill(NEW_TEXTS[lang][1]);
    }
    // (Pitch first: a pitch left without its name is refused next to the name.)
    for (const lang of ["fr", "ar", "pt", "sw"] as const) {
      await page.locator(`textarea[name="pitch_${lang}"]`).fill("");
      await page.locator(`input[name="name_${lang}"]`).fill("");
    }
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL("**/edit?saved=saved");
    await expect.poll(() => page.locator("[data-missing-languages]").textContent()).toBe(
      "Still missing before this festival can be published: Français, العربية, Português, and Kiswahili.",
    );
    expect(await journey.server.query(sql`SELECT time_zone AS zone FROM festivals WHERE id = ${copy.id}`)).toEqual([{ zone: "Africa/Nairobi" }]);
    expect(await journey.server.query(sql`SELECT count(*) AS n FROM festival_translations WHERE festival_id = ${copy.id}`)).toEqual([{ n: 2 }]);

    // ── Publishing is refused, naming the missing languages.
    await page.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => page.locator("[data-status-error]").textContent()).toBe("Not published: the name and pitch are missing in Français, العربية, Português, and Kiswahili.");
    expect(await journey.server.query(sql`SELECT status FROM festivals WHERE id = ${copy.id}`)).toEqual([{ status: "draft" }]);

    // ── The rest filled in.
    for (const lang of ["fr", "ar", "pt", "sw"] as const) {
      await page.locator(`input[name="name_${lang}"]`).fill(NEW_TEXTS[lang][0]);
      await page.locator(`textarea[name="pitch_${lang}"]`).fill(NEW_TEXTS[lang][1]);
    }
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL("**/edit?saved=saved");
    await expect.poll(() => page.locator("[data-missing-languages]").count()).toBe(0);

    // ── A banner: a wide photo, uploaded from the edit page.
    const photo = await sharp({ create: { width: 1600, height: 600, channels: 3, background: { r: 120, g: 70, b: 30 } } }).jpeg().toBuffer();
    await page.locator("#banner-upload").setInputFiles({ name: "coffee-banner.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByRole("button", { name: "Upload banner" }).click();
    await page.waitForURL("**/edit?saved=banner#banner");
    await expect.poll(() => page.locator(".festival-banner__image--preview").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // ── Published, and on the public page with its banner.
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL("**/edit?saved=published");
    await page.getByRole("link", { name: "Public page" }).click();
    await page.waitForURL(`**/festivals/${slug}`);
    await expect.poll(() => page.locator("h1").textContent()).toBe(NEW_TEXTS.en[0]);
    const banner = page.locator("img.festival-banner__image");
    await expect.poll(() => banner.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await banner.getAttribute("alt")).toBe(`Banner of ${NEW_TEXTS.en[0]}`);
    const box = await banner.evaluate((img) => ({ fit: getComputedStyle(img).objectFit, width: img.getBoundingClientRect().width, page: document.documentElement.scrollWidth }));
    expect(box.fit).toBe("cover");
    expect(box.width).toBeLessThanOrEqual(390);
    expect(box.page).toBeLessThanOrEqual(390);
    // The refused publish is answered 409, which the browser logs; nothing else went wrong.
    expect(errors.filter((e) => !e.includes("status of 409"))).toEqual([]);
    expect(errors.length).toBe(1);
    await context.close();
  }, 120_000);
});
