import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Totals } from "~/components/shipping";
import { Price } from "~/components/catalog";
import { notFound } from "~/modules/http/responses.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { startPayment } from "~/modules/orders/checkout.server";
import { releaseExpiredOrders } from "~/modules/orders/orders.server";
import { presentOrder } from "~/modules/orders/present.server";
import { orderByLink } from "~/modules/orders/view.server";
import { publicOrigin } from "~/env.server";
import { ViewerTime } from "~/components/festival";
import { BidiText } from "~/components/value";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "robots", content: "noindex, nofollow" }, { name: "referrer", content: "no-referrer" }] : [];

export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

function findOrder(request: Request, number: string | undefined) {
  const { t } = requestContext(request);
  // No background job: a pending order past its time is closed when someone looks at it.
  releaseExpiredOrders(new Date());
  const order = orderByLink(number ?? "", new URL(request.url).searchParams.get("key"));
  if (!order) throw notFound(t);
  return order;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const order = findOrder(request, params.number);
  const view = await presentOrder(order, lang, t);
  return {
    title: `${t("checkout.order.title", { number: order.number })} · ${t("site.name")}`,
    order: view,
    canPay: order.status === "pending",
    paymentUnavailable: new URL(request.url).searchParams.get("payment") === "unavailable",
  };
}

/** "Pay now" on a pending order: back to its provider (idempotent for Stripe). */
export async function action({ request, params }: ActionFunctionArgs) {
  const order = findOrder(request, params.number);
  const url = new URL(request.url);
  if (order.status !== "pending") return redirect(`${url.pathname}${url.search}`, 303);
  return redirect(await startPayment(order, publicOrigin(request.url)), 303);
}

export default function OrderPage() {
  const { order, canPay, paymentUnavailable } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack order-page" data-order-status={order.status}>
      <header className="order-page__head">
        <h1>{t("checkout.order.title", { number: order.number })}</h1>
        {order.status === "paid" ? <p className="order-page__thanks">{t("checkout.order.thanks", { name: order.name })}</p> : null}
        <p>
          <span className={`status-pill status-pill--${order.status}`} data-testid="order-status">
            {order.statusLabel}
          </span>
        </p>
        <p>
          {order.explain[0]}
          {order.explain.length > 1 ? (
            <>
              <ViewerTime instant={order.explainAt} utcText={order.explainUtc} />
              {order.explain.slice(1).join("")}
            </>
          ) : null}
        </p>
        {paymentUnavailable && canPay ? <p className="notice notice--error">{t("checkout.order.paymentUnavailable")}</p> : null}
        {canPay ? (
          <Form method="post">
            <button type="submit" className="button button--big">
              {t("checkout.order.payNow")}
            </button>
          </Form>
        ) : null}
      </header>
      <dl className="facts">
        <dt>{t("checkout.order.number")}</dt>
        <dd>
          <bdi dir="ltr">{order.number}</bdi>
        </dd>
        <dt>{t("checkout.order.placed")}</dt>
        <dd>
          <ViewerTime instant={order.placedAt} utcText={order.placed} />
        </dd>
        <dt>{t("checkout.order.shipTo")}</dt>
        <dd>
          {order.shipTo.map((part, i) => (
            <bdi key={i} className="address-line">
              {part}
            </bdi>
          ))}
        </dd>
      </dl>
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t("checkout.order.items")}</h2>
        <ul className="order-lines">
          {order.lines.map((l) => (
            <li key={l.id}>
              <span>
                {l.deal ? <span className="badge badge--deal">{t("festival.deal")}</span> : null} <span lang={l.fallback ? "en" : undefined}>{l.name}</span>
              </span>
              <span className="order-lines__qty">
                <bdi dir="ltr">{t("checkout.order.lineTotal", { quantity: l.quantity, price: l.unit })}</bdi>
              </span>
              <Price value={l.total} className="price" />
              {l.shipping ? (
                <p className="order-lines__shipping" data-line-shipping={l.shipping.status}>
                  <span className={`state-pill state-pill--${l.shipping.status}`}>{l.shipping.label}</span>
                  {l.shipping.tracking ? (
                    <>
                      {" "}
                      <bdi>{l.shipping.tracking}</bdi>
                    </>
                  ) : null}
                  {l.shipping.when ? <small className="muted"> · {l.shipping.when}</small> : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        <Totals totals={{ subtotal: order.subtotal, shipping: order.shipping, total: order.total }} testId="order-total" />
        {order.rateNote ? (
          <p className="hint">
            <BidiText text={order.rateNote} />
          </p>
        ) : null}
      </section>
      <p className="hint">{t("checkout.order.privateLink")}</p>
      <p className="hero__actions">
        <Link className="button button--ghost" to={localize("/products")}>
          {t("checkout.order.shopMore")}
        </Link>
        <Link to={localize("/orders/lookup")}>{t("checkout.order.lookupLink")}</Link>
      </p>
    </div>
  );
}
