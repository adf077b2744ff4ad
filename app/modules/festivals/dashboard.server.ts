/**
 * The organiser's live dashboard. Festival totals are the stored
 * campaign-progress counters (what `npm run reconcile` checks); breakdowns of
 * one festival (stores, countries, categories, hours) are computed from the
 * same paid order lines the counter rule reads, so they add up to the totals.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, type AppDatabase } from "~/db.server";
import type { Lang } from "../i18n/config";
import { readCounters, type CounterValues } from "../counters/counters.server";
import type { CounterScope } from "../counters/counters";
import { untilContentChanges } from "../catalog/content-version.server";

export interface Breakdown {
  key: string;
  orders: number;
  units: number;
  gmv: number;
}

const HOUR = 3_600_000;

/** Per store / country / category for one festival, from its paid order lines. */
export async function festivalBreakdown(festivalId: number, by: "store" | "country" | "category", reader: AppDatabase = db): Promise<Breakdown[]> {
  const col = by === "store" ? schema.orderLines.storeId : by === "country" ? schema.orderLines.countryCode : schema.orderLines.categoryId;
  const gmv = sql<number>`coalesce(sum(${schema.orderLines.lineTotalBaseMinor}), 0)`.mapWith(Number);
  return reader
    .select({
      key: sql<string>`cast(${col} as text)`,
      orders: sql<number>`count(distinct ${schema.orderLines.orderId})`.mapWith(Number),
      units: sql<number>`coalesce(sum(${schema.orderLines.quantity}), 0)`.mapWith(Number),
      gmv,
    })
    .from(schema.orderLines)
    .innerJoin(schema.orders, eq(schema.orders.id, schema.orderLines.orderId))
    .where(and(eq(schema.orderLines.festivalId, festivalId), eq(schema.orders.status, "paid")))
    .groupBy(col)
    .orderBy(desc(gmv));
}

export interface HourBucket {
  hour: number;
  orders: number;
  gmv: number;
}

/**
 * Paid orders and GMV per hour (by payment time) with lines in this festival,
 * every hour of [from, to) present. The database sums each order's lines; the
 * hours are cut here, so no engine's date arithmetic is involved.
 */
export async function hourlySeries(festivalId: number, from: number, to: number, reader: AppDatabase = db): Promise<HourBucket[]> {
  const paid = await reader
    .select({
      paidAt: schema.orders.paidAt,
      gmv: sql<number>`coalesce(sum(${schema.orderLines.lineTotalBaseMinor}), 0)`.mapWith(Number),
    })
    .from(schema.orderLines)
    .innerJoin(schema.orders, eq(schema.orders.id, schema.orderLines.orderId))
    .where(and(eq(schema.orderLines.festivalId, festivalId), eq(schema.orders.status, "paid")))
    .groupBy(schema.orders.id, schema.orders.paidAt);
  const byHour = new Map<number, { orders: number; gmv: number }>();
  for (const order of paid) {
    if (!order.paidAt) continue;
    const hour = Math.floor(order.paidAt.getTime() / HOUR) * HOUR;
    const bucket = byHour.get(hour) ?? { orders: 0, gmv: 0 };
    bucket.orders += 1;
    bucket.gmv += order.gmv;
    byHour.set(hour, bucket);
  }
  const hours = [...byHour.keys()];
  const start = Math.floor(from / HOUR) * HOUR;
  const end = Math.max(start + HOUR, Math.ceil(to / HOUR) * HOUR);
  const firstPaid = hours.length ? Math.min(...hours) : start;
  const lastPaid = hours.length ? Math.max(...hours) : start;
  const series: HourBucket[] = [];
  for (let h = Math.min(start, firstPaid); h < Math.max(end, lastPaid + HOUR); h += HOUR) {
    const r = byHour.get(h);
    series.push({ hour: h, orders: r?.orders ?? 0, gmv: r?.gmv ?? 0 });
  }
  return series;
}

