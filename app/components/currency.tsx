import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PRESENTMENT_CURRENCIES } from "~/modules/money/currency";

/**
 * The currency switcher: a small POST form to /currency, which sets the
 * `currency` cookie and sends the shopper back (works without JavaScript).
 */
export function CurrencySwitcher() {
  const { t } = useTranslation();
  const location = useLocation();
  const current = useRouteLoaderData<{ currency?: string }>("root")?.currency ?? "USD";
  return (
    <form method="post" action="/currency" className="currency-switcher">
      <input type="hidden" name="back" value={`${location.pathname}${location.search}`} />
      <label htmlFor="currency-select" className="visually-hidden">
        {t("catalog.currency.label")}
      </label>
      <select id="currency-select" name="currency" defaultValue={current} key={current}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        {PRESENTMENT_CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="link-button">
          {t("catalog.currency.change")}
        </button>
      </noscript>
    </form>
  );
}
