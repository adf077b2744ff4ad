import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Price } from "~/components/catalog";
import { loweredMessage, useHydrated, type CartActionData } from "~/components/cart";
import { cartActionSchema } from "~/modules/cart/cart-schema";
import { addToCart, cartIdFrom, cartView, ensureCart, removeFromCart, setCartQuantity } from "~/modules/cart/cart.server";
import { now as appNow } from "~/modules/clock/now.server";
import { formatMoney } from "~/modules/i18n/format";
import { localizePath } from "~/modules/i18n/config";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { formValues, readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { presentMinor } from "~/modules/money/presentment";
import { withCurrency } from "~/modules/money/currency";
import { landingSource } from "~/modules/orders/source";
import { BidiText } from "~/components/value";
import { cartTotals, shippingCountryOptions } from "~/modules/cart/totals.server";
import { destinationFrom, SHIP_PARAM } from "~/modules/shipping/destination";
import { DestinationForm, Totals } from "~/components/shipping";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "description", content: data.description }, { name: "robots", content: "noindex" }] : [];

export const headers = () => ({ "Cache-Control": "private, no-store" });

const NOTICES = new Set(["sold_out", "unavailable", "invalid", "lowered", "lowered_deal", "lowered_limit"]);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const cart = await cartView(await cartIdFrom(request), lang, currency, appNow());
  const money = (minor: number) => formatMoney(minor, cart.currency, lang);
  const url = new URL(request.url);
  const notice = url.searchParams.get("notice");
  const destination = destinationFrom(url.searchParams, lang);
  return {
    title: `${t("checkout.cart.title")} · ${t("site.name")}`,
    description: t("checkout.cart.description"),
    notice: notice && NOTICES.has(notice) ? notice : null,
    lines: cart.lines.map((l) => ({
      slug: l.slug,
      name: l.name,
      fallback: l.fallback,
      image: l.image,
      storeName: l.storeName,
      quantity: l.quantity,
      max: l.max,
      unitPrice: money(l.unitMinor),
      linePrice: money(l.lineMinor),
      onDeal: l.onDeal,
      was: l.priceChanged ? money(presentMinor(l.seenBaseMinor, cart.currency, cart.rate.rateMicros)) : null,
      soldOut: l.soldOut,
      unavailable: l.unavailable,
      overLimit: l.overLimit,
      limitReason: l.limitReason,
      dealLimit: l.dealLimit,
      dealSoldOut: l.dealSoldOut,
      dealGone: l.dealGone,
    })),
    units: cart.units,
    totals: await cartTotals(cart, destination, lang, t),
    countries: shippingCountryOptions(lang),
    // Checkout opens with the country chosen here.
    checkoutPath: `/checkout?${SHIP_PARAM}=${destination}`,
    canCheckout: cart.lines.length > 0 && cart.orderable.length === cart.lines.length,
  };
}

/** The one cart action: add, set quantity, remove. */
export async function action({ request }: ActionFunctionArgs) {
  const { lang, t, currency } = requestContext(request);
  const formData = await readForm(request, t);
  const form = formValues(formData);
  const enhanced = form.enhanced === "1";
  const now = new Date(appNow());
  const parsed = cartActionSchema.safeParse(form);
  const back = (notice?: string, setCookie?: string | null) => {
    const headers = setCookie ? { "Set-Cookie": setCookie } : undefined;
    if (enhanced)
      return data<CartActionData>(
        { ok: !notice || notice === "lowered", notice },
        { status: notice && notice !== "lowered" ? 409 : 200, headers },
      );
    // The cart page in the currency the shopper was shopping in (the form's URL carries it).
    return redirect(withCurrency(localizePath(notice ? `/cart?notice=${notice}` : "/cart", lang), currency, lang), {
      status: 303,
      headers,
    });
  };
  if (!parsed.success)
    return enhanced ? data<CartActionData>({ ok: false, notice: "invalid" }, { status: 400 }) : back("invalid");
  const input = parsed.data;
  if (input.intent === "remove") {
    const cartId = await cartIdFrom(request);
    if (cartId) await removeFromCart(cartId, input.slug);
    return back();
  }
  const { cartId, setCookie } = await ensureCart(request, now);
  const change =
    input.intent === "add"
      ? await addToCart(cartId, input.slug, input.quantity, now, landingSource(formData))
      : await setCartQuantity(cartId, input.slug, input.quantity, now);
  if (!change.ok) return back(change.reason, setCookie);
  if (change.lowered) {
    // Say why: the festival deal's units left, or its per-customer limit, rather than "the most available".
    const byDeal = change.limitReason === "dealUnits";
    const byLimit = change.limitReason === "dealLimit";
    if (enhanced) return data<CartActionData>({ ok: true, notice: "lowered", max: change.quantity, byDeal, ...(byLimit ? { byLimit } : {}) }, { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
    return back(byDeal ? "lowered_deal" : byLimit ? "lowered_limit" : "lowered", setCookie);
  }
  return back(undefined, setCookie);
}

export default function CartPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack cart-page">
      <h1>{t("checkout.cart.title")}</h1>
      {data.notice ? (
        <p className="notice" role="status">
          {t(`checkout.notice.${data.notice}`)}
        </p>
      ) : null}
      {data.lines.length === 0 ? (
        <div className="empty-state">
          <p>{t("checkout.cart.empty")}</p>
          <Link className="button" to={localize("/products")}>
            {t("checkout.cart.browse")}
          </Link>
        </div>
      ) : (
        <>
          <ul className="cart-lines" data-testid="cart-lines">
            {data.lines.map((line) => (
              <CartLine key={line.slug} line={line} />
            ))}
          </ul>
          <div className="cart-summary">
            <DestinationForm id="cart-destination" destination={data.totals.destination} countries={data.countries} />
            <p className="cart-summary__items">
              <BidiText text={t("checkout.cart.items", { count: data.units })} />
            </p>
            <Totals totals={data.totals} testId="cart-total" />
            <p className="hint">{t("checkout.cart.totalNote")}</p>
            <p className="cart-summary__actions">
              <Link className="button button--ghost" to={localize("/products")}>
                {t("checkout.cart.continue")}
              </Link>
              {data.canCheckout ? (
                <Link className="button" to={localize(data.checkoutPath)} data-testid="to-checkout">
                  {t("checkout.cart.checkout")}
                </Link>
              ) : null}
            </p>
          </div>
        </>
      )}
    </div>
  );
}

