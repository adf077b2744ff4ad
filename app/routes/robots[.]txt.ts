import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATIC_DOC_HEADERS } from "~/modules/catalog/cache";
import { publicOrigin } from "~/env.server";

/** Shoppers' pages are open to crawlers; accounts, checkout and search results are not worth indexing. */
export function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin(request.url);
  const prefixes = ["", "/zh", "/fr", "/ar", "/pt", "/sw"];
  const privatePaths = ["/search", "/cart", "/checkout", "/login", "/signup", "/account", "/dashboard", "/organiser", "/orders"];
  const lines = [
    "User-agent: *",
    "Allow: /",
    ...prefixes.flatMap((p) => privatePaths.map((path) => `Disallow: ${p}${path}`)),
    "Disallow: /currency",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ];
  return new Response(lines.join("\n"), { headers: { "Content-Type": "text/plain; charset=utf-8", ...STATIC_DOC_HEADERS } });
}
