/**
 * Festival records and the deals they carry. State always comes from the
 * clock (clock.ts) at the instant asked about.
 */
import { and, count, eq, inArray, sql, type Placeholder } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
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

// Read on every cart, catalogue page and order: Drizzle queries prepared once per length of the id
// list, with placeholders, so a call binds values instead of building and preparing SQL (measured:
// about six times the calls per second of building the query each time).
const MAX_PREPARED_ARITY = 100;

function perLength<Q>(prepare: (ids: Placeholder[]) => Q): (n: number) => Q {
  const byLength = new Map<number, Q>();
  const build = (n: number) => prepare(Array.from({ length: n }, (_, i) => sql.placeholder(`id${i}`)));
  return (n) => {
    if (n > MAX_PREPARED_ARITY) return build(n);
    let query = byLength.get(n);
    if (!query) {
      query = build(n);
      byLength.set(n, query);
    }
    return query;
  };
}

const idValues = (ids: readonly number[]) => Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));

function phasesQuery(ids: readonly (number | Placeholder)[]) {
  return db
    .select({
      festivalId: schema.festivalPhases.festivalId,
      kind: schema.festivalPhases.kind,
      startsAt: schema.festivalPhases.startsAt,
      endsAt: schema.festivalPhases.endsAt,
    })
    .from(schema.festivalPhases)
    .where(inArray(schema.festivalPhases.festivalId, ids));
}

type PhaseRow = Awaited<ReturnType<typeof phasesQuery>>[number];
const preparedPhases = perLength((ids) => phasesQuery(ids).prepare());

function groupPhases(rows: PhaseRow[]): Map<number, Phase[]> {
  const map = new Map<number, Phase[]>();
  for (const row of rows) {
    const list = map.get(row.festivalId);
    const phase: Phase = { kind: row.kind, startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() };
    if (list) list.push(phase);
    else map.set(row.festivalId, [phase]);
  }
  return map;
}

async function phasesByFestival(ids: number[]): Promise<Map<number, Phase[]>> {
  if (!ids.length) return new Map<number, Phase[]>();
  return groupPhases(await Promise.resolve(preparedPhases(ids.length).execute(idValues(ids))));
}

/** Published festivals with their clock reading at `now`, in the page's language. */
export async function listFestivals(lang: Lang, now: number): Promise<FestivalSummary[]> {
  // The records change only with the content; the clock is read for every call.
  const festivals = await untilContentChanges(`festivals:${lang}`, () => queryPublishedFestivals(lang));
  return festivals.map((f) => ({ ...f, clock: readClock(f.phases, now) }));
}

function publishedFestivalsQuery(lang: Lang) {
  const t = alias(schema.festivalTranslations, "t");
  const en = alias(schema.festivalTranslations, "en");
  return db
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
      fallback: sql<boolean>`${t.name} is null`.mapWith(Boolean),
    })
    .from(schema.festivals)
    .innerJoin(en, and(eq(en.festivalId, schema.festivals.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.festivalId, schema.festivals.id), eq(t.lang, lang)))
    .where(eq(schema.festivals.status, "published"));
}

function toSummaries(
  rows: Awaited<ReturnType<typeof publishedFestivalsQuery>>,
  phases: Map<number, Phase[]>,
): Omit<FestivalSummary, "clock">[] {
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    timeZone: r.timeZone,
    name: r.name,
    pitch: r.pitch,
    fallback: r.fallback,
    targets: { orders: r.targetOrders, units: r.targetUnits, gmv: r.targetGmvMinor },
    phases: phases.get(r.id) ?? [],
    banner: r.bannerUrl ? { url: r.bannerUrl, width: r.bannerWidth ?? 0, height: r.bannerHeight ?? 0 } : null,
  }));
}

async function queryPublishedFestivals(lang: Lang): Promise<Omit<FestivalSummary, "clock">[]> {
  const rows = await publishedFestivalsQuery(lang);
  return toSummaries(rows, await phasesByFestival(rows.map((r) => r.id)));
}