type LineView = ReturnType<typeof useLoaderData<typeof loader>>["lines"][number];

function CartLine({ line }: { line: LineView }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const fetcher = useFetcher<CartActionData>();
  const hydrated = useHydrated();
  const busy = fetcher.state !== "idle";
  const problem = line.unavailable
    ? "unavailable"
    : line.soldOut
      ? "soldOut"
      : line.dealGone
        ? "dealGone"
        : line.overLimit
          ? line.limitReason === "dealUnits"
            ? "dealShort"
            : "overLimit"
          : null;
  return (
    <li className={`cart-line${problem ? " cart-line--problem" : ""}`} aria-busy={busy || undefined} data-slug={line.slug}>
      {line.image ? (
        <img src={line.image} width={96} height={96} alt="" className="cart-line__image" />
      ) : (
        <span className="cart-line__image" />
      )}
      <div className="cart-line__info">
        <h2 className="cart-line__name" lang={line.fallback ? "en" : undefined}>
          <Link to={localize(`/products/${line.slug}`)}>{line.name}</Link>
        </h2>
        <p className="cart-line__store">{line.storeName}</p>
        <p>
          {line.onDeal ? <span className="badge badge--deal">{t("festival.deal")}</span> : null}{" "}
          {t("checkout.cart.unitPrice", { price: line.unitPrice })}
        </p>
        {line.was ? <p className="note note--price">{t("checkout.cart.priceChanged", { was: line.was })}</p> : null}
        {line.dealLimit !== null && !problem ? (
          <p className="hint">{t("checkout.cart.dealLimit", { max: line.dealLimit })}</p>
        ) : null}
        {line.limitReason === "dealUnits" && !problem ? (
          <p className="hint">{t("checkout.cart.dealUnits", { max: line.max })}</p>
        ) : null}
        {line.dealSoldOut && !problem ? <p className="hint">{t("checkout.cart.dealSoldOut")}</p> : null}
        {problem ? (
          <p className="note note--problem" role="status">
            {t(`checkout.cart.${problem}`, { max: line.max })}
          </p>
        ) : null}
        {fetcher.data?.notice && fetcher.state === "idle" ? (
          <p className="hint" role="status">
            {fetcher.data.notice === "lowered" ? loweredMessage(t, fetcher.data) : t(`checkout.notice.${fetcher.data.notice}`)}
          </p>
        ) : null}
      </div>
      <div className="cart-line__controls">
        {!line.unavailable && !line.soldOut ? (
          <fetcher.Form method="post" action={localize("/cart")} className="qty-form">
            <input type="hidden" name="intent" value="set" />
            <input type="hidden" name="slug" value={line.slug} />
            {hydrated ? <input type="hidden" name="enhanced" value="1" /> : null}
            <label>
              <span className="visually-hidden">{t("checkout.cart.quantity")}</span>
              <input
                type="number"
                name="quantity"
                defaultValue={line.quantity}
                key={line.quantity}
                min={0}
                max={line.max}
                inputMode="numeric"
                required
              />
            </label>
            <button type="submit" className="button button--small button--ghost" disabled={busy}>
              {t("checkout.cart.update")}
            </button>
          </fetcher.Form>
        ) : null}
        <Price value={line.linePrice} className="price cart-line__total" />
        <Form method="post" action={localize("/cart")} navigate={false} fetcherKey={`remove-${line.slug}`}>
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="slug" value={line.slug} />
          {hydrated ? <input type="hidden" name="enhanced" value="1" /> : null}
          <button type="submit" className="link-button" disabled={busy}>
            {t("checkout.cart.remove")}
          </button>
        </Form>
      </div>
    </li>
  );
}
