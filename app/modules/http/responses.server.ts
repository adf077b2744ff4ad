import { data } from "@remix-run/node";
import type { TFunction } from "i18next";

/** A translated 404, thrown from loaders; the root's meta uses its title. */
export function notFound(t: TFunction) {
  return data({ title: `${t("notFound.title")} · ${t("site.name")}` }, { status: 404 });
}

/** Cache headers for public catalogue pages, so a CDN can absorb festival peaks. */
export const PUBLIC_PAGE_CACHE = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";
