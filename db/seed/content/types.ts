/**
 * Shapes of the hand-written seed content. The seed composes stores and
 * products from these parts, so every language reads as written, not machine-tagged.
 */
export const LANGS = ["en", "zh", "fr", "ar", "pt", "sw"] as const;
export type Lang = (typeof LANGS)[number];
export type L10n = Record<Lang, string>;

export const CATEGORY_SLUGS = [
  "coffee",
  "tea",
  "spices",
  "skincare",
  "textiles",
  "crafts",
  "art",
  "jewellery",
  "foods",
  "beauty",
  "leather",
  "home",
] as const;
export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

export interface CategoryContent {
  slug: CategorySlug;
  name: L10n;
  /** One sentence shown on the category tile. */
  description: L10n;
}

/**
 * A kind of product a store can list. `name` and `description` are templates;
 * placeholders filled by the seed, per language:
 *   {place}    the store's city in that language ("Kumasi", "库马西", "كوماسي")
 *   {de_place} French only: "de Kumasi" / "d'Abidjan" (elision handled by the seed)
 *   {country}  the country name in that language (from Intl.DisplayNames)
 *   {store}    the store's name in that language
 */
export interface ProductTypeContent {
  key: string; // kebab-case, unique across all categories, e.g. "washed-arabica-beans"
  category: CategorySlug;
  name: L10n;
  description: L10n;
  /** Price range in US cents (the catalogue's base currency). */
  priceUsdCents: [min: number, max: number];
  /** Countries (ISO 3166-1 alpha-2) where this product is typical; empty = anywhere in Africa. */
  countries?: string[];
}

export type StoryKind = "cooperative" | "family" | "workshop" | "farm" | "social-enterprise" | "studio";

export interface StoreContent {
  slug: string; // kebab-case, unique
  country: string; // ISO 3166-1 alpha-2, African
  city: L10n; // the city's name as written in each language
  name: L10n; // the store's name in each language (brand names may stay, but zh and ar are written in their script)
  tagline: L10n; // one short line
  /** 1–3 categories the store sells, first one is its focus. */
  range: CategorySlug[];
  founded: number; // year
  kind: StoryKind;
  /** People in the workshop/cooperative/farm, used in the story. */
  people: number;
}

/**
 * Story parts; placeholders: {store} {place} {country} {year} {people}.
 * The seed builds a store's story as opening[kind] + " " + craft[range[0]] + " " + closing[i % closing.length].
 */
export interface StoryContent {
  opening: Record<StoryKind, L10n>;
  craft: Record<CategorySlug, L10n>;
  closing: L10n[];
}
