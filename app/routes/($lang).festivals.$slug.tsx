import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price, StoreGrid } from "~/components/catalog";
import { Countdown, FestivalBanner } from "~/components/festival";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { festivalPage, findPublishedFestival } from "~/modules/festivals/public.server";
import { notFound } from "~/modules/http/responses.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data && "page" in data ? [{ title: data.title }, { name: "description", content: data.page.banner.pitch }] : [];

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.liveCounters);

export function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const festival = findPublishedFestival(params.slug ?? "", lang, at);
  if (!festival) throw notFound(t);
  const page = festivalPage(festival, presenter(lang, currency), t, at);
  return { title: `${festival.name} · ${t("site.name")}`, serverNow: at, page };
}

export default function FestivalPage() {
  const { page, serverNow } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack festival-page">
      <p className="breadcrumb">
        <Link to={localize("/festivals")}>{t("festivals.list.title")}</Link>
      </p>
      <FestivalBanner festival={page.banner} link={false} />
      <section aria-labelledby="phases-title">
        <h2 id="phases-title">{t("festivals.page.schedule")}</h2>
        <ol className="phase-list">
          {page.phases.map((p) => (
            <li key={p.kind} className={p.current ? "phase phase--current" : "phase"} aria-current={p.current ? "step" : undefined}>
              <strong>{p.label}</strong>
              <span>{p.local}</span>
              <small className="muted">UTC: {p.utc}</small>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="deals-title" id="deals">
        <h2 id="deals-title">{t("festivals.page.deals")}</h2>
        {page.deals.length ? (
          <ul className="deal-grid">
            {page.deals.map((d) => (
              <li key={d.slug} className={`deal-card${d.live ? " deal-card--live" : ""}`} data-deal={d.slug}>
                {d.image ? <img src={d.image.url} width={d.image.width} height={d.image.height} alt="" loading="lazy" decoding="async" className="deal-card__image" /> : null}
                <h3 lang={d.fallback ? "en" : undefined}>
                  <Link to={localize(`/products/${d.slug}`)}>{d.name}</Link>
                </h3>
                <p className="deal-card__store">
                  {d.store.name} · {d.store.country}
                </p>
                <p className="deal-card__price">
                  <Price value={d.festivalPrice} className="price price--deal" />{" "}
                  <s className="price price--was">
                    <Price value={d.regular} />
                  </s>
                </p>
                {d.live && d.endsAt ? (
                  <p className="deal-card__time">
                    {t("festivals.deal.endsIn")} <Countdown target={d.endsAt} initial={d.endsText} serverNow={serverNow} />
                  </p>
                ) : d.soldOutLabel ? (
                  <p className="deal-card__time">{d.soldOutLabel}</p>
                ) : d.startsAt ? (
                  <p className="deal-card__time">
                    {t("festivals.deal.startsIn")} <Countdown target={d.startsAt} initial={d.startsText} serverNow={serverNow} />
                  </p>
                ) : (
                  <p className="deal-card__time muted">{t("festivals.deal.notLive")}</p>
                )}
                {d.flashLabel ? <p className="deal-card__flash">{d.flashLabel}</p> : null}
                {d.unitsLeftLabel ? <p className="deal-card__units">{d.unitsLeftLabel}</p> : null}
                {d.limitLabel ? <p className="deal-card__limit">{d.limitLabel}</p> : null}
                <p className={`stock stock--${d.stock}`}>{d.stockLabel}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("festivals.page.noDeals")}</p>
        )}
      </section>
      <section aria-labelledby="stores-title">
        <h2 id="stores-title">{t("festivals.page.stores")}</h2>
        {page.stores.length ? <StoreGrid stores={page.stores} /> : <p className="muted">{t("festivals.page.noStores")}</p>}
      </section>
    </div>
  );
}