/** The festival to feature: the one running now, else the next to start, else the latest. */
export async function featuredFestival(lang: Lang, now: number): Promise<FestivalSummary | null> {
  return pickFeatured(await listFestivals(lang, now));
}

function pickFeatured(all: FestivalSummary[]): FestivalSummary | null {
  const running =
    all.find((f) => f.clock.state === "live") ?? all.find((f) => f.clock.state === "encore" || f.clock.state === "warmup");
  if (running) return running;
  const start = (f: FestivalSummary) => Math.min(...f.phases.map((p) => p.startsAt));
  const upcoming = all.filter((f) => f.clock.state === "upcoming").sort((a, b) => start(a) - start(b));
  if (upcoming[0]) return upcoming[0];
  return all.sort((a, b) => start(b) - start(a))[0] ?? null;
}

/** Every deal offered on these products, with what pricing needs to decide if it applies (units left included). */
export async function dealCandidates(productIds: readonly number[]): Promise<Map<number, DealCandidate[]>> {
  if (!productIds.length) return new Map<number, DealCandidate[]>();
  const rows = await Promise.resolve(preparedDeals(productIds.length).execute(idValues(productIds)));
  return toCandidates(rows, await phasesByFestival([...new Set(rows.map((r) => r.festivalId))]));
}

function dealsQuery(productIds: readonly (number | Placeholder)[]) {
  const d = schema.festivalDeals;
  const e = schema.festivalEnrolments;
  return db
    .select({
      productId: d.productId,
      dealId: d.id,
      dealPriceMinor: d.dealPriceMinor,
      dealStatus: d.status,
      flashStartsAt: d.flashStartsAt,
      flashEndsAt: d.flashEndsAt,
      unitsLeft: sql<number>`${d.committedStock} - ${d.unitsTaken}`.mapWith(Number),
      perCustomerLimit: d.perCustomerLimit,
      organiserSharePct: d.organiserSharePct,
      fundedDiscountMinor: d.fundedDiscountMinor,
      enrolmentStatus: e.status,
      festivalId: schema.festivals.id,
      festivalStatus: schema.festivals.status,
    })
    .from(d)
    .innerJoin(e, eq(e.id, d.enrolmentId))
    .innerJoin(schema.festivals, eq(schema.festivals.id, e.festivalId))
    .where(inArray(d.productId, [...productIds]));
}

const preparedDeals = perLength((ids) => dealsQuery(ids).prepare());

function toCandidates(rows: Awaited<ReturnType<typeof dealsQuery>>, phases: Map<number, Phase[]>): Map<number, DealCandidate[]> {
  const map = new Map<number, DealCandidate[]>();
  for (const r of rows) {
    const candidate: DealCandidate = {
      dealId: r.dealId,
      festivalId: r.festivalId,
      dealPriceMinor: r.dealPriceMinor,
      dealStatus: r.dealStatus,
      enrolmentStatus: r.enrolmentStatus,
      festivalStatus: r.festivalStatus,
      flashStartsAt: r.flashStartsAt?.getTime() ?? null,
      flashEndsAt: r.flashEndsAt?.getTime() ?? null,
      phases: phases.get(r.festivalId) ?? [],
      unitsLeft: r.unitsLeft,
      perCustomerLimit: r.perCustomerLimit,
      funding: { organiserSharePct: r.organiserSharePct, fundedDiscountMinor: r.fundedDiscountMinor },
    };
    const list = map.get(r.productId);
    if (list) list.push(candidate);
    else map.set(r.productId, [candidate]);
  }
  return map;
}

/** Approved deals on a festival's approved enrolments. */
export function approvedDealCount(festivalId: number): Promise<number> {
  return untilContentChanges(`approved-deals:${festivalId}`, () => queryApprovedDealCount(festivalId));
}

async function queryApprovedDealCount(festivalId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(schema.festivalDeals)
    .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
    .where(
      and(
        eq(schema.festivalEnrolments.festivalId, festivalId),
        eq(schema.festivalEnrolments.status, "approved"),
        eq(schema.festivalDeals.status, "approved"),
      ),
    );
  return row?.n ?? 0;
}
