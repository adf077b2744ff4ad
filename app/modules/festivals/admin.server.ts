/**
 * The organiser's side of festivals: create, edit, publish, cancel, and the
 * review queue of store enrolments and deal offers. Every change writes an
 * audit-log row in the same transaction.
 */
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact, type Tx } from "~/db.server";
import { LANGS, type Lang } from "../i18n/config";
import { readClock, type ClockReading, type Phase } from "./clock";
import { committedSubsidies, lockSubsidyBudget } from "./funding.server";
import { missingLanguages, type FestivalInput } from "./schemas";

type Status = "draft" | "published" | "cancelled";

export interface FestivalRecord {
  id: number;
  slug: string;
  timeZone: string;
  status: Status;
  targets: { orders: number; units: number; gmv: number };
  subsidyBudget: number;
  names: Partial<Record<Lang, { name: string; pitch: string }>>;
  phases: Phase[];
  banner: { url: string; width: number; height: number } | null;
}

async function phasesOf(festivalId: number): Promise<Phase[]> {
  const rows = await db.select().from(schema.festivalPhases).where(eq(schema.festivalPhases.festivalId, festivalId));
  return rows
    .map((p) => ({ kind: p.kind, startsAt: p.startsAt.getTime(), endsAt: p.endsAt.getTime() }))
    .sort((a, b) => a.startsAt - b.startsAt);
}

export async function festivalRecord(slug: string): Promise<FestivalRecord | null> {
  const [f] = await db.select().from(schema.festivals).where(eq(schema.festivals.slug, slug)).limit(1);
  if (!f) return null;
  const texts = await db.select().from(schema.festivalTranslations).where(eq(schema.festivalTranslations.festivalId, f.id));
  return {
    id: f.id,
    slug: f.slug,
    timeZone: f.timeZone,
    status: f.status,
    targets: { orders: f.targetOrders, units: f.targetUnits, gmv: f.targetGmvMinor },
    subsidyBudget: f.subsidyBudgetMinor,
    names: Object.fromEntries(texts.map((t) => [t.lang, { name: t.name, pitch: t.pitch }])),
    phases: await phasesOf(f.id),
    banner: f.bannerUrl ? { url: f.bannerUrl, width: f.bannerWidth ?? 0, height: f.bannerHeight ?? 0 } : null,
  };
}

/** Whether another festival than `exceptId` has this slug; read in the transaction that then writes it. */
async function slugTaken(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: schema.festivals.id })
    .from(schema.festivals)
    .where(exceptId ? and(eq(schema.festivals.slug, slug), ne(schema.festivals.id, exceptId)) : eq(schema.festivals.slug, slug))
    .limit(1);
  return Boolean(row);
}

interface Actor {
  userId: number;
  ip?: string | null;
  now: Date;
}

async function auditRow(
  tx: Tx,
  actor: Actor,
  action: string,
  subjectType: string,
  subjectId: number,
  detail?: Record<string, unknown>,
) {
  await tx
    .insert(schema.auditLog)
    .values({
      action,
      userId: actor.userId,
      subjectType,
      subjectId: String(subjectId),
      detail: detail ?? null,
      ip: actor.ip ?? null,
      createdAt: actor.now,
    });
}

export type SaveResult = { ok: true; id: number } | { ok: false; reason: "slugTaken" | "budgetBelowCommitted" };

/**
 * Creates (no id) or replaces a festival's fields, names and phases, all or
 * nothing. The slug is checked free in the same transaction that takes it.
 */
