/**
 * The signed-in owner's own stores. Every query here takes the owner's id and
 * puts it in the WHERE clause, so another owner's rows cannot come back.
 */
import { randomBytes } from "node:crypto";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact, type Tx } from "~/db.server";
import { isLang, LANGS, type Lang } from "../i18n/config";
import type { StoreApplication, StoreDetailsInput, StoreTranslationInput } from "./schemas";

export async function listOwnedStores(ownerId: number, lang: Lang) {
  const t = alias(schema.storeTranslations, "t");
  const en = alias(schema.storeTranslations, "en");
  const productCounts = db
    .select({ storeId: schema.products.storeId, n: count().as("n") })
    .from(schema.products)
    .where(eq(schema.products.status, "active"))
    .groupBy(schema.products.storeId)
    .as("pc");
  return await db
    .select({
      id: schema.stores.id,
      slug: schema.stores.slug,
      status: schema.stores.status,
      statusReason: schema.stores.statusReason,
      countryCode: schema.stores.countryCode,
      name: sql<string>`coalesce(${t.name}, ${en.name})`,
      products: sql<number>`coalesce(${productCounts.n}, 0)`.mapWith(Number),
    })
    .from(schema.stores)
    .innerJoin(en, and(eq(en.storeId, schema.stores.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.storeId, schema.stores.id), eq(t.lang, lang)))
    .leftJoin(productCounts, eq(productCounts.storeId, schema.stores.id))
    .where(eq(schema.stores.ownerId, ownerId))
    .orderBy(schema.stores.id);
}

// ── Onboarding ────────────────────────────────────────────────────────────

/** One owned store's name in the page's language (English fallback), found through its owner. */
export async function ownedStoreName(ownerId: number, storeId: number, lang: Lang): Promise<string | null> {
  const t = alias(schema.storeTranslations, "t");
  const en = alias(schema.storeTranslations, "en");
  const [row] = await db
    .select({ name: sql<string>`coalesce(${t.name}, ${en.name})` })
    .from(schema.stores)
    .innerJoin(en, and(eq(en.storeId, schema.stores.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.storeId, schema.stores.id), eq(t.lang, lang)))
    .where(and(eq(schema.stores.id, storeId), eq(schema.stores.ownerId, ownerId)))
    .limit(1);
  return row?.name ?? null;
}

export async function categoryIdBySlug(slug: string): Promise<number | null> {
  const [row] = await db.select({ id: schema.categories.id }).from(schema.categories).where(eq(schema.categories.slug, slug)).limit(1);
  return row?.id ?? null;
}

export function slugify(text: string): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return base || "item";
}

/** A new store for this owner, pending until an organiser approves it. Returns its slug. */
export async function applyWithStore(ownerId: number, input: StoreApplication, categoryId: number, now = Date.now()): Promise<string> {
  const slug = `${slugify(input.name)}-${randomBytes(3).toString("hex")}`;
  await transact(db, async (tx) => {
    const [store] = await tx
      .insert(schema.stores)
      .values({ slug, ownerId, countryCode: input.country, primaryCategoryId: categoryId, status: "pending", createdAt: new Date(now), updatedAt: new Date(now) })
      .returning({ id: schema.stores.id });
    // Always an English row (the shop's fallback); other languages where a story was given.
    for (const lang of LANGS) {
      const story = input[`story_${lang}`]?.trim() ?? "";
      if (lang !== "en" && !story) continue;
      await tx.insert(schema.storeTranslations).values({ storeId: store.id, lang, name: input.name, city: input.city, story });
    }
  });
  return slug;
}

// ── Store profile ─────────────────────────────────────────────────────────

export interface StoreText {
  name: string;
  city: string;
  tagline: string;
  story: string;
}

/** One owned store with its details and every language's text, found through its owner. */
export async function ownedStoreProfile(ownerId: number, storeId: number) {
  const { stores, categories, storeTranslations } = schema;
  const [store] = await db
    .select({
      id: stores.id,
      slug: stores.slug,
      status: stores.status,
      countryCode: stores.countryCode,
      foundedYear: stores.foundedYear,
      categorySlug: categories.slug,
      updatedAt: stores.updatedAt,
    })
    .from(stores)
    .leftJoin(categories, eq(categories.id, stores.primaryCategoryId))
    .where(and(eq(stores.id, storeId), eq(stores.ownerId, ownerId)))
    .limit(1);
  if (!store) return null;
  const translations: Partial<Record<Lang, StoreText>> = {};
  for (const r of await db.select().from(storeTranslations).where(eq(storeTranslations.storeId, store.id))) {
    if (isLang(r.lang)) translations[r.lang] = { name: r.name, city: r.city, tagline: r.tagline, story: r.story };
  }
  return { ...store, translations };
}

