/**
 * The benchmark's bare route: the same data as a catalogue page (the same
 * queries and presenters as its loader), rendered with no layout, through the
 * same server and i18n set-up. `npm run bench` compares each page against it.
 *
 *   /bench-bare?view=products            like /products
 *   /bench-bare?view=product&slug=…      like /products/:slug
 *   /bench-bare?view=store&slug=…        like /stores/:slug
 *   /bench-bare?view=search&q=…          like /search?q=…
 *
 * It answers only while `npm run bench` runs (the bench starts the server with
 * BENCH_BARE_ROUTE=1); everywhere else it is a 404. It is one static segment
 * on purpose: `/bench-bare/:page` ranked level with `/:lang?/products`, so
 * `/bench-bare/products` was taken for the products page with an unknown
 * language prefix and answered the app's 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToString } from "react-dom/server";
import { getProduct, getStore, moreFromStore, storeCardsByIds } from "~/modules/catalog/catalog.server";
import { productList } from "~/modules/catalog/list-view.server";
import { productListParams } from "~/modules/catalog/params";
import { presenter, presentProduct, presentStore } from "~/modules/catalog/present.server";
import { now as appNow } from "~/modules/clock/now.server";
import { requestContext } from "~/modules/i18n/request.server";
import { renderMarkdown } from "~/modules/markdown/markdown.server";
import { hasTerms, parseQuery } from "~/modules/search/query";
import { searchIds } from "~/modules/search/search.server";
import { env } from "~/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (env().BENCH_BARE_ROUTE !== "1") return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const { lang, t, currency } = requestContext(request);
  const url = new URL(request.url);
  const page = url.searchParams.get("view"); // not `page`: that is the list's own page number
  const slug = url.searchParams.get("slug") ?? "";
  const view = await presenter(lang, currency);
  const now = appNow();
  let items: { name: string; price: string }[] = [];
  if (page === "products") {
    const list = await productList({ lang, t, view, url, params: productListParams(url), path: "/products", now });
    items = list.products;
  } else if (page === "search") {
    const params = productListParams(url);
    const query = parseQuery(params.q);
    if (hasTerms(query)) {
      const storeHits = (await searchIds("store", query, 4)).ids;
      const stores = storeHits.length ? (await storeCardsByIds(lang, storeHits, 4)).map((s) => presentStore(s, lang, t)) : [];
      const list = await productList({ lang, t, view, url, params, path: "/search", now });
      items = [...stores.map((s) => ({ name: s.name, price: "" })), ...list.products];
    }
  } else if (page === "product") {
    const p = await getProduct(slug, lang, now);
    if (p) {
      const more = (await moreFromStore(lang, p.storeId, p.id, 4, now)).map((m) => presentProduct(m, view, t));
      items = [{ ...presentProduct(p, view, t), name: `${p.name} ${renderMarkdown(p.description)}` }, ...more];
    }
  } else if (page === "store") {
    const s = await getStore(slug, lang, now);
    if (s) items = [{ name: `${s.name} ${s.story}`, price: "" }, ...s.products.map((p) => presentProduct(p, view, t))];
  } else {
    return new Response("Unknown page", { status: 404, headers: { "Content-Type": "text/plain" } });
  }
  if (!items.length) return new Response("Nothing to show", { status: 404, headers: { "Content-Type": "text/plain" } });
  const html = renderToString(
    <ul>
      {items.map((i, n) => (
        <li key={n}>
          {i.name} {i.price}
        </li>
      ))}
    </ul>,
  );
  return new Response(`<!doctype html>${html}`, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
