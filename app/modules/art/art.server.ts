/**
 * Serves the generated artwork: which drawing a path gets depends only on
 * the record's category and slug (and a product image's `?kind=`), so the response can be cached for a year.
 */
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { ART_CATEGORIES, isArtKind, productArt, storeArt, type ArtCategory } from "./art";

function isArtCategory(value: string | null | undefined): value is ArtCategory {
  return !!value && (ART_CATEGORIES as readonly string[]).includes(value);
}

/** `artKind` (the image URL's `?kind=`) names the product drawing; unknown kinds fall back to the category's. */
export async function artFor(kind: string, slug: string, artKind?: string | null): Promise<string | null> {
  if (kind === "categories") {
    return isArtCategory(slug) ? productArt({ category: slug, seed: `category:${slug}` }) : null;
  }
  if (kind === "products") {
    const [row] = await db
      .select({ category: schema.categories.slug })
      .from(schema.products)
      .innerJoin(schema.categories, eq(schema.categories.id, schema.products.categoryId))
      .where(eq(schema.products.slug, slug))
      .limit(1);
    return isArtCategory(row?.category) ? productArt({ category: row.category, seed: slug, kind: isArtKind(artKind) ? artKind : undefined }) : null;
  }
  if (kind === "stores") {
    const [row] = await db
      .select({ category: schema.categories.slug })
      .from(schema.stores)
      .innerJoin(schema.categories, eq(schema.categories.id, schema.stores.primaryCategoryId))
      .where(eq(schema.stores.slug, slug))
      .limit(1);
    return isArtCategory(row?.category) ? storeArt({ category: row.category, seed: slug, kind: isArtKind(artKind) ? artKind : undefined }) : null;
  }
  return null;
}
