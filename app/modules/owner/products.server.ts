/**
 * The owner's products. Every function takes the signed-in owner's id and
 * finds rows through `stores.owner_id` in the same query, so an id from the
 * URL or a hidden field is never trusted on its own.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact, type Tx } from "~/db.server";
import { LANGS, type Lang } from "../i18n/config";
import { BASE_CURRENCY } from "../money/money";
import { LOW_STOCK, parsePriceToMinor, type ProductInput } from "./schemas";
import { nextStatus, type ProductIntent, type ProductStatus } from "./status";
import { randomBytes } from "node:crypto";
import { slugify } from "./stores.server";
import { saveImage, type PreparedImage } from "../uploads/images.server";

const { products, stores, productTranslations } = schema;

/** The product only if it belongs to this store and the store to this owner. */
export async function findOwnedProduct(ownerId: number, storeId: number, productId: number) {
  if (!Number.isSafeInteger(productId) || productId <= 0) return null;
  const [row] = await db
    .select({ product: products })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(and(eq(products.id, productId), eq(products.storeId, storeId), eq(stores.ownerId, ownerId)))
    .limit(1);
  return row?.product ?? null;
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
export async function ownerProducts(ownerId: number, lang: Lang): Promise<DashboardProduct[]> {
  const t = alias(productTranslations, "t");
  const en = alias(productTranslations, "en");
  const rows = await db
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
    .orderBy(asc(products.storeId), sql`${products.status} = 'archived'`, asc(products.id));
  const ids = rows.map((r) => r.id);
  const named = new Map<number, Set<string>>();
  const described = new Map<number, Set<string>>();
  if (ids.length) {
    for (const r of await db
      .select({
        productId: productTranslations.productId,
        lang: productTranslations.lang,
        // A boolean on PostgreSQL, 0 or 1 on SQLite.
        described: sql<boolean>`trim(${productTranslations.description}) <> ''`.mapWith(Boolean),
      })
      .from(productTranslations)
      .where(and(inArray(productTranslations.productId, ids), sql`trim(${productTranslations.name}) <> ''`))) {
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
export async function productFormValues(ownerId: number, storeId: number, productId: number) {
  const product = await findOwnedProduct(ownerId, storeId, productId);
  if (!product) return null;
  const [category] = await db.select({ slug: schema.categories.slug }).from(schema.categories).where(eq(schema.categories.id, product.categoryId)).limit(1);
  const values: Record<string, string> = {
    category: category?.slug ?? "",
    price: `${Math.floor(product.priceMinor / 100)}.${String(product.priceMinor % 100).padStart(2, "0")}`,
    stock: String(product.stock),
    ...(product.feedOptOut ? { feedOptOut: "on" } : {}),
  };
  for (const tr of await db.select().from(productTranslations).where(eq(productTranslations.productId, product.id))) {
    values[`name_${tr.lang}`] = tr.name;
    values[`description_${tr.lang}`] = tr.description;
    values[`originNote_${tr.lang}`] = tr.originNote;
  }
  return { product, values };
}

/** Writes the product's text in `langs` (all six by default; a bulk import only those its file has columns for). */
export async function writeTranslations(tx: Tx, productId: number, input: ProductInput, langs: readonly Lang[] = LANGS) {
  for (const lang of langs) {
    const name = input[`name_${lang}`]?.trim() ?? "";
    if (!name) {
      // An emptied language goes back to the English fallback (never English itself: the schema requires it).
      if (lang !== "en") await tx.delete(productTranslations).where(and(eq(productTranslations.productId, productId), eq(productTranslations.lang, lang)));
      continue;
    }
    const row = { name, description: input[`description_${lang}`]?.trim() ?? "", originNote: input[`originNote_${lang}`]?.trim() ?? "" };
    await tx
      .insert(productTranslations)
      .values({ productId, lang, ...row })
      .onConflictDoUpdate({ target: [productTranslations.productId, productTranslations.lang], set: row });
  }
}

/**
 * A new draft in one of the owner's stores (the store came from requireStoreOwner),
 * with the photos sent in the same form (checked and encoded; stored here, in the
 * same transaction, the first one the cover) in their order.
 */
export function createProduct(ownerId: number, storeId: number, categoryId: number, input: ProductInput, images: readonly PreparedImage[] = [], now = Date.now()): Promise<number> {
  return transact(db, async (tx) => {
    const [owned] = await tx.select({ id: stores.id }).from(stores).where(and(eq(stores.id, storeId), eq(stores.ownerId, ownerId))).limit(1);
    if (!owned) throw new Error("store not owned");
    const [product] = await tx
      .insert(products)
      .values({
        storeId,
        categoryId,
        slug: `${slugify(input.name_en)}-${randomBytes(3).toString("hex")}`,
        priceMinor: parsePriceToMinor(input.price)!,
        currency: BASE_CURRENCY,
        stock: input.stock,
        feedOptOut: input.feedOptOut ?? false,
        status: "draft",
        createdAt: new Date(now),
        updatedAt: new Date(now),
      })
      .returning({ id: products.id });
    await writeTranslations(tx, product.id, input);
    for (const [position, image] of images.entries()) {
      const stored = await saveImage(tx, image);
      await tx
        .insert(schema.productImages)
        .values({ productId: product.id, url: stored.url, width: stored.width, height: stored.height, position, isCover: position === 0, createdAt: new Date(now) });
    }
    return product.id;
  });
}

export function updateProduct(ownerId: number, storeId: number, productId: number, categoryId: number, input: ProductInput, now = Date.now()): Promise<boolean> {
  return transact(db, async (tx) => {
    const changed = await tx
      .update(products)
      .set({ categoryId, priceMinor: parsePriceToMinor(input.price)!, stock: input.stock, feedOptOut: input.feedOptOut ?? false, updatedAt: new Date(now) })
      .where(
        and(
          eq(products.id, productId),
          eq(products.storeId, storeId),
          sql`${products.storeId} in (select id from stores where owner_id = ${ownerId})`,
        ),
      )
      .returning({ id: products.id });
    if (changed.length !== 1) return false;
    await writeTranslations(tx, productId, input);
    return true;
  });
}

/** Publish, unpublish, archive or restore; false if not the owner's or not allowed from its status. */
export async function changeProductStatus(ownerId: number, storeId: number, productId: number, intent: ProductIntent, now = Date.now()): Promise<boolean> {
  const product = await findOwnedProduct(ownerId, storeId, productId);
  if (!product) return false;
  const to = nextStatus(product.status, intent);
  if (!to) return false;
  // Guarded by the status it was read with: a change in between makes this one change nothing.
  const changed = await transact(db, async (tx) =>
    tx
      .update(products)
      .set({ status: to, updatedAt: new Date(now) })
      .where(and(eq(products.id, productId), eq(products.status, product.status), sql`${products.storeId} in (select id from stores where owner_id = ${ownerId})`))
      .returning({ id: products.id }),
  );
  return changed.length === 1;
}

export async function listCategoryOptions(lang: Lang) {
  const t = alias(schema.categoryTranslations, "t");
  const en = alias(schema.categoryTranslations, "en");
  return await db
    .select({ id: schema.categories.id, slug: schema.categories.slug, name: sql<string>`coalesce(${t.name}, ${en.name})` })
    .from(schema.categories)
    .leftJoin(t, and(eq(t.categoryId, schema.categories.id), eq(t.lang, lang)))
    .leftJoin(en, and(eq(en.categoryId, schema.categories.id), eq(en.lang, "en")))
    .orderBy(asc(schema.categories.sortOrder));
}
