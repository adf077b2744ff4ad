import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CurrencyField } from "./currency";
import { Price } from "./catalog";

/**
 * Where the parcel goes: a GET form to the page itself (`?ship=KE`), so the
 * cart and checkout reprice shipping and show that country's address form
 * without JavaScript (the button), and at once with it.
 */
export function DestinationForm({
  id,
  destination,
  countries,
}: {
  id: string;
  destination: string;
  countries: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="get" action={location.pathname} className="destination-form" preventScrollReset data-testid="destination-form">
      <CurrencyField />
      <label htmlFor={id}>{t("checkout.delivery.shipTo")}</label>
      <span className="destination-form__row">
        <select
          id={id}
          name="ship"
          autoComplete="country"
          defaultValue={destination}
          key={destination}
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small button--ghost" data-testid="destination-submit">
          {t("checkout.delivery.change")}
        </button>
      </span>
    </Form>
  );
}

export interface TotalsView {
  subtotal: string;
  shipping: { storeId: number; store: string; cost: string; estimate: string }[];
  total: string;
}

/** Items, each store's shipping with its delivery estimate, and the total that will be charged. */
export function Totals({ totals, testId }: { totals: TotalsView; testId: string }) {
  const { t } = useTranslation();
  return (
    <dl className="totals">
      <div className="totals__row">
        <dt>{t("checkout.delivery.subtotal")}</dt>
        <dd>
          <Price value={totals.subtotal} className="price" />
        </dd>
      </div>
      {totals.shipping.map((s) => (
        <div className="totals__row" key={s.storeId} data-testid="shipping-line">
          <dt>
            {s.store}
            <span className="totals__estimate">{s.estimate}</span>
          </dt>
          <dd>
            <Price value={s.cost} className="price" />
          </dd>
        </div>
      ))}
      <div className="totals__row totals__row--total" data-testid={testId}>
        <dt>{t("checkout.cart.total")}</dt>
        <dd>
          <Price value={totals.total} className="price price--big" />
        </dd>
      </div>
    </dl>
  );
}
