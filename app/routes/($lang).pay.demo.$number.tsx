import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { notFound } from "~/modules/http/responses.server";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { orderPath } from "~/modules/orders/links.server";
import { releaseExpiredOrders } from "~/modules/orders/orders.server";
import { presentOrder } from "~/modules/orders/present.server";
import { orderByLink } from "~/modules/orders/view.server";
import { completeDemoPayment } from "~/modules/payments/demo.server";
import { BidiText } from "~/components/value";
import { isolate } from "~/modules/i18n/isolate";
import { now } from "~/modules/clock/now.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex, nofollow" }] : []);

export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

async function findDemoOrder(request: Request, number: string | undefined) {
  const { t } = requestContext(request);
  await releaseExpiredOrders(new Date());
  const order = await orderByLink(number ?? "", new URL(request.url).searchParams.get("key"));
  if (!order || order.paymentProvider !== "demo") throw notFound(t);
  return order;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const order = await findDemoOrder(request, params.number);
  return {
    title: `${t("checkout.demo.title")} · ${t("site.name")}`,
    order: await presentOrder(order, lang, t),
    open: order.status === "pending",
    orderUrl: orderPath(order, lang),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, t } = requestContext(request);
  const order = await findDemoOrder(request, params.number);
  const outcome = (await readForm(request, t)).get("outcome") === "fail" ? "fail" : "pay";
  // Paid at the app's clock (the test clock, where one is set), like the pricing and the session counters.
  await completeDemoPayment(order.id, order.number, outcome, new Date(now()));
  return redirect(orderPath(order, lang), 303);
}

export default function DemoPayment() {
  const { order, open, orderUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container narrow stack demo-pay">
      <p className="demo-pay__badge" aria-hidden="true">
        {t("checkout.demo.badge")}
      </p>
      <h1>{t("checkout.demo.title")}</h1>
      <p className="notice notice--demo" data-testid="demo-label">
        {t("checkout.demo.banner")}
      </p>
      <dl className="facts">
        <dt>{t("checkout.order.number")}</dt>
        <dd>
          <bdi dir="ltr">{order.number}</bdi>
        </dd>
        <dt>{t("checkout.demo.amount")}</dt>
        <dd>
          <Price value={order.total} className="price price--big" />
        </dd>
      </dl>
      {open ? (
        <Form method="post" className="demo-pay__actions">
          <button type="submit" name="outcome" value="pay" className="button button--big" data-testid="demo-pay">
            <BidiText text={t("checkout.demo.pay", { total: isolate(order.total, "ltr") })} />
          </button>
          <button type="submit" name="outcome" value="fail" className="button button--ghost">
            {t("checkout.demo.fail")}
          </button>
        </Form>
      ) : (
        <p className="notice">{t("checkout.demo.closed")}</p>
      )}
      <Link to={orderUrl}>{t("checkout.demo.back")}</Link>
    </div>
  );
}
