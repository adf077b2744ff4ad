/**
 * The cart: stored in the database, found by an HttpOnly cookie holding a
 * random id. Prices are never stored as truth: a line keeps the unit price
 * seen when it was added only to say "price changed since".
 */
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact, type Tx } from "~/db.server";
import { dealCandidates } from "../festivals/festivals.server";
import type { Lang } from "../i18n/config";
import { BASE_CURRENCY, type Rate } from "../money/money";
import { presentMinor } from "../money/presentment";
import { latestRate } from "../money/rates.server";
import type { LandingSource } from "../orders/source";
import { unitPriceAt, type UnitPrice } from "../pricing/pricing";
import { clampQuantity, quantityLimit, type LimitReason } from "./limits";
import { secureCookies } from "~/env.server";

/** How long a cart's cookie lives: past this since its last change, no browser can name the cart again. */
export const CART_MAX_AGE_MS = 60 * 24 * 3600 * 1000;

export const cartCookie = createCookie("cart", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: CART_MAX_AGE_MS / 1000,
  secure: secureCookies(),
});

const CART_ID = /^[A-Za-z0-9_-]{20,64}$/;

/** The cart id the request's cookie names, if it looks like one of ours. */
export async function cartIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await cartCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && CART_ID.test(value) ? value : null;
}

/** The request's cart, created if needed; `setCookie` is set when the browser must store a new id. */
export async function ensureCart(request: Request, now: Date): Promise<{ cartId: string; setCookie: string | null }> {
  const existing = await cartIdFrom(request);
  const cartId = existing ?? randomBytes(18).toString("base64url");
  // A cookie naming a cart that is gone (purged) gets that cart again, under the same id.
  const created = await transact(db, (tx) =>
    tx.insert(schema.carts).values({ id: cartId, createdAt: now, updatedAt: now }).onConflictDoNothing().returning({ id: schema.carts.id }),
  );
  return { cartId, setCookie: created.length ? await cartCookie.serialize(cartId) : null };
}

/** Units in the cart, for the header. */
export async function cartItemCount(request: Request): Promise<number> {
  const cartId = await cartIdFrom(request);
  if (!cartId) return 0;
  const [row] = await db
    .select({ units: sql<number>`coalesce(sum(${schema.cartLines.quantity}), 0)`.mapWith(Number) })
    .from(schema.cartLines)
    .where(eq(schema.cartLines.cartId, cartId));
  return row?.units ?? 0;
}

interface Buyable {
  id: number;
  slug: string;
  stock: number;
  price: UnitPrice;
  dealLimit: number | null;
  /** Units left at the deal price while a deal prices the product (null: no live deal). */
  dealUnitsLeft: number | null;
  max: number;
  limitReason: LimitReason;
}

/** Current price, stock and limits of products that can be bought now (active, store live). */
async function buyable(where: { ids?: number[]; slugs?: string[] }, now: number): Promise<Buyable[]> {
  const filter = where.ids ? inArray(schema.products.id, where.ids) : inArray(schema.products.slug, where.slugs ?? []);
  const rows = await db
    .select({ id: schema.products.id, slug: schema.products.slug, stock: schema.products.stock, priceMinor: schema.products.priceMinor })
    .from(schema.products)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .where(and(filter, eq(schema.products.status, "active"), eq(schema.stores.status, "live"), eq(schema.products.currency, BASE_CURRENCY)));
  const deals = await dealCandidates(rows.map((r) => r.id));
  return rows.map((r) => {
    // Priced per unit: while a deal has units left it prices the product, and the line is
    // capped at those units (a line has one price; see unitPriceAt).
    const price = unitPriceAt(r.priceMinor, deals.get(r.id) ?? [], now);
    const dealLimit = price.deal?.perCustomerLimit ?? null;
    const dealUnitsLeft = price.deal?.unitsLeft ?? null;
    const { max, reason } = quantityLimit(r.stock, dealLimit, dealUnitsLeft);
    return { id: r.id, slug: r.slug, stock: r.stock, price, dealLimit, dealUnitsLeft, max, limitReason: reason };
  });
}

export type CartChange =
  /** `limitReason`: what capped a lowered quantity (stock, the deal's per-customer limit, its units left…). */
  | { ok: true; quantity: number; lowered: boolean; limitReason: LimitReason }
  | { ok: false; reason: "unavailable" | "sold_out" };

async function currentQuantity(cartId: string, productId: number): Promise<number> {
  const [line] = await db
    .select({ q: schema.cartLines.quantity })
    .from(schema.cartLines)
    .where(and(eq(schema.cartLines.cartId, cartId), eq(schema.cartLines.productId, productId)))
    .limit(1);
  return line?.q ?? 0;
}

