/**
 * The store owner's side of festivals: enrol a store, offer deals, see the
 * organiser's decisions. Every query takes the owner's id and puts it in the
 * WHERE clause, so another owner's store cannot be enrolled or read.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema, transact, type Tx } from "~/db.server";
import type { Lang } from "../i18n/config";
import { listOwnedStores } from "../owner/stores.server";
import { registrationOpen, type Phase } from "./clock";
import { listFestivals, type FestivalSummary } from "./festivals.server";

export interface OwnerEnrolment {
  id: number;
  storeId: number;
  status: "pending" | "approved" | "rejected";
  reason: string | null;
}

/** Published festivals an owner may see: those open for registration, and any they are already in. */
export async function ownerFestivals(ownerId: number, lang: Lang, now: number) {
  const stores = await listOwnedStores(ownerId, lang);
  const enrolments = await db
    .select({ id: schema.festivalEnrolments.id, festivalId: schema.festivalEnrolments.festivalId, storeId: schema.festivalEnrolments.storeId, status: schema.festivalEnrolments.status, reason: schema.festivalEnrolments.reason })
    .from(schema.festivalEnrolments)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.festivalEnrolments.storeId))
    .where(eq(schema.stores.ownerId, ownerId));
  const festivals = (await listFestivals(lang, now)).filter((f) => registrationOpen(f.phases, now) || enrolments.some((e) => e.festivalId === f.id));
  return {
    stores,
    festivals: festivals.map((f) => ({
      festival: f,
      open: registrationOpen(f.phases, now),
      enrolments: stores.map((s) => ({ store: s, enrolment: (enrolments.find((e) => e.festivalId === f.id && e.storeId === s.id) ?? null) })),
    })),
  };
}

/** A festival's phases, read in the transaction that acts on its registration window. */
async function phasesIn(tx: Tx, festivalId: number): Promise<Phase[]> {
  const rows = await tx.select().from(schema.festivalPhases).where(eq(schema.festivalPhases.festivalId, festivalId));
  return rows.map((p) => ({ kind: p.kind, startsAt: p.startsAt.getTime(), endsAt: p.endsAt.getTime() }));
}

export type EnrolResult = "enrolled" | "already" | "closed" | "not_found";

/**
 * Enrols one of the owner's live stores in a published festival open for
 * registration. The store, the festival and its registration window are read
 * in the transaction that writes the enrolment, so a festival cancelled or
 * rescheduled meanwhile cannot take one.
 */
export function enrolStore(ownerId: number, storeSlug: string, festivalSlug: string, now: number, ip?: string | null): Promise<EnrolResult> {
  return transact(db, async (tx): Promise<EnrolResult> => {
    const [store] = await tx
      .select({ id: schema.stores.id, status: schema.stores.status })
      .from(schema.stores)
      .where(and(eq(schema.stores.slug, storeSlug), eq(schema.stores.ownerId, ownerId)))
      .limit(1);
    const [festival] = await tx
      .select({ id: schema.festivals.id })
      .from(schema.festivals)
      .where(and(eq(schema.festivals.slug, festivalSlug), eq(schema.festivals.status, "published")))
      .limit(1);
    if (!store || !festival || store.status !== "live") return "not_found";
    if (!registrationOpen(await phasesIn(tx, festival.id), now)) return "closed";
    const [inserted] = await tx
      .insert(schema.festivalEnrolments)
      .values({ festivalId: festival.id, storeId: store.id, status: "pending", createdAt: new Date(now) })
      .onConflictDoNothing()
      .returning({ id: schema.festivalEnrolments.id });
    if (!inserted) return "already";
    await tx.insert(schema.auditLog).values({
      action: "festival.enrolment_requested",
      userId: ownerId,
      subjectType: "enrolment",
      subjectId: String(inserted.id),
      detail: { festival: festivalSlug, store: storeSlug },
      ip: ip ?? null,
      createdAt: new Date(now),
    });
    return "enrolled";
  });
}

export interface EnrolmentDetail {
  enrolment: OwnerEnrolment;
  festival: FestivalSummary;
  store: { id: number; slug: string; name: string };
  products: { id: number; slug: string; name: string; priceMinor: number; stock: number; status: string }[];
  deals: {
    id: number;
    productId: number;
    productName: string;
    dealPriceMinor: number;
    regularMinor: number;
    committedStock: number;
    perCustomerLimit: number | null;
    flashStartsAt: number | null;
    flashEndsAt: number | null;
    status: "pending" | "approved" | "rejected";
    reason: string | null;
  }[];
}

