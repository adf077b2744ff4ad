import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination, StoreGrid } from "~/components/catalog";
import { listStores } from "~/modules/catalog/catalog.server";
import { catalogFilters } from "~/modules/catalog/params";
import { presentStore } from "~/modules/catalog/present.server";
import { PUBLIC_PAGE_CACHE } from "~/modules/http/responses.server";
import { countryName } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { pageParam, requestContext } from "~/modules/i18n/request.server";

const PER_PAGE = 24;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.meta.title }, { name: "description", content: data.meta.description }] : [];

export const headers = () => ({ "Cache-Control": PUBLIC_PAGE_CACHE });

export function loader({ request }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const url = new URL(request.url);
  const { country } = catalogFilters(url);
  const result = listStores(lang, { country }, pageParam(request), PER_PAGE);
  const heading = country ? `${t("stores.title")} · ${countryName(country, lang)}` : t("stores.title");
  return {
    meta: { title: `${heading} · ${t("site.name")}`, description: t("stores.description") },
    heading,
    countLabel: t("stores.count", { count: result.total }),
    stores: result.items.map((s) => presentStore(s, lang, t)),
    page: result.page,
    pages: result.pages,
    query: country ? `country=${country}` : "",
  };
}

export default function Stores() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const base = localize("/stores") + (data.query ? `?${data.query}` : "");
  return (
    <div className="container stack">
      <header className="page-head">
        <h1>{data.heading}</h1>
        <p>{t("stores.description")}</p>
        <p className="page-head__count">{data.countLabel}</p>
      </header>
      <StoreGrid stores={data.stores} />
      <Pagination page={data.page} pages={data.pages} basePath={base} />
    </div>
  );
}
