/**
 * The signed-in owner's own stores. Every query here takes the owner's id and
 * puts it in the WHERE clause, so another owner's rows cannot come back.
 */
import { randomBytes } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { LANGS, type Lang } from "../i18n/config";
import type { StoreApplication } from "./schemas";

export function listOwnedStores(ownerId: number, lang: Lang) {
  const t = alias(schema.storeTranslations, "t");
  const en = alias(schema.storeTranslations, "en");
  const productCounts = db
    .select({ storeId: schema.products.storeId, n: count().as("n") })
    .from(schema.products)
    .where(eq(schema.products.status, "active"))
    .groupBy(schema.products.storeId)
    .as("pc");
  return db
    .select({
      id: schema.stores.id,
      slug: schema.stores.slug,
      status: schema.stores.status,
      statusReason: schema.stores.statusReason,
      countryCode: schema.stores.countryCode,
      name: sql<string>`coalesce(${t.name}, ${en.name})`,
      products: sql<number>`coalesce(${productCounts.n}, 0)`,
    })
    .from(schema.stores)
    .innerJoin(en, and(eq(en.storeId, schema.stores.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.storeId, schema.stores.id), eq(t.lang, lang)))
    .leftJoin(productCounts, eq(productCounts.storeId, schema.stores.id))
    .where(eq(schema.stores.ownerId, ownerId))
    .orderBy(schema.stores.id)
    .all();
}

// ── Onboarding ────────────────────────────────────────────────────────────


/** One owned store's name in the page's language (English fallback), found through its owner. */
export function ownedStoreName(ownerId: number, storeId: number, lang: Lang): string | null {
  const t = alias(schema.storeTranslations, "t");
  const en = alias(schema.storeTranslations, "en");
  const row = db
    .select({ name: sql<string>`coalesce(${t.name}, ${en.name})` })
    .from(schema.stores)
    .innerJoin(en, and(eq(en.storeId, schema.stores.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.storeId, schema.stores.id), eq(t.lang, lang)))
    .where(and(eq(schema.stores.id, storeId), eq(schema.stores.ownerId, ownerId)))
    .get();
  return row?.name ?? null;
}

export function categoryIdBySlug(slug: string): number | null {
  return db.select({ id: schema.categories.id }).from(schema.categories).where(eq(schema.categories.slug, slug)).get()?.id ?? null;
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
export function applyWithStore(ownerId: number, input: StoreApplication, categoryId: number, now = Date.now()): string {
  const slug = `${slugify(input.name)}-${randomBytes(3).toString("hex")}`;
  db.transaction((tx) => {
    const store = tx
      .insert(schema.stores)
      .values({ slug, ownerId, countryCode: input.country, primaryCategoryId: categoryId, status: "pending", createdAt: new Date(now), updatedAt: new Date(now) })
      .returning({ id: schema.stores.id })
      .get();
    // Always an English row (the shop's fallback); other languages where a story was given.
    for (const lang of LANGS) {
      const story = input[`story_${lang}`]?.trim() ?? "";
      if (lang !== "en" && !story) continue;
      tx.insert(schema.storeTranslations).values({ storeId: store.id, lang, name: input.name, city: input.city, story }).run();
    }
  });
  return slug;
}

/** The owner's stores with the numbers the dashboard shows, all scoped by the owner. */
export function ownedStoreIds(ownerId: number): number[] {
  return db.select({ id: schema.stores.id }).from(schema.stores).where(eq(schema.stores.ownerId, ownerId)).all().map((r) => r.id);
}
