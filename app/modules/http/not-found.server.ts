/**
 * What a 404 page suggests instead: the categories with the most products,
 * the live (or next) festival and the newest products, in the page's
 * language. A suggestion that cannot be read (a busy database, say) is left
 * out: the page stays a 404, never a 500.
 */
import { listCategories, newestProducts } from "../catalog/catalog.server";
import { now as appNow } from "../clock/now.server";
import { featuredFestival } from "../festivals/festivals.server";
import type { Lang } from "../i18n/config";
import { logger } from "./log.server";

export interface NotFoundSuggestions {
  categories: { slug: string; name: string }[];
  festival: { slug: string; name: string; fallback: boolean } | null;
  products: { slug: string; name: string; fallback: boolean }[];
}

export async function notFoundSuggestions(lang: Lang): Promise<NotFoundSuggestions | null> {
  try {
    const at = appNow();
    const categories = [...(await listCategories(lang))]
      .sort((a, b) => b.productCount - a.productCount)
      .slice(0, 6)
      .map((c) => ({ slug: c.slug, name: c.name }));
    const festival = await featuredFestival(lang, at);
    const products = (await newestProducts(lang, 4, at)).map((p) => ({ slug: p.slug, name: p.name, fallback: p.fallback }));
    return { categories, festival: festival ? { slug: festival.slug, name: festival.name, fallback: festival.fallback } : null, products };
  } catch (error) {
    logger().warn({ err: error }, "404 suggestions could not be read");
    return null;
  }
}
