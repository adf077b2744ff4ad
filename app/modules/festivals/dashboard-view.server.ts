/** The organiser dashboard of one festival, formatted for the page (and the rows of its CSV export). */
import type { TFunction } from "i18next";
import { db, readSnapshot, type AppDatabase } from "~/db.server";
import { campaignTracker, CAMPAIGN_TARGETS, type CampaignTracker } from "../catalog/catalog.server";
import type { Presenter } from "../catalog/present.server";
import { countryName, formatDateTime, formatNumber } from "../i18n/format";
import { dealExposure } from "../pricing/funding";
import { festivalSubsidies, subsidisedDeals } from "./funding.server";
import { toMajorString } from "./money-text";
import { festivalBreakdown, festivalParticipation, festivalTotals, hourlySeries, namesFor } from "./dashboard.server";
import type { FestivalSummary } from "./festivals.server";
import { barFill, presentCounters, presentTrackerCountries } from "./present.server";

const pct = (v: number, target: number) => (target > 0 ? Math.round((v * 100) / target) : null);

async function festivalResults(f: FestivalSummary, now: number, reader: AppDatabase) {
  const totals = await festivalTotals(f.id);
  const stores = await festivalBreakdown(f.id, "store", reader);
  const countries = await festivalBreakdown(f.id, "country", reader);
  const categories = await festivalBreakdown(f.id, "category", reader);
  // "During the festival": from the warm-up (or the sale), not from the registration weeks before.
  const selling = f.phases.filter((p) => p.kind !== "registration");
  const first = Math.min(...(selling.length ? selling : f.phases).map((p) => p.startsAt));
  const last = Math.max(...f.phases.map((p) => p.endsAt));
  const hours = await hourlySeries(f.id, first, Math.min(last, Math.max(now, first)), reader);
  return { totals, stores, countries, categories, hours };
}

async function presentDashboard(f: FestivalSummary, view: Presenter, t: TFunction, now: number, reader: AppDatabase, tracker: CampaignTracker) {
  const lang = view.lang;
  const n = (v: number) => formatNumber(v, lang);
  const r = await festivalResults(f, now, reader);
  const storeNames = await namesFor("store", r.stores.map((s) => Number(s.key)), lang, reader);
  const categoryNames = await namesFor("category", r.categories.map((c) => Number(c.key)), lang, reader);
  const topGmv = Math.max(1, ...r.stores.map((s) => s.gmv));
  const participation = await festivalParticipation(f.id);
  const row = (b: { orders: number; units: number; gmv: number }, name: string, key: string, top: number) => ({
    key,
    name,
    orders: n(b.orders),
    units: n(b.units),
    gmv: view.money(b.gmv),
    share: Math.round((b.gmv * 100) / Math.max(1, top)),
  });
  const maxOrders = Math.max(1, ...r.hours.map((h) => h.orders));
  const maxGmv = Math.max(1, ...r.hours.map((h) => h.gmv));
  return {
    totals: [
      { metric: "orders", label: t("festival.orders"), value: n(r.totals.orders), target: n(f.targets.orders), percent: pct(r.totals.orders, f.targets.orders), fill: barFill(r.totals.orders, f.targets.orders) },
      { metric: "units", label: t("festival.units"), value: n(r.totals.units), target: n(f.targets.units), percent: pct(r.totals.units, f.targets.units), fill: barFill(r.totals.units, f.targets.units) },
      { metric: "gmv", label: t("festival.gmv"), value: view.money(r.totals.gmv), target: view.money(f.targets.gmv), percent: pct(r.totals.gmv, f.targets.gmv), fill: barFill(r.totals.gmv, f.targets.gmv) },
    ],
    raw: r.totals,
    participation: {
      stores: t("festivals.dashboard.storesIn", { value: n(participation.storeIds.length) }),
      deals: t("festivals.dashboard.dealsIn", { value: n(participation.dealProductIds.length) }),
    },
    leaderboard: r.stores.slice(0, 10).map((s, i) => ({ rank: n(i + 1), ...row(s, storeNames.get(Number(s.key))?.name ?? s.key, s.key, topGmv), country: countryName(storeNames.get(Number(s.key))?.countryCode ?? "", lang) })),
    countries: r.countries.map((c) => row(c, countryName(c.key, lang), c.key, r.countries[0]?.gmv ?? 1)),
    categories: r.categories.map((c) => row(c, categoryNames.get(Number(c.key))?.name ?? c.key, c.key, r.categories[0]?.gmv ?? 1)),
    chart: {
      hours: r.hours.map((h) => ({
        hour: h.hour,
        label: formatDateTime(h.hour, lang, f.timeZone),
        orders: h.orders,
        ordersText: n(h.orders),
        gmv: h.gmv,
        gmvText: view.money(h.gmv),
        ordersRatio: h.orders / maxOrders,
        gmvRatio: h.gmv / maxGmv,
      })),
      maxOrders: n(maxOrders),
      maxGmv: view.money(maxGmv),
      firstLabel: r.hours[0] ? formatDateTime(r.hours[0].hour, lang, f.timeZone) : "",
      lastLabel: r.hours.length ? formatDateTime(r.hours[r.hours.length - 1].hour, lang, f.timeZone) : "",
    },
    tracker: {
      stores: n(tracker.storesLive),
      storesTarget: n(CAMPAIGN_TARGETS.stores),
      storesPercent: pct(tracker.storesLive, CAMPAIGN_TARGETS.stores),
      products: n(tracker.productsListed),
      productsTarget: n(CAMPAIGN_TARGETS.products),
      productsPercent: pct(tracker.productsListed, CAMPAIGN_TARGETS.products),
      byCountry: presentTrackerCountries(tracker, lang),
    },
  };
}

