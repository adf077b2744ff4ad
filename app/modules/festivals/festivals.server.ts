/**
 * Festival records and the deals they carry. State always comes from the
 * clock (clock.ts) at the instant asked about.
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import type { Lang } from "../i18n/config";
import type { DealCandidate } from "../pricing/pricing";
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
}

function phasesByFestival(ids: number[]): Map<number, Phase[]> {
  const map = new Map<number, Phase[]>();
  if (!ids.length) return map;
  const rows = db.select().from(schema.festivalPhases).where(inArray(schema.festivalPhases.festivalId, ids)).all();
  for (const row of rows) {
    const list = map.get(row.festivalId) ?? [];
    list.push({ kind: row.kind, startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() });
    map.set(row.festivalId, list);
  }
  return map;
}

/** Published festivals with their clock reading at `now`, in the page's language. */
export function listFestivals(lang: Lang, now: number): FestivalSummary[] {
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
      clock: readClock(p, now),
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

/** Every deal offered on these products, with what pricing needs to decide if it applies. */
export function dealCandidates(productIds: readonly number[]): Map<number, DealCandidate[]> {
  const map = new Map<number, DealCandidate[]>();
  if (!productIds.length) return map;
  const rows = db
    .select({
      productId: schema.festivalDeals.productId,
      dealId: schema.festivalDeals.id,
      dealPriceMinor: schema.festivalDeals.dealPriceMinor,
      dealStatus: schema.festivalDeals.status,
      flashStartsAt: schema.festivalDeals.flashStartsAt,
      flashEndsAt: schema.festivalDeals.flashEndsAt,
      enrolmentStatus: schema.festivalEnrolments.status,
      festivalId: schema.festivals.id,
      festivalStatus: schema.festivals.status,
    })
    .from(schema.festivalDeals)
    .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
    .innerJoin(schema.festivals, eq(schema.festivals.id, schema.festivalEnrolments.festivalId))
    .where(inArray(schema.festivalDeals.productId, [...productIds]))
    .all();
  const phases = phasesByFestival([...new Set(rows.map((r) => r.festivalId))]);
  for (const r of rows) {
    const list = map.get(r.productId) ?? [];
    list.push({
      dealId: r.dealId,
      festivalId: r.festivalId,
      dealPriceMinor: r.dealPriceMinor,
      dealStatus: r.dealStatus,
      enrolmentStatus: r.enrolmentStatus,
      festivalStatus: r.festivalStatus,
      flashStartsAt: r.flashStartsAt?.getTime() ?? null,
      flashEndsAt: r.flashEndsAt?.getTime() ?? null,
      phases: phases.get(r.festivalId) ?? [],
    });
    map.set(r.productId, list);
  }
  return map;
}

/** Approved deals on a festival's approved enrolments. */
export function approvedDealCount(festivalId: number): number {
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
