/**
 * What the public festival pages show: the festival, its phases, its deals
 * (priced by the pricing rule at `now`), its stores and its counters.
 */
import type { TFunction } from "i18next";
import { and, eq, inArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { productCards, storeCards } from "../catalog/catalog.server";
import { presentProduct, presentStore, type Presenter } from "../catalog/present.server";
import { formatDateTime, formatDuration, formatNumber } from "../i18n/format";
import { festivalParticipation } from "./dashboard.server";
import { listFestivals, type FestivalSummary } from "./festivals.server";
import { presentCounters, presentFestivalBanner } from "./present.server";

export function findPublishedFestival(slug: string, lang: Presenter["lang"], now: number): FestivalSummary | null {
  return listFestivals(lang, now).find((f) => f.slug === slug) ?? null;
}

export function presentPhases(f: FestivalSummary, view: Presenter, t: TFunction, now: number) {
  return [...f.phases]
    .sort((a, b) => a.startsAt - b.startsAt)
    .map((p) => ({
      kind: p.kind,
      label: t(`festivals.phase.${p.kind}`),
      current: p.startsAt <= now && now < p.endsAt,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      local: `${formatDateTime(p.startsAt, view.lang, f.timeZone)} – ${formatDateTime(p.endsAt, view.lang, f.timeZone)}`,
      utc: `${formatDateTime(p.startsAt, view.lang, "UTC")} – ${formatDateTime(p.endsAt, view.lang, "UTC")}`,
    }));
}

export function presentFestivalCard(f: FestivalSummary, view: Presenter, t: TFunction, now: number) {
  const sale = f.clock.sale;
  return {
    ...presentFestivalBanner(f, view, t, now, 0),
    sale: sale ? `${formatDateTime(sale.startsAt, view.lang, f.timeZone)} – ${formatDateTime(sale.endsAt, view.lang, f.timeZone)}` : "",
  };
}

/** The festival page's data, all formatted for the page's language and currency. */
export function festivalPage(f: FestivalSummary, view: Presenter, t: TFunction, now: number) {
  const { storeIds, dealProductIds } = festivalParticipation(f.id);
  const dealRows = dealProductIds.length
    ? db
        .select({ productId: schema.festivalDeals.productId, dealPriceMinor: schema.festivalDeals.dealPriceMinor, flashStartsAt: schema.festivalDeals.flashStartsAt, flashEndsAt: schema.festivalDeals.flashEndsAt, limit: schema.festivalDeals.perCustomerLimit })
        .from(schema.festivalDeals)
        .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
        .where(and(eq(schema.festivalEnrolments.festivalId, f.id), eq(schema.festivalDeals.status, "approved"), inArray(schema.festivalDeals.productId, dealProductIds)))
        .all()
    : [];
  const dealBy = new Map(dealRows.map((d) => [d.productId, d]));
  const cards = dealProductIds.length
    ? productCards(view.lang, inArray(schema.products.id, dealProductIds), { limit: 60, offset: 0, order: "name" }, now)
    : [];
  const sale = f.clock.sale;
  const deals = cards.map((p) => {
    const d = dealBy.get(p.id)!;
    const flash = d.flashStartsAt && d.flashEndsAt ? { startsAt: d.flashStartsAt.getTime(), endsAt: d.flashEndsAt.getTime() } : null;
    const live = p.price.deal?.festivalId === f.id;
    const endsAt = live ? p.price.deal!.endsAt : null;
    const startsAt = !live ? (flash && flash.startsAt > now ? flash.startsAt : sale && sale.startsAt > now ? sale.startsAt : null) : null;
    return {
      ...presentProduct(p, view, t),
      live,
      festivalPrice: view.money(d.dealPriceMinor),
      regular: view.money(p.price.regularMinor),
      limitLabel: d.limit ? t("festivals.deal.limit", { value: formatNumber(d.limit, view.lang) }) : null,
      flashLabel: flash ? t("festivals.deal.flash", { from: formatDateTime(flash.startsAt, view.lang, f.timeZone), to: formatDateTime(flash.endsAt, view.lang, f.timeZone) }) : null,
      // The sale is on, but every unit committed at the festival price is taken.
      soldOutLabel: !live && p.price.dealSoldOut ? t("catalog.deal.soldOut") : null,
      unitsLeftLabel: live ? t("catalog.deal.unitsLeft", { value: formatNumber(p.price.deal!.unitsLeft, view.lang) }) : null,
      endsAt,
      endsText: endsAt ? formatDuration(endsAt - now, view.lang) : "",
      startsAt,
      startsText: startsAt ? formatDuration(startsAt - now, view.lang) : "",
    };
  });
  const stores = storeIds.length ? storeCards(view.lang, inArray(schema.stores.id, storeIds), 200, 0).map((s) => presentStore(s, view.lang, t)) : [];
  return {
    banner: presentFestivalBanner(f, view, t, now, deals.filter((d) => d.live).length),
    phases: presentPhases(f, view, t, now),
    deals,
    stores,
  };
}

export function livePayload(f: FestivalSummary, view: Presenter, t: TFunction, now: number) {
  return { slug: f.slug, now, counters: presentCounters(f, view, t) };
}
