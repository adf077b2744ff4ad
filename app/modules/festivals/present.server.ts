import type { TFunction } from "i18next";
import { CAMPAIGN_TARGETS, type CampaignTracker } from "../catalog/catalog.server";
import { readCounters, type CounterValues } from "../counters/counters.server";
import type { Lang } from "../i18n/config";
import { countryName, formatDateTime, formatDuration, formatNumber } from "../i18n/format";
import type { Presenter } from "../catalog/present.server";
import type { FestivalSummary } from "./festivals.server";

const percent = (value: number, target: number) => (target > 0 ? Math.round((value * 100) / target) : null);

/** A festival's counters against its targets, formatted for the page (also the live-update payload, which passes the values it read). */
export function presentCounters(f: Pick<FestivalSummary, "id" | "targets">, view: Presenter, t: TFunction, values?: CounterValues) {
  const lang: Lang = view.lang;
  const counters = values ?? readCounters("festival", [String(f.id)]).get(String(f.id))!;
  return ([
    { metric: "orders", label: t("festival.orders"), value: formatNumber(counters.orders, lang), target: t("festival.target", { value: formatNumber(f.targets.orders, lang) }), percent: percent(counters.orders, f.targets.orders) },
    { metric: "units", label: t("festival.units"), value: formatNumber(counters.units, lang), target: t("festival.target", { value: formatNumber(f.targets.units, lang) }), percent: percent(counters.units, f.targets.units) },
    { metric: "gmv", label: t("festival.gmv"), value: view.money(counters.gmv), target: t("festival.target", { value: view.money(f.targets.gmv) }), percent: percent(counters.gmv, f.targets.gmv) },
  ] satisfies CounterView[]) as CounterView[];
}

/** One festival counter; `target` and `percent` are null where only the organiser sees them. */
interface CounterView {
  metric: string;
  label: string;
  value: string;
  target: string | null;
  percent: number | null;
}
export type CountersView = ReturnType<typeof presentCounters>;

export function presentFestivalBanner(f: FestivalSummary, view: Presenter, t: TFunction, now: number, dealCount: number) {
  const lang: Lang = view.lang;
  const { state, nextBoundary } = f.clock;
  const countdownLabel =
    state === "live" || state === "encore" ? t("festival.endsIn") : state === "upcoming" || state === "warmup" ? t("festival.startsIn") : t("festival.nextPhaseIn");
  return {
    slug: f.slug,
    name: f.name,
    pitch: f.pitch,
    fallback: f.fallback,
    state,
    stateLabel: t(`festival.state.${state}`),
    timeZone: f.timeZone,
    serverNow: now,
    nextBoundary,
    countdownLabel,
    countdownText: nextBoundary ? formatDuration(nextBoundary - now, lang) : "",
    boundaryLocal: nextBoundary ? formatDateTime(nextBoundary, lang, f.timeZone) : "",
    boundaryUtc: nextBoundary ? formatDateTime(nextBoundary, lang, "UTC") : "",
    dealsLabel: state === "live" && dealCount > 0 ? t("festival.dealsCount", { count: dealCount }) : null,
    counters: presentCounters(f, view, t),
  };
}
export type FestivalBannerView = ReturnType<typeof presentFestivalBanner>;

/**
 * The banner as shoppers get it: what has sold so far, without the organiser's targets and
 * percentages ("45 of 500 orders (9%)" reads as low traction; issue 13, point 12).
 */
export function forShoppers(banner: FestivalBannerView): FestivalBannerView {
  return { ...banner, counters: banner.counters.map((c) => ({ ...c, target: null, percent: null })) };
}

/** The campaign's numbers for shoppers: stores, products and countries taking part, no goals. */
export function presentShopperTracker(tracker: CampaignTracker, lang: Lang) {
  return { stores: formatNumber(tracker.storesLive, lang), products: formatNumber(tracker.productsListed, lang), countries: formatNumber(tracker.countries, lang) };
}
export type ShopperTrackerView = ReturnType<typeof presentShopperTracker>;

export function presentTracker(tracker: CampaignTracker, lang: Lang, t: TFunction) {
  const n = (v: number) => formatNumber(v, lang);
  return {
    stores: n(tracker.storesLive),
    storesTarget: t("tracker.progress", { value: n(tracker.storesLive), target: n(CAMPAIGN_TARGETS.stores) }),
    storesPercent: percent(tracker.storesLive, CAMPAIGN_TARGETS.stores),
    products: n(tracker.productsListed),
    productsTarget: t("tracker.progress", { value: n(tracker.productsListed), target: n(CAMPAIGN_TARGETS.products) }),
    productsPercent: percent(tracker.productsListed, CAMPAIGN_TARGETS.products),
    countries: n(tracker.countries),
  };
}

/** Stores live and products listed per country, formatted for the organiser tables. */
export function presentTrackerCountries(tracker: CampaignTracker, lang: Lang) {
  return tracker.byCountry.map((c) => ({
    code: c.countryCode,
    name: countryName(c.countryCode, lang),
    stores: formatNumber(c.stores, lang),
    products: formatNumber(c.products, lang),
    // Each country's share of the campaign's goals, drawn as a bar in the table.
    storesShare: percent(c.stores, CAMPAIGN_TARGETS.stores) ?? 0,
    productsShare: percent(c.products, CAMPAIGN_TARGETS.products) ?? 0,
    storesGoal: formatNumber(CAMPAIGN_TARGETS.stores, lang),
    productsGoal: formatNumber(CAMPAIGN_TARGETS.products, lang),
  }));
}
export type TrackerCountryRow = ReturnType<typeof presentTrackerCountries>[number];
