import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BidiText } from "~/components/value";
import { useTranslation } from "react-i18next";
import { CampaignTrendChart, type TargetFlag } from "~/components/campaign-trend";
import { CampaignTrackerPanel } from "~/components/festival";
import { BreakdownTable, CountryTrackerTable, ProgressRow } from "~/components/festival-dashboard";
import { requireOrganiser } from "~/modules/auth/guards.server";
import { CAMPAIGN_TARGETS, campaignTracker } from "~/modules/catalog/catalog.server";
import { readTarget, type TargetReading } from "~/modules/catalog/targets";
import { campaignTrend, DAY_MS } from "~/modules/catalog/trend.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { listAllFestivals, reviewQueue } from "~/modules/festivals/admin.server";
import { countersByScope, namesFor } from "~/modules/festivals/dashboard.server";
import { barFill, presentTracker, presentTrackerCountries } from "~/modules/festivals/present.server";
import { countryName, formatDate, formatDateTime, formatNumber, timeZoneLabel } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { OrdersBySourceTable } from "~/components/feeds";
import { paidOrdersBySource } from "~/modules/orders/by-source.server";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

const pct = (value: number, target: number) => (target > 0 ? Math.round((value * 100) / target) : null);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const view = await presenter(lang, currency);
  const tracker = await campaignTracker();
  const n = (v: number) => formatNumber(v, lang);
  const campaign = (await countersByScope("campaign"))[0] ?? { key: "all", orders: 0, units: 0, gmv: 0 };
  const byFestival = new Map((await countersByScope("festival")).map((c) => [c.key, c]));
  const stores = (await countersByScope("store")).slice(0, 10);
  const storeNames = await namesFor("store", stores.map((s) => Number(s.key)), lang);
  const topGmv = Math.max(1, stores[0]?.gmv ?? 1);
  const span = (from: number, to: number, zone: string) => `${formatDateTime(from, lang, zone)} – ${formatDateTime(to, lang, zone)}`;
  const trend = await campaignTrend(at);
  const lastDay = trend.days[trend.days.length - 1];
  const trendFrom = trend.window?.startsAt ?? trend.days[0]?.day ?? at;
  const trendTo = trend.window ? trend.window.endsAt - 1 : (lastDay?.day ?? at);
  /** A target's standing, with what was expected by now when it is behind (flags say what to act on, not every number). */
  const flag = (metric: TargetFlag["metric"], label: string, reading: TargetReading, money = false): TargetFlag => ({
    metric,
    label,
    standing: reading.standing,
    expected: reading.standing === "behind" ? (money ? view.money(reading.expected) : n(reading.expected)) : null,
  });
  return {
    title: `${t("festivals.organiser.title")} · ${t("site.name")}`,
    pending: n((await reviewQueue(lang)).length),
    tracker: presentTracker(tracker, lang, t),
    byCountry: presentTrackerCountries(tracker, lang),
    trend: {
      from: formatDate(trendFrom, lang),
      to: formatDate(trendTo, lang),
      windowDays: trend.window ? Math.floor((trend.window.endsAt - 1) / DAY_MS) - Math.floor(trend.window.startsAt / DAY_MS) + 1 : trend.days.length,
      stores: { value: n(lastDay?.stores ?? 0), target: n(CAMPAIGN_TARGETS.stores) },
      products: { value: n(lastDay?.products ?? 0), target: n(CAMPAIGN_TARGETS.products) },
      points: trend.days.map((d, i) => ({
        label: formatDate(d.day, lang),
        stores: n(d.stores),
        products: n(d.products),
        storesShare: d.stores / CAMPAIGN_TARGETS.stores,
        productsShare: d.products / CAMPAIGN_TARGETS.products,
        changed: i > 0 && (d.stores !== trend.days[i - 1].stores || d.products !== trend.days[i - 1].products),
      })),
      flags: trend.standing ? [flag("stores", t("tracker.stores"), trend.standing.stores), flag("products", t("tracker.products"), trend.standing.products)] : [],
    },
    campaign: [
      { metric: "orders", label: t("festival.orders"), value: n(campaign.orders) },
      { metric: "units", label: t("festival.units"), value: n(campaign.units) },
      { metric: "gmv", label: t("festival.gmv"), value: view.money(campaign.gmv) },
    ],
    bySource: (await paidOrdersBySource()).map((r) => ({
      key: r.source ?? "",
      source: r.source ?? t("feeds.sources.direct"),
      orders: n(r.orders),
      revenue: view.money(r.revenueBaseMinor),
    })),
    stores: stores.map((s, i) => ({
      key: s.key,
      rank: n(i + 1),
      name: storeNames.get(Number(s.key))?.name ?? s.key,
      country: countryName(storeNames.get(Number(s.key))?.countryCode ?? "", lang),
      orders: n(s.orders),
      units: n(s.units),
      gmv: view.money(s.gmv),
      share: Math.round((s.gmv * 100) / topGmv),
    })),
    festivals: (await listAllFestivals(lang, at)).map((f) => {
      const sale = f.clock.sale;
      const first = f.phases[0];
      const last = f.phases[f.phases.length - 1];
      const c = byFestival.get(String(f.id)) ?? { orders: 0, units: 0, gmv: 0 };
      // A festival's targets are expected to fill steadily over its main sale (deal prices apply only then).
      const window = sale ?? (first && last ? { startsAt: first.startsAt, endsAt: last.endsAt } : null);
      const standing = (metric: "orders" | "units" | "gmv", value: number) =>
        window && f.status === "published" ? flag(metric, t(`festival.${metric}`), readTarget(value, f.targets[metric], window, at), metric === "gmv") : null;
      return {
        slug: f.slug,
        name: f.name,
        status: f.status,
        statusLabel: t(`festivals.status.${f.status}`),
        state: f.clock.state,
        stateLabel: t(`festival.state.${f.clock.state}`),
        sale: sale ? span(sale.startsAt, sale.endsAt, f.timeZone) : "",
        runs: first && last ? span(first.startsAt, last.endsAt, f.timeZone) : "",
        timeZone: f.timeZone,
        // The zone's name in the page's language, and the IANA id the festival stores.
        timeZoneLabel: timeZoneLabel(f.timeZone, lang, at),
        counters: [
          { metric: "orders", label: t("festival.orders"), value: n(c.orders), target: n(f.targets.orders), percent: pct(c.orders, f.targets.orders), fill: barFill(c.orders, f.targets.orders), flag: standing("orders", c.orders) },
          { metric: "units", label: t("festival.units"), value: n(c.units), target: n(f.targets.units), percent: pct(c.units, f.targets.units), fill: barFill(c.units, f.targets.units), flag: standing("units", c.units) },
          { metric: "gmv", label: t("festival.gmv"), value: view.money(c.gmv), target: view.money(f.targets.gmv), percent: pct(c.gmv, f.targets.gmv), fill: barFill(c.gmv, f.targets.gmv), flag: standing("gmv", c.gmv) },
        ],
        applications: t("festivals.organiser.applications", { value: n(f.pendingReviews) }),
      };
    }),
  };
}

