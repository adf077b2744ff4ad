/**
 * Order lines of the owner's own stores: never the other stores' lines of
 * the same order. Scoped by the owner in the query itself.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import type { Lang } from "../i18n/config";
import { storePayout } from "../pricing/funding";
import { fulfilmentsOf, type LineFulfilment } from "./fulfilment.server";

const { orderLines, orders, stores } = schema;

export interface OwnerOrderLine {
  lineId: number;
  number: string;
  createdAt: number;
  status: string;
  productName: string;
  quantity: number;
  unitPriceBaseMinor: number;
  lineTotalBaseMinor: number;
  /** Locked when the order was placed (app/modules/pricing/funding.ts): the discount per unit and the organiser's part of the line's discount. */
  discountPerUnitBaseMinor: number;
  subsidyBaseMinor: number;
  /** What the store receives for the line: what the shopper paid plus the organiser's part. */
  payoutBaseMinor: number;
  baseCurrency: string;
  customerName: string;
  email: string;
  /** The stored address's lines, whatever fields the checkout collected (phone apart). */
  addressLines: string[];
  phone: string | null;
  /** The same address in the columns a courier's import expects (the CSV). */
  shipTo: ShipTo;
  shippingCountry: string;
  festivalId: number | null;
  fulfilment: LineFulfilment | null;
}

/** Fields of a stored address that are not printed as address lines (said separately, or the order's own columns). */
const NOT_ADDRESS_LINES = new Set(["phone", "email", "name", "country", "countryCode"]);
/** The fields the checkout writes, in the order an envelope reads; any other field (a newer form's) follows in stored order. */
const ADDRESS_ORDER = ["line1", "line2", "district", "city", "province", "region", "state", "postalCode"];

export interface ShipTo {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
}

/** The stored address in fixed columns; a Chinese address's district joins the second line, its province is the region. */
function shipToOf(address: unknown): ShipTo {
  const fields = address && typeof address === "object" ? (address as Record<string, unknown>) : {};
  const text = (k: string) => (typeof fields[k] === "string" || typeof fields[k] === "number" ? String(fields[k]).trim() : "");
  const join = (...keys: string[]) => keys.map(text).filter((v) => /[\p{L}\p{N}]/u.test(v)).join(", ");
  return { line1: join("line1"), line2: join("line2", "district"), city: join("city"), region: join("province", "region", "state"), postalCode: join("postalCode"), phone: text("phone") };
}

/**
 * An order's stored address as lines to print, read generically: the address
 * form may gain fields (province, district…) without this changing.
 */
function addressLines(address: unknown): { lines: string[]; phone: string | null } {
  const fields = address && typeof address === "object" ? (address as Record<string, unknown>) : {};
  const text = (k: string) => (typeof fields[k] === "string" || typeof fields[k] === "number" ? String(fields[k]).trim() : "");
  const keys = [...ADDRESS_ORDER.filter((k) => k in fields), ...Object.keys(fields).filter((k) => !ADDRESS_ORDER.includes(k))].filter((k) => !NOT_ADDRESS_LINES.has(k));
  // A placeholder such as "—" (no letter or digit) is not a line worth printing on a parcel.
  return { lines: keys.map(text).filter((v) => /[\p{L}\p{N}]/u.test(v)), phone: text("phone") || null };
}

