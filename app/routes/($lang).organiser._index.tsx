import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BidiText } from "~/components/value";
import { useTranslation } from "react-i18next";
import { CountryTrackerTable } from "~/components/festival-dashboard";
import { requireOrganiser } from "~/modules/auth/guards.server";
import { campaignTracker } from "~/modules/catalog/catalog.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { listAllFestivals, reviewQueue } from "~/modules/festivals/admin.server";
import { countersByScope, namesFor } from "~/modules/festivals/dashboard.server";
import { presentTracker, presentTrackerCountries } from "~/modules/festivals/present.server";
import { countryName, formatDateTime, formatNumber } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const view = presenter(lang, currency);
  const tracker = campaignTracker();
  const n = (v: number) => formatNumber(v, lang);
  const row = (c: { key: string; orders: number; units: number; gmv: number }, name: string, top: number) => ({
    key: c.key,
    name,
    orders: n(c.orders),
    units: n(c.units),
    gmv: view.money(c.gmv),
    share: Math.round((c.gmv * 100) / Math.max(1, top)),
  });
  const campaign = countersByScope("campaign")[0] ?? { key: "all", orders: 0, units: 0, gmv: 0 };
  const stores = countersByScope("store").slice(0, 10);
  const storeNames = namesFor("store", stores.map((s) => Number(s.key)), lang);
  const countries = countersByScope("country");
  const categories = countersByScope("category");
  const categoryNames = namesFor("category", categories.map((c) => Number(c.key)), lang);
  return {
    title: `${t("festivals.organiser.title")} · ${t("site.name")}`,
    pending: formatNumber(reviewQueue(lang).length, lang),
    tracker: presentTracker(tracker, lang, t),
    byCountry: presentTrackerCountries(tracker, lang),
    campaign: { orders: n(campaign.orders), units: n(campaign.units), gmv: view.money(campaign.gmv) },
    stores: stores.map((s, i) => ({ ...row(s, storeNames.get(Number(s.key))?.name ?? s.key, stores[0]?.gmv ?? 1), rank: n(i + 1), country: countryName(storeNames.get(Number(s.key))?.countryCode ?? "", lang) })),
    countries: countries.map((c) => row(c, countryName(c.key, lang), countries[0]?.gmv ?? 1)),
    categories: categories.map((c) => row(c, categoryNames.get(Number(c.key))?.name ?? c.key, categories[0]?.gmv ?? 1)),
    festivals: listAllFestivals(lang, at).map((f) => {
      const sale = f.clock.sale;
      return {
        slug: f.slug,
        name: f.name,
        status: f.status,
        statusLabel: t(`festivals.status.${f.status}`),
        state: f.clock.state,
        stateLabel: t(`festival.state.${f.clock.state}`),
        sale: sale ? `${formatDateTime(sale.startsAt, lang, f.timeZone)} – ${formatDateTime(sale.endsAt, lang, f.timeZone)}` : "",
        pending: f.pendingReviews ? t("festivals.organiser.pendingCount", { value: formatNumber(f.pendingReviews, lang) }) : "",
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
        </div>
      </header>
      <section aria-labelledby="festivals-title">
        <h2 id="festivals-title">{t("festivals.organiser.festivals")}</h2>
        <CountryTrackerTable rows={d.byCountry} />
      </section>
    </div>
  );
}
