/**
 * The campaign tracker over time: stores live and products listed at the end
 * of each UTC day of the campaign, and whether each target is behind linear
 * progress. A store counts from when it went live (`stores.live_since`), a
 * product from when it was published or its store went live, whichever is
 * later (both dates kept by triggers, migration 0007). The series is today's
 * catalogue by arrival date: a store suspended since then leaves the past
 * days too, so the last day always equals the tracker's own count.
 */
import { db, statements } from "~/db.server";
import { CAMPAIGN_TARGETS } from "./catalog.server";
import { untilContentChanges } from "./content-version.server";
import { PRODUCT_FROM, VISIBLE_PRODUCT } from "./sql.server";
import { readTarget, type TargetReading } from "./targets";

export const DAY_MS = 86_400_000;

const prepared = statements((client) => ({
  window: client.prepare<[], { startsAt: number | null; endsAt: number | null }>("SELECT campaign_starts_at AS startsAt, campaign_ends_at AS endsAt FROM site_state WHERE id = 1"),
  storesByDay: client.prepare<[], { day: number; n: number }>(
    `SELECT s.live_since / ${DAY_MS} AS day, count(*) AS n FROM stores s WHERE s.status = 'live' AND s.live_since IS NOT NULL GROUP BY day`,
  ),
  productsByDay: client.prepare<[], { day: number; n: number }>(
    `SELECT max(coalesce(p.published_at, p.created_at), s.live_since) / ${DAY_MS} AS day, count(*) AS n ${PRODUCT_FROM}
     WHERE ${VISIBLE_PRODUCT} AND s.live_since IS NOT NULL GROUP BY day`,
  ),
}));

export interface CampaignWindow {
  startsAt: number;
  endsAt: number;
}

export function campaignWindow(): CampaignWindow | null {
  const row = prepared(db).window.get();
  return row?.startsAt != null && row.endsAt != null && row.endsAt > row.startsAt ? { startsAt: row.startsAt, endsAt: row.endsAt } : null;
}

/** Arrivals per UTC day number: content only, so kept until the content version moves. */
function arrivalsByDay() {
  return untilContentChanges("tracker-arrivals", () => ({
    stores: prepared(db).storesByDay.all(),
    products: prepared(db).productsByDay.all(),
  }));
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
export function campaignTrend(now: number): CampaignTrend {
  const window = campaignWindow();
  const arrivals = arrivalsByDay();
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