export async function ownerOrderLines(ownerId: number, storeId: number, limit = 500): Promise<OwnerOrderLine[]> {
  const rows = await db
    .select({
      lineId: orderLines.id,
      number: orders.number,
      createdAt: orders.createdAt,
      status: orders.status,
      productName: orderLines.productName,
      quantity: orderLines.quantity,
      unitPriceBaseMinor: orderLines.unitPriceBaseMinor,
      lineTotalBaseMinor: orderLines.lineTotalBaseMinor,
      discountPerUnitBaseMinor: orderLines.discountPerUnitBaseMinor,
      subsidyBaseMinor: orderLines.subsidyBaseMinor,
      baseCurrency: orders.baseCurrency,
      customerName: orders.customerName,
      email: orders.email,
      shippingAddress: orders.shippingAddress,
      shippingCountry: orders.shippingCountry,
      festivalId: orderLines.festivalId,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(stores, eq(stores.id, orderLines.storeId))
    .where(and(eq(orderLines.storeId, storeId), eq(stores.ownerId, ownerId)))
    .orderBy(desc(orders.createdAt), desc(orderLines.id))
    .limit(limit);
  const fulfilments = await fulfilmentsOf(rows.map((r) => r.lineId));
  return rows.map(({ shippingAddress, createdAt, ...r }) => {
    const address = addressLines(shippingAddress);
    return { ...r, payoutBaseMinor: storePayout(r), createdAt: createdAt.getTime(), addressLines: address.lines, phone: address.phone, shipTo: shipToOf(shippingAddress), fulfilment: fulfilments.get(r.lineId) ?? null };
  });
}

export interface StorePayout {
  /** What shoppers paid for the store's lines of paid orders (base currency). */
  salesMinor: number;
  /** The organiser's part of those lines' discounts. */
  subsidyMinor: number;
  /** The store's own part of the discounts. */
  storeFundedMinor: number;
  /** What the store receives: sales plus subsidies. */
  payoutMinor: number;
}

/** The store's takings over its lines of paid orders, scoped by the owner in the query. */
export async function ownerPayout(ownerId: number, storeId: number): Promise<StorePayout> {
  const [row] = await db
    .select({
      salesMinor: sql<number>`coalesce(sum(${orderLines.lineTotalBaseMinor}), 0)`.mapWith(Number),
      subsidyMinor: sql<number>`coalesce(sum(${orderLines.subsidyBaseMinor}), 0)`.mapWith(Number),
      discountMinor: sql<number>`coalesce(sum(${orderLines.discountPerUnitBaseMinor} * ${orderLines.quantity}), 0)`.mapWith(Number),
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(stores, eq(stores.id, orderLines.storeId))
    .where(and(eq(orderLines.storeId, storeId), eq(stores.ownerId, ownerId), eq(orders.status, "paid")));
  const { salesMinor = 0, subsidyMinor = 0, discountMinor = 0 } = row ?? {};
  return { salesMinor, subsidyMinor, storeFundedMinor: discountMinor - subsidyMinor, payoutMinor: storePayout({ lineTotalBaseMinor: salesMinor, subsidyBaseMinor: subsidyMinor }) };
}

export interface FestivalCounter {
  storeId: number;
  festivalId: number;
  festivalName: string;
  orders: number;
  units: number;
  gmvMinor: number;
}

/** Each owned store's paid orders, units and GMV per festival (from the orders themselves). */
export async function festivalCounters(ownerId: number, lang: Lang): Promise<FestivalCounter[]> {
  const t = alias(schema.festivalTranslations, "t");
  const en = alias(schema.festivalTranslations, "en");
  const rows = await db
    .select({
      storeId: orderLines.storeId,
      festivalId: sql<number>`${orderLines.festivalId}`.mapWith(Number),
      festivalName: sql<string>`coalesce(${t.name}, ${en.name}, '')`,
      // PostgreSQL returns counts and sums of bigints as strings.
      orders: sql<number>`count(distinct ${orderLines.orderId})`.mapWith(Number),
      units: sql<number>`coalesce(sum(${orderLines.quantity}), 0)`.mapWith(Number),
      gmvMinor: sql<number>`coalesce(sum(${orderLines.lineTotalBaseMinor}), 0)`.mapWith(Number),
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(stores, eq(stores.id, orderLines.storeId))
    .leftJoin(t, and(eq(t.festivalId, orderLines.festivalId), eq(t.lang, lang)))
    .leftJoin(en, and(eq(en.festivalId, orderLines.festivalId), eq(en.lang, "en")))
    .where(and(eq(stores.ownerId, ownerId), eq(orders.status, "paid"), sql`${orderLines.festivalId} is not null`))
    // Every selected column is grouped (the names too), as PostgreSQL requires.
    .groupBy(orderLines.storeId, orderLines.festivalId, t.name, en.name);
  return rows;
}

/** Festivals the owner's stores are enrolled in, with the organiser's decision. */
export async function enrolmentsFor(ownerId: number, lang: Lang) {
  const t = alias(schema.festivalTranslations, "t");
  const en = alias(schema.festivalTranslations, "en");
  const ids = (await db.select({ id: stores.id }).from(stores).where(eq(stores.ownerId, ownerId))).map((s) => s.id);
  if (!ids.length) return [];
  return await db
    .select({
      storeId: schema.festivalEnrolments.storeId,
      festivalId: schema.festivalEnrolments.festivalId,
      status: schema.festivalEnrolments.status,
      reason: schema.festivalEnrolments.reason,
      festivalName: sql<string>`coalesce(${t.name}, ${en.name}, '')`,
    })
    .from(schema.festivalEnrolments)
    .leftJoin(t, and(eq(t.festivalId, schema.festivalEnrolments.festivalId), eq(t.lang, lang)))
    .leftJoin(en, and(eq(en.festivalId, schema.festivalEnrolments.festivalId), eq(en.lang, "en")))
    .where(inArray(schema.festivalEnrolments.storeId, ids));
}

/** Each deal the owner's stores offered at a festival, with the organiser's decision, reason and time (newest decisions first). */
export async function dealOffersFor(ownerId: number, lang: Lang) {
  const ft = alias(schema.festivalTranslations, "ft");
  const fen = alias(schema.festivalTranslations, "fen");
  const pt = alias(schema.productTranslations, "pt");
  const pen = alias(schema.productTranslations, "pen");
  const e = schema.festivalEnrolments;
  const d = schema.festivalDeals;
  const offers = await db
    .select({
      id: d.id,
      storeId: e.storeId,
      festivalSlug: schema.festivals.slug,
      timeZone: schema.festivals.timeZone,
      festivalName: sql<string>`coalesce(${ft.name}, ${fen.name}, ${schema.festivals.slug})`,
      productName: sql<string>`coalesce(${pt.name}, ${pen.name}, '')`,
      dealPriceMinor: d.dealPriceMinor,
      status: d.status,
      reason: d.reason,
      decidedAt: d.decidedAt,
    })
    .from(d)
    .innerJoin(e, eq(e.id, d.enrolmentId))
    .innerJoin(stores, eq(stores.id, e.storeId))
    .innerJoin(schema.festivals, eq(schema.festivals.id, e.festivalId))
    .leftJoin(ft, and(eq(ft.festivalId, e.festivalId), eq(ft.lang, lang)))
    .leftJoin(fen, and(eq(fen.festivalId, e.festivalId), eq(fen.lang, "en")))
    .leftJoin(pt, and(eq(pt.productId, d.productId), eq(pt.lang, lang)))
    .leftJoin(pen, and(eq(pen.productId, d.productId), eq(pen.lang, "en")))
    .where(eq(stores.ownerId, ownerId))
    // Undecided offers first, then the newest decisions.
    .orderBy(sql`${d.decidedAt} desc nulls first`, desc(d.id));
  return offers.map((o) => ({ ...o, decidedAt: o.decidedAt?.getTime() ?? null }));
}
