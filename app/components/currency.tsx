import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DEFAULT_CURRENCY } from "~/modules/i18n/config";
import { useCurrency, useLang } from "~/modules/i18n/hooks";
import { CURRENCY_PARAM, PRESENTMENT_CURRENCIES } from "~/modules/money/currency";

/**
 * The currency switcher: a GET form to the page itself, so the chosen
 * currency lands in the URL (`?currency=KES`) with the page's other
 * parameters kept; it works without JavaScript (the button) and changes at
 * once with it.
 */
export function CurrencySwitcher() {
  const { t } = useTranslation();
  const location = useLocation();
  const current = useCurrency();
  const kept = [...new URLSearchParams(location.search)].filter(([name]) => name !== CURRENCY_PARAM && name !== "after");
  return (
    <Form method="get" action={location.pathname} className="currency-switcher" preventScrollReset>
      {kept.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="currency-select" className="visually-hidden">
        {t("catalog.currency.label")}
      </label>
      <select
        id="currency-select"
        name={CURRENCY_PARAM}
        defaultValue={current}
        key={current}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      >
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
    </Form>
  );
}

/** For GET forms (filters, search): a browser replaces the action's query with the fields, so the currency rides along as one. */
export function CurrencyField() {
  const lang = useLang();
  const currency = useCurrency();
  return currency === DEFAULT_CURRENCY[lang] ? null : <input type="hidden" name={CURRENCY_PARAM} value={currency} />;
}
