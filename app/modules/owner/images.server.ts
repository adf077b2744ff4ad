/**
 * A product's images, as the owner manages them: add, choose the cover,
 * reorder, delete. Each image is found through product → store → owner.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { filesForUrl, removeImageFiles, type StoredImage } from "../uploads/images.server";

const { productImages, products, stores } = schema;
export const MAX_IMAGES = 8;
/** Photos the new-product form takes in its one submit (the rest are added on the product's page). */
export const PHOTOS_AT_CREATE = 4;

const ownedProduct = (ownerId: number, storeId: number, productId: number) =>
  sql`${productImages.productId} = ${productId} and ${productImages.productId} in (
    select p.id from products p join stores s on s.id = p.store_id where p.store_id = ${storeId} and s.owner_id = ${ownerId})`;

export function listImages(ownerId: number, storeId: number, productId: number) {
  return db
    .select({ id: productImages.id, url: productImages.url, width: productImages.width, height: productImages.height, isCover: productImages.isCover, position: productImages.position })
    .from(productImages)
    .where(ownedProduct(ownerId, storeId, productId))
    .orderBy(asc(productImages.position), asc(productImages.id))
    .all();
}

export function addImage(ownerId: number, storeId: number, productId: number, image: StoredImage, now = Date.now()): boolean {
  return db.transaction((tx) => {
    const product = tx
      .select({ id: products.id })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(eq(products.id, productId), eq(products.storeId, storeId), eq(stores.ownerId, ownerId)))
      .get();
    if (!product) return false;
    const existing = tx.select({ n: sql<number>`count(*)`, max: sql<number>`coalesce(max(position), -1)` }).from(productImages).where(eq(productImages.productId, productId)).get()!;
    if (existing.n >= MAX_IMAGES) return false;
    tx.insert(productImages)
      .values({ productId, url: image.url, width: image.width, height: image.height, position: existing.max + 1, isCover: existing.n === 0, createdAt: new Date(now) })
      .run();
    return true;
  });
}

export function imageCount(productId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(productImages).where(eq(productImages.productId, productId)).get()!.n;
}

/** Cover, move up/down, or delete one image; false when the image is not this owner's product's. */
export async function changeImage(ownerId: number, storeId: number, productId: number, imageId: number, intent: "cover" | "up" | "down" | "delete"): Promise<boolean> {
  let removedUrl: string | null = null;
  const ok = db.transaction((tx) => {
    const images = tx
      .select({ id: productImages.id, url: productImages.url, isCover: productImages.isCover })
      .from(productImages)
      .where(ownedProduct(ownerId, storeId, productId))
      .orderBy(asc(productImages.position), asc(productImages.id))
      .all();
    const index = images.findIndex((i) => i.id === imageId);
    if (index < 0) return false;
    let order = images.map((i) => i.id);
    let cover = images.find((i) => i.isCover)?.id ?? images[0].id;
    if (intent === "cover") cover = imageId;
    else if (intent === "up" && index > 0) [order[index - 1], order[index]] = [order[index], order[index - 1]];
    else if (intent === "down" && index < order.length - 1) [order[index + 1], order[index]] = [order[index], order[index + 1]];
    else if (intent === "delete") {
      removedUrl = images[index].url;
      tx.delete(productImages).where(and(eq(productImages.id, imageId), eq(productImages.productId, productId))).run();
      order = order.filter((id) => id !== imageId);
      if (cover === imageId) cover = order[0] ?? -1;
    }
    order.forEach((id, position) =>
      tx.update(productImages).set({ position, isCover: id === cover }).where(and(eq(productImages.id, id), eq(productImages.productId, productId))).run(),
    );
    return true;
  });
  if (ok && removedUrl) await removeImageFiles(filesForUrl(removedUrl));
  return ok;
}