export function saveFestival(input: FestivalInput, actor: Actor, id?: number): Promise<SaveResult> {
  return transact(db, async (tx): Promise<SaveResult> => {
    if (await slugTaken(tx, input.slug, id)) return { ok: false, reason: "slugTaken" };
    // The budget may not drop below what approved deals may already cost (read after the row is locked, as approval does).
    if (id !== undefined && (await lockSubsidyBudget(tx, id)) !== null) {
      if (input.subsidyBudget < ((await committedSubsidies(tx, [id])).get(id) ?? 0)) return { ok: false, reason: "budgetBelowCommitted" };
    }
    const values = {
      slug: input.slug,
      timeZone: input.timeZone,
      targetOrders: input.targetOrders,
      targetUnits: input.targetUnits,
      targetGmvMinor: input.targetGmv,
      subsidyBudgetMinor: input.subsidyBudget,
    };
    let festivalId = id;
    if (festivalId !== undefined && missingLanguages(input.names).length) {
      // A published festival keeps all six languages (the edit action checks this with publishedFestivalSchema).
      const [current] = await tx
        .select({ status: schema.festivals.status })
        .from(schema.festivals)
        .where(eq(schema.festivals.id, festivalId))
        .limit(1);
      if (current?.status === "published") throw new Error("a published festival needs every language");
    }
    if (festivalId === undefined) {
      const [created] = await tx
        .insert(schema.festivals)
        .values({ ...values, status: "draft", createdBy: actor.userId, createdAt: actor.now })
        .returning({ id: schema.festivals.id });
      festivalId = created.id;
    } else {
      await tx.update(schema.festivals).set(values).where(eq(schema.festivals.id, festivalId));
      await tx.delete(schema.festivalTranslations).where(eq(schema.festivalTranslations.festivalId, festivalId));
      await tx.delete(schema.festivalPhases).where(eq(schema.festivalPhases.festivalId, festivalId));
    }
    const savedId = festivalId;
    const texts = LANGS.flatMap((lang) => {
      const text = input.names[lang];
      return text?.name ? [{ festivalId: savedId, lang, name: text.name, pitch: text.pitch }] : [];
    });
    if (texts.length) await tx.insert(schema.festivalTranslations).values(texts);
    await tx
      .insert(schema.festivalPhases)
      .values(
        input.phases.map((p) => ({
          festivalId: savedId,
          kind: p.kind,
          startsAt: new Date(p.startsAt),
          endsAt: new Date(p.endsAt),
        })),
      );
    await auditRow(tx, actor, id === undefined ? "festival.created" : "festival.updated", "festival", savedId, {
      slug: input.slug,
      phases: input.phases.map((p) => ({
        kind: p.kind,
        startsAt: new Date(p.startsAt).toISOString(),
        endsAt: new Date(p.endsAt).toISOString(),
      })),
    });
    return { ok: true, id: savedId };
  });
}

export type PublishResult =
  { ok: true } | { ok: false; reason: "missingLanguages"; missing: Lang[] } | { ok: false; reason: "notDraft" };

/** Publishes a draft, only once it has a name and a pitch in every language (checked in the same transaction). */
export function publishFestival(id: number, actor: Actor): Promise<PublishResult> {
  return transact(db, async (tx): Promise<PublishResult> => {
    const texts = await tx.select().from(schema.festivalTranslations).where(eq(schema.festivalTranslations.festivalId, id));
    const missing = missingLanguages(Object.fromEntries(texts.map((t) => [t.lang, { name: t.name, pitch: t.pitch }])));
    if (missing.length) return { ok: false, reason: "missingLanguages", missing };
    const changed = await tx
      .update(schema.festivals)
      .set({ status: "published" })
      .where(and(eq(schema.festivals.id, id), eq(schema.festivals.status, "draft")))
      .returning({ id: schema.festivals.id });
    if (changed.length !== 1) return { ok: false, reason: "notDraft" };
    await auditRow(tx, actor, "festival.published", "festival", id);
    return { ok: true };
  });
}

/** Cancels a draft or a published festival (guarded: a cancelled one stays as it is). */
export function cancelFestival(id: number, actor: Actor): Promise<boolean> {
  return transact(db, async (tx) => {
    const changed = await tx
      .update(schema.festivals)
      .set({ status: "cancelled" })
      .where(and(eq(schema.festivals.id, id), inArray(schema.festivals.status, ["draft", "published"] as Status[])))
      .returning({ id: schema.festivals.id });
    if (changed.length !== 1) return false;
    await auditRow(tx, actor, "festival.cancelled", "festival", id);
    return true;
  });
}

// ── Duplicating a festival, its banner ─────────────────────────────────────

