/**
 * Festival sessions in the database: the programme's reads (public: approved
 * sessions only; the organiser's: every one) and its writes (the organiser
 * schedules, a store proposes, the organiser decides). Every write takes the
 * festival's row first, so two schedulings of one festival run one after the
 * other and cannot both pass the overlap check (PostgreSQL's READ COMMITTED).
 */
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact, type Tx } from "~/db.server";
import { audit } from "../auth/audit.server";
import { untilContentChanges } from "../catalog/content-version.server";
import { LANGS, type Lang } from "../i18n/config";
import type { Phase } from "../festivals/clock";
import type { SessionChannel, SessionKind, SessionStatus } from "./kinds";
import { validateSession, type SessionError, type SessionWindow } from "./schedule";
import type { SessionInput } from "./schemas";

const { festivalSessions: s, festivalSessionTranslations, festivalSessionProducts, festivals } = schema;

export interface SessionRow {
  id: number;
  festivalId: number;
  kind: SessionKind;
  channel: SessionChannel;
  hostStoreId: number | null;
  hostStoreSlug: string | null;
  /** The store's name in the page's language (English when it has none), or the speaker's name. */
  hostName: string;
  startsAt: number;
  endsAt: number;
  watchUrl: string;
  status: SessionStatus;
  reason: string | null;
  title: string;
  summary: string;
  /** The title and summary are the English ones (no text in the page's language). */
  fallback: boolean;
  productIds: number[];
}

function sessionsQuery(lang: Lang, where: ReturnType<typeof and>) {
  const t = alias(festivalSessionTranslations, "t");
  const en = alias(festivalSessionTranslations, "en");
  const st = alias(schema.storeTranslations, "st");
  const sten = alias(schema.storeTranslations, "sten");
  return db
    .select({
      id: s.id,
      festivalId: s.festivalId,
      kind: s.kind,
      channel: s.channel,
      hostStoreId: s.hostStoreId,
      hostStoreSlug: schema.stores.slug,
      speakerName: s.speakerName,
      storeName: sql<string | null>`coalesce(${st.name}, ${sten.name})`,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      watchUrl: s.watchUrl,
      status: s.status,
      reason: s.reason,
      title: sql<string>`coalesce(${t.title}, ${en.title})`,
      summary: sql<string>`coalesce(${t.summary}, ${en.summary})`,
      fallback: sql<boolean>`${t.title} is null`.mapWith(Boolean),
    })
    .from(s)
    .innerJoin(en, and(eq(en.sessionId, s.id), eq(en.lang, "en")))
    .leftJoin(t, and(eq(t.sessionId, s.id), eq(t.lang, lang)))
    .leftJoin(schema.stores, eq(schema.stores.id, s.hostStoreId))
    .leftJoin(st, and(eq(st.storeId, s.hostStoreId), eq(st.lang, lang)))
    .leftJoin(sten, and(eq(sten.storeId, s.hostStoreId), eq(sten.lang, "en")))
    .where(where)
    .orderBy(asc(s.startsAt), asc(s.id));
}

async function toRows(rows: Awaited<ReturnType<typeof sessionsQuery>>): Promise<SessionRow[]> {
  const ids = rows.map((r) => r.id);
  const featured = ids.length
    ? await db
        .select({ sessionId: festivalSessionProducts.sessionId, productId: festivalSessionProducts.productId })
        .from(festivalSessionProducts)
        .where(inArray(festivalSessionProducts.sessionId, ids))
        .orderBy(asc(festivalSessionProducts.position), asc(festivalSessionProducts.productId))
    : [];
  return rows.map((r) => ({
    id: r.id,
    festivalId: r.festivalId,
    kind: r.kind,
    channel: r.channel,
    hostStoreId: r.hostStoreId,
    hostStoreSlug: r.hostStoreSlug,
    hostName: r.speakerName ?? r.storeName ?? "",
    startsAt: r.startsAt.getTime(),
    endsAt: r.endsAt.getTime(),
    watchUrl: r.watchUrl,
    status: r.status,
    reason: r.reason,
    title: r.title,
    summary: r.summary,
    fallback: r.fallback,
    productIds: featured.filter((f) => f.sessionId === r.id).map((f) => f.productId),
  }));
}

