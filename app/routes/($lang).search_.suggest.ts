import type { LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "~/modules/i18n/config";
import { requestLang } from "~/modules/i18n/request.server";
import { parseQuery } from "~/modules/search/query";
import { namesFor, resolveQuery, searchIds } from "~/modules/search/search.server";

/** Suggestions for the header search box, as JSON; an empty or odd query gets an empty list. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = requestLang(request);
  // Suggestions use the same vocabulary as the results page: a mistyped word is corrected the same way.
  const { query } = await resolveQuery(parseQuery(new URL(request.url).searchParams.get("q")), lang);
  const products = (await namesFor("product", (await searchIds("product", query, 6)).ids, lang)).map((p) => ({
    kind: "product" as const,
    name: p.name,
    href: localizePath(`/products/${p.slug}`, lang),
  }));
  const stores = (await namesFor("store", (await searchIds("store", query, 3)).ids, lang)).map((s) => ({
    kind: "store" as const,
    name: s.name,
    href: localizePath(`/stores/${s.slug}`, lang),
  }));
  return Response.json(
    { suggestions: [...stores, ...products] },
    { headers: { "Cache-Control": "public, max-age=60, s-maxage=300, stale-while-revalidate=600" } },
  );
}