/** A free slug for a copy: the source's without its year or copy number, then the new year ("harvest-week-2027", "-2" …). */
async function copySlug(tx: Tx, sourceSlug: string, year: number): Promise<string> {
  const base =
    sourceSlug
      .replace(/(-\d{4}(-\d{2}){0,2})?(-\d{1,3})?$/, "")
      .slice(0, 50)
      .replace(/-+$/, "") || "festival";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? `${base}-${year}` : `${base}-${year}-${n}`;
    if (!(await slugTaken(tx, slug))) return slug;
  }
}

/**
 * A new draft with the source's texts, zone, targets and banner, and its
 * phases moved by one amount so that the first starts at `firstStartsAt`
 * (every phase keeps its length). No enrolments or deals are copied. Its slug
 * is the first free one for `year` (copySlug), found in the transaction that
 * takes it; returns that slug.
 */
export function duplicateFestival(sourceId: number, firstStartsAt: number, year: number, actor: Actor): Promise<string> {
  return transact(db, async (tx) => {
    const [source] = await tx.select().from(schema.festivals).where(eq(schema.festivals.id, sourceId)).limit(1);
    if (!source) throw new Error(`no festival ${sourceId}`);
    const slug = await copySlug(tx, source.slug, year);
    const phases = await tx.select().from(schema.festivalPhases).where(eq(schema.festivalPhases.festivalId, sourceId));
    const shift = firstStartsAt - Math.min(...phases.map((p) => p.startsAt.getTime()));
    const [{ id }] = await tx
      .insert(schema.festivals)
      .values({
        slug,
        timeZone: source.timeZone,
        status: "draft",
        targetOrders: source.targetOrders,
        targetUnits: source.targetUnits,
        targetGmvMinor: source.targetGmvMinor,
        subsidyBudgetMinor: source.subsidyBudgetMinor,
        bannerUrl: source.bannerUrl,
        bannerWidth: source.bannerWidth,
        bannerHeight: source.bannerHeight,
        createdBy: actor.userId,
        createdAt: actor.now,
      })
      .returning({ id: schema.festivals.id });
    const texts = await tx.select().from(schema.festivalTranslations).where(eq(schema.festivalTranslations.festivalId, sourceId));
    if (texts.length) await tx.insert(schema.festivalTranslations).values(texts.map((t) => ({ ...t, festivalId: id })));
    if (phases.length) {
      await tx
        .insert(schema.festivalPhases)
        .values(
          phases.map((p) => ({
            festivalId: id,
            kind: p.kind,
            startsAt: new Date(p.startsAt.getTime() + shift),
            endsAt: new Date(p.endsAt.getTime() + shift),
          })),
        );
    }
    await auditRow(tx, actor, "festival.duplicated", "festival", id, { from: source.slug, slug, shiftMs: shift });
    return slug;
  });
}

/**
 * Sets (or, with null, removes) a festival's banner. Returns the URL of the
 * banner it replaced when no festival uses it any more (a copy shares its
 * source's banner), so the caller can delete those files.
 */
export function setFestivalBanner(
  id: number,
  image: { url: string; width: number; height: number } | null,
  actor: Actor,
): Promise<{ changed: boolean; orphaned: string | null }> {
  return transact(db, async (tx) => {
    const [before] = await tx
      .select({ url: schema.festivals.bannerUrl })
      .from(schema.festivals)
      .where(eq(schema.festivals.id, id))
      .limit(1);
    if (!before) return { changed: false, orphaned: null };
    // The row's update bumps the content version (migration 0004's trigger), so cached festival pages are dropped.
    await tx
      .update(schema.festivals)
      .set({ bannerUrl: image?.url ?? null, bannerWidth: image?.width ?? null, bannerHeight: image?.height ?? null })
      .where(eq(schema.festivals.id, id));
    await auditRow(
      tx,
      actor,
      image ? "festival.banner_set" : "festival.banner_removed",
      "festival",
      id,
      image ? { url: image.url } : undefined,
    );
    const old = before.url;
    const [stillUsed] = old
      ? await tx.select({ id: schema.festivals.id }).from(schema.festivals).where(eq(schema.festivals.bannerUrl, old)).limit(1)
      : [];
    return { changed: true, orphaned: old && !stillUsed ? old : null };
  });
}

