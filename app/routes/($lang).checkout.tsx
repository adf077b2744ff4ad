import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { cartIdFrom, cartView } from "~/modules/cart/cart.server";
import { now as appNow } from "~/modules/clock/now.server";
import { formatMoney } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { ADDRESS_FIELDS, addressLayout, checkoutSchema, type CheckoutField } from "~/modules/orders/checkout-schema";
import { placeOrder } from "~/modules/orders/checkout.server";
import { PENDING_ORDER_TTL_MS, releaseExpiredOrders } from "~/modules/orders/orders.server";
import { stripeConfigured } from "~/modules/payments/stripe.server";
import { publicOrigin } from "~/env.server";
import { BidiText, Value } from "~/components/value";
import { isolate } from "~/modules/i18n/isolate";
import { cartTotals, shippingCountryOptions } from "~/modules/cart/totals.server";
import { destinationFrom } from "~/modules/shipping/destination";
import { DestinationForm, Totals } from "~/components/shipping";
import { ErrorList, Field } from "~/components/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : [];

export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const now = new Date(appNow());
  await releaseExpiredOrders(now);
  const cart = await cartView(await cartIdFrom(request), lang, currency, now.getTime());
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
    totals: await cartTotals(cart, destination, lang, t),
    layout: addressLayout(destination),
    minutes: Math.round(PENDING_ORDER_TTL_MS / 60_000),
    countries: shippingCountryOptions(lang),
    provider: stripeConfigured() ? "stripe" : "demo",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: checkoutSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), product: undefined }, { status: 400 });
  const origin = publicOrigin(request.url);
  const result = await placeOrder({ cartId: await cartIdFrom(request), input: submission.value, lang, currency, origin, now: new Date(appNow()) });
  if (result.ok) return redirect(result.redirectTo, 303);
  // The cart changed under the shopper (sold out, deal over): said above the form, which keeps what was typed.
  return data(
    { result: submission.reply({ formErrors: [`checkout.errors.${result.error}`] }), product: result.product },
    { status: result.status },
  );
}

interface FieldSpec {
  label: string;
  type?: "email" | "tel";
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
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const navigation = useNavigation();
  // Instant feedback from the same schema the action uses; the server still decides.
  const [form, fields] = useForm({
    id: "checkout",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: checkoutSchema }),
  });

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
    const spec = FIELD_SPECS[name];
    const label = (data.layout === "china" ? CHINA_LABELS[name] : undefined) ?? spec.label;
    return (
      <Field
        key={name}
        label={t(label)}
        field={fields[name]}
        type={spec.type}
        hint={spec.hint ? t(spec.hint) : undefined}
        // Addresses and phone numbers read left to right whatever the page's direction.
        inputProps={{ autoComplete: spec.autoComplete, dir: spec.type ? "ltr" : undefined }}
      />
    );
  };
  // A cart problem names the product; a field problem points to the fields below.
  const formErrors = (form.errors ?? []).map((key) => t(key, { product: actionData?.product ?? "" }));
  const fieldErrors = Object.entries(form.allErrors).some(([name, errors]) => name !== form.name && errors.length > 0);

  return (
    <div className="container checkout-page">
      <h1>{t("checkout.form.title")}</h1>
      {formErrors.length ? (
        <p className="notice notice--error" role="alert" id={form.errorId} data-testid="checkout-error">
          {formErrors.join(" ")} <Link to={localize("/cart")}>{t("checkout.cart.view")}</Link>
        </p>
      ) : fieldErrors ? (
        <p className="notice notice--error" role="alert">
          {t("checkout.form.fixErrors")}
        </p>
      ) : null}
      <div className="checkout-page__grid">
        <div className="checkout-page__main">
          <DestinationForm id="checkout-country" destination={data.totals.destination} countries={data.countries} />
          <ErrorList id={fields.country.errorId} errors={fields.country.errors} />
          <Form method="post" className="checkout-form" {...getFormProps(form)}>
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
