/**
 * A product's images, as the owner manages them: add, choose the cover,
 * reorder, delete. Each image is found through product → store → owner.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { db, schema, transact, type AppDatabase } from "~/db.server";
import { releaseImage, saveImage, type PreparedImage } from "../uploads/images.server";

const { productImages, products, stores } = schema;
export const MAX_IMAGES = 8;
/** Photos the new-product form takes in its one submit (the rest are added on the product's page). */
export const PHOTOS_AT_CREATE = 4;

const ownedProduct = (ownerId: number, storeId: number, productId: number) =>
  sql`${productImages.productId} = ${productId} and ${productImages.productId} in (
    select p.id from products p join stores s on s.id = p.store_id where p.store_id = ${storeId} and s.owner_id = ${ownerId})`;

function ownedImages(handle: AppDatabase, ownerId: number, storeId: number, productId: number) {
  return handle
    .select({ id: productImages.id, url: productImages.url, width: productImages.width, height: productImages.height, isCover: productImages.isCover, position: productImages.position })
    .from(productImages)
    .where(ownedProduct(ownerId, storeId, productId))
    .orderBy(asc(productImages.position), asc(productImages.id));
}

export async function listImages(ownerId: number, storeId: number, productId: number) {
  return await ownedImages(db, ownerId, storeId, productId);
}

/** Stores the photo and adds it after the others (the first one is the cover); false when the product is not this owner's or is full. */
export function addImage(ownerId: number, storeId: number, productId: number, image: PreparedImage, now = Date.now()): Promise<boolean> {
  return transact(db, async (tx) => {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(eq(products.id, productId), eq(products.storeId, storeId), eq(stores.ownerId, ownerId)))
      .limit(1);
    if (!product) return false;
    const [existing] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number), max: sql<number>`coalesce(max(${productImages.position}), -1)`.mapWith(Number) })
      .from(productImages)
      .where(eq(productImages.productId, productId));
    if (existing.n >= MAX_IMAGES) return false;
    const stored = await saveImage(tx, image);
    await tx
      .insert(productImages)
      .values({ productId, url: stored.url, width: stored.width, height: stored.height, position: existing.max + 1, isCover: existing.n === 0, createdAt: new Date(now) });
    return true;
  });
}

export async function imageCount(productId: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(productImages).where(eq(productImages.productId, productId));
  return row.n;
}

/** Cover, move up/down, or delete one image (its files too, unless another row shows the same photo); false when the image is not this owner's product's. */
export function changeImage(ownerId: number, storeId: number, productId: number, imageId: number, intent: "cover" | "up" | "down" | "delete"): Promise<boolean> {
  return transact(db, async (tx) => {
    const images = await ownedImages(tx, ownerId, storeId, productId);
    const index = images.findIndex((i) => i.id === imageId);
    if (index < 0) return false;
    let order = images.map((i) => i.id);
    let cover = images.find((i) => i.isCover)?.id ?? images[0].id;
    if (intent === "cover") cover = imageId;
    else if (intent === "up" && index > 0) [order[index - 1], order[index]] = [order[index], order[index - 1]];
    else if (intent === "down" && index < order.length - 1) [order[index + 1], order[index]] = [order[index], order[index + 1]];
    else if (intent === "delete") {
      await tx.delete(productImages).where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)));
      await releaseImage(tx, images[index].url);
      order = order.filter((id) => id !== imageId);
      if (cover === imageId) cover = order[0] ?? -1;
    }
    for (const [position, id] of order.entries()) {
      await tx.update(productImages).set({ position, isCover: id === cover }).where(and(eq(productImages.id, id), eq(productImages.productId, productId)));
    }
    return true;
  });
}