/**
 * Adds units of a product (by slug), within its limits. `source`: where the
 * shopper landed from (a feed link's utm values, carried by the form); the
 * cart keeps the latest one it was given, and the order placed from it keeps that.
 */
export async function addToCart(cartId: string, slug: string, quantity: number, now: Date, source: LandingSource | null = null): Promise<CartChange> {
  const [product] = await buyable({ slugs: [slug] }, now.getTime());
  if (!product) return { ok: false, reason: "unavailable" };
  if (product.max <= 0) return { ok: false, reason: "sold_out" };
  const { quantity: next, lowered } = clampQuantity((await currentQuantity(cartId, product.id)) + quantity, product.max);
  await writeLine(cartId, product, next, now, source);
  return { ok: true, quantity: next, lowered, limitReason: product.limitReason };
}

/** Sets a line's quantity (0 removes it), within its limits. */
export async function setCartQuantity(cartId: string, slug: string, quantity: number, now: Date): Promise<CartChange> {
  const [product] = await buyable({ slugs: [slug] }, now.getTime());
  if (!product || quantity <= 0) {
    await removeFromCart(cartId, slug);
    return product || quantity <= 0 ? { ok: true, quantity: 0, lowered: false, limitReason: "max" } : { ok: false, reason: "unavailable" };
  }
  if (product.max <= 0) return { ok: false, reason: "sold_out" };
  const { quantity: next, lowered } = clampQuantity(quantity, product.max);
  await writeLine(cartId, product, next, now);
  return { ok: true, quantity: next, lowered, limitReason: product.limitReason };
}

export async function removeFromCart(cartId: string, slug: string): Promise<void> {
  const product = db.select({ id: schema.products.id }).from(schema.products).where(eq(schema.products.slug, slug));
  await transact(db, async (tx) => {
    await tx.delete(schema.cartLines).where(and(eq(schema.cartLines.cartId, cartId), inArray(schema.cartLines.productId, product)));
  });
}

function writeLine(cartId: string, product: Buyable, quantity: number, now: Date, source: LandingSource | null = null) {
  return transact(db, async (tx) => {
    await tx
      .insert(schema.cartLines)
      .values({ cartId, productId: product.id, quantity, unitPriceSeenMinor: product.price.unitMinor, addedAt: now })
      .onConflictDoUpdate({
        target: [schema.cartLines.cartId, schema.cartLines.productId],
        // Adding again means the shopper has seen today's price.
        set: { quantity, unitPriceSeenMinor: product.price.unitMinor },
      });
    await tx
      .update(schema.carts)
      .set(source ? { updatedAt: now, source: source.source, medium: source.medium } : { updatedAt: now })
      .where(eq(schema.carts.id, cartId));
  });
}

/** The landing source the cart keeps, if any (checkout copies it to the order). */
export async function cartSource(cartId: string): Promise<LandingSource | null> {
  const [cart] = await db.select({ source: schema.carts.source, medium: schema.carts.medium }).from(schema.carts).where(eq(schema.carts.id, cartId)).limit(1);
  return cart?.source ? { source: cart.source, medium: cart.medium } : null;
}

/**
 * Deletes carts (and, by cascade, their lines) untouched for longer than their cookie lives:
 * one DELETE with a WHERE on age, so servers purging at once delete each cart once.
 */
export function purgeStaleCarts(now: Date): Promise<number> {
  return transact(db, async (tx) => {
    const deleted = await tx
      .delete(schema.carts)
      .where(lte(schema.carts.updatedAt, new Date(now.getTime() - CART_MAX_AGE_MS)))
      .returning({ id: schema.carts.id });
    return deleted.length;
  });
}

/** Empties a cart inside the caller's transaction (checkout's, once the order is stored). */
export async function clearCart(tx: Tx, cartId: string): Promise<void> {
  await tx.delete(schema.cartLines).where(eq(schema.cartLines.cartId, cartId));
}

export interface CartLineView {
  productId: number;
  slug: string;
  name: string;
  fallback: boolean;
  image: string | null;
  storeName: string;
  storeId: number;
  storeCountry: string;
  quantity: number;
  /** Unit price now, base currency. */
  unitBaseMinor: number;
  regularBaseMinor: number;
  onDeal: boolean;
  /** The festival deal pricing the line now, if any. */
  dealId: number | null;
  /** Unit and line price now, presentment currency (the same rounding an order uses). */
  unitMinor: number;
  lineMinor: number;
  seenBaseMinor: number;
  priceChanged: boolean;
  soldOut: boolean;
  unavailable: boolean;
  max: number;
  /** What sets `max`: stock, the deal's per-customer limit, the units left at the deal price, or the cap. */
  limitReason: LimitReason;
  dealLimit: number | null;
  /** Units left at the festival price while a deal prices this product (null: no live deal). */
  dealUnitsLeft: number | null;
  /** A festival deal is live but its committed units are all taken: the regular price applies. */
  dealSoldOut: boolean;
  /**
   * Added at a lower price that was a festival deal, whose units have run out
   * since: the line waits for the shopper to accept the regular price (by
   * updating it) instead of being ordered at a price they did not see.
   */
  dealGone: boolean;
  /** The line holds more than can be bought now. */
  overLimit: boolean;
}

