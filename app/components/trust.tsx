import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { TRUST_PAGES, type TrustPage } from "~/modules/trust/pages";

/**
 * A trust page: its title and its text (our own Markdown, rendered on the
 * server), with the other trust pages beside it.
 */
export function TrustPageView({ page, title, html }: { page: TrustPage; title: string; html: string }) {
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container trust-page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={localize("/")}>{t("nav.home")}</Link> › <span aria-current="page">{title}</span>
      </nav>
      <article className="trust-page__body">
        <h1>{title}</h1>
        {/* Our own text: Markdown with raw HTML escaped (renderSiteMarkdown). */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
      </article>
      {/* Not a landmark of its own: the footer's "Help" navigation holds the same links. */}
      <div className="trust-page__others">
        <ul>
          {TRUST_PAGES.map((p) => (
            <li key={p}>
              <Link to={localize(`/${p}`)} aria-current={p === page ? "page" : undefined}>
                {t(`footer.pages.${p}`)}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
