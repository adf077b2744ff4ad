/**
 * Product feeds for other platforms, pure: which feeds there are, their URLs,
 * and each format written from one list of items
 * (docs/decisions/0030-product-feeds-and-landing-sources.md).
 *
 * - Google Merchant Center: RSS 2.0 with the `g:` namespace;
 * - Meta (Facebook/Instagram) catalogue: CSV with Meta's column names;
 * - a plain CSV and a JSON export, for a marketplace operator to map.
 *
 * Amounts are written as Google and Meta read them: "12.00 USD", the
 * currency's own minor-unit digits ("1500 XOF"), never grouped.
 */
import { XMLBuilder } from "fast-xml-parser";
import { toMajorString } from "../festivals/money-text";
import { LANGS, type Lang } from "../i18n/config";
import { PRESENTMENT_CURRENCIES } from "../money/currency";
import { toCsv } from "../owner/csv";

export const FEED_KINDS = ["google", "meta", "csv", "json"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** The file extension each feed is served with. */
export const FEED_EXTENSION: Record<FeedKind, "xml" | "csv" | "json"> = { google: "xml", meta: "csv", csv: "csv", json: "json" };

export const FEED_CONTENT_TYPE: Record<FeedKind, string> = {
  google: "application/xml; charset=utf-8",
  meta: "text/csv; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** What a feed's links say about where a shopper came from (utm_source / utm_medium). */
export const FEED_UTM: Record<FeedKind, { source: string; medium: string }> = {
  google: { source: "google", medium: "product_feed" },
  meta: { source: "meta", medium: "product_feed" },
  csv: { source: "marketplace", medium: "product_feed" },
  json: { source: "marketplace", medium: "product_feed" },
};

/** `/feeds/google/zh/CNY.xml`: one feed per platform, language and currency. */
export function feedPath(kind: FeedKind, lang: Lang, currency: string): string {
  return `/feeds/${kind}/${lang}/${currency}.${FEED_EXTENSION[kind]}`;
}

/** The feed a path's parts name, or null (an unknown kind, language, currency or extension). */
export function parseFeedPath(kind: string | undefined, lang: string | undefined, file: string | undefined): { kind: FeedKind; lang: Lang; currency: string } | null {
  const feed = FEED_KINDS.find((k) => k === kind);
  const language = LANGS.find((l) => l === lang);
  const match = /^([A-Z]{3})\.([a-z]+)$/.exec(file ?? "");
  if (!feed || !language || !match) return null;
  const currency = PRESENTMENT_CURRENCIES.find((c) => c === match[1]);
  if (!currency || match[2] !== FEED_EXTENSION[feed]) return null;
  return { kind: feed, lang: language, currency };
}

/**
 * Google's product taxonomy (ids), where one of ours fits; categories with no
 * clear match are left for Google to infer rather than guessed. Checked
 * against Google's published taxonomy-with-ids.en-US.txt (version
 * 2021-09-21) and the seeded ranges, 2026-12-07: textiles (yardage, head
 * wraps, throws, scarves) and leather (slippers, belts, wallets, bags, poufs)
 * span several branches, so they get none.
 */
export const GOOGLE_PRODUCT_CATEGORY: Record<string, number> = {
  coffee: 1868, // Food, Beverages & Tobacco > Beverages > Coffee
  tea: 2073, // Food, Beverages & Tobacco > Beverages > Tea & Infusions
  spices: 4608, // Food, Beverages & Tobacco > Food Items > Seasonings & Spices
  foods: 422, // Food, Beverages & Tobacco > Food Items
  skincare: 567, // Health & Beauty > Personal Care > Cosmetics > Skin Care
  // Henna, hair butters and oils, essential oils, lip tints, scrubs: more than Cosmetics (473), whose tree has no hair care.
  beauty: 2915, // Health & Beauty > Personal Care
  jewellery: 188, // Apparel & Accessories > Jewelry
  // Paintings, prints, batiks, carvings and sculptures.
  art: 9, // Home & Garden > Decor > Artwork
  // Cooking pots, tumblers, mesob tables and cushion covers: more than Decor (696).
  home: 536, // Home & Garden
  crafts: 696, // Home & Garden > Decor
};

export type Availability = "in_stock" | "out_of_stock";

export interface FeedItem {
  id: string;
  title: string;
  description: string;
  link: string;
  imageLink: string | null;
  availability: Availability;
  currency: string;
  /** Regular price, in `currency` minor units as shoppers see it (presentment rounding). */
  priceMinor: number;
  /** The festival deal's price while it is live, else null. */
  salePriceMinor: number | null;
  /** The deal's window while it is live (ms). */
  sale: { startsAt: number; endsAt: number } | null;
  brand: string;
  categorySlug: string;
  shipping: { country: string; priceMinor: number; minDays: number; maxDays: number };
}

/** "12.00 USD", "88.00 CNY", "1500 XOF": the currency's minor-unit digits, a dot, no grouping. */
export function feedPrice(minor: number, currency: string): string {
  return `${toMajorString(minor, currency)} ${currency}`;
}

/** ISO 8601 to the minute in UTC ("2026-12-07T08:00Z"), as Google's date ranges take it. */
function isoMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}

/** "2026-12-07T08:00Z/2026-12-09T20:00Z". */
export function effectiveRange(sale: { startsAt: number; endsAt: number }): string {
  return `${isoMinute(sale.startsAt)}/${isoMinute(sale.endsAt)}`;
}

// XML 1.0 cannot carry most control characters, even escaped: drop them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlText = (s: string) => s.replace(XML_INVALID, "");

/** Google's shipping line in text feeds (and Meta's): "CN::Standard:24.00 USD". */
function shippingText(item: FeedItem): string {
  return `${item.shipping.country}::Standard:${feedPrice(item.shipping.priceMinor, item.currency)}`;
}

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, suppressEmptyNode: true });