export interface OrganiserFestivalRow {
  id: number;
  slug: string;
  name: string;
  status: Status;
  timeZone: string;
  targets: { orders: number; units: number; gmv: number };
  phases: Phase[];
  clock: ClockReading;
  pendingReviews: number;
}

export async function listAllFestivals(lang: Lang, now: number): Promise<OrganiserFestivalRow[]> {
  const t = alias(schema.festivalTranslations, "t");
  const en = alias(schema.festivalTranslations, "en");
  const rows = await db
    .select({
      id: schema.festivals.id,
      slug: schema.festivals.slug,
      status: schema.festivals.status,
      timeZone: schema.festivals.timeZone,
      targetOrders: schema.festivals.targetOrders,
      targetUnits: schema.festivals.targetUnits,
      targetGmvMinor: schema.festivals.targetGmvMinor,
      // A draft may lack this language and English: then any name it has, then its slug.
      name: sql<string>`coalesce(${t.name}, ${en.name}, (select min(ft.name) from festival_translations ft where ft.festival_id = ${schema.festivals.id}), ${schema.festivals.slug})`,
    })
    .from(schema.festivals)
    .leftJoin(en, and(eq(en.festivalId, schema.festivals.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.festivalId, schema.festivals.id), eq(t.lang, lang)))
    .orderBy(asc(schema.festivals.id));
  const pending = new Map<number, number>();
  for (const r of await reviewQueueRows()) pending.set(r.festivalId, (pending.get(r.festivalId) ?? 0) + 1);
  const phases = new Map<number, Phase[]>();
  if (rows.length) {
    for (const p of await db
      .select()
      .from(schema.festivalPhases)
      .where(
        inArray(
          schema.festivalPhases.festivalId,
          rows.map((r) => r.id),
        ),
      )) {
      const list = phases.get(p.festivalId) ?? [];
      list.push({ kind: p.kind, startsAt: p.startsAt.getTime(), endsAt: p.endsAt.getTime() });
      phases.set(p.festivalId, list);
    }
  }
  return rows
    .map(({ targetOrders, targetUnits, targetGmvMinor, ...r }) => {
      const own = (phases.get(r.id) ?? []).sort((a, b) => a.startsAt - b.startsAt);
      return {
        ...r,
        targets: { orders: targetOrders, units: targetUnits, gmv: targetGmvMinor },
        phases: own,
        clock: readClock(own, now),
        pendingReviews: pending.get(r.id) ?? 0,
      };
    })
    .sort((a, b) => (b.phases[0]?.startsAt ?? 0) - (a.phases[0]?.startsAt ?? 0));
}

// ── Review queue ───────────────────────────────────────────────────────────

