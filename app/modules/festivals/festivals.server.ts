/**
 * Festival records and the deals they carry. State always comes from the
 * clock (clock.ts) at the instant asked about.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, perArity, schema, statements } from "~/db.server";
import type { Lang } from "../i18n/config";
import type { DealCandidate } from "../pricing/pricing";
import { untilContentChanges } from "../catalog/content-version.server";
import { readClock, type ClockReading, type Phase } from "./clock";

export interface FestivalSummary {
  id: number;
  slug: string;
  timeZone: string;
  name: string;
  pitch: string;
  fallback: boolean;
  targets: { orders: number; units: number; gmv: number };
  phases: Phase[];
  clock: ClockReading;
  banner: { url: string; width: number; height: number } | null;
}

// Read on every cart, catalogue page and order: prepared once per connection (see db/prepared.ts),
// one statement per length of the id list.
const prepared = statements((client) => ({
  phases: perArity(
    client,
    (list) => `select "id", "festival_id" AS festivalId, "kind", "starts_at" AS startsAt, "ends_at" AS endsAt
               from "festival_phases" where "festival_phases"."festival_id" in (${list})`,
  ),
  deals: perArity(
    client,
    (list) => `select "festival_deals"."product_id" AS productId, "festival_deals"."id" AS dealId,
                 "festival_deals"."deal_price_minor" AS dealPriceMinor, "festival_deals"."status" AS dealStatus,
                 "festival_deals"."flash_starts_at" AS flashStartsAt, "festival_deals"."flash_ends_at" AS flashEndsAt,
                 "festival_deals"."committed_stock" - "festival_deals"."units_taken" AS unitsLeft,
                 "festival_deals"."per_customer_limit" AS perCustomerLimit,
                 "festival_enrolments"."status" AS enrolmentStatus, "festivals"."id" AS festivalId, "festivals"."status" AS festivalStatus
               from "festival_deals"
               inner join "festival_enrolments" on "festival_enrolments"."id" = "festival_deals"."enrolment_id"
               inner join "festivals" on "festivals"."id" = "festival_enrolments"."festival_id"
               where "festival_deals"."product_id" in (${list})`,
  ),
}));

function phasesByFestival(ids: number[]): Map<number, Phase[]> {
  const map = new Map<number, Phase[]>();
  if (!ids.length) return map;
  const rows = prepared(db).phases(ids.length).all(ids) as { festivalId: number; kind: Phase["kind"]; startsAt: number; endsAt: number }[];
  for (const row of rows) {
    const list = map.get(row.festivalId);
    const phase: Phase = { kind: row.kind, startsAt: row.startsAt, endsAt: row.endsAt };
    if (list) list.push(phase);
    else map.set(row.festivalId, [phase]);
  }
  return map;
}

/** Published festivals with their clock reading at `now`, in the page's language. */
export function listFestivals(lang: Lang, now: number): FestivalSummary[] {
  // The records change only with the content; the clock is read for every call.
  return publishedFestivals(lang).map((f) => ({ ...f, clock: readClock(f.phases, now) }));
}

function publishedFestivals(lang: Lang): Omit<FestivalSummary, "clock">[] {
  return untilContentChanges(`festivals:${lang}`, () => queryPublishedFestivals(lang));
}