/** Google Merchant Center: RSS 2.0, one `<item>` per product, fields in the `g:` namespace. */
export function googleFeedXml(items: readonly FeedItem[], channel: { title: string; link: string; description: string }): string {
  const body = xml.build({
    rss: {
      "@version": "2.0",
      "@xmlns:g": "http://base.google.com/ns/1.0",
      channel: {
        title: xmlText(channel.title),
        link: channel.link,
        description: xmlText(channel.description),
        item: items.map((item) => ({
          "g:id": item.id,
          "g:title": xmlText(item.title),
          "g:description": xmlText(item.description),
          "g:link": item.link,
          ...(item.imageLink ? { "g:image_link": item.imageLink } : {}),
          "g:availability": item.availability,
          "g:condition": "new",
          "g:price": feedPrice(item.priceMinor, item.currency),
          ...(item.salePriceMinor !== null && item.sale
            ? { "g:sale_price": feedPrice(item.salePriceMinor, item.currency), "g:sale_price_effective_date": effectiveRange(item.sale) }
            : {}),
          "g:brand": xmlText(item.brand),
          ...(GOOGLE_PRODUCT_CATEGORY[item.categorySlug] ? { "g:google_product_category": GOOGLE_PRODUCT_CATEGORY[item.categorySlug] } : {}),
          "g:product_type": item.categorySlug,
          "g:identifier_exists": "no",
          "g:shipping": {
            "g:country": item.shipping.country,
            "g:service": "Standard",
            "g:price": feedPrice(item.shipping.priceMinor, item.currency),
            "g:min_transit_time": item.shipping.minDays,
            "g:max_transit_time": item.shipping.maxDays,
          },
        })),
      },
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

const META_COLUMNS = [
  "id",
  "title",
  "description",
  "availability",
  "condition",
  "price",
  "link",
  "image_link",
  "brand",
  "sale_price",
  "sale_price_effective_date",
  "google_product_category",
  "product_type",
  "shipping",
];

/** Meta's catalogue CSV: the same content under Meta's column names (availability "in stock", with a space). */
export function metaFeedCsv(items: readonly FeedItem[]): string {
  return toCsv(
    META_COLUMNS,
    items.map((item) => [
      item.id,
      item.title,
      item.description,
      item.availability === "in_stock" ? "in stock" : "out of stock",
      "new",
      feedPrice(item.priceMinor, item.currency),
      item.link,
      item.imageLink ?? "",
      item.brand,
      item.salePriceMinor !== null ? feedPrice(item.salePriceMinor, item.currency) : "",
      item.sale ? effectiveRange(item.sale) : "",
      GOOGLE_PRODUCT_CATEGORY[item.categorySlug] ?? "",
      item.categorySlug,
      shippingText(item),
    ]),
    { spreadsheet: false },
  );
}

/** A row a marketplace operator maps to their own columns: amounts as decimals, the currency once. */
function plainRecord(item: FeedItem) {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    link: item.link,
    image_link: item.imageLink,
    availability: item.availability,
    currency: item.currency,
    price: toMajorString(item.priceMinor, item.currency),
    sale_price: item.salePriceMinor !== null ? toMajorString(item.salePriceMinor, item.currency) : null,
    sale_starts_at: item.sale ? new Date(item.sale.startsAt).toISOString() : null,
    sale_ends_at: item.sale ? new Date(item.sale.endsAt).toISOString() : null,
    brand: item.brand,
    category: item.categorySlug,
    google_product_category: GOOGLE_PRODUCT_CATEGORY[item.categorySlug] ?? null,
    shipping_country: item.shipping.country,
    shipping_price: toMajorString(item.shipping.priceMinor, item.currency),
    shipping_min_days: item.shipping.minDays,
    shipping_max_days: item.shipping.maxDays,
  };
}

type PlainRecord = ReturnType<typeof plainRecord>;
const PLAIN_COLUMNS: (keyof PlainRecord)[] = [
  "id",
  "title",
  "description",
  "link",
  "image_link",
  "availability",
  "currency",
  "price",
  "sale_price",
  "sale_starts_at",
  "sale_ends_at",
  "brand",
  "category",
  "google_product_category",
  "shipping_country",
  "shipping_price",
  "shipping_min_days",
  "shipping_max_days",
];

/** The plain export as CSV for spreadsheets (a byte-order mark, formula-like cells defused: app/modules/owner/csv.ts). */
export function plainFeedCsv(items: readonly FeedItem[]): string {
  return toCsv(
    PLAIN_COLUMNS,
    items.map((item) => {
      const record = plainRecord(item);
      return PLAIN_COLUMNS.map((column) => record[column]);
    }),
  );
}

export function plainFeedJson(items: readonly FeedItem[], meta: { lang: Lang; currency: string; generatedAt: number }): string {
  return JSON.stringify({ lang: meta.lang, currency: meta.currency, generated_at: new Date(meta.generatedAt).toISOString(), items: items.map(plainRecord) });
}
