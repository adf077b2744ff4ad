/**
 * The store profile, through the built app in-process (as owner.test.ts): an
 * owner edits a store's details and one language of its text at a time; bad
 * input gets the translated message next to its field and changes no row; the
 * other languages are kept; shopper search follows the new text at once; and
 * no other owner, organiser or anonymous visitor can read or change a profile.
 */
import { count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { LANGS, type Lang } from "~/modules/i18n/config";
import { tFor } from "~/modules/i18n/i18n.server";
import { parseQuery } from "~/modules/search/query";
import { searchIds } from "~/modules/search/search.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { hashOfRows, SEARCH_INDEX_ROWS, storesOf } from "./fixtures";
import { appHandler, Shopper } from "./http-client";

type Handler = Awaited<ReturnType<typeof appHandler>>;
type Store = typeof schema.stores.$inferSelect;
let handler: Handler;
const fatima = new Shopper();
const amina = new Shopper();
const organiser = new Shopper();
const anonymous = new Shopper();

const FATIMA = "fatima@silkroad.example";
const AMINA = "amina@silkroad.example";

async function signIn(who: Shopper, email: string, password: string) {
  const res = await who.post("/login", { email, password }, handler);
  expect(res.status, email).toBe(302);
}

const storeById = async (id: number) => (await db.select().from(schema.stores).where(eq(schema.stores.id, id)))[0];
const categoryId = async (slug: string) => (await db.select({ id: schema.categories.id }).from(schema.categories).where(eq(schema.categories.slug, slug)))[0].id;
const categorySlug = async (id: number | null) => (id === null ? "" : (await db.select({ slug: schema.categories.slug }).from(schema.categories).where(eq(schema.categories.id, id)))[0].slug);

async function textsOf(storeId: number): Promise<Partial<Record<Lang, typeof schema.storeTranslations.$inferSelect>>> {
  return Object.fromEntries((await db.select().from(schema.storeTranslations).where(eq(schema.storeTranslations.storeId, storeId))).map((r) => [r.lang, r]));
}

/** Every row a profile save could touch, search index included, hashed: a refused attempt must leave it equal. */
const snapshot = () => hashOfRows(["select * from stores order by id", "select * from store_translations order by store_id, lang", ...SEARCH_INDEX_ROWS]);

const profilePath = (slug: string, prefix = "") => `${prefix}/dashboard/stores/${slug}/profile`;
/** Where the page's forms post while one language is being edited. */
const editPath = (slug: string, language: Lang, prefix = "") => `${profilePath(slug, prefix)}?language=${language}`;

/** The text form as the page fills it for one language (what is stored), with changes. */
async function textForm(store: { id: number }, language: Lang, over: Record<string, string | number> = {}) {
  const row = (await textsOf(store.id))[language];
  return { store: store.id, intent: "translation", language, name: row?.name ?? "", city: row?.city ?? "", tagline: row?.tagline ?? "", story: row?.story ?? "", ...over };
}

async function detailsForm(store: Store, over: Record<string, string | number> = {}) {
  return { store: store.id, intent: "details", category: await categorySlug(store.primaryCategoryId), foundedYear: store.foundedYear ?? "", ...over };
}

const decode = (s: string) =>
  s.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The messages listed under one field (conform's ids: `<form id>-<field name>-error`). */
function fieldErrors(html: string, formId: string, name: string): string[] {
  const list = new RegExp(`<ul id="${formId}-${name}-error"[^>]*>([\\s\\S]*?)</ul>`).exec(html);
  return list ? [...list[1].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => decode(m[1])) : [];
}

/** The field itself says it is invalid and points at its message. */
function expectInvalidField(html: string, formId: string, name: string) {
  const tag = new RegExp(`<(input|textarea|select)\\b[^>]*\\bname="${name}"[^>]*>`).exec(html)?.[0];
  expect(tag, name).toBeTruthy();
  expect(tag, name).toContain('aria-invalid="true"');
  expect(tag, name).toMatch(new RegExp(`aria-describedby="[^"]*${formId}-${name}-error`));
}

beforeAll(async () => {
  handler = await appHandler();
  await signIn(fatima, FATIMA, DEMO_PASSWORDS.owner);
  await signIn(amina, AMINA, DEMO_PASSWORDS.owner);
  await signIn(organiser, "organiser@silkroad.example", DEMO_PASSWORDS.organiser);
});

describe("finding the profile", () => {
  it("is linked from the dashboard next to each of the owner's stores", async () => {
    const html = await (await fatima.get("/fr/dashboard", handler)).text();
    const own = await storesOf(FATIMA);
    expect(own.length).toBeGreaterThan(1);
    for (const s of own) expect(html).toContain(`href="/fr/dashboard/stores/${s.slug}/profile"`);
    for (const s of await storesOf(AMINA)) expect(html).not.toContain(`/dashboard/stores/${s.slug}/profile`);
    expect(html).toContain("Modifier le profil de la boutique");
  });

  it("shows the language being edited, filled from what is stored, and every language's status", async () => {
    const [store] = await storesOf(FATIMA);
    const sw = (await textsOf(store.id)).sw!;
    const res = await fatima.get(`${profilePath(store.slug, "/fr")}?language=sw`, handler);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const l of LANGS) expect(html).toContain(`data-lang="${l}" data-state="translated"`);
    expect(html).toMatch(/<a[^>]*aria-current="page"[^>]*href="[^"]*\?language=sw"|<a[^>]*href="[^"]*\?language=sw"[^>]*aria-current="page"/);
    expect(html).toContain("Texte en Kiswahili");
    expect(decode(html)).toContain(`value="${sw.tagline}"`);
    // An unknown language in the URL is not trusted: the page edits its own language.
    const odd = await fatima.get(`${profilePath(store.slug, "/fr")}?language=xx`, handler);
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain("Texte en Français");
  });

  it("has unique element ids, so every field belongs to its form", async () => {
    const [store] = await storesOf(FATIMA);
    const html = (await (await fatima.get(`${profilePath(store.slug)}?language=ar`, handler)).text()).replace(/<script\b[\s\S]*?<\/script>/g, "");
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const forms = new Set([...html.matchAll(/<form\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]));
    expect([...forms]).toEqual(expect.arrayContaining(["store-details", "store-text"]));
    for (const m of html.matchAll(/\sform="([^"]+)"/g)) expect(forms, m[0]).toContain(m[1]);
  });
});

describe("saving one language", () => {
  it("changes that language only; the shop shows it in that language and the others as before", async () => {
    const [store] = await storesOf(FATIMA);
    const before = await textsOf(store.id);
    const tagline = "Mafuta ya argan yaliyokamuliwa kwa mikono ya wanawake wa Souss.";
    const res = await fatima.post(editPath(store.slug, "sw", "/fr"), await textForm(store, "sw", { tagline }), handler);
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toBe(`/fr/dashboard/stores/${store.slug}/profile?language=sw&saved=translation`);
    expect(await (await fatima.get(location, handler)).text()).toContain("Texte en Kiswahili enregistré.");

    const after = await textsOf(store.id);
    expect(after.sw).toEqual({ ...before.sw, tagline });
    for (const l of LANGS.filter((x) => x !== "sw")) expect(after[l], l).toEqual(before[l]);
    expect((await storeById(store.id)).updatedAt.getTime()).toBeGreaterThanOrEqual(store.updatedAt.getTime());

    const swPage = await (await fatima.get(`/sw/stores/${store.slug}`, handler)).text();
    expect(swPage).toContain(tagline);
    const enPage = await (await fatima.get(`/stores/${store.slug}`, handler)).text();
    expect(decode(enPage)).toContain(before.en!.tagline);
    expect(enPage).not.toContain(tagline);
  });

  it("stores plain text: invisible control and direction-override characters go, spacing is tidied", async () => {
    const [, store] = await storesOf(FATIMA);
    const res = await fatima.post(
      profilePath(store.slug),
      await textForm(store, "pt", { name: "  Oficina\u202e dos   Curtidores\u0007 de Fez ", tagline: "Couro\u200b curtido\tà mão." }),
      handler,
    );
    expect(res.status).toBe(302);
    const pt = (await textsOf(store.id)).pt!;
    expect(pt.name).toBe("Oficina dos Curtidores de Fez");
    expect(pt.tagline).toBe("Couro curtido à mão.");
  });

  it("adds a language a store did not have, and the page says which are translated and which show English", async () => {
    const applied = await fatima.post(
      "/dashboard/stores/new",
      { name: "Dar Zellige Profil", country: "MA", city: "Fès", category: "crafts", story_fr: "Un atelier familial de zellige à Fès depuis trois générations." },
      handler,
    );
    expect(applied.status).toBe(302);
    const store = (await storesOf(FATIMA)).find((s) => s.slug.startsWith("dar-zellige-profil-"))!;
    const page = await (await fatima.get(`${profilePath(store.slug)}?language=pt`, handler)).text();
    for (const l of ["en", "fr"]) expect(page).toContain(`data-lang="${l}" data-state="translated"`);
    for (const l of ["zh", "ar", "pt", "sw"]) expect(page).toContain(`data-lang="${l}" data-state="missing"`);
    // A new language starts from the English city.
    expect(page).toMatch(/<input[^>]*name="city"[^>]*value="Fès"|<input[^>]*value="Fès"[^>]*name="city"/);

    const before = await textsOf(store.id);
    const res = await fatima.post(profilePath(store.slug), await textForm(store, "pt", { name: "Dar Zellige", city: "Fez", tagline: "Zellige feito à mão em Fez." }), handler);
    expect(res.status).toBe(302);
    const after = await textsOf(store.id);
    expect(after.pt).toMatchObject({ name: "Dar Zellige", city: "Fez", tagline: "Zellige feito à mão em Fez.", story: "" });
    expect(after.en).toEqual(before.en);
    expect(after.fr).toEqual(before.fr);
    expect(Object.keys(after).sort()).toEqual(["en", "fr", "pt"]);
    expect(await (await fatima.get(profilePath(store.slug), handler)).text()).toContain('data-lang="pt" data-state="translated"');
  });
});

describe("removing a language", () => {
  let store: Store;
  beforeAll(async () => {
    const res = await fatima.post(
      "/dashboard/stores/new",
      { name: "Maison Tadelakt", country: "MA", city: "Marrakech", category: "crafts", story_fr: "Des enduits de tadelakt polis à la main dans la médina de Marrakech." },
      handler,
    );
    expect(res.status).toBe(302);
    store = (await storesOf(FATIMA)).find((s) => s.slug.startsWith("maison-tadelakt-"))!;
  });

  it("never removes English, nor the only language that tells the story, and never empties the last story", async () => {
    const t = tFor("en");
    const before = await snapshot();
    const english = await fatima.post(profilePath(store.slug), { store: store.id, intent: "remove", language: "en" }, handler);
    expect(english.status).toBe(400);
    expect(decode(await english.text())).toContain(t("owner.errors.englishRequired"));
    const lastStory = await fatima.post(editPath(store.slug, "fr"), { store: store.id, intent: "remove", language: "fr" }, handler);
    expect(lastStory.status).toBe(400);
    expect(decode(await lastStory.text())).toContain(t("owner.errors.storyLastOne"));
    const emptied = await fatima.post(editPath(store.slug, "fr"), await textForm(store, "fr", { story: "" }), handler);
    expect(emptied.status).toBe(400);
    const html = await emptied.text();
    expect(fieldErrors(html, "store-text", "story")).toEqual([t("owner.errors.storyRequired")]);
    expectInvalidField(html, "store-text", "story");
    expect(await snapshot()).toBe(before);
  });

  it("removes a language once another tells the story; English and the rest stay", async () => {
    expect((await fatima.post(profilePath(store.slug), await textForm(store, "en", { story: "Tadelakt plaster, polished by hand in the Marrakech medina." }), handler)).status).toBe(302);
    const before = await textsOf(store.id);
    const res = await fatima.post(editPath(store.slug, "fr", "/fr"), { store: store.id, intent: "remove", language: "fr" }, handler);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/fr/dashboard/stores/${store.slug}/profile?language=fr&removed=1`);
    const after = await textsOf(store.id);
    expect(after.fr).toBeUndefined();
    expect(after.en).toEqual(before.en);
    // Removing what is already gone is not an error.
    expect((await fatima.post(profilePath(store.slug), { store: store.id, intent: "remove", language: "fr" }, handler)).status).toBe(302);
  });

  it("on a live store, the removed language shows the English text, marked as such", async () => {
    const [, live] = await storesOf(FATIMA);
    expect(live.status).toBe("live");
    const en = (await textsOf(live.id)).en!;
    expect((await fatima.post(profilePath(live.slug), { store: live.id, intent: "remove", language: "ar" }, handler)).status).toBe(302);
    const page = await (await fatima.get(`/ar/stores/${live.slug}`, handler)).text();
    expect(decode(page)).toContain(en.name);
    expect(page).toContain('class="fallback-note"');
  });
});

describe("store details", () => {
  it("saves category and founding year; a reviewed store keeps its country", async () => {
    const [store] = await storesOf(FATIMA);
    expect(store.status).toBe("live");
    const ok = await fatima.post(editPath(store.slug, "pt"), await detailsForm(store, { category: "beauty", foundedYear: "1999" }), handler);
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe(`/dashboard/stores/${store.slug}/profile?language=pt&saved=details`);
    expect(await storeById(store.id)).toMatchObject({ primaryCategoryId: await categoryId("beauty"), foundedYear: 1999, countryCode: store.countryCode });
    expect(decode(await (await fatima.get(`/stores/${store.slug}`, handler)).text())).toContain(tFor("en")("store.founded", { year: 1999 }));

    const before = await snapshot();
    const moved = await fatima.post(profilePath(store.slug, "/fr"), await detailsForm(await storeById(store.id), { country: "TN" }), handler);
    expect(moved.status).toBe(400);
    expect(fieldErrors(await moved.text(), "store-details", "country")).toEqual([tFor("fr")("owner.errors.countryLocked")]);
    expect(await snapshot()).toBe(before);
    // Sending the country it already has is fine; an emptied year clears it.
    expect((await fatima.post(profilePath(store.slug), await detailsForm(await storeById(store.id), { country: store.countryCode, foundedYear: "" }), handler)).status).toBe(302);
    expect((await storeById(store.id)).foundedYear).toBeNull();
  });

  it("lets a store awaiting review correct its country", async () => {
    const res = await fatima.post(
      "/dashboard/stores/new",
      { name: "Atelier Kairouan", country: "MA", city: "Kairouan", category: "textiles", story_fr: "Des tapis noués à la main à Kairouan, de mère en fille." },
      handler,
    );
    expect(res.status).toBe(302);
    const store = (await storesOf(FATIMA)).find((s) => s.slug.startsWith("atelier-kairouan-"))!;
    expect(store.status).toBe("pending");
    const page = await (await fatima.get(profilePath(store.slug), handler)).text();
    expect(page).toMatch(/<select[^>]*name="country"/);
    expect((await fatima.post(profilePath(store.slug), await detailsForm(store, { country: "TN" }), handler)).status).toBe(302);
    expect((await storeById(store.id)).countryCode).toBe("TN");
  });
});

describe("bad input", () => {
  for (const lang of LANGS) {
    it(`${lang}: each message sits next to its field, in the page's language, and nothing changes`, async () => {
      const t = tFor(lang);
      const prefix = lang === "en" ? "" : `/${lang}`;
      const [store] = await storesOf(FATIMA);
      const before = await snapshot();

      const text = await fatima.post(editPath(store.slug, "fr", prefix), await textForm(store, "fr", { name: "", city: "x", tagline: "Très belle huile ".repeat(10), story: "Trop court" }), handler);
      expect(text.status).toBe(400);
      const html = await text.text();
      expect(fieldErrors(html, "store-text", "name")).toEqual([t("owner.errors.storeNameRequired")]);
      expect(fieldErrors(html, "store-text", "city")).toEqual([t("owner.errors.cityRequired")]);
      expect(fieldErrors(html, "store-text", "tagline")).toEqual([t("owner.errors.taglineTooLong")]);
      expect(fieldErrors(html, "store-text", "story")).toEqual([t("owner.errors.storyTooShort")]);
      for (const name of ["name", "city", "tagline", "story"]) expectInvalidField(html, "store-text", name);
      // What the owner typed is still in the form.
      expect(html).toMatch(/<textarea[^>]*name="story"[^>]*>Trop court<\/textarea>/);
      // No raw key reaches what is shown (the hydration data may carry the keys; it is not shown).
      expect(html.replace(/<script\b[\s\S]*?<\/script>/g, "")).not.toContain("owner.errors.");

      const year = await fatima.post(profilePath(store.slug, prefix), await detailsForm(store, { foundedYear: "MCMXC" }), handler);
      expect(year.status).toBe(400);
      const yearHtml = await year.text();
      expect(fieldErrors(yearHtml, "store-details", "foundedYear")).toEqual([t("owner.errors.foundedYearInvalid")]);
      expectInvalidField(yearHtml, "store-details", "foundedYear");
      const future = await fatima.post(profilePath(store.slug, prefix), await detailsForm(store, { foundedYear: String(new Date().getUTCFullYear() + 1) }), handler);
      expect(fieldErrors(await future.text(), "store-details", "foundedYear")).toEqual([t("owner.errors.foundedYearInvalid")]);

      const category = await fatima.post(profilePath(store.slug, prefix), await detailsForm(store, { category: "not-a-category" }), handler);
      expect(category.status).toBe(400);
      expect(fieldErrors(await category.text(), "store-details", "category")).toEqual([t("owner.errors.categoryRequired")]);

      const language = await fatima.post(editPath(store.slug, "fr", prefix), await textForm(store, "fr", { language: "xx" }), handler);
      expect(language.status).toBe(400);
      expect(fieldErrors(await language.text(), "store-text", "language")).toEqual([t("owner.errors.languageInvalid")]);

      const intent = await fatima.post(editPath(store.slug, "fr", prefix), await textForm(store, "fr", { intent: "publish" }), handler);
      expect(intent.status).toBe(400);
      expect(decode(await intent.text())).toContain(t("owner.errors.intentInvalid"));

      expect(await snapshot()).toBe(before);
    });
  }
});

