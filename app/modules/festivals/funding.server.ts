/**
 * Who funds a deal's discount, in the database: the organiser's subsidies
 * against each festival's budget (docs/decisions/0033-who-funds-a-discount.md).
 * The rule itself (shares, rounding, exposure) is pure, in
 * app/modules/pricing/funding.ts.
 */
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact, type Tx } from "~/db.server";
import type { Lang } from "../i18n/config";
import { dealExposure } from "../pricing/funding";

const productEn = alias(schema.productTranslations, "product_en");
const productIn = alias(schema.productTranslations, "product_in");
const { festivalDeals: d, festivalEnrolments: e, festivals, festivalSubsidyTotals: totals, orderLines, orders } = schema;

/**
 * The most the approved deals of each festival can cost the organiser: every
 * committed unit sold at the funded discount (dealExposure). Read with `tx`
 * inside the approving transaction, after the festival row is locked.
 */
export async function committedSubsidies(handle: Tx | typeof db, festivalIds: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>(festivalIds.map((id) => [id, 0]));
  if (!festivalIds.length) return result;
  const funded = await handle
    .select({
      festivalId: e.festivalId,
      organiserSharePct: d.organiserSharePct,
      fundedDiscountMinor: d.fundedDiscountMinor,
      committedStock: d.committedStock,
    })
    .from(d)
    .innerJoin(e, eq(e.id, d.enrolmentId))
    .where(and(inArray(e.festivalId, [...festivalIds]), eq(d.status, "approved"), gt(d.organiserSharePct, 0)));
  for (const row of funded) result.set(row.festivalId, (result.get(row.festivalId) ?? 0) + dealExposure(row, row.committedStock));
  return result;
}

/**
 * Locks a festival's row for the rest of the transaction and returns its
 * subsidy budget: a write that changes nothing, so that on PostgreSQL two
 * organisers approving at once take turns (the second then reads the first's
 * approvals); SQLite's single writer already does that.
 */
export async function lockSubsidyBudget(tx: Tx, festivalId: number): Promise<number | null> {
  const [row] = await tx
    .update(festivals)
    .set({ subsidyBudgetMinor: sql`${festivals.subsidyBudgetMinor}` })
    .where(eq(festivals.id, festivalId))
    .returning({ budget: festivals.subsidyBudgetMinor });
  return row ? row.budget : null;
}

/**
 * Adds a paid order's organiser-funded parts (its lines', as the paying
 * transaction read them) to its festivals' subsidy totals. Call inside the
 * transaction that marks the order paid, with its handle.
 */
export async function addPaidSubsidies(
  tx: Tx,
  lines: readonly { festivalId: number | null; subsidyBaseMinor: number }[],
  now: Date,
): Promise<void> {
  const byFestival = new Map<number, number>();
  for (const line of lines) {
    if (line.festivalId !== null && line.subsidyBaseMinor > 0) {
      byFestival.set(line.festivalId, (byFestival.get(line.festivalId) ?? 0) + line.subsidyBaseMinor);
    }
  }
  if (!byFestival.size) return;
  // In festival order: two orders adding to the same two festivals lock their rows in the same order.
  await tx
    .insert(totals)
    .values([...byFestival].sort((a, b) => a[0] - b[0]).map(([festivalId, paidMinor]) => ({ festivalId, paidMinor, updatedAt: now })))
    .onConflictDoUpdate({ target: totals.festivalId, set: { paidMinor: sql`${totals.paidMinor} + excluded.paid_minor`, updatedAt: now } });
}

export interface FestivalSubsidies {
  budget: number;
  /** The approved deals' largest possible subsidies. */
  committed: number;
  /** What the subsidies of paid orders cost so far. */
  paid: number;
}

export async function festivalSubsidies(festivalId: number): Promise<FestivalSubsidies> {
  const [festival] = await db.select({ budget: festivals.subsidyBudgetMinor }).from(festivals).where(eq(festivals.id, festivalId)).limit(1);
  const [total] = await db.select({ paid: totals.paidMinor }).from(totals).where(eq(totals.festivalId, festivalId)).limit(1);
  const committed = (await committedSubsidies(db, [festivalId])).get(festivalId) ?? 0;
  return { budget: festival?.budget ?? 0, committed, paid: total?.paid ?? 0 };
}

