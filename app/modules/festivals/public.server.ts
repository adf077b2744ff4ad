/**
 * What the public festival pages show: the festival, its phases, its deals
 * (priced by the pricing rule at `now`), its stores and its counters.
 */
import type { TFunction } from "i18next";
import { and, asc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { listCategories, productCardsByIds, storeCardsByIds, visibleProduct } from "../catalog/catalog.server";
import { untilContentChanges } from "../catalog/content-version.server";
import { optionLabel, PER_PAGE } from "../catalog/list-view.server";
import { presentProduct, presentStore, type Presenter } from "../catalog/present.server";
import { countryName, formatDateTime, formatDuration, formatNumber, textComparer } from "../i18n/format";
import type { CounterValues } from "../counters/counters.server";
import { festivalParticipation, festivalTotals } from "./dashboard.server";
import { listFestivals, type FestivalSummary } from "./festivals.server";
import { forShoppers, presentCounters, presentFestivalBanner } from "./present.server";
import { isolate } from "../i18n/isolate";
import { presentSessionCounters } from "../programme/present.server";

export async function findPublishedFestival(slug: string, lang: Presenter["lang"], now: number): Promise<FestivalSummary | null> {
  return (await listFestivals(lang, now)).find((f) => f.slug === slug) ?? null;
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
      local: `${isolate(formatDateTime(p.startsAt, view.lang, f.timeZone))} – ${isolate(formatDateTime(p.endsAt, view.lang, f.timeZone))}`,
      utc: `${isolate(formatDateTime(p.startsAt, view.lang, "UTC"))} – ${isolate(formatDateTime(p.endsAt, view.lang, "UTC"))}`,
    }));
}

export function presentFestivalCard(f: FestivalSummary, view: Presenter, t: TFunction, now: number, counters: CounterValues) {
  const sale = f.clock.sale;
  return {
    ...forShoppers(presentFestivalBanner(f, view, t, now, 0, counters)),
    sale: sale ? `${isolate(formatDateTime(sale.startsAt, view.lang, f.timeZone))} – ${isolate(formatDateTime(sale.endsAt, view.lang, f.timeZone))}` : "",
  };
}

/** The festival page's deal filters and page, from its URL (validated: a bad value is dropped, a bad page is page 1). */
export interface FestivalDealQuery {
  page: number;
  category?: string;
  country?: string;
}

interface ApprovedDeal {
  id: number;
  category: string;
  country: string;
  dealPriceMinor: number;
  flashStartsAt: Date | null;
  flashEndsAt: Date | null;
  limit: number | null;
}

/**
 * A festival's approved deals on visible products, in product id order, with
 * what the page filters on: the same until the content moves (the prices
 * shown are read at `now` from the product cards).
 */
function approvedDeals(festivalId: number): Promise<ApprovedDeal[]> {
  return untilContentChanges(`festival-deals:${festivalId}`, async () =>
    db
      .select({
        id: schema.products.id,
        category: schema.categories.slug,
        country: schema.stores.countryCode,
        dealPriceMinor: schema.festivalDeals.dealPriceMinor,
        flashStartsAt: schema.festivalDeals.flashStartsAt,
        flashEndsAt: schema.festivalDeals.flashEndsAt,
        limit: schema.festivalDeals.perCustomerLimit,
      })
      .from(schema.festivalDeals)
      .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
      .innerJoin(schema.products, eq(schema.products.id, schema.festivalDeals.productId))
      .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
      .innerJoin(schema.categories, eq(schema.categories.id, schema.products.categoryId))
      .where(
        and(
          eq(schema.festivalEnrolments.festivalId, festivalId),
          eq(schema.festivalEnrolments.status, "approved"),
          eq(schema.festivalDeals.status, "approved"),
          visibleProduct,
        ),
      )
      .orderBy(asc(schema.products.id)),
  );
}

/**
 * Which of a festival's approved deals a page of the festival page shows:
 * the visible deal products, narrowed by category and country, in a stable
 * order, cut into pages the size of the catalogue's (PER_PAGE). A page past
 * the end shows the last page, as /products does. The facets count the deals
 * each option would leave, so a filter never leads to an empty page.
 */