describe("search", () => {
  const storeHits = async (q: string) => (await searchIds("store", parseQuery(q))).ids;

  it("finds a store by its new text at once, in Latin and Chinese script, and no longer by the old", async () => {
    const [, store] = await storesOf(FATIMA);
    expect(await storeHits("velvetquorum")).not.toContain(store.id);
    expect((await fatima.post(profilePath(store.slug), await textForm(store, "fr", { tagline: "Cuir tanné à la main, façon Velvetquorum." }), handler)).status).toBe(302);
    expect(await storeHits("velvetquorum")).toContain(store.id);
    const results = await (await anonymous.get("/fr/search?q=velvetquorum", handler)).text();
    expect(results).toContain(`href="/fr/stores/${store.slug}"`);

    expect((await fatima.post(profilePath(store.slug), await textForm(store, "fr", { tagline: "Cuir tanné à la main, façon Amberquillon." }), handler)).status).toBe(302);
    expect(await storeHits("velvetquorum")).not.toContain(store.id);
    expect(await storeHits("amberquillon")).toContain(store.id);

    expect(await storeHits("驼铃")).not.toContain(store.id);
    expect((await fatima.post(profilePath(store.slug), await textForm(store, "zh", { tagline: "非斯手工鞣制皮革，驼铃声中的老作坊。" }), handler)).status).toBe(302);
    expect(await storeHits("驼铃")).toContain(store.id);
    expect(await (await anonymous.get(`/zh/search?q=${encodeURIComponent("驼铃")}`, handler)).text()).toContain(`href="/zh/stores/${store.slug}"`);
  });
});

