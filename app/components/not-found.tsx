import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NotFoundSuggestions } from "~/modules/http/not-found.server";
import { useLocalizedPath } from "~/modules/i18n/hooks";

/**
 * The 404 page (status 404): what happened, a search box that works without
 * JavaScript, and places to go instead when the loader could name them.
 */
export function NotFoundPage({ suggestions }: { suggestions: NotFoundSuggestions | null }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const hasAny = suggestions && (suggestions.categories.length || suggestions.festival || suggestions.products.length);
  return (
    <section className="container page-message not-found" data-testid="not-found">
      <p className="page-message__code">404</p>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <Form method="get" action={localize("/search")} role="search" aria-labelledby="not-found-search" className="not-found__search">
        <label id="not-found-search" htmlFor="not-found-q">{t("notFound.searchTitle")}</label>
        <div className="not-found__search-row">
          <input id="not-found-q" type="search" name="q" maxLength={100} placeholder={t("catalog.search.placeholder")} />
          <button type="submit" className="button">
            {t("catalog.search.submit")}
          </button>
        </div>
      </Form>
      {hasAny ? (
        <nav aria-labelledby="not-found-suggestions" className="not-found__suggestions">
          <h2 id="not-found-suggestions">{t("notFound.suggestions")}</h2>
          {suggestions.festival ? (
            <div>
              <h3>{t("notFound.festival")}</h3>
              <p>
                <Link to={localize(`/festivals/${suggestions.festival.slug}`)} lang={suggestions.festival.fallback ? "en" : undefined}>
                  {suggestions.festival.name}
                </Link>
              </p>
            </div>
          ) : null}
          {suggestions.categories.length ? (
            <div>
              <h3>{t("notFound.categories")}</h3>
              <ul className="chip-list">
                {suggestions.categories.map((c) => (
                  <li key={c.slug}>
                    <Link to={localize(`/categories/${c.slug}`)}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {suggestions.products.length ? (
            <div>
              <h3>{t("notFound.products")}</h3>
              <ul>
                {suggestions.products.map((p) => (
                  <li key={p.slug}>
                    <Link to={localize(`/products/${p.slug}`)} lang={p.fallback ? "en" : undefined}>
                      {p.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </nav>
      ) : null}
      <p>
        <Link className="button button--ghost" to={localize("/")}>
          {t("notFound.back")}
        </Link>
      </p>
    </section>
  );
}
