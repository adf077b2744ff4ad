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

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const festival = (await listFestivals(lang, at)).find((f) => f.slug === params.slug);
  if (!festival) throw notFound(t);
  const view = presenter(lang, currency);
  const { dashboard, counters } = await dashboardSnapshot(festival, view, t, at);
  return {
    title: `${festival.name} · ${t("festivals.dashboard.title")}`,
    slug: festival.slug,
    name: festival.name,
    banner: { ...presentFestivalBanner(festival, view, t, at, 0, dashboard.raw), counters },
    dashboard,
  };
}

export default function FestivalDashboard() {
  const { slug, name, banner, dashboard: d } = useLoaderData<typeof loader>();
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
