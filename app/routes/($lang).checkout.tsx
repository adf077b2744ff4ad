import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { cartIdFrom, cartView } from "~/modules/cart/cart.server";
import { now as appNow } from "~/modules/clock/now.server";
import { formatMoney } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { formValues, readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { ADDRESS_FIELDS, addressLayout, checkoutErrors, type CheckoutField } from "~/modules/orders/checkout-schema";
import { placeOrder } from "~/modules/orders/checkout.server";
import { PENDING_ORDER_TTL_MS, releaseExpiredOrders } from "~/modules/orders/orders.server";
import { stripeConfigured } from "~/modules/payments/stripe.server";
import { publicOrigin } from "~/env.server";
import { BidiText, Value } from "~/components/value";
import { isolate } from "~/modules/i18n/isolate";
import { cartTotals, shippingCountryOptions } from "~/modules/cart/totals.server";
import { destinationFrom } from "~/modules/shipping/destination";
import { DestinationForm, Totals } from "~/components/shipping";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : [];

export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const now = new Date(appNow());
  releaseExpiredOrders(now);
  const cart = cartView(await cartIdFrom(request), lang, currency, now.getTime());
  const destination = destinationFrom(new URL(request.url).searchParams, lang);
  const money = (minor: number) => formatMoney(minor, cart.currency, lang);
  return {
    title: `${t("checkout.form.title")} · ${t("site.name")}`,
    lines: cart.lines.map((l) => ({
      slug: l.slug,
      name: l.name,
      quantity: l.quantity,
      linePrice: money(l.lineMinor),
      problem: l.unavailable || l.soldOut || l.overLimit || l.dealGone,
    })),
    canOrder: cart.lines.length > 0 && cart.orderable.length === cart.lines.length,
    totals: cartTotals(cart, destination, lang, t),
    layout: addressLayout(destination),
    minutes: Math.round(PENDING_ORDER_TTL_MS / 60_000),
    countries: shippingCountryOptions(lang),
    provider: stripeConfigured() ? "stripe" : "demo",
  };
}

type ActionResult = {
  errors: Partial<Record<CheckoutField, string>>;
  formError?: string;
  product?: string;
  values: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const values = formValues(await readForm(request, t));
  const { data: input, errors } = checkoutErrors(values);
  if (!input) return data<ActionResult>({ errors, values }, { status: 400 });
  const origin = publicOrigin(request.url);
  const result = await placeOrder({ cartId: await cartIdFrom(request), input, lang, currency, origin, now: new Date(appNow()) });
  if (result.ok) return redirect(result.redirectTo, 303);
  return data<ActionResult>({ errors: {}, formError: result.error, product: result.product, values }, { status: result.status });
}

interface FieldSpec {
  label: string;
  type?: string;
  autoComplete: string;
  hint?: string;
}
/** Labels and autofill names; the order of the address fields per country is ADDRESS_FIELDS. */
const FIELD_SPECS: Record<Exclude<CheckoutField, "country">, FieldSpec> = {
  email: { label: "checkout.form.email", type: "email", autoComplete: "email", hint: "checkout.form.emailHint" },
  name: { label: "checkout.form.name", autoComplete: "name" },
  phone: { label: "checkout.delivery.phone", type: "tel", autoComplete: "tel" },
  province: { label: "checkout.delivery.province", autoComplete: "address-level1" },
  city: { label: "checkout.form.city", autoComplete: "address-level2" },
  district: { label: "checkout.delivery.district", autoComplete: "address-level3" },
  line1: { label: "checkout.form.line1", autoComplete: "address-line1" },
  line2: { label: "checkout.form.line2", autoComplete: "address-line2" },
  region: { label: "checkout.delivery.region", autoComplete: "address-level1" },
  postalCode: { label: "checkout.delivery.postalCode", autoComplete: "postal-code" },
};
/** In a Chinese address the street line is the "detailed address" after the district. */
const CHINA_LABELS: Partial<Record<CheckoutField, string>> = { line1: "checkout.delivery.detail" };

