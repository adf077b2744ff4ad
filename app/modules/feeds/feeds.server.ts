/**
 * The items of a product feed: live products (active, their store live) that
 * their owner has not kept out of the feeds, in one language and currency,
 * priced by the app's one deal rule (the product card's price: app/modules/pricing)
 * and shown as shoppers see them (presentment rounding, app/modules/money).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { visibleProductCards } from "../catalog/catalog.server";
import { presenter } from "../catalog/present.server";
import { dealCandidates } from "../festivals/festivals.server";
import { localizePath, type Lang } from "../i18n/config";
import { withCurrency } from "../money/currency";
import { presentMinor } from "../money/presentment";
import { DEFAULT_DESTINATION } from "../shipping/destination";
import { shipmentsFor } from "../shipping/shipping.server";
import { UTM_MEDIUM_PARAM, UTM_SOURCE_PARAM } from "../orders/source";
import { FEED_UTM, type FeedItem, type FeedKind } from "./feeds";

/** Google's limits: a title of 150 characters, a description of 5,000. */
const TITLE_MAX = 150;
const DESCRIPTION_MAX = 5000;
/** The most products one feed lists (a feed past this is split by the platform's own paging, not ours). */
const FEED_MAX_ITEMS = 20_000;

const clip = (text: string, max: number) => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
};

/** A product page's URL in the feed's language and currency, saying which feed the shopper came from. */
export function feedLink(origin: string, slug: string, kind: FeedKind, lang: Lang, currency: string): string {
  const url = new URL(withCurrency(localizePath(`/products/${slug}`, lang), currency, lang), origin);
  url.searchParams.set(UTM_SOURCE_PARAM, FEED_UTM[kind].source);
  url.searchParams.set(UTM_MEDIUM_PARAM, FEED_UTM[kind].medium);
  return url.href;
}

/** Platforms take photos, not drawings: seeded SVG art is asked for as PNG (the art route renders both). */
function imageLink(origin: string, url: string): string {
  return new URL(url.replace(/^(\/art\/[^?]+)\.svg(?=\?|$)/, "$1.png"), origin).href;
}

const { products, productTranslations } = schema;
const tLang = alias(productTranslations, "t_lang");
const tEn = alias(productTranslations, "t_en");

export async function feedItems(kind: FeedKind, lang: Lang, currency: string, origin: string, now: number): Promise<FeedItem[]> {
  const cards = await visibleProductCards(lang, eq(products.feedOptOut, false), [asc(products.id)], FEED_MAX_ITEMS, now);
  if (!cards.length) return [];
  const ids = cards.map((c) => c.id);
  const details = new Map(
    (
      await db
        .select({
          id: products.id,
          storeId: products.storeId,
          description: sql<string>`coalesce(nullif(${tLang.description}, ''), ${tEn.description})`,
        })
        .from(products)
        .innerJoin(tEn, and(eq(tEn.productId, products.id), eq(tEn.lang, "en")))
        .leftJoin(tLang, and(eq(tLang.productId, products.id), eq(tLang.lang, lang)))
        .where(inArray(products.id, ids))
    ).map((r) => [r.id, r]),
  );
  const view = await presenter(lang, currency);
  const destination = DEFAULT_DESTINATION[lang];
  const shipping = new Map(
    (
      await shipmentsFor(
        cards.map((c) => ({ storeId: details.get(c.id)!.storeId, storeCountry: c.store.countryCode })),
        destination,
        view.currency,
        view.rate.rateMicros,
      )
    ).map((s) => [s.storeId, s]),
  );
  // The deal's window for sale_price_effective_date: the card's price says which deal applies and when it ends.
  const onDeal = cards.filter((c) => c.price.deal);
  const candidates = await dealCandidates(onDeal.map((c) => c.id));
  const dealStart = (productId: number, dealId: number): number => {
    const deal = candidates.get(productId)?.find((d) => d.dealId === dealId);
    return deal?.flashStartsAt ?? deal?.phases.find((p) => p.kind === "sale")?.startsAt ?? now;
  };
  const present = (baseMinor: number) => presentMinor(baseMinor, view.currency, view.rate.rateMicros);
  return cards.map((card): FeedItem => {
    const detail = details.get(card.id)!;
    const ship = shipping.get(detail.storeId)!;
    const deal = card.price.deal;
    return {
      id: `srs-${card.id}`,
      title: clip(card.name, TITLE_MAX),
      description: clip(detail.description.trim() || card.name, DESCRIPTION_MAX),
      link: feedLink(origin, card.slug, kind, lang, view.currency),
      imageLink: card.image ? imageLink(origin, card.image.url) : null,
      availability: card.stock > 0 ? "in_stock" : "out_of_stock",
      currency: view.currency,
      priceMinor: present(card.price.regularMinor),
      salePriceMinor: deal ? present(card.price.unitMinor) : null,
      sale: deal ? { startsAt: dealStart(card.id, deal.dealId), endsAt: deal.endsAt } : null,
      brand: card.store.name,
      categorySlug: card.categorySlug,
      shipping: { country: destination, priceMinor: ship.costMinor, minDays: ship.minDays, maxDays: ship.maxDays },
    };
  });
}
