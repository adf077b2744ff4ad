import { z } from "zod";
import { parseQuery } from "../search/query";

/**
 * URL parameters of the catalogue lists, one schema each. A value that does
 * not fit is dropped (the list shows unfiltered), never a 500.
 */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/).optional().catch(undefined);
const countryCode = z
  .string()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/))
  .optional()
  .catch(undefined);
/** Whole units of the shopper's currency, as typed in the price boxes. */
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .optional()
  .catch(undefined);
/** A keyset cursor: the sort value and the id of the row at the page edge. */
const cursor = z.string().regex(/^-?\d{1,15}_\d{1,12}$/).optional().catch(undefined);

export const PRODUCT_SORTS = ["relevance", "newest", "price_asc", "price_desc"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const productListSchema = z.object({
  q: z.string().optional().catch(undefined),
  category: slug,
  country: countryCode,
  store: slug,
  min: amount,
  max: amount,
  deal: z.literal("1").optional().catch(undefined),
  sort: z.enum(PRODUCT_SORTS).optional().catch(undefined),
  after: cursor,
  before: cursor,
  page: z.string().regex(/^\d{1,6}$/).transform(Number).optional().catch(undefined),
});

export interface ProductListParams {
  q: string;
  category?: string;
  country?: string;
  store?: string;
  min?: number;
  max?: number;
  deal: boolean;
  sort: ProductSort;
  after?: { value: number; id: number };
  before?: { value: number; id: number };
  page: number;
}

function decodeCursor(raw: string | undefined) {
  if (!raw) return undefined;
  const [value, id] = raw.split("_").map(Number);
  return { value, id };
}

export function encodeCursor(value: number, id: number): string {
  return `${value}_${id}`;
}

export function productListParams(url: URL): ProductListParams {
  const get = (k: string) => url.searchParams.get(k) ?? undefined;
  const raw = productListSchema.parse(Object.fromEntries(["q", "category", "country", "store", "min", "max", "deal", "sort", "after", "before", "page"].map((k) => [k, get(k)])));
  const q = parseQuery(raw.q).text;
  // Relevance needs words to be relevant to; without them the newest come first.
  const sort = raw.sort === "relevance" && !q ? "newest" : raw.sort ?? (q ? "relevance" : "newest");
  let { min, max } = raw;
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  return {
    q,
    category: raw.category,
    country: raw.country,
    store: raw.store,
    min,
    max,
    deal: raw.deal === "1",
    sort,
    after: raw.before ? undefined : decodeCursor(raw.after),
    before: decodeCursor(raw.before),
    page: Math.max(1, raw.page ?? 1),
  };
}

const storeListSchema = z.object({ country: countryCode, category: slug });

export function storeListParams(url: URL): z.infer<typeof storeListSchema> {
  return storeListSchema.parse({
    country: url.searchParams.get("country") ?? undefined,
    category: url.searchParams.get("category") ?? undefined,
  });
}
