import type { TFunction } from "i18next";
import { CAMPAIGN_TARGETS, type CampaignTracker } from "../catalog/catalog.server";
import type { CounterValues } from "../counters/counters.server";
import type { Lang } from "../i18n/config";
import { countryName, formatDateTime, formatDuration, formatNumber, timeZoneName } from "../i18n/format";
import { isolate } from "../i18n/isolate";
import { srcSetFor } from "../uploads/images.server";
import { countdownTarget } from "./clock";
import type { Presenter } from "../catalog/present.server";
import type { FestivalSummary } from "./festivals.server";

const percent = (value: number, target: number) => (target > 0 ? Math.round((value * 100) / target) : null);
/** How full a bar is, finer than the whole percent in its label, so one more sale moves it too. */
export const barFill = (value: number, target: number) => (target > 0 ? Math.min(100, Math.round((value * 10_000) / target) / 100) : 0);

/** A festival's counters (as its loader read them) against its targets, formatted for the page and the live-update payload. */
export function presentCounters(f: Pick<FestivalSummary, "targets">, view: Presenter, t: TFunction, counters: CounterValues) {
  const lang: Lang = view.lang;
  return ([
    { metric: "orders", label: t("festival.orders"), value: formatNumber(counters.orders, lang), target: t("festival.target", { value: isolate(formatNumber(f.targets.orders, lang), "ltr") }), percent: percent(counters.orders, f.targets.orders), fill: barFill(counters.orders, f.targets.orders) },
    { metric: "units", label: t("festival.units"), value: formatNumber(counters.units, lang), target: t("festival.target", { value: isolate(formatNumber(f.targets.units, lang), "ltr") }), percent: percent(counters.units, f.targets.units), fill: barFill(counters.units, f.targets.units) },
    { metric: "gmv", label: t("festival.gmv"), value: view.money(counters.gmv), target: t("festival.target", { value: isolate(view.money(f.targets.gmv), "ltr") }), percent: percent(counters.gmv, f.targets.gmv), fill: barFill(counters.gmv, f.targets.gmv) },
  ] satisfies CounterView[]) as CounterView[];
}

/** One festival counter; `target` and `percent` are null where only the organiser sees them. */
interface CounterView {
  metric: string;
  label: string;
  value: string;
  target: string | null;
  percent: number | null;
  /** How full the bar is (finer than `percent`). */
  fill?: number;
}
export type CountersView = ReturnType<typeof presentCounters>;

export function presentFestivalBanner(f: FestivalSummary, view: Presenter, t: TFunction, now: number, dealCount: number, counters: CounterValues) {
  const lang: Lang = view.lang;
  const { state } = f.clock;
  // What the countdown counts to, said in its label and beside its date (the sale's start, not registration's end).
  const target = countdownTarget(f.phases, f.clock, now);
  return {
    slug: f.slug,
    name: f.name,
    pitch: f.pitch,
    fallback: f.fallback,
    // The organiser's banner image; the festival's name beside it is the heading, so the alt text says what it is.
    image: f.banner ? { url: f.banner.url, srcSet: srcSetFor(f.banner.url) ?? null, width: f.banner.width, height: f.banner.height, alt: t("festivals.banner.alt", { name: f.name }) } : null,
    state,
    stateLabel: t(`festival.state.${state}`),
    serverNow: now,
    nextBoundary: target?.at ?? null,
    countdownLabel: target ? t(`festival.countdown.${target.kind}`) : "",
    countdownText: target ? formatDuration(target.at - now, lang) : "",
    boundaryLabel: target ? t("festival.whenIn", { event: t(`festival.at.${target.kind}`), zone: timeZoneName(f.timeZone, lang, target.at) }) : "",
    boundaryLocal: target ? formatDateTime(target.at, lang, f.timeZone) : "",
    boundaryUtc: target ? formatDateTime(target.at, lang, "UTC") : "",
    utcName: timeZoneName("UTC", lang),
    encoreNote: target?.encore ? t("festival.encoreFollows", { date: isolate(formatDateTime(target.encore.endsAt, lang, f.timeZone)) }) : null,
    dealsLabel: state === "live" && dealCount > 0 ? t("festival.dealsCount", { count: dealCount }) : null,
    counters: presentCounters(f, view, t, counters),
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
  const progress = (value: number, target: number) => t("tracker.progress", { value: isolate(n(value), "ltr"), target: isolate(n(target), "ltr") });
  return {
    stores: n(tracker.storesLive),
    storesTarget: progress(tracker.storesLive, CAMPAIGN_TARGETS.stores),
    storesPercent: percent(tracker.storesLive, CAMPAIGN_TARGETS.stores),
    products: n(tracker.productsListed),
    productsTarget: progress(tracker.productsListed, CAMPAIGN_TARGETS.products),
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