/** A festival's approved sessions (what shoppers see), by start: kept until the content changes. */
export function festivalProgramme(festivalId: number, lang: Lang): Promise<SessionRow[]> {
  return untilContentChanges(`programme:${festivalId}:${lang}`, async () =>
    toRows(await sessionsQuery(lang, and(eq(s.festivalId, festivalId), eq(s.status, "approved")))),
  );
}

/** One session of a festival as it is stored, with its texts in every language (the organiser's edit page), or null. */
export async function storedSession(festivalId: number, sessionId: number) {
  const [row] = await db
    .select({
      id: s.id,
      kind: s.kind,
      channel: s.channel,
      hostStoreId: s.hostStoreId,
      speakerName: s.speakerName,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      watchUrl: s.watchUrl,
      status: s.status,
      reason: s.reason,
    })
    .from(s)
    .where(and(eq(s.festivalId, festivalId), eq(s.id, sessionId)))
    .limit(1);
  if (!row) return null;
  const texts = await db
    .select({ lang: festivalSessionTranslations.lang, title: festivalSessionTranslations.title, summary: festivalSessionTranslations.summary })
    .from(festivalSessionTranslations)
    .where(eq(festivalSessionTranslations.sessionId, sessionId));
  const products = await db
    .select({ productId: festivalSessionProducts.productId })
    .from(festivalSessionProducts)
    .where(eq(festivalSessionProducts.sessionId, sessionId))
    .orderBy(asc(festivalSessionProducts.position));
  return { ...row, startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime(), texts, productIds: products.map((p) => p.productId) };
}

/** Every session of a festival, whatever its status (the organiser's programme page). */
export async function allFestivalSessions(festivalId: number, lang: Lang): Promise<SessionRow[]> {
  return toRows(await sessionsQuery(lang, and(eq(s.festivalId, festivalId))));
}

/** The sessions a store proposed for a festival (its owner's page). */
export async function storeProposals(festivalId: number, storeId: number, lang: Lang): Promise<SessionRow[]> {
  return toRows(await sessionsQuery(lang, and(eq(s.festivalId, festivalId), eq(s.hostStoreId, storeId))));
}

/** Approved sessions of published festivals that feature a product (its page), by start. */
export function sessionsFeaturing(productId: number, lang: Lang): Promise<(SessionRow & { festivalSlug: string; timeZone: string })[]> {
  return untilContentChanges(`product-sessions:${productId}:${lang}`, async () => {
    const links = await db
      .select({ sessionId: festivalSessionProducts.sessionId, slug: festivals.slug, timeZone: festivals.timeZone })
      .from(festivalSessionProducts)
      .innerJoin(s, eq(s.id, festivalSessionProducts.sessionId))
      .innerJoin(festivals, eq(festivals.id, s.festivalId))
      .where(and(eq(festivalSessionProducts.productId, productId), eq(s.status, "approved"), eq(festivals.status, "published")));
    if (!links.length) return [];
    const rows = await toRows(await sessionsQuery(lang, and(inArray(s.id, links.map((l) => l.sessionId)))));
    return rows.map((r) => {
      const link = links.find((l) => l.sessionId === r.id)!;
      return { ...r, festivalSlug: link.slug, timeZone: link.timeZone };
    });
  });
}

/** One approved session of a published festival (its calendar file). */
export async function publicSession(festivalId: number, sessionId: number, lang: Lang): Promise<SessionRow | null> {
  return (await festivalProgramme(festivalId, lang)).find((r) => r.id === sessionId) ?? null;
}

interface Actor {
  userId: number;
  ip?: string | null;
  now: Date;
}

/** Takes the festival's row for the rest of the transaction (a no-op write), so its schedulings queue up. */
async function lockFestival(tx: Tx, festivalId: number): Promise<boolean> {
  const locked = await tx
    .update(festivals)
    .set({ targetOrders: sql`${festivals.targetOrders}` })
    .where(eq(festivals.id, festivalId))
    .returning({ id: festivals.id });
  return locked.length === 1;
}

