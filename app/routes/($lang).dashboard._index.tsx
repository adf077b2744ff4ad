import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageStatus, LanguageStatusLegend } from "~/components/owner";
import { requireOwner } from "~/modules/auth/guards.server";
import { countryName, formatDate, formatMoney, formatNumber } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { BASE_CURRENCY } from "~/modules/money/money";
import { dealOffersFor, enrolmentsFor, festivalCounters } from "~/modules/owner/orders.server";
import { ownerProducts } from "~/modules/owner/products.server";
import { listOwnedStores } from "~/modules/owner/stores.server";
import { TableScroll } from "~/components/table-scroll";
import { BidiText, Value } from "~/components/value";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOwner(request);
  const { lang, t } = requestContext(request);
  const [products, counters, enrolments, offers, stores] = await Promise.all([
    ownerProducts(user.id, lang),
    festivalCounters(user.id, lang),
    enrolmentsFor(user.id, lang),
    dealOffersFor(user.id, lang),
    listOwnedStores(user.id, lang),
  ]);
  return {
    title: `${t("owner.dashboard.title")} · ${t("site.name")}`,
    name: user.name,
    stores: stores.map((s) => {
      const own = products.filter((p) => p.storeId === s.id);
      return {
        slug: s.slug,
        name: s.name,
        status: s.status,
        statusLabel: t(`owner.status.${s.status}`),
        statusReason: s.statusReason,
        country: countryName(s.countryCode, lang),
        products: t("store.productsCount", { count: Number(s.products) }),
        lowStock: own.filter((p) => p.lowStock).length,
        items: own.map((p) => ({
          id: p.id,
          name: p.name,
          status: p.status,
          statusLabel: t(`owner.productStatus.${p.status}`),
          stock: formatNumber(p.stock, lang),
          lowStock: p.lowStock,
          price: formatMoney(p.priceMinor, BASE_CURRENCY, lang),
          languages: p.languages,
          described: p.described,
        })),
        offers: offers
          .filter((o) => o.storeId === s.id)
          .map((o) => ({
            id: o.id,
            festival: o.festivalName,
            link: `/dashboard/festivals/${o.festivalSlug}/${s.slug}`,
            product: o.productName,
            price: formatMoney(o.dealPriceMinor, BASE_CURRENCY, lang),
            status: o.status,
            statusLabel: t(`festivals.decision.${o.status}`),
            reason: o.reason,
            decidedOn: o.decidedAt ? formatDate(o.decidedAt, lang, o.timeZone) : null,
          })),
        festivals: [
          ...counters
            .filter((c) => c.storeId === s.id)
            .map((c) => ({
              key: `c${c.festivalId}`,
              name: c.festivalName,
              orders: formatNumber(c.orders, lang),
              units: formatNumber(c.units, lang),
              gmv: formatMoney(c.gmvMinor, BASE_CURRENCY, lang),
              enrolment: (() => {
                const e = enrolments.find((x) => x.storeId === s.id && x.festivalId === c.festivalId);
                return e ? t(`owner.enrolment.${e.status}`) : "";
              })(),
              reason: enrolments.find((x) => x.storeId === s.id && x.festivalId === c.festivalId)?.reason ?? null,
            })),
          ...enrolments
            .filter((e) => e.storeId === s.id && !counters.some((c) => c.storeId === s.id && c.festivalId === e.festivalId))
            .map((e) => ({
              key: `e${e.festivalId}`,
              name: e.festivalName,
              orders: formatNumber(0, lang),
              units: formatNumber(0, lang),
              gmv: formatMoney(0, BASE_CURRENCY, lang),
              enrolment: t(`owner.enrolment.${e.status}`),
              reason: e.reason,
            })),
        ],
      };
    }),
  };
}