function queryPublishedFestivals(lang: Lang): Omit<FestivalSummary, "clock">[] {
  const t = alias(schema.festivalTranslations, "t");
  const en = alias(schema.festivalTranslations, "en");
  const rows = db
    .select({
      id: schema.festivals.id,
      slug: schema.festivals.slug,
      timeZone: schema.festivals.timeZone,
      targetOrders: schema.festivals.targetOrders,
      targetUnits: schema.festivals.targetUnits,
      targetGmvMinor: schema.festivals.targetGmvMinor,
      bannerUrl: schema.festivals.bannerUrl,
      bannerWidth: schema.festivals.bannerWidth,
      bannerHeight: schema.festivals.bannerHeight,
      name: sql<string>`coalesce(${t.name}, ${en.name})`,
      pitch: sql<string>`coalesce(${t.pitch}, ${en.pitch})`,
      fallback: sql<number>`${t.name} is null`,
    })
    .from(schema.festivals)
    .innerJoin(en, and(eq(en.festivalId, schema.festivals.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.festivalId, schema.festivals.id), eq(t.lang, lang)))
    .where(eq(schema.festivals.status, "published"))
    .all();
  const phases = phasesByFestival(rows.map((r) => r.id));
  return rows.map((r) => {
    const p = phases.get(r.id) ?? [];
    return {
      id: r.id,
      slug: r.slug,
      timeZone: r.timeZone,
      name: r.name,
      pitch: r.pitch,
      fallback: Boolean(r.fallback),
      targets: { orders: r.targetOrders, units: r.targetUnits, gmv: r.targetGmvMinor },
      phases: p,
      banner: r.bannerUrl ? { url: r.bannerUrl, width: r.bannerWidth ?? 0, height: r.bannerHeight ?? 0 } : null,
    };
  });
}

/** The festival to feature: the one running now, else the next to start, else the latest. */
export function featuredFestival(lang: Lang, now: number): FestivalSummary | null {
  const all = listFestivals(lang, now);
  const running = all.find((f) => f.clock.state === "live") ?? all.find((f) => f.clock.state === "encore" || f.clock.state === "warmup");
  if (running) return running;
  const start = (f: FestivalSummary) => Math.min(...f.phases.map((p) => p.startsAt));
  const upcoming = all.filter((f) => f.clock.state === "upcoming").sort((a, b) => start(a) - start(b));
  if (upcoming[0]) return upcoming[0];
  return all.sort((a, b) => start(b) - start(a))[0] ?? null;
}

/** Every deal offered on these products, with what pricing needs to decide if it applies (units left included). */
export function dealCandidates(productIds: readonly number[]): Map<number, DealCandidate[]> {
  const map = new Map<number, DealCandidate[]>();
  if (!productIds.length) return map;
  const rows = prepared(db).deals(productIds.length).all(productIds) as DealRow[];
  if (!rows.length) return map;
  const phases = phasesByFestival([...new Set(rows.map((r) => r.festivalId))]);
  for (const r of rows) {
    const candidate: DealCandidate = {
      dealId: r.dealId,
      festivalId: r.festivalId,
      dealPriceMinor: r.dealPriceMinor,
      dealStatus: r.dealStatus,
      enrolmentStatus: r.enrolmentStatus,
      festivalStatus: r.festivalStatus,
      flashStartsAt: r.flashStartsAt,
      flashEndsAt: r.flashEndsAt,
      phases: phases.get(r.festivalId) ?? [],
      unitsLeft: r.unitsLeft,
      perCustomerLimit: r.perCustomerLimit,
    };
    const list = map.get(r.productId);
    if (list) list.push(candidate);
    else map.set(r.productId, [candidate]);
  }
  return map;
}

interface DealRow {
  productId: number;
  dealId: number;
  dealPriceMinor: number;
  dealStatus: string;
  flashStartsAt: number | null;
  flashEndsAt: number | null;
  unitsLeft: number;
  perCustomerLimit: number | null;
  enrolmentStatus: string;
  festivalId: number;
  festivalStatus: string;
}

/** Approved deals on a festival's approved enrolments. */
export function approvedDealCount(festivalId: number): number {
  return untilContentChanges(`approved-deals:${festivalId}`, () => queryApprovedDealCount(festivalId));
}

function queryApprovedDealCount(festivalId: number): number {
  return (
    db
      .select({ n: count() })
      .from(schema.festivalDeals)
      .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
      .where(
        and(
          eq(schema.festivalEnrolments.festivalId, festivalId),
          eq(schema.festivalEnrolments.status, "approved"),
          eq(schema.festivalDeals.status, "approved"),
        ),
      )
      .get()?.n ?? 0
  );
}
