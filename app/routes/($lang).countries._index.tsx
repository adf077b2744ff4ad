import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PavilionList } from "~/components/catalog";
import { campaignTracker } from "~/modules/catalog/catalog.server";
import { pageMeta } from "~/modules/catalog/seo";
import { LANG_TAGS } from "~/modules/i18n/config";
import { countryName } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { SHARED_PAGE_SECONDS, sharedPageHeaders } from "~/modules/http/shared-pages";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? pageMeta(data.meta) : []);

export const headers = () => sharedPageHeaders(SHARED_PAGE_SECONDS.catalogue);

/** Every country pavilion (a country with a live store), by name in the page's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const collator = new Intl.Collator(LANG_TAGS[lang]);
  const pavilions = (await campaignTracker())
    .byCountry.map((c) => ({
      code: c.countryCode,
      name: countryName(c.countryCode, lang),
      counts: [t("stores.count", { count: c.stores }), t("catalog.results.count", { count: c.products })],
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return {
    meta: { title: `${t("countries.title")} · ${t("site.name")}`, description: t("countries.intro"), siteName: t("site.name") },
    pavilions,
  };
}

export default function CountryPavilions() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <Link to={localize("/")}>{t("nav.home")}</Link> › <span aria-current="page">{t("countries.title")}</span>
      </nav>
      <header className="page-head">
        <h1>{t("countries.title")}</h1>
        <p>{t("countries.intro")}</p>
      </header>
      <PavilionList pavilions={data.pavilions} />
    </div>
  );
}