async function approvedWindows(tx: Tx, festivalId: number, except?: number): Promise<SessionWindow[]> {
  const rows = await tx
    .select({ id: s.id, channel: s.channel, startsAt: s.startsAt, endsAt: s.endsAt })
    .from(s)
    .where(and(eq(s.festivalId, festivalId), eq(s.status, "approved")));
  return rows.filter((r) => r.id !== except).map((r) => ({ id: r.id, channel: r.channel, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime() }));
}

export type ScheduleResult = { ok: true; id: number } | { ok: false; errors: SessionError[] };

/**
 * Schedules a session (the organiser's: approved at once) or records a store's
 * proposal (pending). Checked against the festival's approved sessions in the
 * same transaction that writes it.
 */
export function scheduleSession(
  festival: { id: number; phases: readonly Phase[] },
  input: SessionInput,
  actor: Actor,
  as: "organiser" | "proposal",
): Promise<ScheduleResult> {
  return transact(db, async (tx): Promise<ScheduleResult> => {
    if (!(await lockFestival(tx, festival.id))) return { ok: false, errors: [{ code: "outsideFestival" }] };
    const errors = validateSession(input, festival.phases, await approvedWindows(tx, festival.id), actor.now.getTime());
    // A proposal may overlap another one: the organiser decides, and approval checks again.
    if (errors.length) return { ok: false, errors };
    const status: SessionStatus = as === "organiser" ? "approved" : "pending";
    const [created] = await tx
      .insert(s)
      .values({
        festivalId: festival.id,
        kind: input.kind,
        channel: input.channel,
        hostStoreId: input.hostStoreId,
        speakerName: input.speakerName,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        watchUrl: input.watchUrl,
        status,
        proposedBy: actor.userId,
        decidedBy: status === "approved" ? actor.userId : null,
        decidedAt: status === "approved" ? actor.now : null,
        createdAt: actor.now,
      })
      .returning({ id: s.id });
    await tx.insert(festivalSessionTranslations).values(LANGS.map((lang) => ({ sessionId: created.id, lang, ...input.texts[lang] })));
    if (input.productIds.length) {
      await tx.insert(festivalSessionProducts).values(input.productIds.map((productId, position) => ({ sessionId: created.id, productId, position })));
    }
    await audit(tx, {
      action: as === "organiser" ? "session.scheduled" : "session.proposed",
      userId: actor.userId,
      subjectType: "festival_session",
      subjectId: created.id,
      detail: { festivalId: festival.id, channel: input.channel, startsAt: new Date(input.startsAt).toISOString(), endsAt: new Date(input.endsAt).toISOString() },
      ip: actor.ip,
      now: actor.now,
    });
    return { ok: true, id: created.id };
  });
}

export type ChangeRefusal = SessionError[] | "notFound" | "started" | "notEditable";
export type ChangeResult = { ok: true } | { ok: false; errors: ChangeRefusal };

/** A session as the change transactions read it, after taking the festival's row. */
async function sessionForChange(tx: Tx, festivalId: number, sessionId: number) {
  const [row] = await tx
    .select({ status: s.status, startsAt: s.startsAt })
    .from(s)
    .where(and(eq(s.id, sessionId), eq(s.festivalId, festivalId)))
    .limit(1);
  return row ?? null;
}

/** Why a session may not change now, if it may not: gone, rejected or cancelled, or already begun. */
function changeRefusal(row: { status: SessionStatus; startsAt: Date } | null, now: Date): "notFound" | "started" | "notEditable" | null {
  if (!row) return "notFound";
  if (row.status !== "approved" && row.status !== "pending") return "notEditable";
  // The counters count from an approved session's window and products: fixed once it starts.
  return row.startsAt.getTime() <= now.getTime() ? "started" : null;
}

/**
 * The organiser changes a scheduled session or a pending proposal before it
 * starts: its kind, channel, host, window, link, texts and featured products,
 * checked like a new one against the festival's other approved sessions in
 * the transaction that writes it. Its status does not change.
 */