export default function OrganiserHome() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      <header className="page-head">
        <h1>{t("festivals.organiser.title")}</h1>
        <div className="button-row">
          <Link className="button" to={localize("/organiser/festivals/new")}>
            {t("festivals.organiser.newFestival")}
          </Link>
          <Link className="button button--ghost" to={localize("/organiser/review")}>
            <BidiText text={t("festivals.organiser.reviewQueue", { value: d.pending })} />
          </Link>
          <Link className="button button--ghost" to={localize("/organiser/feeds")} data-link="feeds">
            {t("feeds.link")}
          </Link>
        </div>
      </header>
      <section aria-labelledby="campaign-title" className="stack">
        <h2 id="campaign-title">{t("festivals.organiser.campaignSales")}</h2>
        <dl className="campaign-totals" data-campaign-totals="">
          {d.campaign.map((c) => (
            <div key={c.metric} className="campaign-totals__item" data-metric={c.metric}>
              <dt>{c.label}</dt>
              <dd>
                <bdi dir="ltr">{c.value}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="sources-title" className="stack" id="orders-by-source">
        <h2 id="sources-title">{t("feeds.sources.title")}</h2>
        <OrdersBySourceTable rows={d.bySource} />
      </section>
      <section aria-labelledby="festivals-title" className="stack">
        <h2 id="festivals-title">{t("festivals.organiser.festivals")}</h2>
        {d.festivals.length ? (
          <ul className="organiser-festivals">
            {d.festivals.map((f) => (
              <li key={f.slug} className="organiser-festival" data-festival={f.slug} aria-labelledby={`festival-${f.slug}`}>
                <h3 id={`festival-${f.slug}`}>{f.name}</h3>
                <p className="organiser-festival__pills">
                  <span className={`state-pill state-pill--${f.state}`}>{f.stateLabel}</span>{" "}
                  {f.status !== "published" ? <span className={`state-pill state-pill--${f.status}`}>{f.statusLabel}</span> : null}
                </p>
                <dl className="organiser-festival__dates">
                  {f.sale ? (
                    <div>
                      <dt>{t("festivals.organiser.sale")}</dt>
                      <dd>{f.sale}</dd>
                    </div>
                  ) : null}
                  {f.runs ? (
                    <div>
                      <dt>{t("festivals.organiser.runs")}</dt>
                      <dd>{f.runs}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t("festivals.organiser.timeZone")}</dt>
                    <dd>
                      <BidiText text={f.timeZoneLabel} />
                    </dd>
                  </div>
                </dl>
                <div className="progress-list">
                  {f.counters.map((c) => (
                    <ProgressRow key={c.metric} metric={c.metric} label={c.label} value={c.value} target={c.target} percent={c.percent} fill={c.fill} flag={c.flag} />
                  ))}
                </div>
                <p className="organiser-festival__links">
                  {f.status === "published" ? (
                    <Link className="button button--small" to={localize(`/organiser/festivals/${f.slug}`)} data-link="dashboard">
                      {t("festivals.organiser.dashboard")}
                    </Link>
                  ) : null}
                  <Link className="button button--small button--ghost" to={localize(`/organiser/festivals/${f.slug}/edit`)} data-link="edit">
                    {t("festivals.organiser.edit")}
                  </Link>
                  <Link className="button button--small button--ghost" to={localize(`/organiser/festivals/${f.slug}/programme`)} data-link="programme">
                    {t("programme.organiser.open")}
                  </Link>
                  <Link className="button button--small button--ghost" to={`${localize(`/organiser/festivals/${f.slug}/edit`)}#duplicate`} data-link="duplicate">
                    {t("festivals.organiser.duplicate")}
                  </Link>
                  <Link className="button button--small button--ghost" to={`${localize("/organiser/review")}?festival=${encodeURIComponent(f.slug)}`} data-link="applications">
                    {f.applications}
                  </Link>
                  {f.status === "published" ? (
                    <a className="button button--small button--ghost" href={localize(`/organiser/festivals/${f.slug}/export`)} download data-link="export">
                      {t("festivals.organiser.export")}
                    </a>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("festivals.organiser.noFestivals")}</p>
        )}
      </section>
      <section aria-labelledby="leaderboard-title" className="stack">
        <h2 id="leaderboard-title">{t("festivals.dashboard.leaderboard")}</h2>
        {d.stores.length ? <BreakdownTable caption={t("festivals.dashboard.leaderboardCaption")} rows={d.stores} withCountry withRank /> : <p className="muted">{t("festivals.dashboard.noSales")}</p>}
      </section>
      <CampaignTrackerPanel tracker={d.tracker} />
      <section aria-labelledby="trend-heading" className="stack" data-campaign-trend="">
        <h2 id="trend-heading">{t("festivals.trend.title")}</h2>
        <CampaignTrendChart {...d.trend} />
      </section>
      <section aria-labelledby="countries-title">
        <h2 id="countries-title">{t("festivals.organiser.byCountry")}</h2>
        <CountryTrackerTable rows={d.byCountry} />
      </section>
    </div>
  );
}