async function ownsStore(tx: Tx, ownerId: number, storeId: number) {
  const [store] = await tx
    .select({ status: schema.stores.status, countryCode: schema.stores.countryCode })
    .from(schema.stores)
    .where(and(eq(schema.stores.id, storeId), eq(schema.stores.ownerId, ownerId)))
    .limit(1);
  return store;
}

/** Whether a language other than `lang` still tells the store's story. */
async function storyElsewhere(tx: Tx, storeId: number, lang: Lang): Promise<boolean> {
  const t = schema.storeTranslations;
  const [row] = await tx.select({ n: count() }).from(t).where(and(eq(t.storeId, storeId), ne(t.lang, lang), sql`trim(${t.story}) <> ''`));
  return Boolean(row?.n);
}

async function touch(tx: Tx, ownerId: number, storeId: number, now: number) {
  await tx
    .update(schema.stores)
    .set({ updatedAt: new Date(now) })
    .where(and(eq(schema.stores.id, storeId), eq(schema.stores.ownerId, ownerId)));
}

export type DetailsOutcome = "saved" | "notFound" | "countryLocked";

/**
 * Category, founding year and (while the store awaits review) country.
 * The country is the store's origin: an organiser approves a store as a
 * producer from that country, and country pavilions and the campaign tracker
 * (stores live per country) count it there. So once a store has been reviewed
 * its country stays put; a move goes through the organisers. Before review,
 * the owner may still correct it.
 */
export function updateStoreDetails(ownerId: number, storeId: number, categoryId: number, input: StoreDetailsInput, now = Date.now()): Promise<DetailsOutcome> {
  return transact(db, async (tx) => {
    const current = await ownsStore(tx, ownerId, storeId);
    if (!current) return "notFound";
    const countryCode = input.country ?? current.countryCode;
    if (countryCode !== current.countryCode && current.status !== "pending") return "countryLocked";
    const changed = await tx
      .update(schema.stores)
      .set({ primaryCategoryId: categoryId, countryCode, foundedYear: input.foundedYear ?? null, updatedAt: new Date(now) })
      .where(and(eq(schema.stores.id, storeId), eq(schema.stores.ownerId, ownerId)))
      .returning({ id: schema.stores.id });
    return changed.length === 1 ? "saved" : "notFound";
  });
}

export type TranslationOutcome = "saved" | "notFound" | "storyRequired";

/**
 * Writes one language's text and touches no other language. The search index
 * follows by itself (store_translations' FTS triggers).
 */
export function saveStoreTranslation(ownerId: number, storeId: number, input: StoreTranslationInput, now = Date.now()): Promise<TranslationOutcome> {
  return transact(db, async (tx) => {
    if (!(await ownsStore(tx, ownerId, storeId))) return "notFound";
    const row = { name: input.name, city: input.city, tagline: input.tagline ?? "", story: input.story ?? "" };
    // Every store tells its story in at least one language (as when it applied).
    if (!row.story && !(await storyElsewhere(tx, storeId, input.language))) return "storyRequired";
    await tx
      .insert(schema.storeTranslations)
      .values({ storeId, lang: input.language, ...row })
      .onConflictDoUpdate({ target: [schema.storeTranslations.storeId, schema.storeTranslations.lang], set: row });
    await touch(tx, ownerId, storeId, now);
    return "saved";
  });
}

export type RemoveOutcome = "removed" | "notFound" | "storyRequired" | "englishRequired";

/** Drops one language's text, so shoppers reading it see the English, marked. English itself stays. */
export async function removeStoreTranslation(ownerId: number, storeId: number, lang: Lang, now = Date.now()): Promise<RemoveOutcome> {
  if (lang === "en") return "englishRequired";
  return transact(db, async (tx) => {
    if (!(await ownsStore(tx, ownerId, storeId))) return "notFound";
    const t = schema.storeTranslations;
    const [row] = await tx.select({ story: t.story }).from(t).where(and(eq(t.storeId, storeId), eq(t.lang, lang))).limit(1);
    if (!row) return "removed";
    if (row.story.trim() && !(await storyElsewhere(tx, storeId, lang))) return "storyRequired";
    await tx.delete(t).where(and(eq(t.storeId, storeId), eq(t.lang, lang)));
    await touch(tx, ownerId, storeId, now);
    return "removed";
  });
}