export function updateSession(festival: { id: number; phases: readonly Phase[] }, sessionId: number, input: SessionInput, actor: Actor): Promise<ChangeResult> {
  return transact(db, async (tx): Promise<ChangeResult> => {
    if (!(await lockFestival(tx, festival.id))) return { ok: false, errors: "notFound" };
    const row = await sessionForChange(tx, festival.id, sessionId);
    const refusal = changeRefusal(row, actor.now);
    if (refusal) return { ok: false, errors: refusal };
    const errors = validateSession(input, festival.phases, await approvedWindows(tx, festival.id, sessionId), actor.now.getTime());
    if (errors.length) return { ok: false, errors };
    const changed = await tx
      .update(s)
      .set({
        kind: input.kind,
        channel: input.channel,
        hostStoreId: input.hostStoreId,
        speakerName: input.speakerName,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        watchUrl: input.watchUrl,
      })
      .where(and(eq(s.id, sessionId), inArray(s.status, ["approved", "pending"]), gt(s.startsAt, actor.now)))
      .returning({ id: s.id });
    if (!changed.length) return { ok: false, errors: "started" };
    await tx.delete(festivalSessionTranslations).where(eq(festivalSessionTranslations.sessionId, sessionId));
    await tx.insert(festivalSessionTranslations).values(LANGS.map((lang) => ({ sessionId, lang, ...input.texts[lang] })));
    await tx.delete(festivalSessionProducts).where(eq(festivalSessionProducts.sessionId, sessionId));
    if (input.productIds.length) {
      await tx.insert(festivalSessionProducts).values(input.productIds.map((productId, position) => ({ sessionId, productId, position })));
    }
    await audit(tx, {
      action: "session.updated",
      userId: actor.userId,
      subjectType: "festival_session",
      subjectId: sessionId,
      detail: { festivalId: festival.id, channel: input.channel, startsAt: new Date(input.startsAt).toISOString(), endsAt: new Date(input.endsAt).toISOString() },
      ip: actor.ip,
      now: actor.now,
    });
    return { ok: true };
  });
}

/**
 * The organiser cancels a scheduled session (or a pending proposal) before it
 * starts, with a reason the store sees. A cancelled session leaves the public
 * programme and its calendar file; it never counted an order.
 */
export function cancelSession(festival: { id: number }, sessionId: number, reason: string, actor: Actor): Promise<ChangeResult> {
  return transact(db, async (tx): Promise<ChangeResult> => {
    if (!(await lockFestival(tx, festival.id))) return { ok: false, errors: "notFound" };
    const refusal = changeRefusal(await sessionForChange(tx, festival.id, sessionId), actor.now);
    if (refusal) return { ok: false, errors: refusal };
    const changed = await tx
      .update(s)
      .set({ status: "cancelled", reason, decidedBy: actor.userId, decidedAt: actor.now })
      .where(and(eq(s.id, sessionId), inArray(s.status, ["approved", "pending"]), gt(s.startsAt, actor.now)))
      .returning({ id: s.id });
    if (!changed.length) return { ok: false, errors: "started" };
    await audit(tx, { action: "session.cancelled", userId: actor.userId, subjectType: "festival_session", subjectId: sessionId, detail: { reason }, ip: actor.ip, now: actor.now });
    return { ok: true };
  });
}

export type DecideResult = { ok: true } | { ok: false; errors: SessionError[] | "notPending" };

/**
 * Approves or rejects a store's pending proposal (guarded: only a pending one
 * changes). Approval checks the proposal against the approved sessions again,
 * and only before it starts: the counters count from an approved session's
 * window, so a session never becomes approved part-way through.
 */
export function decideSession(
  festival: { id: number; phases: readonly Phase[] },
  sessionId: number,
  decision: "approved" | "rejected",
  reason: string,
  actor: Actor,
): Promise<DecideResult> {
  return transact(db, async (tx): Promise<DecideResult> => {
    await lockFestival(tx, festival.id);
    const [session] = await tx
      .select({ channel: s.channel, startsAt: s.startsAt, endsAt: s.endsAt, status: s.status })
      .from(s)
      .where(and(eq(s.id, sessionId), eq(s.festivalId, festival.id)))
      .limit(1);
    if (!session || session.status !== "pending") return { ok: false, errors: "notPending" };
    if (decision === "approved") {
      const errors = validateSession(
        { channel: session.channel, startsAt: session.startsAt.getTime(), endsAt: session.endsAt.getTime() },
        festival.phases,
        await approvedWindows(tx, festival.id, sessionId),
        actor.now.getTime(),
      );
      if (errors.length) return { ok: false, errors };
    }
    const changed = await tx
      .update(s)
      .set({ status: decision, reason: reason || null, decidedBy: actor.userId, decidedAt: actor.now })
      .where(and(eq(s.id, sessionId), eq(s.status, "pending")))
      .returning({ id: s.id });
    if (!changed.length) return { ok: false, errors: "notPending" };
    await audit(tx, { action: `session.${decision}`, userId: actor.userId, subjectType: "festival_session", subjectId: sessionId, detail: { reason }, ip: actor.ip, now: actor.now });
    return { ok: true };
  });
}

