import { Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANG_NAMES, LANG_TAGS, LANGS, localizePath, splitLangPath } from "~/modules/i18n/config";
import { useLang, useLocalizedPath } from "~/modules/i18n/hooks";

export function SiteHeader() {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="container site-header__inner">
        <Link to={localize("/")} className="brand" aria-label={t("site.name")}>
          <span className="brand__mark" aria-hidden="true">
            ◆
          </span>
          <span className="brand__name">{t("site.name")}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="site-nav">
          <NavLink to={localize("/products")} prefetch="intent">
            {t("nav.products")}
          </NavLink>
          <NavLink to={localize("/stores")} prefetch="intent">
            {t("nav.stores")}
          </NavLink>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}

/** Plain links, so switching works without JavaScript and keeps the current page. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const { rest } = splitLangPath(location.pathname);
  return (
    <details className="lang-switcher">
      <summary aria-label={t("nav.language")}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="12" cy="12" r="10" />
          <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
        </svg>{" "}
        {LANG_NAMES[lang]}
      </summary>
      <ul>
        {LANGS.map((l) => (
          <li key={l}>
            <a
              href={`${localizePath(rest, l)}${location.search}`}
              hrefLang={LANG_TAGS[l]}
              lang={LANG_TAGS[l]}
              aria-current={l === lang ? "true" : undefined}
              data-lang-switch={l}
            >
              {LANG_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="brand__name">{t("site.name")}</p>
        <p>{t("footer.about")}</p>
        <p className="site-footer__demo">{t("footer.demo")}</p>
      </div>
    </footer>
  );
}
