/**
 * The shoppers' hot read paths in plain SQL, prepared once per connection
 * (see db/prepared.ts): building and compiling a Drizzle query on every page
 * view cost more than running it. The texts below say the same as the
 * Drizzle queries they replaced (catalog.server.ts keeps those for the
 * colder pages); tests in catalog.server.test.ts hold the two to the same rows.
 *
 * Every text is assembled from fixed fragments chosen by the shape of a
 * request (which filters are set, which sort), never from its values, which
 * are always bound as parameters; so the set of texts, and of statements
 * kept, is small and fixed.
 */
import type { Statement } from "better-sqlite3";
import { db, statements } from "~/db.server";

/** Live stores' active products: the rows shoppers may see. Aliases: p products, s stores, c categories. */
export const VISIBLE_PRODUCT = "p.status = 'active' AND s.status = 'live'";

export const PRODUCT_FROM = `FROM products p
  JOIN stores s ON s.id = p.store_id
  JOIN categories c ON c.id = p.category_id`;

/** Product card columns in the page's language (@lang) with the English text as the fallback. */
const CARD_SELECT = `SELECT p.id AS id, p.slug AS slug, p.price_minor AS priceMinor, p.currency AS currency, p.stock AS stock,
    coalesce(pt_lang.name, pt_en.name) AS name, pt_lang.name IS NULL AS fallback,
    s.slug AS storeSlug, coalesce(st_lang.name, st_en.name) AS storeName, s.country_code AS countryCode,
    c.slug AS categorySlug, p.created_at AS listedAt,
    cover.url AS imageUrl, cover.width AS imageWidth, cover.height AS imageHeight
  ${PRODUCT_FROM}
  JOIN product_translations pt_en ON pt_en.product_id = p.id AND pt_en.lang = 'en'
  LEFT JOIN product_translations pt_lang ON pt_lang.product_id = p.id AND pt_lang.lang = @lang
  JOIN store_translations st_en ON st_en.store_id = s.id AND st_en.lang = 'en'
  LEFT JOIN store_translations st_lang ON st_lang.store_id = s.id AND st_lang.lang = @lang
  LEFT JOIN product_images cover ON cover.product_id = p.id AND cover.is_cover = 1`;

export interface CardRow {
  id: number;
  slug: string;
  priceMinor: number;
  currency: string;
  stock: number;
  name: string;
  fallback: number;
  storeSlug: string;
  storeName: string;
  countryCode: string;
  categorySlug: string;
  listedAt: number;
  imageUrl: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
}

/** Product cards matching `where` (SQL over p, s, c with named parameters), visible ones only, ordered by `order`, @limit/@offset bound. */
export function cardSql(where: string, order: string): string {
  return `${CARD_SELECT}
  WHERE ${VISIBLE_PRODUCT} AND (${where})
  ORDER BY ${order} LIMIT @limit OFFSET @offset`;
}

/** One product's card whatever its status, found through its store's owner (@id, @ownerId): the owner's preview only. */
export const OWNED_CARD_SQL = `${CARD_SELECT}
  WHERE p.id = @id AND s.owner_id = @ownerId`;

/** Store card columns (aliases: s stores), @lang as above; the product count is of the store's active products. */
export function storeCardSql(where: string, extraColumns = ""): string {
  return `SELECT s.id AS id, s.slug AS slug, coalesce(st_lang.name, st_en.name) AS name, coalesce(st_lang.city, st_en.city) AS city,
    coalesce(st_lang.tagline, st_en.tagline) AS tagline, st_lang.name IS NULL AS fallback, s.country_code AS countryCode,
    s.founded_year AS foundedYear, s.banner_url AS bannerUrl, c.slug AS categorySlug,
    (SELECT count(*) FROM products pc WHERE pc.store_id = s.id AND pc.status = 'active') AS productCount${extraColumns}
  FROM stores s
  JOIN store_translations st_en ON st_en.store_id = s.id AND st_en.lang = 'en'
  LEFT JOIN store_translations st_lang ON st_lang.store_id = s.id AND st_lang.lang = @lang
  LEFT JOIN categories c ON c.id = s.primary_category_id
  WHERE s.status = 'live' AND (${where})
  ORDER BY s.id LIMIT @limit OFFSET @offset`;
}

export interface StoreCardRow {
  id: number;
  slug: string;
  name: string;
  city: string;
  tagline: string;
  fallback: number;
  countryCode: string;
  foundedYear: number | null;
  bannerUrl: string | null;
  categorySlug: string | null;
  productCount: number;
}

/** An id list bound as one JSON parameter, so one statement serves every length. */
export const idsIn = (column: string, param: string) => `${column} IN (SELECT value FROM json_each(@${param}))`;

const cache = statements(() => new Map<string, Statement>());

/** The statement for `text` on the app's connection, prepared on first use. */
export function prepared(text: string): Statement {
  const byText = cache(db);
  let stmt = byText.get(text);
  if (!stmt) {
    stmt = db.$client.prepare(text);
    byText.set(text, stmt);
  }
  return stmt;
}