async function festivalDealSelection(lang: Presenter["lang"], t: TFunction, festivalId: number, query: FestivalDealQuery) {
  const rows = await approvedDeals(festivalId);
  const categories = await listCategories(lang);
  const categoryName = new Map(categories.map((c) => [c.slug, c.name]));
  // An option that matches none of this festival's deals is dropped, like any unknown value.
  const category = query.category && rows.some((r) => r.category === query.category) ? query.category : undefined;
  const country = query.country && rows.some((r) => r.country === query.country) ? query.country : undefined;
  const matching = rows.filter((r) => (!category || r.category === category) && (!country || r.country === country));
  const pages = Math.max(1, Math.ceil(matching.length / PER_PAGE));
  const page = Math.min(Math.max(1, query.page), pages);
  const tally = (values: string[]) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())];
  const compare = textComparer(lang);
  const option = (name: string, count: number) => optionLabel(lang, t, name, count);
  return {
    all: rows.length,
    total: matching.length,
    page,
    pages,
    pageIds: matching.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((r) => r.id),
    category,
    country,
    // Each facet counts within the other filter, so its numbers say what choosing it would show.
    categories: tally(rows.filter((r) => !country || r.country === country).map((r) => r.category))
      .map(([slug, n]) => ({ value: slug, label: option(categoryName.get(slug) ?? slug, n) }))
      .sort((a, b) => compare(a.label, b.label)),
    countries: tally(rows.filter((r) => !category || r.category === category).map((r) => r.country))
      .map(([code, n]) => ({ value: code, label: option(countryName(code, lang), n) }))
      .sort((a, b) => compare(a.label, b.label)),
  };
}

/** The festival page's data, all formatted for the page's language and currency: one page of its deals. */
export async function festivalPage(f: FestivalSummary, view: Presenter, t: TFunction, now: number, query: FestivalDealQuery = { page: 1 }) {
  const selection = await festivalDealSelection(view.lang, t, f.id, query);
  const { pageIds } = selection;
  const dealBy = new Map((await approvedDeals(f.id)).map((d) => [d.id, d]));
  const cards = await productCardsByIds(view.lang, pageIds, now);
  const sale = f.clock.sale;
  const deals = cards.map((p) => {
    const d = dealBy.get(p.id)!;
    const flash = d.flashStartsAt && d.flashEndsAt ? { startsAt: d.flashStartsAt.getTime(), endsAt: d.flashEndsAt.getTime() } : null;
    const live = p.price.deal?.festivalId === f.id;
    const endsAt = live ? p.price.deal!.endsAt : null;
    const startsAt = !live ? (flash && flash.startsAt > now ? flash.startsAt : sale && sale.startsAt > now ? sale.startsAt : null) : null;
    const card = presentProduct(p, view, t);
    // Only what a deal card shows: the page's data travels twice (HTML and hydration data).
    return {
      slug: card.slug,
      name: card.name,
      fallback: card.fallback,
      image: card.image,
      store: { name: card.store.name, country: card.store.country },
      stock: card.stock,
      stockLabel: card.stockLabel,
      live,
      festivalPrice: view.money(d.dealPriceMinor),
      regular: view.money(p.price.regularMinor),
      limitLabel: d.limit ? t("festivals.deal.limit", { value: formatNumber(d.limit, view.lang) }) : null,
      flashLabel: flash ? t("festivals.deal.flash", { from: isolate(formatDateTime(flash.startsAt, view.lang, f.timeZone)), to: isolate(formatDateTime(flash.endsAt, view.lang, f.timeZone)) }) : null,
      // The sale is on, but every unit committed at the festival price is taken.
      soldOutLabel: !live && p.price.dealSoldOut ? t("catalog.deal.soldOut") : null,
      unitsLeftLabel: live ? t("catalog.deal.unitsLeft", { value: formatNumber(p.price.deal!.unitsLeft, view.lang) }) : null,
      endsAt,
      endsText: endsAt ? formatDuration(endsAt - now, view.lang) : "",
      startsAt,
      startsText: startsAt ? formatDuration(startsAt - now, view.lang) : "",
    };
  });
  // Named and linked, not full cards: at a peak the deals are the page, and every byte is sent twice (HTML and hydration data).
  const stores = await untilContentChanges(`festival-stores:${f.id}:${view.lang}`, async () =>
    (await storeCardsByIds(view.lang, (await festivalParticipation(f.id)).storeIds, 200)).map((s) => {
      const card = presentStore(s, view.lang, t);
      return { slug: card.slug, name: card.name, fallback: card.fallback, location: card.location };
    }),
  );
  const { total, page, pages } = selection;
  return {
    // The banner counts every deal of the festival, not the ones on this page.
    banner: forShoppers(presentFestivalBanner(f, view, t, now, selection.all, await festivalTotals(f.id))),
    phases: presentPhases(f, view, t, now),
    deals,
    dealList: {
      total,
      countLabel: t("festivals.page.dealCount", { count: total }),
      page,
      pages,
      status: t("catalog.results.pageOf", { page: formatNumber(page, view.lang), pages: formatNumber(pages, view.lang) }),
      filters: {
        category: selection.category,
        country: selection.country,
        categories: selection.categories,
        countries: selection.countries,
        active: Boolean(selection.category || selection.country),
      },
    },
    stores,
  };
}

/** The live-update payload, from the counter values just read (the festival's, and its sessions' orders). */
export function livePayload(f: FestivalSummary, view: Presenter, t: TFunction, now: number, values: CounterValues, sessions: Map<string, CounterValues> = new Map()) {
  return { slug: f.slug, now, counters: presentCounters(f, view, t, values), sessions: presentSessionCounters(sessions, view.lang) };
}
