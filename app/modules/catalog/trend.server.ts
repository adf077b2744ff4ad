/**
 * The campaign tracker over time: stores live and products listed at the end
 * of each UTC day of the campaign, and whether each target is behind linear
 * progress. A store counts from when it went live (`stores.live_since`), a
 * product from when it was published or its store went live, whichever is
 * later (both dates kept by triggers, migration 0007). The series is today's
 * catalogue by arrival date: a store suspended since then leaves the past
 * days too, so the last day always equals the tracker's own count.
 */
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { CAMPAIGN_TARGETS, visibleProduct } from "./catalog.server";
import { untilContentChanges } from "./content-version.server";
import { readTarget, type TargetReading } from "./targets";

export const DAY_MS = 86_400_000;

export interface CampaignWindow {
  startsAt: number;
  endsAt: number;
}

export async function campaignWindow(): Promise<CampaignWindow | null> {
  const { siteState } = schema;
  const [row] = await db
    .select({ startsAt: siteState.campaignStartsAt, endsAt: siteState.campaignEndsAt })
    .from(siteState)
    .where(eq(siteState.id, 1))
    .limit(1);
  const startsAt = row?.startsAt?.getTime();
  const endsAt = row?.endsAt?.getTime();
  return startsAt !== undefined && endsAt !== undefined && endsAt > startsAt ? { startsAt, endsAt } : null;
}

/** Counts per instant, summed per UTC day number (the day is reckoned here, the same on every engine). */
function perDay(rows: { at: Date; n: number }[]): { day: number; n: number }[] {
  const days = new Map<number, number>();
  for (const r of rows) {
    const day = Math.floor(r.at.getTime() / DAY_MS);
    days.set(day, (days.get(day) ?? 0) + r.n);
  }
  return [...days].map(([day, n]) => ({ day, n }));
}

/** Arrivals per UTC day number: content only, so kept until the content version moves. */
function arrivalsByDay() {
  return untilContentChanges("tracker-arrivals", async () => {
    const { stores, products } = schema;
    // A product arrives when it was published (or listed) or when its store went live, whichever is later.
    const productArrival = sql`CASE WHEN coalesce(${products.publishedAt}, ${products.createdAt}) > ${stores.liveSince} THEN coalesce(${products.publishedAt}, ${products.createdAt}) ELSE ${stores.liveSince} END`;
    const [storeRows, productRows] = await Promise.all([
      db
        .select({ at: stores.liveSince, n: count() })
        .from(stores)
        .where(and(eq(stores.status, "live"), isNotNull(stores.liveSince)))
        .groupBy(stores.liveSince),
      db
        .select({ at: sql<Date>`${productArrival}`.mapWith(stores.liveSince), n: count() })
        .from(products)
        .innerJoin(stores, eq(stores.id, products.storeId))
        .where(and(visibleProduct, isNotNull(stores.liveSince)))
        .groupBy(productArrival),
    ]);
    return { stores: perDay(storeRows.map((r) => ({ at: r.at!, n: r.n }))), products: perDay(productRows) };
  });
}

export interface TrendDay {
  /** Midnight UTC of the day, in ms. */
  day: number;
  stores: number;
  products: number;
}

export interface CampaignTrend {
  window: CampaignWindow | null;
  days: TrendDay[];
  /** Null without a campaign window: nothing to be behind of. */
  standing: { stores: TargetReading; products: TargetReading } | null;
}

/**
 * One point per UTC day from the campaign's first day to today (or its last
 * day, if it has ended); arrivals before the window count on its first day.
 * Without a window, the series starts at the first arrival.
 */
export async function campaignTrend(now: number): Promise<CampaignTrend> {
  const [window, arrivals] = await Promise.all([campaignWindow(), arrivalsByDay()]);
  const firstArrival = Math.min(...arrivals.stores.map((r) => r.day), Math.floor(now / DAY_MS));
  const firstDay = window ? Math.floor(window.startsAt / DAY_MS) : firstArrival;
  const lastDay = Math.max(firstDay, Math.floor((window ? Math.min(now, window.endsAt - 1) : now) / DAY_MS));
  const cumulative = (rows: { day: number; n: number }[]) => {
    const perDay = new Map<number, number>();
    for (const r of rows) perDay.set(Math.max(r.day, firstDay), (perDay.get(Math.max(r.day, firstDay)) ?? 0) + r.n);
    let total = 0;
    const out: number[] = [];
    for (let d = firstDay; d <= lastDay; d++) out.push((total += perDay.get(d) ?? 0));
    return out;
  };
  const stores = cumulative(arrivals.stores);
  const products = cumulative(arrivals.products);
  const days = stores.map((n, i) => ({ day: (firstDay + i) * DAY_MS, stores: n, products: products[i] }));
  const today = days[days.length - 1] ?? { stores: 0, products: 0 };
  return {
    window,
    days,
    standing: window
      ? { stores: readTarget(today.stores, CAMPAIGN_TARGETS.stores, window, now), products: readTarget(today.products, CAMPAIGN_TARGETS.products, window, now) }
      : null,
  };
}
