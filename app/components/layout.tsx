import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANG_NAMES, LANG_TAGS, LANGS, localizePath, splitLangPath } from "~/modules/i18n/config";
import { useLang, useLocalizedPath } from "~/modules/i18n/hooks";
import { TRUST_PAGES } from "~/modules/trust/pages";
import { CartLink } from "./cart";
import { CurrencySwitcher } from "./currency";
import { usePersonal } from "./personal";
import { SearchBox } from "./search";
import { BidiText } from "./value";

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
        <div className="site-header__more">
          <nav aria-label={t("nav.main")} className="site-nav">
            <NavLink to={localize("/products")} prefetch="intent">
              {t("nav.products")}
            </NavLink>
            <NavLink to={localize("/stores")} prefetch="intent">
              {t("nav.stores")}
            </NavLink>
            <NavLink to={localize("/festivals")} prefetch="intent">
              {t("nav.festivals")}
            </NavLink>
            <NavLink to={localize("/countries")} prefetch="intent">
              {t("nav.countries")}
            </NavLink>
          </nav>
          <SearchBox />
          {/* In the scrolling row: on a phone the fixed bar has no room for an owner's links. */}
          <AccountLinks />
        </div>
        {/* On phones the brand and these tools stay on screen (fixed); nav and search scroll away. */}
        <div className="site-header__tools">
          <CurrencySwitcher />
          <LanguageSwitcher />
          <CartLink />
        </div>
      </div>
    </header>
  );
}

/** Only signed-in owners and organisers see these; shoppers never need an account. */
function AccountLinks() {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const user = usePersonal()?.user;
  if (!user) return null;
  return (
    <div className="account-links">
      <NavLink to={localize(user.role === "organiser" ? "/organiser" : "/dashboard")}>
        {user.role === "organiser" ? t("auth.nav.organiser") : t("auth.nav.dashboard")}
      </NavLink>
      <Form method="post" action={localize("/logout")}>
        <button type="submit" className="link-button">
          {t("auth.logout.submit")}
        </button>
      </Form>
    </div>
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
      <summary>
        {/* Visible name first in the accessible name (WCAG 2.5.3), the purpose for screen readers. */}
        <span className="visually-hidden">{t("nav.language")}: </span>
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

/**
 * The footer: who we are, the trust pages, ways into the catalogue, and how
 * shoppers can pay (from the root loader: Stripe when it is configured, else
 * the demo provider). Shared pages learn who is signed in only after
 * hydration, so "Sign in" goes away then.
 */
export function SiteFooter() {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const signedIn = Boolean(usePersonal()?.user);
  const payments = useRouteLoaderData<{ payments: "stripe" | "demo" }>("root")?.payments;
  return (
    <footer className="site-footer">
      <div className="container site-footer__grid">
        <div className="site-footer__about">
          <p className="brand__name">{t("site.name")}</p>
          <p>
            <BidiText text={t("footer.about")} />
          </p>
        </div>
        <nav aria-labelledby="footer-help" className="site-footer__links">
          <h2 id="footer-help">{t("footer.help")}</h2>
          <ul>
            {TRUST_PAGES.map((page) => (
              <li key={page}>
                <Link to={localize(`/${page}`)} data-trust-link={page}>
                  {t(`footer.pages.${page}`)}
                </Link>
              </li>
            ))}
            <li>
              <Link to={localize("/orders/lookup")}>{t("checkout.lookup.title")}</Link>
            </li>
          </ul>
        </nav>
        <nav aria-labelledby="footer-explore" className="site-footer__links">
          <h2 id="footer-explore">{t("footer.explore")}</h2>
          <ul>
            <li>
              <Link to={localize("/festivals")}>{t("nav.festivals")}</Link>
            </li>
            <li>
              <Link to={localize("/countries")}>{t("countries.title")}</Link>
            </li>
            <li>
              <Link to={localize("/signup")}>{t("auth.nav.sell")}</Link>
            </li>
            {signedIn ? null : (
              <li>
                <Link to={localize("/login")}>{t("auth.nav.signIn")}</Link>
              </li>
            )}
          </ul>
        </nav>
        {payments ? (
          <section aria-labelledby="footer-payments" className="site-footer__payments" data-payments={payments}>
            <h2 id="footer-payments">{t("footer.payments")}</h2>
            <p className={payments === "demo" ? "site-footer__demo" : undefined}>{payments === "demo" ? t("footer.demo") : t("footer.paymentsStripe")}</p>
          </section>
        ) : null}
      </div>
    </footer>
  );
}