export const REVIEW_STATUSES = ["pending", "approved", "rejected", "all"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What the organiser narrowed the queue to; each part is optional but the status (pending by default). */
export interface ReviewFilter {
  status: ReviewStatus;
  festivalId?: number;
  storeId?: number;
  countryCode?: string;
}

export interface ReviewItem {
  subject: "enrolment" | "deal";
  id: number;
  festivalId: number;
  storeId: number;
  productId: number | null;
  dealPriceMinor: number | null;
  regularPriceMinor: number | null;
  committedStock: number | null;
  stock: number | null;
  perCustomerLimit: number | null;
  /** A deal's organiser share of the discount, as approved (0 while pending: the store). */
  organiserSharePct: number | null;
  flashStartsAt: number | null;
  flashEndsAt: number | null;
  enrolmentStatus: string;
  status: "pending" | "approved" | "rejected";
  reason: string | null;
  decidedAt: number | null;
  decidedByName: string | null;
  createdAt: number;
}

/**
 * Enrolments and deal offers matching the filter, oldest first. A pending
 * deal whose enrolment was rejected is not waiting for anyone, so it is left
 * out (the owner sees the enrolment's reason instead).
 */
async function reviewQueueRows(filter: ReviewFilter = { status: "pending" }): Promise<ReviewItem[]> {
  const e = schema.festivalEnrolments;
  const d = schema.festivalDeals;
  const decider = alias(schema.users, "decider");
  const scope = [
    filter.festivalId !== undefined ? eq(e.festivalId, filter.festivalId) : undefined,
    filter.storeId !== undefined ? eq(e.storeId, filter.storeId) : undefined,
    filter.countryCode !== undefined ? eq(schema.stores.countryCode, filter.countryCode) : undefined,
  ];
  const enrolments = (
    await db
      .select({ e, deciderName: decider.name })
      .from(e)
      .innerJoin(schema.stores, eq(schema.stores.id, e.storeId))
      .leftJoin(decider, eq(decider.id, e.decidedBy))
      .where(and(filter.status === "all" ? undefined : eq(e.status, filter.status), ...scope))
  ).map(({ e: row, deciderName }): ReviewItem => ({
    subject: "enrolment",
    id: row.id,
    festivalId: row.festivalId,
    storeId: row.storeId,
    productId: null,
    dealPriceMinor: null,
    regularPriceMinor: null,
    committedStock: null,
    stock: null,
    perCustomerLimit: null,
    organiserSharePct: null,
    flashStartsAt: null,
    flashEndsAt: null,
    enrolmentStatus: row.status,
    status: row.status,
    reason: row.reason,
    decidedAt: row.decidedAt?.getTime() ?? null,
    decidedByName: deciderName,
    createdAt: row.createdAt.getTime(),
  }));
  const deals = (
    await db
      .select({
        id: d.id,
        festivalId: e.festivalId,
        storeId: e.storeId,
        enrolmentStatus: e.status,
        productId: d.productId,
        dealPriceMinor: d.dealPriceMinor,
        regularPriceMinor: schema.products.priceMinor,
        committedStock: d.committedStock,
        stock: schema.products.stock,
        perCustomerLimit: d.perCustomerLimit,
        organiserSharePct: d.organiserSharePct,
        flashStartsAt: d.flashStartsAt,
        flashEndsAt: d.flashEndsAt,
        status: d.status,
        reason: d.reason,
        decidedAt: d.decidedAt,
        decidedByName: decider.name,
        createdAt: d.createdAt,
      })
      .from(d)
      .innerJoin(e, eq(e.id, d.enrolmentId))
      .innerJoin(schema.products, eq(schema.products.id, d.productId))
      .innerJoin(schema.stores, eq(schema.stores.id, e.storeId))
      .leftJoin(decider, eq(decider.id, d.decidedBy))
      .where(
        and(
          filter.status === "all" ? or(ne(d.status, "pending"), ne(e.status, "rejected")) : eq(d.status, filter.status),
          filter.status === "pending" ? ne(e.status, "rejected") : undefined,
          ...scope,
        ),
      )
  ).map((row): ReviewItem => ({
    subject: "deal",
    ...row,
    flashStartsAt: row.flashStartsAt?.getTime() ?? null,
    flashEndsAt: row.flashEndsAt?.getTime() ?? null,
    decidedAt: row.decidedAt?.getTime() ?? null,
    createdAt: row.createdAt.getTime(),
  }));
  return [...enrolments, ...deals].sort(
    (a, b) => a.createdAt - b.createdAt || (a.subject === b.subject ? a.id - b.id : a.subject === "enrolment" ? -1 : 1),
  );
}

export interface ReviewRow extends ReviewItem {
  festivalName: string;
  festivalSlug: string;
  timeZone: string;
  storeName: string;
  storeSlug: string;
  countryCode: string;
  productName: string | null;
}

/** Names in the page's language (English where a translation is missing), by id. */
async function namesIn(table: "festival" | "store" | "product", ids: number[], lang: Lang): Promise<Map<number, string>> {
  if (!ids.length) return new Map<number, string>();
  const [tbl, col] =
    table === "festival"
      ? [schema.festivalTranslations, schema.festivalTranslations.festivalId]
      : table === "store"
        ? [schema.storeTranslations, schema.storeTranslations.storeId]
        : [schema.productTranslations, schema.productTranslations.productId];
  const out = new Map<number, { lang: string; name: string }>();
  for (const r of await db
    .select({
      id: col,
      lang: (tbl as typeof schema.festivalTranslations).lang,
      name: (tbl as typeof schema.festivalTranslations).name,
    })
    .from(tbl as typeof schema.festivalTranslations)
    .where(and(inArray(col, ids), inArray((tbl as typeof schema.festivalTranslations).lang, [lang, "en"])))) {
    const prev = out.get(r.id);
    if (!prev || r.lang === lang) out.set(r.id, r);
  }
  return new Map([...out].map(([k, v]) => [k, v.name]));
}

export async function reviewQueue(lang: Lang, filter: ReviewFilter = { status: "pending" }): Promise<ReviewRow[]> {
  const rows = await reviewQueueRows(filter);
  if (!rows.length) return [];
  const festivalIds = [...new Set(rows.map((r) => r.festivalId))];
  const storeIds = [...new Set(rows.map((r) => r.storeId))];
  const festivalNames = await namesIn("festival", festivalIds, lang);
  const storeNames = await namesIn("store", storeIds, lang);
  const productNames = await namesIn("product", [...new Set(rows.flatMap((r) => (r.productId ? [r.productId] : [])))], lang);
  const festivals = new Map(
    (await db.select().from(schema.festivals).where(inArray(schema.festivals.id, festivalIds))).map((f) => [f.id, f]),
  );
  const stores = new Map(
    (await db.select().from(schema.stores).where(inArray(schema.stores.id, storeIds))).map((s) => [s.id, s]),
  );
  return rows.map((r) => ({
    ...r,
    festivalName: festivalNames.get(r.festivalId) ?? "",
    festivalSlug: festivals.get(r.festivalId)?.slug ?? "",
    timeZone: festivals.get(r.festivalId)?.timeZone ?? "UTC",
    storeName: storeNames.get(r.storeId) ?? "",
    storeSlug: stores.get(r.storeId)?.slug ?? "",
    countryCode: stores.get(r.storeId)?.countryCode ?? "",
    productName: r.productId ? (productNames.get(r.productId) ?? "") : null,
  }));
}

/** The stores that applied to a festival (or to any), for the queue's store filter, by name. */
export async function reviewStores(
  lang: Lang,
  festivalId?: number,
): Promise<{ id: number; slug: string; name: string; countryCode: string }[]> {
  const rows = await db
    .selectDistinct({ id: schema.stores.id, slug: schema.stores.slug, countryCode: schema.stores.countryCode })
    .from(schema.festivalEnrolments)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.festivalEnrolments.storeId))
    .where(festivalId !== undefined ? eq(schema.festivalEnrolments.festivalId, festivalId) : undefined);
  const names = await namesIn(
    "store",
    rows.map((r) => r.id),
    lang,
  );
  return rows.map((r) => ({ ...r, name: names.get(r.id) ?? r.slug })).sort((a, b) => a.name.localeCompare(b.name, lang));
}

