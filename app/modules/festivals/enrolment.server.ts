/**
 * The store owner's side of festivals: enrol a store, offer deals, see the
 * organiser's decisions. Every query takes the owner's id and puts it in the
 * WHERE clause, so another owner's store cannot be enrolled or read.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import type { Lang } from "../i18n/config";
import { listOwnedStores } from "../owner/stores.server";
import { registrationOpen } from "./clock";
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
  const enrolments = db
    .select({ id: schema.festivalEnrolments.id, festivalId: schema.festivalEnrolments.festivalId, storeId: schema.festivalEnrolments.storeId, status: schema.festivalEnrolments.status, reason: schema.festivalEnrolments.reason })
    .from(schema.festivalEnrolments)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.festivalEnrolments.storeId))
    .where(eq(schema.stores.ownerId, ownerId))
    .all();
  const festivals = listFestivals(lang, now).filter((f) => registrationOpen(f.phases, now) || enrolments.some((e) => e.festivalId === f.id));
  return {
    stores,
    festivals: festivals.map((f) => ({
      festival: f,
      open: registrationOpen(f.phases, now),
      enrolments: stores.map((s) => ({ store: s, enrolment: (enrolments.find((e) => e.festivalId === f.id && e.storeId === s.id) ?? null) })),
    })),
  };
}

export type EnrolResult = "enrolled" | "already" | "closed" | "not_found";

/** Enrols one of the owner's live stores in a published festival open for registration. */
export function enrolStore(ownerId: number, storeSlug: string, festivalSlug: string, now: number, ip?: string | null): EnrolResult {
  const store = db
    .select({ id: schema.stores.id, status: schema.stores.status })
    .from(schema.stores)
    .where(and(eq(schema.stores.slug, storeSlug), eq(schema.stores.ownerId, ownerId)))
    .get();
  const festival = db.select().from(schema.festivals).where(and(eq(schema.festivals.slug, festivalSlug), eq(schema.festivals.status, "published"))).get();
  if (!store || !festival || store.status !== "live") return "not_found";
  const phases = db.select().from(schema.festivalPhases).where(eq(schema.festivalPhases.festivalId, festival.id)).all().map((p) => ({ kind: p.kind, startsAt: p.startsAt.getTime(), endsAt: p.endsAt.getTime() }));
  if (!registrationOpen(phases, now)) return "closed";
  return db.transaction((tx) => {
    const inserted = tx
      .insert(schema.festivalEnrolments)
      .values({ festivalId: festival.id, storeId: store.id, status: "pending", createdAt: new Date(now) })
      .onConflictDoNothing()
      .returning({ id: schema.festivalEnrolments.id })
      .get();
    if (!inserted) return "already";
    tx.insert(schema.auditLog)
      .values({ action: "festival.enrolment_requested", userId: ownerId, subjectType: "enrolment", subjectId: String(inserted.id), detail: { festival: festivalSlug, store: storeSlug }, ip: ip ?? null, createdAt: new Date(now) })
      .run();
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
export function ownerEnrolment(ownerId: number, festivalSlug: string, storeSlug: string, lang: Lang, now: number): EnrolmentDetail | null {
  const row = db
    .select({ enrolment: schema.festivalEnrolments, storeId: schema.stores.id, storeSlug: schema.stores.slug })
    .from(schema.festivalEnrolments)
    .innerJoin(schema.stores, eq(schema.stores.id, schema.festivalEnrolments.storeId))
    .innerJoin(schema.festivals, eq(schema.festivals.id, schema.festivalEnrolments.festivalId))
    .where(and(eq(schema.stores.ownerId, ownerId), eq(schema.stores.slug, storeSlug), eq(schema.festivals.slug, festivalSlug)))
    .get();
  if (!row) return null;
  const festival = listFestivals(lang, now).find((f) => f.id === row.enrolment.festivalId);
  if (!festival) return null;
  const st = alias(schema.storeTranslations, "st");
  const stEn = alias(schema.storeTranslations, "st_en");
  const storeName =
    db
      .select({ name: sql<string>`coalesce(${st.name}, ${stEn.name})` })
      .from(schema.stores)
      .innerJoin(stEn, and(eq(stEn.storeId, schema.stores.id), eq(stEn.lang, "en")))
      .leftJoin(st, and(eq(st.storeId, schema.stores.id), eq(st.lang, lang)))
      .where(eq(schema.stores.id, row.storeId))
      .get()?.name ?? storeSlug;
  const pt = alias(schema.productTranslations, "pt");
  const ptEn = alias(schema.productTranslations, "pt_en");
  const products = db
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
    .orderBy(asc(schema.products.id))
    .all();
  const byId = new Map(products.map((p) => [p.id, p]));
  const deals = db
    .select()
    .from(schema.festivalDeals)
    .where(eq(schema.festivalDeals.enrolmentId, row.enrolment.id))
    .orderBy(asc(schema.festivalDeals.id))
    .all()
    .map((d) => ({
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

/**
 * Offers (or re-offers) a deal on one of the enrolment's store's products.
 * A changed offer goes back to the organiser's queue as pending.
 */
export function offerDeal(ownerId: number, enrolmentId: number, offer: DealOffer, now: number, ip?: string | null): boolean {
  return offerDeals(ownerId, enrolmentId, [offer], now, ip);
}

/**
 * Several offers at once (the same discount on many products): all are
 * written, or none if any product is not the enrolment's store's.
 */
export function offerDeals(ownerId: number, enrolmentId: number, offers: readonly DealOffer[], now: number, ip?: string | null): boolean {
  return db.transaction((tx) => {
    const owned = (productId: number) =>
      tx
        .select({ id: schema.products.id })
        .from(schema.products)
        .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
        .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.storeId, schema.stores.id))
        .where(and(eq(schema.products.id, productId), eq(schema.festivalEnrolments.id, enrolmentId), eq(schema.stores.ownerId, ownerId)))
        .get();
    // Every product is checked before anything is written.
    if (!offers.length || offers.some((o) => !owned(o.productId))) return false;
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
      const deal = tx
        .insert(schema.festivalDeals)
        .values({ enrolmentId, productId: offer.productId, ...values, createdAt: new Date(now) })
        .onConflictDoUpdate({ target: [schema.festivalDeals.enrolmentId, schema.festivalDeals.productId], set: values })
        .returning({ id: schema.festivalDeals.id })
        .get();
      tx.insert(schema.auditLog)
        .values({ action: "festival.deal_offered", userId: ownerId, subjectType: "deal", subjectId: String(deal.id), detail: { ...offer }, ip: ip ?? null, createdAt: new Date(now) })
        .run();
    }
    return true;
  });
}
