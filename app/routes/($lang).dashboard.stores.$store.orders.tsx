import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStoreOwner } from "~/modules/auth/guards.server";
import { countryName, formatDateTime, formatMoney, formatNumber } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { ownerOrderLines } from "~/modules/owner/orders.server";
import { ownedStoreName } from "~/modules/owner/stores.server";
import { TableScroll } from "~/components/table-scroll";
import { Value } from "~/components/value";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const storeName = ownedStoreName(user.id, store.id, lang) ?? store.slug;
  return {
    title: `${t("owner.orders.title")} · ${storeName} · ${t("site.name")}`,
    storeName,
    storeSlug: store.slug,
    lines: ownerOrderLines(user.id, store.id).map((l) => ({
      id: l.lineId,
      number: l.number,
      date: formatDateTime(l.createdAt, lang),
      status: l.status,
      statusLabel: t(`owner.orderStatus.${l.status}`),
      product: l.productName,
      quantity: formatNumber(l.quantity, lang),
      total: formatMoney(l.lineTotalBaseMinor, l.baseCurrency, lang),
      customer: l.customerName,
      country: countryName(l.shippingCountry, lang),
    })),
  };
}

export default function OwnerOrders() {
  const { storeName, storeSlug, lines } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      <nav className="breadcrumb" aria-label={t("nav.breadcrumb")}>
        <Link to={localize("/dashboard")}>{t("owner.dashboard.title")}</Link> › {storeName}
      </nav>
      <header className="page-head">
        <h1>{t("owner.orders.title")}</h1>
        <p>{t("owner.orders.intro")}</p>
        {/* A plain link: the CSV is a download, not a page. */}
        <p>
          <a className="button button--ghost" href={localize(`/dashboard/stores/${storeSlug}/orders/csv`)} download>
            {t("owner.orders.export")}
          </a>
        </p>
      </header>
      {lines.length ? (
        <TableScroll label={t("owner.orders.title")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("owner.orders.number")}</th>
                <th scope="col">{t("owner.orders.date")}</th>
                <th scope="col">{t("owner.orders.status")}</th>
                <th scope="col">{t("owner.orders.product")}</th>
                <th scope="col">{t("owner.orders.quantity")}</th>
                <th scope="col">{t("owner.orders.total")}</th>
                <th scope="col">{t("owner.orders.customer")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.number}</th>
                  <td>
                    <Value>{l.date}</Value>
                  </td>
                  <td>
                    <span className={`state-pill state-pill--${l.status}`}>{l.statusLabel}</span>
                  </td>
                  <td>{l.product}</td>
                  <td>
                    <Value ltr>{l.quantity}</Value>
                  </td>
                  <td>
                    <Value ltr>{l.total}</Value>
                  </td>
                  <td>
                    {l.customer} · {l.country}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("owner.orders.none")}</p>
      )}
    </div>
  );
}
