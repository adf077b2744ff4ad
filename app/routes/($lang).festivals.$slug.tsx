import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination, Price } from "~/components/catalog";
import { CurrencyField } from "~/components/currency";
import { Countdown, FestivalBanner } from "~/components/festival";
import { Select } from "~/components/filters";
import { productListParams } from "~/modules/catalog/params";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { festivalPage, findPublishedFestival } from "~/modules/festivals/public.server";
import { shopperNotFound } from "~/modules/http/responses.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";
import { BidiText } from "~/components/value";
import { ProgrammeSection } from "~/components/programme";
import { festivalProgramme } from "~/modules/programme/programme.server";
import { presentProgramme } from "~/modules/programme/present.server";
import { timeZoneName } from "~/modules/i18n/format";
import { useState } from "react";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data && "page" in data ? [{ title: data.title }, { name: "description", content: data.page.banner.pitch }] : [];

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.liveCounters);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const at = now();
  const festival = await findPublishedFestival(params.slug ?? "", lang, at);
  if (!festival) throw await shopperNotFound(t, lang);
  // The catalogue's own parameter schema: a bad category, country or page is dropped (page 1).
  const { page: pageNumber, category, country } = productListParams(new URL(request.url));
  const view = await presenter(lang, currency);
  const page = await festivalPage(festival, view, t, at, { page: pageNumber, category, country });
  const programme = await presentProgramme(await festivalProgramme(festival.id, lang), festival, view, t, at);
  const { filters } = page.dealList;
  const query = new URLSearchParams();
  if (filters.category) query.set("category", filters.category);
  if (filters.country) query.set("country", filters.country);
  return { title: `${festival.name} · ${t("site.name")}`, serverNow: at, page, programme, utcName: timeZoneName("UTC", lang), slug: festival.slug, query: query.toString() };
}

export default function FestivalPage() {
  const { page, programme, utcName, serverNow, slug, query } = useLoaderData<typeof loader>();
  // Each session's orders, followed live over the banner's feed (the same stream as the festival's counters).
  const [sessionOrders, setSessionOrders] = useState<Record<string, string>>({});
  const { dealList } = page;
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack festival-page">
      <p className="breadcrumb">
        <Link to={localize("/festivals")}>{t("festivals.list.title")}</Link>
      </p>
      <FestivalBanner festival={page.banner} link={false} onLive={(payload) => payload.sessions && setSessionOrders(payload.sessions)} />
      <ProgrammeSection programme={programme} serverNow={serverNow} utcName={utcName} orders={sessionOrders} />
      <section aria-labelledby="phases-title">
        <h2 id="phases-title">{t("festivals.page.schedule")}</h2>
        <ol className="phase-list">
          {page.phases.map((p) => (
            <li key={p.kind} className={p.current ? "phase phase--current" : "phase"} aria-current={p.current ? "step" : undefined}>
              <strong>{p.label}</strong>
              <span>
                <BidiText text={p.local} />
              </span>
              <small className="muted">
                UTC: <BidiText text={p.utc} />
              </small>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="deals-title" id="deals" className="deal-list">
        <div className="deal-list__head">
          <h2 id="deals-title">{t("festivals.page.deals")}</h2>
          <p className="deal-list__count" role="status">
            <BidiText text={dealList.countLabel} />
            {dealList.pages > 1 ? (
              <>
                {" · "}
                <BidiText text={dealList.status} />
              </>
            ) : null}
          </p>
        </div>
        {dealList.total > 0 || dealList.filters.active ? (
          <Form method="get" action={localize(`/festivals/${slug}`)} className="filters__form filters__form--inline" aria-label={t("festivals.page.filterTitle")}>
            <CurrencyField />
            <Select name="category" label={t("catalog.filters.category")} value={dealList.filters.category} options={dealList.filters.categories} anyLabel={t("catalog.filters.any")} />
            <Select name="country" label={t("catalog.filters.country")} value={dealList.filters.country} options={dealList.filters.countries} anyLabel={t("catalog.filters.any")} />
            <div className="filters__actions">
              <button type="submit" className="button">
                {t("catalog.filters.apply")}
              </button>
              {dealList.filters.active ? <Link to={localize(`/festivals/${slug}#deals`)}>{t("catalog.filters.clear")}</Link> : null}
            </div>
          </Form>
        ) : null}
        {page.deals.length ? (
          <ul className="deal-grid">
            {page.deals.map((d) => (
              <li key={d.slug} className={`deal-card${d.live ? " deal-card--live" : ""}`} data-deal={d.slug}>
                {d.image ? <img src={d.image.url} width={d.image.width} height={d.image.height} alt="" loading="lazy" decoding="async" className="deal-card__image" /> : null}
                <h3 lang={d.fallback ? "en" : undefined}>
                  <Link to={localize(`/products/${d.slug}`)}>
                    <BidiText text={d.name} />
                  </Link>
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
                {d.flashLabel ? (
                  <p className="deal-card__flash">
                    <BidiText text={d.flashLabel} />
                  </p>
                ) : null}
                {d.unitsLeftLabel ? (
                  <p className="deal-card__units">
                    <BidiText text={d.unitsLeftLabel} />
                  </p>
                ) : null}
                {d.limitLabel ? (
                  <p className="deal-card__limit">
                    <BidiText text={d.limitLabel} />
                  </p>
                ) : null}
                <p className={`stock stock--${d.stock}`}>
                  <BidiText text={d.stockLabel} />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("festivals.page.noDeals")}</p>
        )}
        <Pagination page={dealList.page} pages={dealList.pages} basePath={localize(`/festivals/${slug}${query ? `?${query}` : ""}`)} fragment="#deals" status={dealList.status} />
      </section>
      <section aria-labelledby="stores-title">
        <h2 id="stores-title">{t("festivals.page.stores")}</h2>
        {page.stores.length ? (
          <ul className="pavilions">
            {page.stores.map((s) => (
              <li key={s.slug}>
                <Link to={localize(`/stores/${s.slug}`)}>
                  <span className="pavilions__name" lang={s.fallback ? "en" : undefined}>
                    <BidiText text={s.name} />
                  </span>
                  <span className="pavilions__count">{s.location}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("festivals.page.noStores")}</p>
        )}
      </section>
    </div>
  );
}
