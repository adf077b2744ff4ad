/**
 * The owner's products. Every function takes the signed-in owner's id and
 * finds rows through `stores.owner_id` in the same query, so an id from the
 * URL or a hidden field is never trusted on its own.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { LANGS, type Lang } from "../i18n/config";
import { BASE_CURRENCY } from "../money/money";
import { LOW_STOCK, parsePriceToMinor, type ProductInput } from "./schemas";
import { nextStatus, type ProductIntent, type ProductStatus } from "./status";
import { randomBytes } from "node:crypto";
import { slugify } from "./stores.server";
import type { StoredImage } from "../uploads/images.server";

const { products, stores, productTranslations } = schema;

/** The product only if it belongs to this store and the store to this owner. */
export function findOwnedProduct(ownerId: number, storeId: number, productId: number) {
  if (!Number.isSafeInteger(productId) || productId <= 0) return null;
  return (
    db
      .select({ product: products })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(eq(products.id, productId), eq(products.storeId, storeId), eq(stores.ownerId, ownerId)))
      .get()?.product ?? null
  );
}

export interface DashboardProduct {
  id: number;
  storeId: number;
  name: string;
  status: ProductStatus;
  stock: number;
  priceMinor: number;
  lowStock: boolean;
  /** Languages with a name. */
  languages: Lang[];
  /** Languages with a name and a description (the rest of the named ones show the English description). */
  described: Lang[];
}

/** Products of the owner's stores, with the languages each has named and described. */
export function ownerProducts(ownerId: number, lang: Lang): DashboardProduct[] {
  const t = alias(productTranslations, "t");
  const en = alias(productTranslations, "en");
  const rows = db
    .select({
      id: products.id,
      storeId: products.storeId,
      status: products.status,
      stock: products.stock,
      priceMinor: products.priceMinor,
      name: sql<string>`coalesce(${t.name}, ${en.name}, ${products.slug})`,
    })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .leftJoin(en, and(eq(en.productId, products.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.productId, products.id), eq(t.lang, lang)))
    .where(eq(stores.ownerId, ownerId))
    .orderBy(asc(products.storeId), sql`${products.status} = 'archived'`, asc(products.id))
    .all();
  const ids = rows.map((r) => r.id);
  const named = new Map<number, Set<string>>();
  const described = new Map<number, Set<string>>();
  if (ids.length) {
    for (const r of db
      .select({
        productId: productTranslations.productId,
        lang: productTranslations.lang,
        described: sql<number>`trim(${productTranslations.description}) <> ''`,
      })
      .from(productTranslations)
      .where(and(inArray(productTranslations.productId, ids), sql`trim(${productTranslations.name}) <> ''`))
      .all()) {
      named.set(r.productId, (named.get(r.productId) ?? new Set()).add(r.lang));
      if (r.described) described.set(r.productId, (described.get(r.productId) ?? new Set()).add(r.lang));
    }
  }
  return rows.map((r) => ({
    ...r,
    status: r.status,
    lowStock: r.status !== "archived" && r.stock <= LOW_STOCK,
    languages: LANGS.filter((l) => named.get(r.id)?.has(l)),
    described: LANGS.filter((l) => described.get(r.id)?.has(l)),
  }));
}

/** Form values for editing: every language's fields, flat, as the form names them. */
export function productFormValues(ownerId: number, storeId: number, productId: number) {
  const product = findOwnedProduct(ownerId, storeId, productId);
  if (!product) return null;
  const category = db.select({ slug: schema.categories.slug }).from(schema.categories).where(eq(schema.categories.id, product.categoryId)).get();
  const values: Record<string, string> = {
    category: category?.slug ?? "",
    price: `${Math.floor(product.priceMinor / 100)}.${String(product.priceMinor % 100).padStart(2, "0")}`,
    stock: String(product.stock),
  };
  for (const tr of db.select().from(productTranslations).where(eq(productTranslations.productId, product.id)).all()) {
    values[`name_${tr.lang}`] = tr.name;
    values[`description_${tr.lang}`] = tr.description;
    values[`originNote_${tr.lang}`] = tr.originNote;
  }
  return { product, values };
}