/** Every stored counter of one scope, largest GMV first. */
export async function countersByScope(scope: CounterScope): Promise<(CounterValues & { key: string })[]> {
  const map = new Map<string, CounterValues & { key: string }>();
  for (const row of await db.select().from(schema.progressCounters).where(eq(schema.progressCounters.scope, scope))) {
    const entry = map.get(row.scopeKey) ?? { key: row.scopeKey, orders: 0, units: 0, gmv: 0 };
    entry[row.metric] += row.value; // a counter's value is the sum of its rows (its shards)
    map.set(row.scopeKey, entry);
  }
  return [...map.values()].sort((a, b) => b.gmv - a.gmv || a.key.localeCompare(b.key));
}

/** A festival's counters (zero where nothing was counted yet). */
export async function festivalTotals(festivalId: number): Promise<CounterValues> {
  return (await readCounters("festival", [String(festivalId)])).get(String(festivalId))!;
}

/** Display names for store and category ids, in the page's language (English when missing). */
export async function namesFor(
  kind: "store" | "category",
  ids: number[],
  lang: Lang,
  reader: AppDatabase = db,
): Promise<Map<number, { name: string; slug: string; countryCode?: string }>> {
  const out = new Map<number, { name: string; slug: string; countryCode?: string }>();
  if (!ids.length) return out;
  if (kind === "store") {
    const t = alias(schema.storeTranslations, "t");
    const en = alias(schema.storeTranslations, "en");
    for (const r of await reader
      .select({ id: schema.stores.id, slug: schema.stores.slug, countryCode: schema.stores.countryCode, name: sql<string>`coalesce(${t.name}, ${en.name})` })
      .from(schema.stores)
      .innerJoin(en, and(eq(en.storeId, schema.stores.id), eq(en.lang, "en")))
      .leftJoin(t, and(eq(t.storeId, schema.stores.id), eq(t.lang, lang)))
      .where(inArray(schema.stores.id, ids)))
      out.set(r.id, r);
  } else {
    const t = alias(schema.categoryTranslations, "t");
    const en = alias(schema.categoryTranslations, "en");
    for (const r of await reader
      .select({ id: schema.categories.id, slug: schema.categories.slug, name: sql<string>`coalesce(${t.name}, ${en.name})` })
      .from(schema.categories)
      .innerJoin(en, and(eq(en.categoryId, schema.categories.id), eq(en.lang, "en")))
      .leftJoin(t, and(eq(t.categoryId, schema.categories.id), eq(t.lang, lang)))
      .where(inArray(schema.categories.id, ids)))
      out.set(r.id, r);
  }
  return out;
}

/** Approved stores and listed deals of one festival. */
export function festivalParticipation(festivalId: number): Promise<{ storeIds: number[]; dealProductIds: number[] }> {
  return untilContentChanges(`participation:${festivalId}`, () => queryParticipation(festivalId));
}

async function queryParticipation(festivalId: number) {
  const stores = await db
    .select({ id: schema.festivalEnrolments.storeId })
    .from(schema.festivalEnrolments)
    .where(and(eq(schema.festivalEnrolments.festivalId, festivalId), eq(schema.festivalEnrolments.status, "approved")));
  const deals = await db
    .select({ productId: schema.festivalDeals.productId })
    .from(schema.festivalDeals)
    .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
    .where(
      and(
        eq(schema.festivalEnrolments.festivalId, festivalId),
        eq(schema.festivalEnrolments.status, "approved"),
        eq(schema.festivalDeals.status, "approved"),
      ),
    );
  return { storeIds: stores.map((r) => r.id), dealProductIds: deals.map((r) => r.productId) };
}

/** CSV text (RFC 4180 quoting) of a festival's results: totals, then stores, countries, categories and hours. */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // Neutralise spreadsheet formulas in owner-supplied text.
    const safe = /^[=+\-@\t\r]/.test(s) && typeof v === "string" ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