/** One of the owner's enrolments, with the store's products and the deals offered so far. */
export async function ownerEnrolment(ownerId: number, festivalSlug: string, storeSlug: string, lang: Lang, now: number): Promise<EnrolmentDetail | null> {
  const [row] = await db
    .select({ enrolment: schema.festivalEnrolments, storeId: schema.stores.id, storeSlug: schema.stores.slug })
    .from(schema.festivalEnrolments)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.festivalEnrolments.storeId))
    .innerJoin(schema.festivals, eq(schema.festivals.id, schema.festivalEnrolments.festivalId))
    .where(and(eq(schema.stores.ownerId, ownerId), eq(schema.stores.slug, storeSlug), eq(schema.festivals.slug, festivalSlug)))
    .limit(1);
  if (!row) return null;
  const festival = (await listFestivals(lang, now)).find((f) => f.id === row.enrolment.festivalId);
  if (!festival) return null;
  const st = alias(schema.storeTranslations, "st");
  const stEn = alias(schema.storeTranslations, "st_en");
  const [named] = await db
    .select({ name: sql<string>`coalesce(${st.name}, ${stEn.name})` })
    .from(schema.stores)
    .innerJoin(stEn, and(eq(stEn.storeId, schema.stores.id), eq(stEn.lang, "en")))
    .leftJoin(st, and(eq(st.storeId, schema.stores.id), eq(st.lang, lang)))
    .where(eq(schema.stores.id, row.storeId))
    .limit(1);
  const storeName = named?.name ?? storeSlug;
  const pt = alias(schema.productTranslations, "pt");
  const ptEn = alias(schema.productTranslations, "pt_en");
  const products = await db
    .select({
      id: schema.products.id,
      slug: schema.products.slug,
      name: sql<string>`coalesce(${pt.name}, ${ptEn.name})`,
      priceMinor: schema.products.priceMinor,
      stock: schema.products.stock,
      status: schema.products.status,
    })
    .from(schema.products)
    .innerJoin(ptEn, and(eq(ptEn.productId, schema.products.id), eq(ptEn.lang, "en")))
    .leftJoin(pt, and(eq(pt.productId, schema.products.id), eq(pt.lang, lang)))
    .where(and(eq(schema.products.storeId, row.storeId), eq(schema.products.status, "active")))
    .orderBy(asc(schema.products.id));
  const byId = new Map(products.map((p) => [p.id, p]));
  const deals = (
    await db.select().from(schema.festivalDeals).where(eq(schema.festivalDeals.enrolmentId, row.enrolment.id)).orderBy(asc(schema.festivalDeals.id))
  ).map((d) => ({
      id: d.id,
      productId: d.productId,
      productName: byId.get(d.productId)?.name ?? String(d.productId),
      dealPriceMinor: d.dealPriceMinor,
      regularMinor: byId.get(d.productId)?.priceMinor ?? 0,
      committedStock: d.committedStock,
      perCustomerLimit: d.perCustomerLimit,
      flashStartsAt: d.flashStartsAt?.getTime() ?? null,
      flashEndsAt: d.flashEndsAt?.getTime() ?? null,
      status: d.status,
      reason: d.reason,
    }));
  return {
    enrolment: { id: row.enrolment.id, storeId: row.storeId, status: row.enrolment.status, reason: row.enrolment.reason },
    festival,
    store: { id: row.storeId, slug: row.storeSlug, name: storeName },
    products,
    deals,
  };
}

export interface DealOffer {
  productId: number;
  dealPriceMinor: number;
  committedStock: number;
  perCustomerLimit: number | null;
  flashStartsAt: number | null;
  flashEndsAt: number | null;
}

/** What became of an offer: written, or refused for the enrolment's state (not the owner's, rejected, registration over). */
export type OfferResult = "offered" | "not_found" | "rejected" | "closed";

/**
 * Offers (or re-offers) a deal on one of the enrolment's store's products.
 * A changed offer goes back to the organiser's queue as pending.
 */
export function offerDeal(ownerId: number, enrolmentId: number, offer: DealOffer, now: number, ip?: string | null): Promise<OfferResult> {
  return offerDeals(ownerId, enrolmentId, [offer], now, ip);
}

/**
 * Several offers at once (the same discount on many products): all are
 * written, or none if any product is not the enrolment's store's. The
 * enrolment's owner, status and registration window are read in the same
 * transaction as the writes, so a decision or a rescheduling in between
 * cannot be overtaken.
 */
export function offerDeals(ownerId: number, enrolmentId: number, offers: readonly DealOffer[], now: number, ip?: string | null): Promise<OfferResult> {
  return transact(db, async (tx): Promise<OfferResult> => {
    if (!offers.length) return "not_found";
    const [enrolment] = await tx
      .select({ status: schema.festivalEnrolments.status, festivalId: schema.festivalEnrolments.festivalId })
      .from(schema.festivalEnrolments)
      .innerJoin(schema.stores, eq(schema.stores.id, schema.festivalEnrolments.storeId))
      .innerJoin(schema.festivals, eq(schema.festivals.id, schema.festivalEnrolments.festivalId))
      .where(and(eq(schema.festivalEnrolments.id, enrolmentId), eq(schema.stores.ownerId, ownerId), eq(schema.festivals.status, "published")))
      .limit(1);
    if (!enrolment) return "not_found";
    const productIds = [...new Set(offers.map((o) => o.productId))];
    const owned = await tx
      .select({ id: schema.products.id })
      .from(schema.products)
      .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.storeId, schema.products.storeId))
      .where(and(inArray(schema.products.id, productIds), eq(schema.festivalEnrolments.id, enrolmentId)));
    // Every product is checked before anything is written.
    if (owned.length !== productIds.length) return "not_found";
    if (enrolment.status === "rejected") return "rejected";
    if (!registrationOpen(await phasesIn(tx, enrolment.festivalId), now)) return "closed";
    for (const offer of offers) {
      const values = {
        dealPriceMinor: offer.dealPriceMinor,
        committedStock: offer.committedStock,
        perCustomerLimit: offer.perCustomerLimit,
        flashStartsAt: offer.flashStartsAt === null ? null : new Date(offer.flashStartsAt),
        flashEndsAt: offer.flashEndsAt === null ? null : new Date(offer.flashEndsAt),
        status: "pending" as const,
        reason: null,
      };
      const [deal] = await tx
        .insert(schema.festivalDeals)
        .values({ enrolmentId, productId: offer.productId, ...values, createdAt: new Date(now) })
        .onConflictDoUpdate({ target: [schema.festivalDeals.enrolmentId, schema.festivalDeals.productId], set: values })
        .returning({ id: schema.festivalDeals.id });
      await tx.insert(schema.auditLog).values({
        action: "festival.deal_offered",
        userId: ownerId,
        subjectType: "deal",
        subjectId: String(deal.id),
        detail: { ...offer },
        ip: ip ?? null,
        createdAt: new Date(now),
      });
    }
    return "offered";
  });
}