export interface ReviewPick {
  subject: "enrolment" | "deal";
  id: number;
}

/** A deal's discount per unit at today's regular price (what an organiser-funded share applies to at most). */
async function discountPerUnitNow(tx: Tx, dealId: number): Promise<number> {
  const [row] = await tx
    .select({ regular: schema.products.priceMinor, deal: schema.festivalDeals.dealPriceMinor })
    .from(schema.festivalDeals)
    .innerJoin(schema.products, eq(schema.products.id, schema.festivalDeals.productId))
    .where(eq(schema.festivalDeals.id, dealId))
    .limit(1);
  return row ? Math.max(0, row.regular - row.deal) : 0;
}

type Refusal = "unknownItems" | "otherFestival" | "alreadyDecided" | "overBudget";
/** Over budget: the festival's budget and what its approved deals would then commit at most. */
export type BulkDecision = { ok: true; decided: number } | { ok: false; error: Refusal; budget?: number; committed?: number };

class BulkRefused extends Error {
  constructor(
    readonly reason: Refusal,
    readonly amounts?: { budget: number; committed: number },
  ) {
    super(reason);
  }
}

/**
 * Approves or rejects several pending enrolments and deals with one reason,
 * all or nothing: an id that does not exist, one of another festival than
 * `festivalId` (when the organiser was looking at one festival), or one that
 * is no longer pending (another organiser was quicker) refuses the whole
 * batch. Each item gets its own guarded update, decider, time and audit row.
 *
 * `organiserSharePct` (approvals only): the organiser's share of each approved
 * deal's discount, recorded with the discount per unit as it is now (regular
 * less deal price). When the share is above zero, each festival concerned is
 * locked and the batch is refused ("overBudget") if its approved deals' largest
 * possible subsidies (committedSubsidies) would pass its subsidy budget.
 */
