/**
 * Product feeds for other platforms: `/feeds/google/zh/CNY.xml`,
 * `/feeds/meta/sw/KES.csv`, `/feeds/csv/fr/XOF.csv`, `/feeds/json/en/USD.json`
 * (docs/decisions/0030-product-feeds-and-landing-sources.md). The same bytes
 * for everyone: public, with an ETag (a platform's crawler asks again with
 * If-None-Match and gets a 304), never cached past the next price change;
 * built once per content version and price window (feed-cache.server.ts).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/env.server";
import { now } from "~/modules/clock/now.server";
import { FEED_CONTENT_TYPE, googleFeedXml, metaFeedCsv, parseFeedPath, plainFeedCsv, plainFeedJson, feedPath } from "~/modules/feeds/feeds";
import { cachedFeed } from "~/modules/feeds/feed-cache.server";
import { feedItems } from "~/modules/feeds/feeds.server";
import { tFor } from "~/modules/i18n/i18n.server";
import { localizePath } from "~/modules/i18n/config";
import { sharedCacheControl } from "~/modules/http/shared-pages";

/** Platforms fetch feeds hourly or daily; five minutes at the edge keeps a crawl cheap and prices fresh. */
const FEED_SECONDS = 300;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const feed = parseFeedPath(params.kind, params.lang, params.file);
  if (!feed) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { kind, lang, currency } = feed;
  const at = now();
  const origin = publicOrigin(request.url);
  // Built once per content version and price window (feed-cache.server.ts), not per request.
  const built = await cachedFeed(`${kind}/${lang}/${currency} ${origin}`, at, async (builtAt) => {
    const items = await feedItems(kind, lang, currency, origin, builtAt);
    const t = tFor(lang);
    return kind === "google"
      ? googleFeedXml(items, { title: t("site.name"), link: `${origin}${localizePath("/", lang)}`, description: t("feeds.channelDescription") })
      : kind === "meta"
        ? metaFeedCsv(items)
        : kind === "csv"
          ? plainFeedCsv(items)
          : plainFeedJson(items, { lang, currency, generatedAt: builtAt });
  });
  const { body, etag } = built;
  // A deal starting or ending changes prices: no cache may keep a feed past that instant.
  const untilChange = (built.changeAt - at) / 1000;
  const headers = {
    "Cache-Control": sharedCacheControl(FEED_SECONDS, untilChange),
    ETag: etag,
    "Last-Modified": new Date(built.builtAt).toUTCString(),
    "Content-Type": FEED_CONTENT_TYPE[kind],
    "X-Content-Type-Options": "nosniff",
    ...(kind === "json" ? {} : { "Content-Disposition": `inline; filename="${feedPath(kind, lang, currency).slice(1).replaceAll("/", "-")}"` }),
  };
  const asked = request.headers.get("If-None-Match");
  if (asked && asked.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers: { "Cache-Control": headers["Cache-Control"], ETag: etag } });
  return new Response(body, { headers });
}