describe("isolation", () => {
  it("another owner's store, in the URL or in the hidden field, is not found, and changes no row", async () => {
    const own = (await storesOf(FATIMA)).filter((s) => s.status === "live");
    const foreign = await storesOf(AMINA);
    expect(own.length).toBeGreaterThan(1);
    expect(foreign.length).toBeGreaterThan(0);
    // Amina can use her own profile page: the refusals below are about ownership, not a broken page.
    expect((await amina.get(profilePath(foreign[0].slug), handler)).status).toBe(200);

    const before = await snapshot();
    const counts: Record<string, number> = {};
    const refused = (kind: string, res: Response) => {
      counts[kind] = (counts[kind] ?? 0) + 1;
      expect([403, 404], kind).toContain(res.status);
    };
    const bodies = async (target: Store, claimed: Store) => [
      await textForm(target, "fr", { store: claimed.id, tagline: "Hijacked" }),
      await detailsForm(target, { store: claimed.id, category: "coffee", foundedYear: "1900" }),
      { store: claimed.id, intent: "remove", language: "zh" },
    ];
    for (const prefix of ["", "/fr", "/ar", "/zh", "/pt", "/sw"]) {
      for (const [i, theirs] of foreign.entries()) {
        const mine = own[i % own.length];
        refused("foreign URL: GET", await fatima.get(`${profilePath(theirs.slug, prefix)}?language=fr`, handler));
        for (const body of await bodies(theirs, theirs)) refused("foreign URL, foreign hidden id", await fatima.post(profilePath(theirs.slug, prefix), body, handler));
        for (const body of await bodies(mine, theirs)) refused("own URL, foreign hidden id", await fatima.post(profilePath(mine.slug, prefix), body, handler));
        for (const body of await bodies(theirs, mine)) refused("foreign URL, own hidden id", await fatima.post(profilePath(theirs.slug, prefix), body, handler));
      }
      // Two of her own stores swapped, and a form naming no store at all.
      for (const body of await bodies(own[0], own[1])) refused("own URL, other own hidden id", await fatima.post(profilePath(own[0].slug, prefix), body, handler));
      const { store: _dropped, ...unnamed } = await textForm(own[0], "fr", { tagline: "No store named" });
      refused("no hidden id", await fatima.post(profilePath(own[0].slug, prefix), unnamed, handler));
      refused("unknown store", await fatima.get(profilePath("no-such-store", prefix), handler));
    }
    for (const [kind, n] of Object.entries(counts)) expect(n, kind).toBeGreaterThanOrEqual(6);

    // The organiser is not an owner; an anonymous visitor is sent to sign in.
    const [store] = own;
    expect((await organiser.get(profilePath(store.slug), handler)).status).toBe(403);
    expect((await organiser.post(profilePath(store.slug), await textForm(store, "fr", { tagline: "Organiser" }), handler)).status).toBe(403);
    const anonGet = await anonymous.get(profilePath(store.slug, "/fr"), handler);
    expect(anonGet.status).toBe(302);
    expect(anonGet.headers.get("Location")).toBe(`/fr/login?redirectTo=${encodeURIComponent(profilePath(store.slug, "/fr"))}`);
    const anonPost = await anonymous.post(profilePath(store.slug), await textForm(store, "fr", { tagline: "Anonymous" }), handler);
    expect(anonPost.status).toBe(302);
    expect(anonPost.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);

    expect(await snapshot()).toBe(before);
    const [{ n: hijacked }] = await db.select({ n: count() }).from(schema.storeTranslations).where(inArray(schema.storeTranslations.tagline, ["Hijacked", "Organiser", "Anonymous", "No store named"]));
    expect(hijacked).toBe(0);
  }, 120_000);
});
