import { Form, Link } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CurrencyField } from "./currency";

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterFormView {
  action: string;
  q: string;
  category?: string;
  country?: string;
  store?: string;
  min?: number;
  max?: number;
  deal: boolean;
  sort: string;
  currency: string;
  categories: FilterOption[];
  countries: FilterOption[];
  stores: FilterOption[];
  sorts: FilterOption[];
  active: boolean;
  clearHref: string;
}

export function Select({ name, label, value, options, anyLabel }: { name: string; label: string; value?: string; options: FilterOption[]; anyLabel?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} key={value ?? ""}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The product filters: a GET form, so every choice lands in the URL and works without JavaScript. */
export function ProductFilters({ view }: { view: FilterFormView }) {
  const { t } = useTranslation();
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  // On a wide screen the filters sit beside the results, so show them open.
  useEffect(() => {
    if (details.current && window.matchMedia("(min-width: 60rem)").matches) details.current.open = true;
  }, []);
  return (
    <details className="filters" open={view.active || undefined} ref={details}>
      <summary className="button button--ghost">{t("catalog.filters.show")}</summary>
      <Form method="get" action={view.action} className="filters__form" aria-label={t("catalog.filters.title")}>
        {view.q ? <input type="hidden" name="q" value={view.q} /> : null}
        <CurrencyField />
        <Select name="category" label={t("catalog.filters.category")} value={view.category} options={view.categories} anyLabel={t("catalog.filters.any")} />
        <Select name="country" label={t("catalog.filters.country")} value={view.country} options={view.countries} anyLabel={t("catalog.filters.any")} />
        <Select name="store" label={t("catalog.filters.store")} value={view.store} options={view.stores} anyLabel={t("catalog.filters.any")} />
        <fieldset className="field field--price">
          <legend>{t("catalog.filters.price", { currency: view.currency })}</legend>
          <label htmlFor={`${id}-min`}>{t("catalog.filters.min")}</label>
          <input id={`${id}-min`} name="min" type="number" inputMode="numeric" min={0} step={1} defaultValue={view.min} key={`min${view.min}`} />
          <label htmlFor={`${id}-max`}>{t("catalog.filters.max")}</label>
          <input id={`${id}-max`} name="max" type="number" inputMode="numeric" min={0} step={1} defaultValue={view.max} key={`max${view.max}`} />
        </fieldset>
        <div className="field field--check">
          <input id={`${id}-deal`} name="deal" type="checkbox" value="1" defaultChecked={view.deal} key={`deal${view.deal}`} />
          <label htmlFor={`${id}-deal`}>{t("catalog.filters.deal")}</label>
        </div>
        <Select name="sort" label={t("catalog.filters.sort")} value={view.sort} options={view.sorts} />
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("catalog.filters.apply")}
          </button>
          {view.active ? <Link to={view.clearHref}>{t("catalog.filters.clear")}</Link> : null}
        </div>
      </Form>
    </details>
  );
}

export function CursorPagination({ prev, next, first, status }: { prev: string | null; next: string | null; first: string | null; status: string }) {
  const { t } = useTranslation();
  if (!prev && !next) return null;
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      <span className="pagination__side">
        {first ? (
          <Link to={first} className="button button--ghost">
            {t("catalog.results.first")}
          </Link>
        ) : null}
        {prev ? (
          <Link to={prev} rel="prev" className="button button--ghost">
            {t("pagination.previous")}
          </Link>
        ) : null}
      </span>
      <span className="pagination__status">{status}</span>
      <span className="pagination__side">
        {next ? (
          <Link to={next} rel="next" className="button button--ghost">
            {t("pagination.next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
