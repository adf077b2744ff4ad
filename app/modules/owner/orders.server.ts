/**
 * Order lines of the owner's own stores: never the other stores' lines of
 * the same order. Scoped by the owner in the query itself.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import type { Lang } from "../i18n/config";

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
  baseCurrency: string;
  customerName: string;
  shippingCountry: string;
  festivalId: number | null;
}

export function ownerOrderLines(ownerId: number, storeId: number, limit = 500): OwnerOrderLine[] {
  return db
    .select({
      lineId: orderLines.id,
      number: orders.number,
      createdAt: sql<number>`${orders.createdAt}`,
      status: orders.status,
      productName: orderLines.productName,
      quantity: orderLines.quantity,
      unitPriceBaseMinor: orderLines.unitPriceBaseMinor,
      lineTotalBaseMinor: orderLines.lineTotalBaseMinor,
      baseCurrency: orders.baseCurrency,
      customerName: orders.customerName,
      shippingCountry: orders.shippingCountry,
      festivalId: orderLines.festivalId,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(stores, eq(stores.id, orderLines.storeId))
    .where(and(eq(orderLines.storeId, storeId), eq(stores.ownerId, ownerId)))
    .orderBy(desc(orders.createdAt), desc(orderLines.id))
    .limit(limit)
    .all();
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
export function festivalCounters(ownerId: number, lang: Lang): FestivalCounter[] {
  const t = alias(schema.festivalTranslations, "t");
  const en = alias(schema.festivalTranslations, "en");
  const rows = db
    .select({
      storeId: orderLines.storeId,
      festivalId: sql<number>`${orderLines.festivalId}`,
      festivalName: sql<string>`coalesce(${t.name}, ${en.name}, '')`,
      orders: sql<number>`count(distinct ${orderLines.orderId})`,
      units: sql<number>`sum(${orderLines.quantity})`,
      gmvMinor: sql<number>`sum(${orderLines.lineTotalBaseMinor})`,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(stores, eq(stores.id, orderLines.storeId))
    .leftJoin(t, and(eq(t.festivalId, orderLines.festivalId), eq(t.lang, lang)))
    .leftJoin(en, and(eq(en.festivalId, orderLines.festivalId), eq(en.lang, "en")))
    .where(and(eq(stores.ownerId, ownerId), eq(orders.status, "paid"), sql`${orderLines.festivalId} is not null`))
    .groupBy(orderLines.storeId, orderLines.festivalId)
    .all();
  return rows.map((r) => ({ ...r, orders: Number(r.orders), units: Number(r.units), gmvMinor: Number(r.gmvMinor) }));
}

/** Festivals the owner's stores are enrolled in, with the organiser's decision. */
export function enrolmentsFor(ownerId: number, lang: Lang) {
  const t = alias(schema.festivalTranslations, "t");
  const en = alias(schema.festivalTranslations, "en");
  const ids = db.select({ id: stores.id }).from(stores).where(eq(stores.ownerId, ownerId)).all().map((s) => s.id);
  if (!ids.length) return [];
  return db
    .select({
      storeId: schema.festivalEnrolments.storeId,
      festivalId: schema.festivalEnrolments.festivalId,
      status: schema.festivalEnrolments.status,
      festivalName: sql<string>`coalesce(${t.name}, ${en.name}, '')`,
    })
    .from(schema.festivalEnrolments)
    .leftJoin(t, and(eq(t.festivalId, schema.festivalEnrolments.festivalId), eq(t.lang, lang)))
    .leftJoin(en, and(eq(en.festivalId, schema.festivalEnrolments.festivalId), eq(en.lang, "en")))
    .where(inArray(schema.festivalEnrolments.storeId, ids))
    .all();
}