export async function decideMany(
  picks: ReviewPick[],
  decision: "approved" | "rejected",
  reason: string | null,
  actor: Actor,
  festivalId?: number,
  organiserSharePct = 0,
): Promise<BulkDecision> {
  const sharePct = decision === "approved" ? organiserSharePct : 0;
  try {
    const decided = await transact(db, async (tx) => {
      const funded = new Set<number>();
      for (const pick of picks) {
        const [festival] =
          pick.subject === "enrolment"
            ? await tx
                .select({ festivalId: schema.festivalEnrolments.festivalId })
                .from(schema.festivalEnrolments)
                .where(eq(schema.festivalEnrolments.id, pick.id))
                .limit(1)
            : await tx
                .select({ festivalId: schema.festivalEnrolments.festivalId })
                .from(schema.festivalDeals)
                .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
                .where(eq(schema.festivalDeals.id, pick.id))
                .limit(1);
        if (!festival) throw new BulkRefused("unknownItems");
        if (festivalId !== undefined && festival.festivalId !== festivalId) throw new BulkRefused("otherFestival");
        if (pick.subject === "deal" && sharePct > 0) funded.add(festival.festivalId);
      }
      // Locked before the approvals are written, so a second organiser's batch waits and then reads them.
      const budgets = new Map<number, number | null>();
      for (const id of [...funded].sort((a, b) => a - b)) budgets.set(id, await lockSubsidyBudget(tx, id));
      for (const pick of picks) {
        const fundedDiscountNow = pick.subject === "deal" && sharePct > 0 ? await discountPerUnitNow(tx, pick.id) : 0;
        const changed =
          pick.subject === "enrolment"
            ? await tx
                .update(schema.festivalEnrolments)
                .set({ status: decision, reason, decidedBy: actor.userId, decidedAt: actor.now })
                .where(and(eq(schema.festivalEnrolments.id, pick.id), eq(schema.festivalEnrolments.status, "pending")))
                .returning({ id: schema.festivalEnrolments.id })
            : await tx
                .update(schema.festivalDeals)
                .set({
                  status: decision,
                  reason,
                  decidedBy: actor.userId,
                  decidedAt: actor.now,
                  organiserSharePct: sharePct,
                  fundedDiscountMinor: sharePct > 0 ? fundedDiscountNow : 0,
                })
                .where(and(eq(schema.festivalDeals.id, pick.id), eq(schema.festivalDeals.status, "pending")))
                .returning({ id: schema.festivalDeals.id });
        if (changed.length !== 1) throw new BulkRefused("alreadyDecided");
        const detail = {
          ...(reason ? { reason } : {}),
          ...(picks.length > 1 ? { batch: picks.length } : {}),
          ...(pick.subject === "deal" && decision === "approved" ? { organiserSharePct: sharePct } : {}),
        };
        await auditRow(
          tx,
          actor,
          `festival.${pick.subject}_${decision}`,
          pick.subject,
          pick.id,
          Object.keys(detail).length ? detail : undefined,
        );
      }
      if (budgets.size) {
        const committed = await committedSubsidies(tx, [...budgets.keys()]);
        for (const [id, budget] of budgets) {
          const total = committed.get(id) ?? 0;
          if (total > (budget ?? 0)) throw new BulkRefused("overBudget", { budget: budget ?? 0, committed: total });
        }
      }
      return picks.length;
    });
    return { ok: true, decided };
  } catch (error) {
    if (error instanceof BulkRefused) return { ok: false, error: error.reason, ...error.amounts };
    throw error;
  }
}

/** Approves or rejects one pending enrolment or deal; only a pending one changes (guarded update), within the subsidy budget. */
export function decide(
  subject: "enrolment" | "deal",
  id: number,
  decision: "approved" | "rejected",
  reason: string | null,
  actor: Actor,
  organiserSharePct = 0,
): Promise<BulkDecision> {
  return decideMany([{ subject, id }], decision, reason, actor, undefined, organiserSharePct);
}