export interface CartView {
  cartId: string | null;
  currency: string;
  rate: Rate;
  lines: CartLineView[];
  /** Lines that can be ordered as they are. */
  orderable: CartLineView[];
  totalMinor: number;
  units: number;
}

/** The cart priced now, in the presentment currency, with what changed since each line was added. */
export async function cartView(cartId: string | null, lang: Lang, currency: string, now: number): Promise<CartView> {
  const rate = (await latestRate(currency)) ?? (await latestRate(BASE_CURRENCY))!;
  const empty: CartView = { cartId, currency: rate.quote, rate, lines: [], orderable: [], totalMinor: 0, units: 0 };
  if (!cartId) return empty;
  const t = alias(schema.productTranslations, "t");
  const en = alias(schema.productTranslations, "en");
  const st = alias(schema.storeTranslations, "st");
  const sten = alias(schema.storeTranslations, "sten");
  const rows = await db
    .select({
      productId: schema.cartLines.productId,
      quantity: schema.cartLines.quantity,
      seen: schema.cartLines.unitPriceSeenMinor,
      addedAt: schema.cartLines.addedAt,
      slug: schema.products.slug,
      regular: schema.products.priceMinor,
      name: sql<string>`coalesce(${t.name}, ${en.name})`,
      fallback: sql<number>`${t.name} is null`,
      storeName: sql<string>`coalesce(${st.name}, ${sten.name})`,
      storeId: schema.products.storeId,
      storeCountry: schema.stores.countryCode,
      image: sql<string | null>`(SELECT url FROM product_images i WHERE i.product_id = ${schema.products.id} ORDER BY i.is_cover DESC, i.position LIMIT 1)`,
    })
    .from(schema.cartLines)
    .innerJoin(schema.products, eq(schema.products.id, schema.cartLines.productId))
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .leftJoin(t, and(eq(t.productId, schema.products.id), eq(t.lang, lang)))
    .leftJoin(en, and(eq(en.productId, schema.products.id), eq(en.lang, "en")))
    .leftJoin(st, and(eq(st.storeId, schema.products.storeId), eq(st.lang, lang)))
    .leftJoin(sten, and(eq(sten.storeId, schema.products.storeId), eq(sten.lang, "en")))
    .where(eq(schema.cartLines.cartId, cartId))
    .orderBy(schema.cartLines.addedAt);
  const now_ = await buyable({ ids: rows.map((r) => r.productId) }, now);
  const byId = new Map(now_.map((b) => [b.id, b]));
  const lines = rows.map((r): CartLineView => {
    const b = byId.get(r.productId);
    const unitBaseMinor = b?.price.unitMinor ?? r.regular;
    const unitMinor = presentMinor(unitBaseMinor, rate.quote, rate.rateMicros);
    return {
      productId: r.productId,
      slug: r.slug,
      name: r.name,
      fallback: Boolean(r.fallback),
      image: r.image,
      storeName: r.storeName,
      storeId: r.storeId,
      storeCountry: r.storeCountry,
      quantity: r.quantity,
      unitBaseMinor,
      regularBaseMinor: r.regular,
      onDeal: Boolean(b?.price.deal),
      dealId: b?.price.deal?.dealId ?? null,
      unitMinor,
      lineMinor: unitMinor * r.quantity,
      seenBaseMinor: r.seen,
      priceChanged: Boolean(b) && r.seen !== unitBaseMinor,
      soldOut: Boolean(b) && b!.stock <= 0,
      unavailable: !b,
      max: b?.max ?? 0,
      limitReason: b?.limitReason ?? "stock",
      dealLimit: b?.dealLimit ?? null,
      dealUnitsLeft: b?.dealUnitsLeft ?? null,
      dealSoldOut: Boolean(b?.price.dealSoldOut),
      dealGone: Boolean(b?.price.dealSoldOut) && r.seen < unitBaseMinor,
      overLimit: Boolean(b) && b!.stock > 0 && r.quantity > b!.max,
    };
  });
  const orderable = lines.filter((l) => !l.unavailable && !l.soldOut && !l.overLimit && !l.dealGone);
  return {
    cartId,
    currency: rate.quote,
    rate,
    lines,
    orderable,
    totalMinor: orderable.reduce((sum, l) => sum + l.lineMinor, 0),
    units: orderable.reduce((sum, l) => sum + l.quantity, 0),
  };
}
