import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { requestMeta, requireStoreOwner } from "~/modules/auth/guards.server";
import { now } from "~/modules/clock/now.server";
import { formValues, readForm } from "~/modules/http/form.server";
import { localizePath } from "~/modules/i18n/config";
import { countryName, formatDateTime, formatMoney, formatNumber } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { deliverLine, shipLine } from "~/modules/owner/fulfilment.server";
import { ownerOrderLines, ownerPayout } from "~/modules/owner/orders.server";
import { BASE_CURRENCY } from "~/modules/money/money";
import { isolate } from "~/modules/i18n/isolate";
import { fulfilmentSchema } from "~/modules/owner/schemas";
import { ownedStoreName } from "~/modules/owner/stores.server";
import { BidiText, Value } from "~/components/value";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t } = requestContext(request);
  const [name, lines, payout] = await Promise.all([ownedStoreName(user.id, store.id, lang), ownerOrderLines(user.id, store.id), ownerPayout(user.id, store.id)]);
  const money = (minor: number) => formatMoney(minor, BASE_CURRENCY, lang);
  const storeName = name ?? store.slug;
  const done = new URL(request.url).searchParams.get("done");
  return {
    title: `${t("owner.orders.title")} · ${storeName} · ${t("site.name")}`,
    storeName,
    storeSlug: store.slug,
    payout: {
      total: money(payout.payoutMinor),
      detail: t("owner.payout.detail", { sales: isolate(money(payout.salesMinor)), subsidy: isolate(money(payout.subsidyMinor)), own: isolate(money(payout.storeFundedMinor)) }),
    },
    done: done === "shipped" ? t("owner.orders.savedShipped") : done === "delivered" ? t("owner.orders.savedDelivered") : null,
    lines: lines.map((l) => ({
      id: l.lineId,
      number: l.number,
      date: formatDateTime(l.createdAt, lang),
      status: l.status,
      statusLabel: t(`owner.orderStatus.${l.status}`),
      paid: l.status === "paid",
      product: l.productName,
      quantity: formatNumber(l.quantity, lang),
      total: formatMoney(l.lineTotalBaseMinor, l.baseCurrency, lang),
      receives: t("owner.payout.line", { value: isolate(formatMoney(l.payoutBaseMinor, l.baseCurrency, lang)) }),
      split:
        l.discountPerUnitBaseMinor > 0
          ? t("owner.payout.split", {
              discount: isolate(formatMoney(l.discountPerUnitBaseMinor, l.baseCurrency, lang)),
              organiser: isolate(formatMoney(l.subsidyBaseMinor, l.baseCurrency, lang)),
              own: isolate(formatMoney(l.discountPerUnitBaseMinor * l.quantity - l.subsidyBaseMinor, l.baseCurrency, lang)),
            })
          : null,
      customer: l.customerName,
      email: l.email,
      phone: l.phone,
      address: [...l.addressLines, countryName(l.shippingCountry, lang)],
      fulfilment: l.fulfilment
        ? {
            status: l.fulfilment.status,
            label: t(`owner.orders.${l.fulfilment.status}`),
            tracking: t("owner.orders.tracking", { carrier: l.fulfilment.carrier, number: l.fulfilment.trackingNumber }),
            when:
              l.fulfilment.deliveredAt !== null
                ? t("owner.orders.deliveredOn", { date: formatDateTime(l.fulfilment.deliveredAt, lang) })
                : t("owner.orders.shippedOn", { date: formatDateTime(l.fulfilment.shippedAt, lang) }),
          }
        : null,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { lang } = requestContext(request);
  const form = formValues(await readForm(request, requestContext(request).t));
  const parsed = fulfilmentSchema.safeParse({ ...form, carrier: form.carrier ?? "", trackingNumber: form.trackingNumber ?? "" });
  const line = Number(form.line) || 0;
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      if (issue.message.startsWith("owner.")) (fieldErrors[key] ??= []).push(issue.message);
    }
    // A malformed intent or line is not something the form can produce: say so generally.
    if (!Object.keys(fieldErrors).length) fieldErrors.form = ["owner.orders.stale"];
    return data({ line, errors: fieldErrors, carrier: form.carrier ?? "", trackingNumber: form.trackingNumber ?? "" }, { status: 400 });
  }
  const v = parsed.data;
  const actor = { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(now()) };
  const changed = v.intent === "ship" ? await shipLine(user.id, store.id, v.line, { carrier: v.carrier, trackingNumber: v.trackingNumber }, actor) : await deliverLine(user.id, store.id, v.line, actor);
  // Another store's line, an unpaid order, or a step already taken (a second tab): nothing changed.
  if (!changed) return data({ line: v.line, errors: { form: ["owner.orders.stale"] }, carrier: "", trackingNumber: "" }, { status: 409 });
  return redirect(`${localizePath(`/dashboard/stores/${store.slug}/orders`, lang)}?done=${v.intent === "ship" ? "shipped" : "delivered"}#line-${v.line}`);
}

export default function OwnerOrders() {
  const { storeName, storeSlug, lines, done, payout } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const notice = actionData ? null : params.get("done") ? done : null;
  return (
    <div className="container stack">
      <nav className="breadcrumb" aria-label={t("nav.breadcrumb")}>
        <Link to={localize("/dashboard")}>{t("owner.dashboard.title")}</Link> › {storeName}
      </nav>
      <header className="page-head">
        <h1>{t("owner.orders.title")}</h1>
        <p>{t("owner.orders.intro")}</p>
        <div className="owner-payout" data-payout="">
          <p>
            {t("owner.payout.total")} <strong><bdi dir="ltr">{payout.total}</bdi></strong>
          </p>
          <p className="muted">
            <BidiText text={payout.detail} />
          </p>
        </div>
        {/* A plain link: the CSV is a download, not a page. */}
        <p>
          <a className="button button--ghost" href={localize(`/dashboard/stores/${storeSlug}/orders/csv`)} download>
            {t("owner.orders.export")}
          </a>
        </p>
      </header>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {lines.length ? (
        <ul className="owner-order-lines">
          {lines.map((l) => {
            const errors = actionData?.line === l.id ? actionData.errors : undefined;
            const fieldErrors = (name: string) => (errors as Record<string, string[] | undefined> | undefined)?.[name];
            return (
              <li key={l.id} id={`line-${l.id}`} className="owner-order-line" data-line={l.id} data-fulfilment={l.fulfilment?.status ?? (l.paid ? "unshipped" : "unpaid")}>
                <div className="owner-order-line__head">
                  <h2>
                    <bdi dir="ltr">{l.number}</bdi>
                  </h2>
                  <span className={`state-pill state-pill--${l.status}`}>{l.statusLabel}</span>
                  <span className="muted">
                    <Value>{l.date}</Value>
                  </span>
                </div>
                <p className="owner-order-line__item">
                  <strong>{l.product}</strong> × {l.quantity} · <bdi dir="ltr">{l.total}</bdi>
                </p>
                <p className="owner-order-line__payout" data-line-payout="">
                  <BidiText text={l.receives} />
                  {l.split ? (
                    <>
                      <br />
                      <small className="muted">
                        <BidiText text={l.split} />
                      </small>
                    </>
                  ) : null}
                </p>
                <div className="owner-order-line__ship">
                  <h3>{t("owner.orders.shipTo")}</h3>
                  <address data-ship-to="">
                    <span className="address-line">{l.customer}</span>
                    {l.address.map((part, i) => (
                      <bdi key={i} className="address-line">
                        {part}
                      </bdi>
                    ))}
                    {l.phone ? (
                      <span className="address-line">
                        {t("owner.orders.phone")}: <bdi dir="ltr">{l.phone}</bdi>
                      </span>
                    ) : null}
                    <span className="address-line">
                      {t("owner.orders.email")}: <bdi dir="ltr">{l.email}</bdi>
                    </span>
                  </address>
                </div>
                <div className="owner-order-line__fulfil">
                  <h3>{t("owner.orders.fulfilment")}</h3>
                  {l.fulfilment ? (
                    <p>
                      <span className={`state-pill state-pill--${l.fulfilment.status}`}>{l.fulfilment.label}</span> <bdi>{l.fulfilment.tracking}</bdi>
                      <br />
                      <small className="muted">{l.fulfilment.when}</small>
                    </p>
                  ) : (
                    <p className="muted">{l.paid ? t("owner.orders.unshipped") : t("owner.orders.notPaid")}</p>
                  )}
                  {fieldErrors("form") ? <ErrorList id={`line-${l.id}-error`} errors={fieldErrors("form")} /> : null}
                  {l.paid && !l.fulfilment ? (
                    <Form method="post" className="ship-form">
                      <input type="hidden" name="intent" value="ship" />
                      <input type="hidden" name="line" value={l.id} />
                      <div className={`field${fieldErrors("carrier") ? " field--invalid" : ""}`}>
                        <label htmlFor={`carrier-${l.id}`}>{t("owner.orders.carrier")}</label>
                        <input
                          id={`carrier-${l.id}`}
                          name="carrier"
                          autoComplete="off"
                          maxLength={60}
                          defaultValue={actionData?.line === l.id ? actionData.carrier : ""}
                          aria-invalid={fieldErrors("carrier") ? true : undefined}
                          aria-describedby={fieldErrors("carrier") ? `carrier-${l.id}-error` : undefined}
                        />
                        <ErrorList id={`carrier-${l.id}-error`} errors={fieldErrors("carrier")} />
                      </div>
                      <div className={`field${fieldErrors("trackingNumber") ? " field--invalid" : ""}`}>
                        <label htmlFor={`tracking-${l.id}`}>{t("owner.orders.trackingNumber")}</label>
                        <input
                          id={`tracking-${l.id}`}
                          name="trackingNumber"
                          autoComplete="off"
                          maxLength={60}
                          dir="ltr"
                          defaultValue={actionData?.line === l.id ? actionData.trackingNumber : ""}
                          aria-invalid={fieldErrors("trackingNumber") ? true : undefined}
                          aria-describedby={fieldErrors("trackingNumber") ? `tracking-${l.id}-error` : undefined}
                        />
                        <ErrorList id={`tracking-${l.id}-error`} errors={fieldErrors("trackingNumber")} />
                      </div>
                      <button type="submit" className="button button--small" disabled={busy}>
                        {t("owner.orders.markShipped")}
                      </button>
                    </Form>
                  ) : null}
                  {l.fulfilment?.status === "shipped" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="deliver" />
                      <input type="hidden" name="line" value={l.id} />
                      <button type="submit" className="button button--small button--ghost" disabled={busy}>
                        {t("owner.orders.markDelivered")}
                      </button>
                    </Form>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t("owner.orders.none")}</p>
      )}
    </div>
  );
}