export default function Dashboard() {
  const { name, stores } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack owner-dashboard">
      <header className="page-head">
        <h1>{t("owner.dashboard.title")}</h1>
        <p>{t("owner.dashboard.welcome", { name })}</p>
        <p className="owner-actions">
          <Link className="button button--ghost" to={localize("/dashboard/festivals")} data-link="festivals">
            {t("festivals.owner.title")}
          </Link>
          <Link className="button button--ghost" to={localize("/dashboard/stores/new")}>
            {t("owner.apply.cta")}
          </Link>
        </p>
      </header>
      <section aria-labelledby="own-stores" className="stack">
        <h2 id="own-stores">{t("owner.dashboard.stores")}</h2>
        {stores.length ? null : <p>{t("owner.dashboard.noStores")}</p>}
        {stores.some((s) => s.items.length) ? <LanguageStatusLegend /> : null}
        {stores.map((s) => (
          <article key={s.slug} className="owner-panel" aria-labelledby={`store-${s.slug}`} data-store={s.slug}>
            <header className="owner-panel__head">
              <div>
                <h3 id={`store-${s.slug}`}>{s.name}</h3>
                <p>
                  {s.country} · <BidiText text={s.products} />
                </p>
              </div>
              <span className={`state-pill state-pill--${s.status}`}>{s.statusLabel}</span>
            </header>
            {s.status === "pending" ? <p className="owner-note">{t("owner.dashboard.pendingNote")}</p> : null}
            {s.statusReason && s.status !== "live" ? (
              <p className="owner-note owner-note--reason">
                <strong>{t("owner.dashboard.reason")}</strong> {s.statusReason}
              </p>
            ) : null}
            {s.lowStock ? (
              <p className="owner-note owner-note--warn" role="status">
                <BidiText text={t("owner.dashboard.lowStock", { count: s.lowStock })} />
              </p>
            ) : null}
            <p className="owner-actions">
              <Link className="button" to={localize(`/dashboard/stores/${s.slug}/products/new`)}>
                {t("owner.product.new")}
              </Link>
              <Link to={localize(`/dashboard/stores/${s.slug}/products/import`)}>{t("owner.import.title")}</Link>
              <Link to={localize(`/dashboard/stores/${s.slug}/profile`)}>{t("owner.dashboard.editProfile")}</Link>
              <Link to={localize(`/dashboard/stores/${s.slug}/orders`)}>{t("owner.orders.title")}</Link>
              {s.status === "live" ? <Link to={localize(`/stores/${s.slug}`)}>{t("owner.dashboard.viewStore")}</Link> : null}
            </p>
            {s.items.length ? (
              <TableScroll label={`${t("owner.dashboard.products")} · ${s.name}`}>
                <table className="data-table owner-products">
                  <caption className="visually-hidden">{t("owner.dashboard.products")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("owner.product.name")}</th>
                      <th scope="col">{t("owner.product.status")}</th>
                      <th scope="col">{t("owner.product.stock")}</th>
                      <th scope="col">{t("owner.product.price")}</th>
                      <th scope="col">{t("owner.product.languages")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.items.map((p) => (
                      <tr key={p.id} className={p.status === "archived" ? "is-archived" : undefined}>
                        <th scope="row">
                          <Link to={localize(`/dashboard/stores/${s.slug}/products/${p.id}`)}>{p.name}</Link>
                        </th>
                        <td data-label={t("owner.product.status")} className="owner-products__status">
                          <span className={`state-pill state-pill--${p.status}`}>{p.statusLabel}</span>
                        </td>
                        <td data-label={t("owner.product.stock")} className={p.lowStock ? "owner-products__stock low-stock" : "owner-products__stock"}>
                          <Value ltr>{p.stock}</Value>
                          {p.lowStock ? <span className="low-stock__flag"> · {t("owner.dashboard.low")}</span> : null}
                        </td>
                        <td data-label={t("owner.product.price")} className="owner-products__price">
                          <Value ltr>{p.price}</Value>
                        </td>
                        <td data-label={t("owner.product.languages")} className="owner-products__langs">
                          <LanguageStatus filled={p.languages} described={p.described} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <p>{t("owner.dashboard.noProducts")}</p>
            )}
            <h4>{t("owner.dashboard.festivals")}</h4>
            {s.festivals.length ? (
              <TableScroll label={`${t("owner.dashboard.festivals")} · ${s.name}`}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("owner.dashboard.festival")}</th>
                      <th scope="col">{t("owner.dashboard.enrolment")}</th>
                      <th scope="col">{t("owner.dashboard.orders")}</th>
                      <th scope="col">{t("owner.dashboard.units")}</th>
                      <th scope="col">{t("owner.dashboard.gmv")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.festivals.map((f) => (
                      <tr key={f.key}>
                        <th scope="row">{f.name}</th>
                        <td>
                          {f.enrolment || "—"}
                          {f.reason ? <span className="owner-store__reason"> {t("festivals.owner.reason", { reason: f.reason })}</span> : null}
                        </td>
                        <td>
                          <Value ltr>{f.orders}</Value>
                        </td>
                        <td>
                          <Value ltr>{f.units}</Value>
                        </td>
                        <td>
                          <Value ltr>{f.gmv}</Value>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <p>{t("owner.dashboard.noFestivals")}</p>
            )}
            <h4 id={`offers-${s.slug}`}>{t("owner.dashboard.offers")}</h4>
            {s.offers.length ? (
              <>
                <p className="muted">{t("owner.dashboard.offersIntro")}</p>
                <TableScroll label={`${t("owner.dashboard.offers")} · ${s.name}`}>
                  <table className="data-table owner-offers" aria-labelledby={`offers-${s.slug}`}>
                    <thead>
                      <tr>
                        <th scope="col">{t("owner.dashboard.offer")}</th>
                        <th scope="col">{t("owner.dashboard.festival")}</th>
                        <th scope="col">{t("owner.dashboard.decision")}</th>
                        <th scope="col">{t("owner.dashboard.decisionReason")}</th>
                        <th scope="col">{t("owner.dashboard.decidedOn")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.offers.map((o) => (
                        <tr key={o.id} data-offer={o.id} data-offer-status={o.status}>
                          <th scope="row">
                            {o.product} <Value ltr>{o.price}</Value>
                          </th>
                          <td data-label={t("owner.dashboard.festival")}>
                            <Link to={localize(o.link)}>{o.festival}</Link>
                          </td>
                          <td data-label={t("owner.dashboard.decision")}>
                            <span className={`state-pill state-pill--${o.status}`}>{o.statusLabel}</span>
                          </td>
                          <td data-label={t("owner.dashboard.decisionReason")} data-offer-reason="">
                            {o.reason || "—"}
                          </td>
                          <td data-label={t("owner.dashboard.decidedOn")}>{o.decidedOn ? <Value>{o.decidedOn}</Value> : "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </>
            ) : (
              <p>{t("owner.dashboard.noOffers")}</p>
            )}
          </article>
        ))}
      </section>
      <p>
        <Link to={localize("/account/password")}>{t("auth.password.title")}</Link>
      </p>
    </div>
  );
}