export default function Checkout() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const navigation = useNavigation();
  // Instant feedback from the same schema the action uses; the server still decides.
  const [clientErrors, setClientErrors] = useState<Partial<Record<CheckoutField, string>> | null>(null);
  const errors = clientErrors ?? result?.errors ?? {};
  const values = result?.values ?? {};

  const validate = (form: HTMLFormElement) => checkoutErrors(Object.fromEntries(new FormData(form).entries())).errors;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = validate(event.currentTarget);
    setClientErrors(found);
    if (Object.keys(found).length) {
      event.preventDefault();
      const first = event.currentTarget.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`);
      first?.focus();
    }
  };
  // After a first attempt, messages follow the typing (not blur: a message vanishing on
  // blur shifts the button away from under the pointer that is clicking it).
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    if (clientErrors === null && !result) return;
    setClientErrors(validate(event.currentTarget));
  };

  if (!data.lines.length) {
    return (
      <div className="container stack">
        <h1>{t("checkout.form.title")}</h1>
        <p>{t("checkout.errors.emptyCart")}</p>
        <Link className="button" to={localize("/products")}>
          {t("checkout.cart.browse")}
        </Link>
      </div>
    );
  }

  const field = (name: Exclude<CheckoutField, "country">) => {
    const f = FIELD_SPECS[name];
    const error = errors[name];
    const id = `checkout-${name}`;
    const label = (data.layout === "china" ? CHINA_LABELS[name] : undefined) ?? f.label;
    return (
      <div className={`field${error ? " field--error" : ""}`} key={name}>
        <label htmlFor={id}>{t(label)}</label>
        <input
          id={id}
          name={name}
          type={f.type ?? "text"}
          autoComplete={f.autoComplete}
          defaultValue={values[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : null, f.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined}
          dir={f.type === "email" || f.type === "tel" ? "ltr" : undefined}
        />
        {f.hint ? (
          <p className="hint" id={`${id}-hint`}>
            {t(f.hint)}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {t(error)}
          </p>
        ) : null}
      </div>
    );
  };
  const countryError = errors.country;

  return (
    <div className="container checkout-page">
      <h1>{t("checkout.form.title")}</h1>
      {result?.formError ? (
        <p className="notice notice--error" role="alert" data-testid="checkout-error">
          {t(`checkout.errors.${result.formError}`, { product: result.product ?? "" })}{" "}
          <Link to={localize("/cart")}>{t("checkout.cart.view")}</Link>
        </p>
      ) : Object.keys(errors).length ? (
        <p className="notice notice--error" role="alert">
          {t("checkout.form.fixErrors")}
        </p>
      ) : null}
      <div className="checkout-page__grid">
        <div className="checkout-page__main">
          <DestinationForm id="checkout-country" destination={data.totals.destination} countries={data.countries} />
          {countryError ? (
            <p className="field__error" id="checkout-country-error">
              {t(countryError)}
            </p>
          ) : null}
          <Form method="post" className="checkout-form" noValidate onSubmit={onSubmit} onChange={onChange}>
            <input type="hidden" name="country" value={data.totals.destination} />
            <fieldset>
              <legend>{t("checkout.form.contact")}</legend>
              {field("email")}
            </fieldset>
            <fieldset>
              <legend>
                {t("checkout.form.shipping")} · {data.totals.destinationName}
              </legend>
              {ADDRESS_FIELDS[data.layout].map(field)}
            </fieldset>
            <p className="hint">
              <BidiText text={t("checkout.form.payNote", { total: isolate(data.totals.total, "ltr"), minutes: data.minutes })} />
            </p>
            <p className="hint">
              {t(data.provider === "stripe" ? "checkout.form.providerStripe" : "checkout.form.providerDemo")}
            </p>
            <button
              type="submit"
              className="button button--big"
              disabled={!data.canOrder || navigation.state === "submitting"}
              data-testid="place-order"
            >
              {t("checkout.form.placeOrder")}
            </button>
          </Form>
        </div>
        <aside className="checkout-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">{t("checkout.form.summary")}</h2>
          <ul>
            {data.lines.map((l) => (
              <li key={l.slug} className={l.problem ? "checkout-summary__problem" : undefined}>
                <span>
                  <Value ltr>{l.quantity}</Value> × <BidiText text={l.name} />
                </span>{" "}
                <Price value={l.linePrice} className="price" />
              </li>
            ))}
          </ul>
          <Totals totals={data.totals} testId="checkout-total" />
          <Link to={localize("/cart")}>{t("checkout.cart.view")}</Link>
        </aside>
      </div>
    </div>
  );
}