/**
 * Sessions that count a paid order: approved, running at `at`, featuring any
 * of `productIds`; with the products each features among them. Read inside
 * the paying transaction (counters.server.ts).
 */
export async function sessionsCountingAt(tx: Tx, productIds: readonly number[], at: Date): Promise<{ sessionId: number; productId: number }[]> {
  if (!productIds.length) return [];
  return tx
    .select({ sessionId: festivalSessionProducts.sessionId, productId: festivalSessionProducts.productId })
    .from(festivalSessionProducts)
    .innerJoin(s, eq(s.id, festivalSessionProducts.sessionId))
    .where(
      and(
        inArray(festivalSessionProducts.productId, [...productIds]),
        eq(s.status, "approved"),
        lte(s.startsAt, at),
        gt(s.endsAt, at),
      ),
    );
}

/** Every approved session's window and featured products (reconcile recomputes the session counters from them). */
export async function countingSessions(): Promise<{ sessionId: number; startsAt: number; endsAt: number; productId: number }[]> {
  const rows = await db
    .select({ sessionId: s.id, startsAt: s.startsAt, endsAt: s.endsAt, productId: festivalSessionProducts.productId })
    .from(festivalSessionProducts)
    .innerJoin(s, eq(s.id, festivalSessionProducts.sessionId))
    .where(eq(s.status, "approved"));
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime() }));
}

export interface HostChoice {
  id: number;
  name: string;
}

/**
 * What a session of this festival may use: the stores approved for it (hosts)
 * and the products of its approved deals (featured products), named in the
 * page's language (English where a name is missing).
 */
export async function festivalChoices(festivalId: number, lang: Lang): Promise<{ stores: HostChoice[]; products: (HostChoice & { storeId: number })[] }> {
  const st = alias(schema.storeTranslations, "st");
  const sten = alias(schema.storeTranslations, "sten");
  const e = schema.festivalEnrolments;
  const stores = await db
    .select({ id: schema.stores.id, name: sql<string>`coalesce(${st.name}, ${sten.name}, ${schema.stores.slug})` })
    .from(e)
    .innerJoin(schema.stores, eq(schema.stores.id, e.storeId))
    .leftJoin(st, and(eq(st.storeId, e.storeId), eq(st.lang, lang)))
    .leftJoin(sten, and(eq(sten.storeId, e.storeId), eq(sten.lang, "en")))
    .where(and(eq(e.festivalId, festivalId), eq(e.status, "approved")))
    .orderBy(asc(schema.stores.id));
  const pt = alias(schema.productTranslations, "pt");
  const pten = alias(schema.productTranslations, "pten");
  const d = schema.festivalDeals;
  const products = await db
    .select({ id: schema.products.id, storeId: schema.products.storeId, name: sql<string>`coalesce(${pt.name}, ${pten.name}, ${schema.products.slug})` })
    .from(d)
    .innerJoin(e, eq(e.id, d.enrolmentId))
    .innerJoin(schema.products, eq(schema.products.id, d.productId))
    .leftJoin(pt, and(eq(pt.productId, d.productId), eq(pt.lang, lang)))
    .leftJoin(pten, and(eq(pten.productId, d.productId), eq(pten.lang, "en")))
    .where(and(eq(e.festivalId, festivalId), eq(e.status, "approved"), eq(d.status, "approved")))
    .orderBy(asc(schema.products.id));
  return { stores, products };
}