function writeTranslations(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], productId: number, input: ProductInput) {
  for (const lang of LANGS) {
    const name = input[`name_${lang}`]?.trim() ?? "";
    if (!name) {
      // An emptied language goes back to the English fallback (never English itself: the schema requires it).
      if (lang !== "en") tx.delete(productTranslations).where(and(eq(productTranslations.productId, productId), eq(productTranslations.lang, lang))).run();
      continue;
    }
    const row = { name, description: input[`description_${lang}`]?.trim() ?? "", originNote: input[`originNote_${lang}`]?.trim() ?? "" };
    tx.insert(productTranslations)
      .values({ productId, lang, ...row })
      .onConflictDoUpdate({ target: [productTranslations.productId, productTranslations.lang], set: row })
      .run();
  }
}

/**
 * A new draft in one of the owner's stores (the store came from requireStoreOwner),
 * with the photos sent in the same form (already stored, first one the cover) in their order.
 */
export function createProduct(ownerId: number, storeId: number, categoryId: number, input: ProductInput, images: readonly StoredImage[] = [], now = Date.now()): number {
  return db.transaction((tx) => {
    const owned = tx.select({ id: stores.id }).from(stores).where(and(eq(stores.id, storeId), eq(stores.ownerId, ownerId))).get();
    if (!owned) throw new Error("store not owned");
    const product = tx
      .insert(products)
      .values({
        storeId,
        categoryId,
        slug: `${slugify(input.name_en)}-${randomBytes(3).toString("hex")}`,
        priceMinor: parsePriceToMinor(input.price)!,
        currency: BASE_CURRENCY,
        stock: input.stock,
        status: "draft",
        createdAt: new Date(now),
        updatedAt: new Date(now),
      })
      .returning({ id: products.id })
      .get();
    writeTranslations(tx, product.id, input);
    images.forEach((image, position) =>
      tx.insert(schema.productImages)
        .values({ productId: product.id, url: image.url, width: image.width, height: image.height, position, isCover: position === 0, createdAt: new Date(now) })
        .run(),
    );
    return product.id;
  });
}

export function updateProduct(ownerId: number, storeId: number, productId: number, categoryId: number, input: ProductInput, now = Date.now()): boolean {
  return db.transaction((tx) => {
    const changed = tx
      .update(products)
      .set({ categoryId, priceMinor: parsePriceToMinor(input.price)!, stock: input.stock, updatedAt: new Date(now) })
      .where(
        and(
          eq(products.id, productId),
          eq(products.storeId, storeId),
          sql`${products.storeId} in (select id from stores where owner_id = ${ownerId})`,
        ),
      )
      .run();
    if (changed.changes !== 1) return false;
    writeTranslations(tx, productId, input);
    return true;
  });
}

/** Publish, unpublish, archive or restore; false if not the owner's or not allowed from its status. */
export function changeProductStatus(ownerId: number, storeId: number, productId: number, intent: ProductIntent, now = Date.now()): boolean {
  const product = findOwnedProduct(ownerId, storeId, productId);
  if (!product) return false;
  const to = nextStatus(product.status, intent);
  if (!to) return false;
  const res = db
    .update(products)
    .set({ status: to, updatedAt: new Date(now) })
    .where(
      and(
        eq(products.id, productId),
        eq(products.status, product.status),
        sql`${products.storeId} in (select id from stores where owner_id = ${ownerId})`,
      ),
    )
    .run();
  return res.changes === 1;
}

export function listCategoryOptions(lang: Lang) {
  const t = alias(schema.categoryTranslations, "t");
  const en = alias(schema.categoryTranslations, "en");
  return db
    .select({ id: schema.categories.id, slug: schema.categories.slug, name: sql<string>`coalesce(${t.name}, ${en.name})` })
    .from(schema.categories)
    .leftJoin(t, and(eq(t.categoryId, schema.categories.id), eq(t.lang, lang)))
    .leftJoin(en, and(eq(en.categoryId, schema.categories.id), eq(en.lang, "en")))
    .orderBy(asc(schema.categories.sortOrder))
    .all();
}