/**
 * The dashboard and its big counters from one snapshot (readSnapshot): every
 * number on the page comes from the same moment, so the counters, the
 * progress lines and the tables can only move together, on either engine.
 */
export async function dashboardSnapshot(f: FestivalSummary, view: Presenter, t: TFunction, now: number) {
  // The campaign-wide tracker (kept until the content moves) is read first; the festival's numbers together below,
  // in one snapshot: on SQLite a transaction (its BEGIN IMMEDIATE keeps every other transaction out until it ends),
  // on PostgreSQL a REPEATABLE READ, READ ONLY one (its reads through `db` follow it).
  const tracker = await campaignTracker();
  return readSnapshot(db, async (tx) => {
    const dashboard = await presentDashboard(f, view, t, now, tx, tracker);
    return { dashboard, counters: presentCounters(f, view, t, dashboard.raw) };
  });
}

/** A festival's results as CSV rows (base currency, major units; names in English for spreadsheets). */
export async function resultsCsvRows(f: FestivalSummary, currency: string, now: number): Promise<(string | number)[][]> {
  const r = await festivalResults(f, now, db);
  const stores = await namesFor("store", r.stores.map((s) => Number(s.key)), "en");
  const categories = await namesFor("category", r.categories.map((c) => Number(c.key)), "en");
  const money = (minor: number) => toMajorString(minor, currency);
  const rows: (string | number)[][] = [["section", "key", "name", "country", "orders", "units", `gmv_${currency.toLowerCase()}`, "target_orders", "target_units", `target_gmv_${currency.toLowerCase()}`]];
  rows.push(["festival", f.slug, f.name, "", r.totals.orders, r.totals.units, money(r.totals.gmv), f.targets.orders, f.targets.units, money(f.targets.gmv)]);
  for (const s of r.stores) {
    const info = stores.get(Number(s.key));
    rows.push(["store", info?.slug ?? s.key, info?.name ?? "", info?.countryCode ?? "", s.orders, s.units, money(s.gmv), "", "", ""]);
  }
  for (const c of r.countries) rows.push(["country", c.key, countryName(c.key, "en"), c.key, c.orders, c.units, money(c.gmv), "", "", ""]);
  for (const c of r.categories) {
    const info = categories.get(Number(c.key));
    rows.push(["category", info?.slug ?? c.key, info?.name ?? "", "", c.orders, c.units, money(c.gmv), "", "", ""]);
  }
  for (const h of r.hours) rows.push(["hour", new Date(h.hour).toISOString(), "", "", h.orders, "", money(h.gmv), "", "", ""]);
  // Who funds the discounts: the festival's budget, what approved deals may cost at most and what paid orders cost so far;
  // then each deal the organiser (co-)funds, with its share and its paid units ("units").
  const cur = currency.toLowerCase();
  rows[0].push("organiser_share_pct", `subsidy_budget_${cur}`, `subsidy_max_${cur}`, `subsidy_paid_${cur}`);
  const subsidies = await festivalSubsidies(f.id);
  rows[1].push("", money(subsidies.budget), money(subsidies.committed), money(subsidies.paid));
  const deals = await subsidisedDeals(f.id);
  const dealStores = await namesFor("store", deals.map((d) => d.storeId), "en");
  for (const row of rows.slice(2)) row.push("", "", "", "");
  for (const d of deals) {
    const store = dealStores.get(d.storeId);
    rows.push(["subsidised_deal", d.dealId, `${store?.name ?? ""} · ${d.productName}`, store?.countryCode ?? "", "", d.paidUnits, "", "", "", "", d.organiserSharePct, "", money(dealExposure(d, d.committedStock)), money(d.subsidyMinor)]);
  }
  return rows;
}
