import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { cartIdFrom, cartView } from "~/modules/cart/cart.server";
import { now as appNow } from "~/modules/clock/now.server";
import { countryName, formatMoney } from "~/modules/i18n/format";
import { LANG_TAGS, type Lang } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { formValues, readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { checkoutErrors, SHIPPING_COUNTRIES, type CheckoutField } from "~/modules/orders/checkout-schema";
import { placeOrder } from "~/modules/orders/checkout.server";
import { PENDING_ORDER_TTL_MS, releaseExpiredOrders } from "~/modules/orders/orders.server";
import { stripeConfigured } from "~/modules/payments/stripe.server";
import { publicOrigin } from "~/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export const headers = () => ({ "Cache-Control": "private, no-store" });

/** Where a shopper reading this language most likely lives, to preselect. */
const LIKELY_COUNTRY: Partial<Record<Lang, string>> = { zh: "CN", sw: "KE" };

function countryOptions(lang: Lang) {
  const collator = new Intl.Collator(LANG_TAGS[lang]);
  return SHIPPING_COUNTRIES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) => collator.compare(a.name, b.name));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const now = new Date(appNow());
  releaseExpiredOrders(now);
  const cart = cartView(await cartIdFrom(request), lang, currency, now.getTime());
  const money = (minor: number) => formatMoney(minor, cart.currency, lang);
  return {
    title: `${t("checkout.form.title")} · ${t("site.name")}`,
    lines: cart.lines.map((l) => ({ slug: l.slug, name: l.name, quantity: l.quantity, linePrice: money(l.lineMinor), problem: l.unavailable || l.soldOut || l.overLimit || l.dealGone })),
    canOrder: cart.lines.length > 0 && cart.orderable.length === cart.lines.length,
    total: money(cart.totalMinor),
    minutes: Math.round(PENDING_ORDER_TTL_MS / 60_000),
    countries: countryOptions(lang),
    defaultCountry: LIKELY_COUNTRY[lang] ?? "",
    provider: stripeConfigured() ? "stripe" : "demo",
  };
}

type ActionResult = { errors: Partial<Record<CheckoutField, string>>; formError?: string; product?: string; values: Record<string, string> };

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

const FIELDS: { name: CheckoutField; type?: string; autoComplete: string; optional?: boolean; hint?: string }[] = [
  { name: "email", type: "email", autoComplete: "email", hint: "checkout.form.emailHint" },
  { name: "name", autoComplete: "name" },
];
const ADDRESS: typeof FIELDS = [
  { name: "line1", autoComplete: "address-line1" },
  { name: "line2", autoComplete: "address-line2", optional: true },
  { name: "city", autoComplete: "address-level2" },
  { name: "postalCode", autoComplete: "postal-code", optional: true },
  { name: "phone", type: "tel", autoComplete: "tel", optional: true },
];

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

  const field = (f: (typeof FIELDS)[number]) => {
    const error = errors[f.name];
    const id = `checkout-${f.name}`;
    return (
      <div className={`field${error ? " field--error" : ""}`} key={f.name}>
        <label htmlFor={id}>{t(`checkout.form.${f.name}`)}</label>
        <input
          id={id}
          name={f.name}
          type={f.type ?? "text"}
          autoComplete={f.autoComplete}
          defaultValue={values[f.name] ?? ""}
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
        <Form method="post" className="checkout-form" noValidate onSubmit={onSubmit} onChange={onChange}>
          <fieldset>
            <legend>{t("checkout.form.contact")}</legend>
            {FIELDS.map(field)}
          </fieldset>
          <fieldset>
            <legend>{t("checkout.form.shipping")}</legend>
            <div className={`field${countryError ? " field--error" : ""}`}>
              <label htmlFor="checkout-country">{t("checkout.form.country")}</label>
              <select
                id="checkout-country"
                name="country"
                autoComplete="country"
                defaultValue={values.country ?? data.defaultCountry}
                aria-invalid={countryError ? true : undefined}
                aria-describedby={countryError ? "checkout-country-error" : undefined}
              >
                <option value="">{t("checkout.form.chooseCountry")}</option>
                {data.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              {countryError ? (
                <p className="field__error" id="checkout-country-error">
                  {t(countryError)}
                </p>
              ) : null}
            </div>
            {ADDRESS.map(field)}
          </fieldset>
          <p className="hint">{t("checkout.form.payNote", { total: data.total, minutes: data.minutes })}</p>
          <p className="hint">{t(data.provider === "stripe" ? "checkout.form.providerStripe" : "checkout.form.providerDemo")}</p>
          <button type="submit" className="button button--big" disabled={!data.canOrder || navigation.state === "submitting"} data-testid="place-order">
            {t("checkout.form.placeOrder")}
          </button>
        </Form>
        <aside className="checkout-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">{t("checkout.form.summary")}</h2>
          <ul>
            {data.lines.map((l) => (
              <li key={l.slug} className={l.problem ? "checkout-summary__problem" : undefined}>
                <span>
                  {l.quantity} × {l.name}
                </span>{" "}
                <Price value={l.linePrice} className="price" />
              </li>
            ))}
          </ul>
          <p className="checkout-summary__total" data-testid="checkout-total">
            <span>{t("checkout.cart.total")}</span> <Price value={data.total} className="price price--big" />
          </p>
          <Link to={localize("/cart")}>{t("checkout.cart.view")}</Link>
        </aside>
      </div>
    </div>
  );
}
