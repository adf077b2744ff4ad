import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { CounterMeters, FestivalClock, useCounterStream } from "~/components/festival";
import { BreakdownTable, CountryTrackerTable, HourlyChart, ProgressRow } from "~/components/festival-dashboard";
import { requireOrganiser } from "~/modules/auth/guards.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { dashboardSnapshot } from "~/modules/festivals/dashboard-view.server";
import { listFestivals } from "~/modules/festivals/festivals.server";
import { presentFestivalBanner } from "~/modules/festivals/present.server";
import { notFound } from "~/modules/http/responses.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { festivalSubsidies, subsidisedDeals } from "~/modules/festivals/funding.server";
import { formatMoney, formatNumber } from "~/modules/i18n/format";
import { isolate } from "~/modules/i18n/isolate";
import { BASE_CURRENCY } from "~/modules/money/money";
import { dealExposure } from "~/modules/pricing/funding";
import { TableScroll } from "~/components/table-scroll";
import { BidiText } from "~/components/value";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const festival = (await listFestivals(lang, at)).find((f) => f.slug === params.slug);
  if (!festival) throw notFound(t);
  const view = await presenter(lang, currency);
  const { dashboard, counters } = await dashboardSnapshot(festival, view, t, at);
  const [subsidies, deals] = await Promise.all([festivalSubsidies(festival.id), subsidisedDeals(festival.id, lang)]);
  // Base currency, like the budget on the festival's form.
  const money = (minor: number) => formatMoney(minor, BASE_CURRENCY, lang);
  return {
    title: `${festival.name} · ${t("festivals.dashboard.title")}`,
    slug: festival.slug,
    name: festival.name,
    banner: { ...presentFestivalBanner(festival, view, t, at, 0, dashboard.raw), counters },
    dashboard,
    subsidies: {
      paid: money(subsidies.paid),
      budget: money(subsidies.budget),
      committed: money(subsidies.committed),
      summary: t("festivals.funding.summary", { paid: isolate(money(subsidies.paid)), budget: isolate(money(subsidies.budget)), committed: isolate(money(subsidies.committed)) }),
      deals: deals.map((d) => ({
        id: d.dealId,
        product: d.productName,
        share: `${formatNumber(d.organiserSharePct, lang)} %`,
        units: formatNumber(d.paidUnits, lang),
        paid: money(d.subsidyMinor),
        most: money(dealExposure(d, d.committedStock)),
      })),
    },
  };
}

export default function FestivalDashboard() {
  const { slug, name, banner, dashboard: d, subsidies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  // The stream only says that the counters changed; the page then reloads its
  // data once, so the counters, progress lines, tables and chart change in the same render.
  const revalidator = useRevalidator();
  const shown = JSON.stringify(banner.counters);
  const requested = useRef(shown);
  useCounterStream(slug, (counters) => {
    const next = JSON.stringify(counters);
    if (next === shown || next === requested.current) return;
    requested.current = next;
    revalidator.revalidate();
  });
  return (
    <div className="container stack organiser-dashboard">
      <p className="breadcrumb">
        <Link to={localize("/organiser")}>{t("festivals.organiser.title")}</Link>
      </p>
      <header className="page-head">
        <h1>
          {name} <small className={`state-pill state-pill--${banner.state}`}>{banner.stateLabel}</small>
        </h1>
        <p>
          {d.participation.stores} · {d.participation.deals}
        </p>
        <div className="button-row">
          <a className="button" href={localize(`/organiser/festivals/${slug}/export`)} download>
            {t("festivals.dashboard.export")}
          </a>
          <Link className="button button--ghost" to={localize(`/organiser/festivals/${slug}/programme`)}>
            {t("programme.organiser.open")}
          </Link>
          <Link className="button button--ghost" to={localize(`/organiser/festivals/${slug}/edit`)}>
            {t("festivals.organiser.edit")}
          </Link>
          <Link className="button button--ghost" to={localize(`/festivals/${slug}`)}>
            {t("festivals.organiser.publicPage")}
          </Link>
        </div>
      </header>
      <FestivalClock festival={banner} />
      <section aria-labelledby="live-title" className="stack">
        <h2 id="live-title">{t("festivals.dashboard.live")}</h2>
        <CounterMeters slug={slug} counters={banner.counters} targets />
        <div className="progress-list">
          {d.totals.map((c) => (
            <ProgressRow key={c.metric} metric={c.metric} label={c.label} value={c.value} target={c.target} percent={c.percent} fill={c.fill} />
          ))}
        </div>
      </section>
      <section aria-labelledby="subsidy-title" className="stack" data-subsidies="">
        <h2 id="subsidy-title">{t("festivals.funding.title")}</h2>
        <p>
          <BidiText text={subsidies.summary} />
        </p>
        {subsidies.deals.length ? (
          <TableScroll label={t("festivals.funding.dealsCaption")}>
            <table className="data-table data-table--figures">
              <caption>{t("festivals.funding.dealsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("festivals.funding.col.product")}</th>
                  <th scope="col">{t("festivals.funding.col.share")}</th>
                  <th scope="col">{t("festivals.funding.col.units")}</th>
                  <th scope="col">{t("festivals.funding.col.paid")}</th>
                  <th scope="col">{t("festivals.funding.col.most")}</th>
                </tr>
              </thead>
              <tbody>
                {subsidies.deals.map((row) => (
                  <tr key={row.id} data-subsidised-deal={row.id}>
                    <th scope="row">{row.product}</th>
                    <td><bdi dir="ltr">{row.share}</bdi></td>
                    <td><bdi dir="ltr">{row.units}</bdi></td>
                    <td><bdi dir="ltr">{row.paid}</bdi></td>
                    <td><bdi dir="ltr">{row.most}</bdi></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p className="muted">{t("festivals.funding.noDeals")}</p>
        )}
      </section>
      <section aria-labelledby="chart-title">
        <h2 id="chart-title">{t("festivals.dashboard.chartTitle")}</h2>
        <HourlyChart {...d.chart} />
      </section>
      <section aria-labelledby="leaderboard-title">
        <h2 id="leaderboard-title">{t("festivals.dashboard.leaderboard")}</h2>
        {d.leaderboard.length ? <BreakdownTable caption={t("festivals.dashboard.leaderboardCaption")} rows={d.leaderboard} withCountry withRank /> : <p className="muted">{t("festivals.dashboard.noSales")}</p>}
      </section>
      <div className="dashboard-columns">
        <section aria-labelledby="countries-title">
          <h2 id="countries-title">{t("festivals.dashboard.byCountry")}</h2>
          <BreakdownTable caption={t("festivals.dashboard.byCountry")} rows={d.countries} />
        </section>
        <section aria-labelledby="categories-title">
          <h2 id="categories-title">{t("festivals.dashboard.byCategory")}</h2>
          <BreakdownTable caption={t("festivals.dashboard.byCategory")} rows={d.categories} />
        </section>
      </div>
      <section aria-labelledby="tracker-title" className="stack">
        <h2 id="tracker-title">{t("tracker.title")}</h2>
        <div className="progress-list">
          <ProgressRow label={t("tracker.stores")} value={d.tracker.stores} target={d.tracker.storesTarget} percent={d.tracker.storesPercent} />
          <ProgressRow label={t("tracker.products")} value={d.tracker.products} target={d.tracker.productsTarget} percent={d.tracker.productsPercent} />
        </div>
        <CountryTrackerTable rows={d.tracker.byCountry} caption={t("festivals.organiser.byCountry")} />
      </section>
    </div>
  );
}