/** Each subsidised deal of a festival (its product named in English, as in the CSV): its share, the units sold and paid so far and what they cost the organiser. */
export async function subsidisedDeals(festivalId: number, lang: Lang = "en") {
  return db
    .select({
      dealId: d.id,
      productId: d.productId,
      // The product's name in the page's language, English where it has none (the CSV asks for English).
      productName: sql<string>`coalesce(${productIn.name}, ${productEn.name})`,
      storeId: e.storeId,
      organiserSharePct: d.organiserSharePct,
      fundedDiscountMinor: d.fundedDiscountMinor,
      committedStock: d.committedStock,
      paidUnits: sql<number>`coalesce(sum(CASE WHEN ${orders.id} IS NULL THEN 0 ELSE ${orderLines.quantity} END), 0)`.mapWith(Number),
      subsidyMinor: sql<number>`coalesce(sum(CASE WHEN ${orders.id} IS NULL THEN 0 ELSE ${orderLines.subsidyBaseMinor} END), 0)`.mapWith(Number),
    })
    .from(d)
    .innerJoin(e, eq(e.id, d.enrolmentId))
    .innerJoin(productEn, and(eq(productEn.productId, d.productId), eq(productEn.lang, "en")))
    .leftJoin(productIn, and(eq(productIn.productId, d.productId), eq(productIn.lang, lang)))
    .leftJoin(orderLines, eq(orderLines.dealId, d.id))
    .leftJoin(orders, and(eq(orders.id, orderLines.orderId), eq(orders.status, "paid")))
    .where(and(eq(e.festivalId, festivalId), eq(d.status, "approved"), gt(d.organiserSharePct, 0)))
    .groupBy(d.id, d.productId, productEn.name, productIn.name, e.storeId, d.organiserSharePct, d.fundedDiscountMinor, d.committedStock)
    .orderBy(d.id);
}

export interface SubsidyDrift {
  festivalId: number;
  stored: number;
  /** The organiser-funded parts of the festival's lines over paid orders. */
  expected: number;
}

/**
 * Recomputes every festival's subsidy total from the paid order lines and
 * reports (optionally repairs) the differences; `npm run reconcile` runs it.
 */
export async function reconcileSubsidies(options: { fix?: boolean; now?: Date } = {}): Promise<SubsidyDrift[]> {
  const expected = new Map<number, number>();
  for (const row of await db
    .select({
      festivalId: orderLines.festivalId,
      paid: sql<number>`coalesce(sum(${orderLines.subsidyBaseMinor}), 0)`.mapWith(Number),
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orders.status, "paid"), gt(orderLines.subsidyBaseMinor, 0)))
    .groupBy(orderLines.festivalId)) {
    if (row.festivalId !== null) expected.set(row.festivalId, row.paid);
  }
  const stored = new Map((await db.select().from(totals)).map((r) => [r.festivalId, r.paidMinor]));
  const drift: SubsidyDrift[] = [];
  for (const festivalId of new Set([...expected.keys(), ...stored.keys()])) {
    const want = expected.get(festivalId) ?? 0;
    const have = stored.get(festivalId) ?? 0;
    if (want !== have) drift.push({ festivalId, stored: have, expected: want });
  }
  drift.sort((a, b) => a.festivalId - b.festivalId);
  if (options.fix && drift.length) {
    const now = options.now ?? new Date();
    await transact(db, async (tx) => {
      for (const x of drift) {
        await tx
          .insert(totals)
          .values({ festivalId: x.festivalId, paidMinor: x.expected, updatedAt: now })
          .onConflictDoUpdate({ target: totals.festivalId, set: { paidMinor: x.expected, updatedAt: now } });
      }
    });
  }
  return drift;
}

export interface PayoutDrift {
  orderLineId: number;
  problem: "subsidyAboveDiscount" | "subsidyWithoutDeal";
}

/**
 * Checks each order line's split: the organiser's part lies within the line's
 * discount (so the store's part, the remainder, is never negative and store
 * payout + store-funded part = the line at its regular price), and only a deal
 * line has one.
 */
export async function checkLineSplits(): Promise<PayoutDrift[]> {
  const bad = await db
    .select({ id: orderLines.id, dealId: orderLines.dealId, subsidy: orderLines.subsidyBaseMinor, discount: sql<number>`${orderLines.discountPerUnitBaseMinor} * ${orderLines.quantity}`.mapWith(Number) })
    .from(orderLines)
    .where(sql`${orderLines.subsidyBaseMinor} < 0 OR ${orderLines.subsidyBaseMinor} > ${orderLines.discountPerUnitBaseMinor} * ${orderLines.quantity} OR (${orderLines.subsidyBaseMinor} > 0 AND ${orderLines.dealId} IS NULL)`)
    .orderBy(orderLines.id);
  return bad.map((b) => ({ orderLineId: b.id, problem: b.dealId === null ? "subsidyWithoutDeal" : "subsidyAboveDiscount" }));
}
