import type { LoaderFunctionArgs } from "@remix-run/node";
import { STATIC_DOC_HEADERS } from "~/modules/catalog/cache";
import { PATHS_PER_PART, publicPaths, sitemapIndexXml, urlsetXml } from "~/modules/catalog/sitemap.server";
import { publicOrigin } from "~/env.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = publicOrigin(request.url);
  const paths = await publicPaths();
  const parts = Math.ceil(paths.length / PATHS_PER_PART);
  const part = Number(new URL(request.url).searchParams.get("part") ?? 0);
  const headers = { "Content-Type": "application/xml; charset=utf-8", ...STATIC_DOC_HEADERS };
  if (parts <= 1) return new Response(urlsetXml(origin, paths), { headers });
  if (!Number.isInteger(part) || part < 1 || part > parts) return new Response(sitemapIndexXml(origin, parts), { headers });
  return new Response(urlsetXml(origin, paths.slice((part - 1) * PATHS_PER_PART, part * PATHS_PER_PART)), { headers });
}
