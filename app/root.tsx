import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { SiteFooter, SiteHeader } from "./components/layout";
import { NotFoundPage } from "./components/not-found";
import { PersonalSync } from "./components/personal";
import { ScriptsAfterPaint } from "./components/scripts-after-paint";
import { DEFAULT_LANG, dirOf, LANG_TAGS, LANGS, localizePath, splitLangPath } from "./modules/i18n/config";
import { useLang } from "./modules/i18n/hooks";
import { languageFromHeader } from "./modules/i18n/i18n.server";
import { langCookie } from "./modules/i18n/lang-cookie.server";
import { requestContext } from "./modules/i18n/request.server";
import { isFirstVisitToHome } from "./modules/i18n/first-visit";
import { personalFor } from "./modules/http/personal.server";
import type { NotFoundSuggestions } from "./modules/http/not-found.server";
import { isSharedPage } from "./modules/http/shared-pages";
import { stripeConfigured } from "./modules/payments/stripe.server";
import { useNonce } from "./modules/security/nonce";
import stylesheet from "./styles/app.css?url";
import { publicOrigin } from "./env.server";

/** Error pages: loaders throw `notFound(...)` with a translated title (see modules/http). */
export const meta: MetaFunction = ({ error }) => {
  const errorData: unknown = isRouteErrorResponse(error) ? error.data : null;
  const title = errorData && typeof errorData === "object" && "title" in errorData && typeof errorData.title === "string" ? errorData.title : null;
  return title ? [{ title }, { name: "robots", content: "noindex" }] : [];
};

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Query parameters that make a different page (kept in canonical and alternates). */
const CANONICAL_PARAMS = ["page", "category", "country", "store", "deal", "after", "q"];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { lang, rest } = splitLangPath(url.pathname);
  const firstVisit = isFirstVisitToHome({
    pathname: url.pathname,
    cookieHeader: request.headers.get("Cookie"),
    secFetchSite: request.headers.get("Sec-Fetch-Site"),
    referer: request.headers.get("Referer"),
    origin: url.origin,
  });
  if (firstVisit) {
    const preferred = await languageFromHeader(request);
    if (preferred !== DEFAULT_LANG) {
      throw redirect(localizePath("/", preferred), {
        headers: {
          "Set-Cookie": await langCookie.serialize(preferred),
          "Cache-Control": "private, no-store",
          Vary: "Accept-Language",
        },
      });
    }
  }
  const query = new URLSearchParams();
  for (const key of CANONICAL_PARAMS) {
    const value = url.searchParams.get(key);
    if (value && value !== "1") query.set(key, value);
  }
  const suffix = query.size ? `?${query}` : "";
  const origin = publicOrigin(request.url);
  const alternates = LANGS.map((l) => ({ lang: l, href: `${origin}${localizePath(rest, l)}${suffix}` }));
  return {
    lang,
    dir: dirOf(lang),
    // Search engines see each language's default currency: ?currency= is a presentation of the same page.
    canonical: `${origin}${localizePath(rest, lang)}${suffix}`,
    alternates,
    // The currency switcher (app/components/currency.tsx) and every link (useLocalizedPath) keep it.
    currency: requestContext(request).currency,
    // The same for every visitor (configuration), so shared pages may show it: the footer's payment methods.
    payments: stripeConfigured() ? ("stripe" as const) : ("demo" as const),
    // Shared pages carry nothing of one visitor's; their header asks /me after hydration.
    personal: isSharedPage(url.pathname) ? null : await personalFor(request),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const nonce = useNonce();
  // Error pages may render without loader data: fall back to the URL.
  const lang = root?.lang ?? splitLangPath(location.pathname).lang;
  // Marks the document once React has taken over (error pages too), so browser
  // tests know when JavaScript-only behaviour (suggestions, instant form checks) is live.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={LANG_TAGS[lang]} dir={dirOf(lang)} data-lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#8a3b12" />
        <Meta />
        {root ? (
          <>
            <link rel="canonical" href={root.canonical} />
            {root.alternates.map((a) => (
              <link key={a.lang} rel="alternate" hrefLang={LANG_TAGS[a.lang]} href={a.href} />
            ))}
            <link rel="alternate" hrefLang="x-default" href={root.alternates[0].href} />
          </>
        ) : null}
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <ScriptsAfterPaint nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <>
      <PersonalSync />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const lang = useLang();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const notFound = status === 404;
  if (status >= 500) console.error(error);
  if (status === 400) {
    // A body no form could read (app/modules/http/form.server.ts): the message says what was wrong.
    const data: unknown = isRouteErrorResponse(error) ? error.data : null;
    const sent = data && typeof data === "object" && "message" in data ? data.message : null;
    const message = typeof sent === "string" ? sent : t("badRequest.unreadable");
    return (
      <section className="container page-message">
        <p className="page-message__code">400</p>
        <h1>{t("badRequest.title")}</h1>
        <p>{message}</p>
        <a className="button" href={localizePath("/", lang)}>
          {t("notFound.back")}
        </a>
      </section>
    );
  }
  if (status === 403) {
    return (
      <section className="container page-message">
        <p className="page-message__code">403</p>
        <h1>{t("auth.forbidden.title")}</h1>
        <p>{t("auth.forbidden.text")}</p>
        <a className="button" href={localizePath("/", lang)}>
          {t("notFound.back")}
        </a>
      </section>
    );
  }
  if (notFound) return <NotFoundPage suggestions={suggestionsOf(error)} />;
  return (
    <section className="container page-message">
      <p className="page-message__code">{isRouteErrorResponse(error) ? error.status : 500}</p>
      <h1>{notFound ? t("notFound.title") : t("error.title")}</h1>
      <p>{notFound ? t("notFound.text") : t("error.text")}</p>
      <a className="button" href={localizePath("/", lang)}>
        {t("notFound.back")}
      </a>
    </section>
  );
}

/** The suggestions a shopper page's 404 carries (app/modules/http/not-found.server.ts), if any. */
function suggestionsOf(error: unknown): NotFoundSuggestions | null {
  const sent: unknown = isRouteErrorResponse(error) ? error.data : null;
  return sent && typeof sent === "object" && "suggestions" in sent ? (sent.suggestions as NotFoundSuggestions | null) : null;
}
