/**
 * The deterministic seed: the same catalogue on every run for a given day.
 * Everything time-related is placed relative to `today` (UTC midnight), so
 * there is always one ended, one live and one upcoming festival. Sample
 * orders go through the real order and fulfilment functions, so the
 * counters equal what the orders add up to.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { db, isPostgres, schema, transact, type Tx } from "~/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import { LANGS, type Lang } from "~/modules/i18n/config";
import { countryName } from "~/modules/i18n/format";
import { createPendingOrder, markOrderPaid } from "~/modules/orders/orders.server";
import { BASE_CURRENCY } from "~/modules/money/money";
import type { ArtKind } from "~/modules/art/art";
import { CATEGORIES } from "./content/categories";
import { FESTIVALS, type FestivalContent } from "./content/festivals";
import { PRODUCT_TYPES_A } from "./content/product-types-a";
import { PRODUCT_TYPES_B } from "./content/product-types-b";
import { STORES_EAST_SOUTH } from "./content/stores-east-south";
import { STORES_WEST_NORTH } from "./content/stores-west-north";
import { STORY } from "./content/story";
import { PRODUCT_ART, TRADE_CATEGORIES, VARIANTS } from "./content/trades";
import type { CategorySlug, L10n, ProductTypeContent, StoreContent } from "./content/types";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { createRandom, hashString } from "./random";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Days of the campaign before the seed's "today" (the first store applies 200 days ago). */
const CAMPAIGN_DAYS_SO_FAR = 210;

export const ALL_STORES: StoreContent[] = interleave(STORES_WEST_NORTH, STORES_EAST_SOUTH);
export const ALL_PRODUCT_TYPES: ProductTypeContent[] = [...PRODUCT_TYPES_A, ...PRODUCT_TYPES_B];

/** Rates to the base currency (USD), units per dollar × 1e6, for the seed day. */
const RATES: Record<string, number> = {
  CNY: 7_120_000,
  EUR: 920_000,
  KES: 129_200_000,
  EGP: 48_600_000,
  NGN: 1_550_000_000,
  ZAR: 18_150_000,
  GHS: 15_300_000,
  XOF: 603_500_000,
  MAD: 9_950_000,
  AOA: 912_000_000,
  ETB: 121_500_000,
  TZS: 2_690_000_000,
};

/**
 * Products deliberately translated only in part: a name in these languages, but no description
 * or origin yet, so the pages' English fallback is seen (and tested) on a fresh machine.
 */
export const PARTIAL_TRANSLATIONS: Record<string, readonly Lang[]> = {
  "sidama-highland-coffee-coffee-drip-bags": ["zh", "ar"],
  "atlas-argan-cooperative-beauty-rose-water": ["zh", "fr"],
  "bonwire-kente-weavers-textiles-wax-print-fabric": ["zh", "sw", "pt"],
};

/** Stores the seed leaves pending review, so the tracker shows a campaign in progress. */
const PENDING_EVERY = 17;

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]) out.push(a[i]);
    if (b[i]) out.push(b[i]);
  }
  return out;
}

export function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** French "de Kumasi" / "d'Abidjan". */
function frenchDe(place: string): string {
  return /^[aeiouyhâàéèêîôûAEIOUYHÂÀÉÈÊÎÔÛ]/.test(place) ? `d'${place}` : `de ${place}`;
}

function fill(template: string, lang: Lang, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => {
    if (key === "de_place") return frenchDe(String(vars.place));
    return key in vars ? String(vars[key]) : match;
  });
}

function l10n(values: L10n, lang: Lang, vars: Record<string, string | number>): string {
  return fill(values[lang], lang, vars);
}

function storyFor(store: StoreContent, lang: Lang, name: string): string {
  const vars = {
    store: name,
    place: store.city[lang],
    country: countryName(store.country, lang),
    year: store.founded,
    people: store.people,
  };
  // Opening (how it began, by kind of business), the store's own line, its craft, and a closing
  // chosen by the store's slug: parts that differ per store, so no two stories read the same.
  const closing = STORY.closing[hashString(store.slug) % STORY.closing.length];
  return [
    l10n(STORY.opening[store.kind], lang, vars),
    store.tagline[lang],
    l10n(STORY.craft[store.range[0]], lang, vars),
    l10n(closing, lang, vars),
  ].join(lang === "zh" ? "" : " ");
}

/** The categories a store sells: its own range, within what its trade (first category) allows. */
export function tradeCategories(store: StoreContent): CategorySlug[] {
  return store.range.filter((c) => TRADE_CATEGORIES[store.range[0]].includes(c));
}

export interface Listing {
  type: ProductTypeContent;
  /** A second listing of the same product (pack of three, or gift-wrapped). */
  variant: boolean;
  art: ArtKind;
}

/**
 * A store's ten listings: product types of its trade that fit its country (country-specific ones
 * first, one category after the other), then packs or gift-wrapped versions of those, never goods
 * of another trade. Only types with a drawing that shows them (PRODUCT_ART) are listed.
 */
export function listingsFor(store: StoreContent, seed: string): Listing[] {
  const random = createRandom(seed);
  const trade = store.range[0];
  const fits = (t: ProductTypeContent) =>
    PRODUCT_ART[t.key] &&
    (!t.countries?.length || t.countries.includes(store.country)) &&
    // A weaver's art is cloth and painting, not sculpture.
    !(trade === "textiles" && PRODUCT_ART[t.key][0] === "sculpture");
  const byCategory = tradeCategories(store).map((category) => {
    const own = ALL_PRODUCT_TYPES.filter((t) => t.category === category && fits(t));
    const specific = random.shuffle(own.filter((t) => t.countries?.includes(store.country)));
    const generic = random.shuffle(own.filter((t) => !t.countries?.length));
    return [...specific, ...generic];
  });
  const chosen: ProductTypeContent[] = [];
  for (let round = 0; chosen.length < 10 && byCategory.some((list) => list.length > round); round++) {
    for (const list of byCategory) if (list[round] && chosen.length < 10) chosen.push(list[round]);
  }
  const listings: Listing[] = chosen.map((type) => ({ type, variant: false, art: PRODUCT_ART[type.key][0] }));
  for (const type of chosen) if (listings.length < 10) listings.push({ type, variant: true, art: PRODUCT_ART[type.key][0] });
  if (listings.length < 10) throw new Error(`Store ${store.slug} has only ${listings.length} listings in its trade.`);
  return listings;
}

function roundPrice(cents: number): number {
  return Math.max(99, Math.round(cents / 100) * 100 - 1);
}

function deterministicSalt(email: string): Uint8Array {
  return createHash("sha256").update(`seed-salt:${email}`).digest().subarray(0, 16);
}

/** The most rows one seed INSERT writes (a store's translations, products, their translations and images are written by the batch). */
const BATCH_ROWS = 500;

type NewRow<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/** One store of the seed, planned before it is written: its owner (a demo account's id, or a new owner), translations and products. */
interface PlannedStore {
  owner: { id: number } | { values: NewRow<typeof schema.users> };
  values: Omit<NewRow<typeof schema.stores>, "ownerId">;
  translations: Omit<NewRow<typeof schema.storeTranslations>, "storeId">[];
  products: {
    values: Omit<NewRow<typeof schema.products>, "storeId">;
    translations: Omit<NewRow<typeof schema.productTranslations>, "productId">[];
    image: Omit<NewRow<typeof schema.productImages>, "productId">;
    price: number;
    stock: number;
  }[];
}

/** Rows in multi-row INSERTs of at most BATCH_ROWS rows, in order. */
async function insertAll<T extends SQLiteTable>(tx: Tx, table: T, values: NewRow<T>[]): Promise<void> {
  for (let i = 0; i < values.length; i += BATCH_ROWS) await tx.insert(table).values(values.slice(i, i + BATCH_ROWS));
}

/** Ids of rows just written, by a unique text column (slug, e-mail), read back in batches. */
async function idsBy(tx: Tx, column: SQLiteColumn, id: SQLiteColumn, table: SQLiteTable, keys: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < keys.length; i += BATCH_ROWS) {
    const found = await tx
      .select({ key: sql<string>`${column}`, id: sql<number>`${id}` })
      .from(table)
      .where(inArray(column, keys.slice(i, i + BATCH_ROWS)));
    for (const r of found) ids.set(r.key, Number(r.id));
  }
  return ids;
}

/** Writes planned stores (owners, stores, translations, products, their translations and cover images), table by table in planned order. */
async function writeStores(
  tx: Tx,
  planned: PlannedStore[],
  out: { productIdsByStore: Map<number, { id: number; price: number; stock: number }[]>; liveStoreIds: number[] },
): Promise<void> {
  if (!planned.length) return;
  const { users, stores, storeTranslations, products, productTranslations, productImages } = schema;
  const newOwners = planned.flatMap((p) => ("values" in p.owner ? [p.owner.values] : []));
  await insertAll(tx, users, newOwners);
  const ownerIds = await idsBy(tx, users.email, users.id, users, newOwners.map((u) => u.email));
  const ownerOf = (p: PlannedStore) => ("id" in p.owner ? p.owner.id : ownerIds.get(p.owner.values.email)!);
  await insertAll(tx, stores, planned.map((p) => ({ ...p.values, ownerId: ownerOf(p) })));
  const storeIds = await idsBy(tx, stores.slug, stores.id, stores, planned.map((p) => p.values.slug));
  await insertAll(tx, products, planned.flatMap((p) => p.products.map((x) => ({ ...x.values, storeId: storeIds.get(p.values.slug)! }))));
  const productIds = await idsBy(tx, products.slug, products.id, products, planned.flatMap((p) => p.products.map((x) => x.values.slug)));
  // Translations one INSERT per store or product, as ever: FTS5 writes its pending rows at the end
  // of each statement, so the search indexes' triggers build the same index pages as before.
  for (const p of planned) {
    await insertAll(tx, storeTranslations, p.translations.map((t) => ({ ...t, storeId: storeIds.get(p.values.slug)! })));
    for (const x of p.products) await insertAll(tx, productTranslations, x.translations.map((t) => ({ ...t, productId: productIds.get(x.values.slug)! })));
  }
  await insertAll(tx, productImages, planned.flatMap((p) => p.products.map((x) => ({ ...x.image, productId: productIds.get(x.values.slug)! }))));
  for (const p of planned) {
    const storeId = storeIds.get(p.values.slug)!;
    if (p.values.status === "live") out.liveStoreIds.push(storeId);
    out.productIdsByStore.set(
      storeId,
      p.products.map((x) => ({ id: productIds.get(x.values.slug)!, price: x.price, stock: x.stock })),
    );
  }
}

export interface SeedOptions {
  /** Multiplies stores (and so products) for benchmarks. */
  scale?: number;
  /** The day everything is placed around; defaults to today (UTC). */
  today?: Date;
  log?: (message: string) => void;
}

export interface SeedSummary {
  stores: number;
  products: number;
  countries: number;
  orders: number;
}

export async function databaseIsEmpty(): Promise<boolean> {
  return (await db.$count(schema.stores)) === 0;
}

export async function seedDatabase(options: SeedOptions = {}): Promise<SeedSummary> {
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const today = utcMidnight(options.today ?? new Date()).getTime();
  const log = options.log ?? (() => {});
  const at = (offset: number) => new Date(today + offset);
  const random = createRandom(`silk-road-showcase:${today}`);

  // Hash outside the transaction: it is async.
  const accounts = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => ({ ...a, hash: await hashPassword(a.password, deterministicSalt(a.email)) })),
  );

  // SQLite-only: the seed is one transaction that grows the search indexes page by page; a cache of
  // 256 MB keeps those pages in memory instead of spilling them to the WAL and reading them back
  // (PostgreSQL sizes its own buffers). The file written is the same.
  if (!isPostgres(db)) db.$client.pragma(`cache_size = -${256 * 1024}`);
  const summary = await transact(db, async (tx) => {
    // Categories
    const categoryIds = new Map<CategorySlug, number>();
    for (const [i, c] of CATEGORIES.entries()) {
      const [row] = await tx.insert(schema.categories).values({ slug: c.slug, sortOrder: i }).returning();
      categoryIds.set(c.slug, row.id);
      await tx
        .insert(schema.categoryTranslations)
        .values(LANGS.map((lang) => ({ categoryId: row.id, lang, name: c.name[lang], description: c.description[lang] })));
    }

    // Accounts
    const accountIds = new Map<string, number>();
    for (const a of accounts) {
      const [row] = await tx
        .insert(schema.users)
        .values({ email: a.email, passwordHash: a.hash, name: a.name, role: a.role, preferredLang: a.lang, createdAt: at(-400 * DAY) })
        .returning({ id: schema.users.id });
      accountIds.set(a.email, row.id);
    }
    const owned = new Map<string, number>(); // store slug → demo owner id
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role === "owner")) {
      ALL_STORES.filter((s) => a.countries.includes(s.country))
        .slice(0, a.stores)
        .forEach((s) => owned.set(s.slug, accountIds.get(a.email)!));
    }

    // Exchange rates (today and a week ago, so "as of" has a history)
    for (const [quote, rateMicros] of Object.entries(RATES)) {
      for (const daysAgo of [7, 0]) {
        const drift = daysAgo ? Math.round(rateMicros * 0.004) : 0;
        await tx
          .insert(schema.exchangeRates)
          .values({ baseCurrency: BASE_CURRENCY, quoteCurrency: quote, rateMicros: rateMicros - drift, asOf: at(-daysAgo * DAY).toISOString().slice(0, 10) });
      }
    }

    // Stores and products: planned store by store (the same random draws in the same order as
    // ever), written a batch of stores at a time in multi-row INSERTs of at most BATCH_ROWS rows,
    // each table in the order its rows were planned, so ids and every row are the same as one
    // INSERT per row made (the scale 100 seed takes minutes instead of an hour).
    const productIdsByStore = new Map<number, { id: number; price: number; stock: number }[]>();
    const liveStoreIds: number[] = [];
    let storeIndex = 0;
    let productCount = 0;
    const usedNames = new Set<string>();
    const countries = new Set<string>();
    let batch: PlannedStore[] = [];
    const flush = async () => {
      await writeStores(tx, batch, { productIdsByStore, liveStoreIds });
      batch = [];
    };
    for (let replica = 0; replica < scale; replica++) {
      // Large (benchmark) seeds take minutes: say how far along they are.
      if (scale > 1 && replica > 0 && replica % 10 === 0) log(`  ${storeIndex} of ${scale * ALL_STORES.length} stores…`);
      for (const content of ALL_STORES) {
        const index = storeIndex++;
        const slug = replica ? `${content.slug}-${replica + 1}` : content.slug;
        const suffix = replica ? ` ${replica + 1}` : "";
        const status = index % PENDING_EVERY === PENDING_EVERY - 1 ? "pending" : "live";
        const listings = listingsFor(content, slug);
        const ownerId = owned.get(slug);
        const createdAt = at(-(200 - (index % 180)) * DAY);
        const planned: PlannedStore = {
          owner: ownerId
            ? { id: ownerId }
            : {
                values: {
                  email: `owner.${slug}@silkroad.example`,
                  passwordHash: null,
                  name: content.name.en + suffix,
                  role: "owner",
                  preferredLang: "en",
                  createdAt: at(-(300 + (index % 60)) * DAY),
                },
              },
          values: {
            slug,
            countryCode: content.country,
            primaryCategoryId: categoryIds.get(content.range[0])!,
            status,
            statusReason: status === "pending" ? "Awaiting review of the store's export documents." : null,
            foundedYear: content.founded,
            featured: status === "live" && index % 8 === 0,
            // The banner shows the store's signature product, its first listing.
            bannerUrl: `/art/stores/${slug}.svg?kind=${listings[0].art}`,
            // Reviewed and made live 3 to 12 days after applying: the tracker's daily series starts from it.
            liveSince: status === "live" ? new Date(createdAt.getTime() + (3 + (index % 10)) * DAY) : null,
            createdAt,
            updatedAt: createdAt,
          },
          translations: LANGS.map((lang) => {
            const name = content.name[lang] + suffix;
            return { lang, name, city: content.city[lang], tagline: content.tagline[lang], story: storyFor(content, lang, name) };
          }),
          products: [],
        };
        countries.add(content.country);

        for (const { type, variant, art } of listings) {
          const [min, max] = type.priceUsdCents;
          const single = roundPrice(random.int(min, max));
          const price = variant ? roundPrice(VARIANTS[type.category].price(single)) : single;
          const stockRoll = random.next();
          const stock = stockRoll < 0.04 ? 0 : stockRoll < 0.12 ? random.int(1, 4) : random.int(12, 240);
          const productSlug = `${slug}-${type.key}${variant ? `-${VARIANTS[type.category].slug}` : ""}`;
          // Listing dates spread over the last months, so "just listed" mixes stores.
          const created = at(-random.int(1, 180) * DAY + random.int(0, 23) * HOUR);
          const texts = LANGS.map((lang) => {
            const vars = { place: content.city[lang], country: countryName(content.country, lang), store: content.name[lang] + suffix };
            const base = l10n(type.name, lang, vars);
            const description = l10n(type.description, lang, vars);
            return {
              lang,
              store: vars.store,
              name: variant ? VARIANTS[type.category].name[lang].replace("{name}", base) : base,
              description: variant ? `${description}${lang === "zh" ? "" : " "}${VARIANTS[type.category].description[lang]}` : description,
              originNote: lang === "zh" || lang === "ar" ? `${vars.country}${lang === "zh" ? "，" : "، "}${vars.place}` : `${vars.place}, ${vars.country}`,
            };
          });
          // No two stores sell a product of the same name: a name another store already uses
          // (same product, same town) is qualified by the store's name, in every language.
          const taken = texts.some((x) => usedNames.has(`${x.lang}|${x.name}`));
          const partial = PARTIAL_TRANSLATIONS[productSlug] ?? [];
          planned.products.push({
            values: {
              categoryId: categoryIds.get(type.category)!,
              slug: productSlug,
              priceMinor: price,
              currency: BASE_CURRENCY,
              stock,
              status: "active",
              createdAt: created,
              updatedAt: created,
            },
            translations: texts.map((x) => {
              const name = taken ? `${x.name}${x.lang === "zh" ? `（${x.store}）` : ` (${x.store})`}` : x.name;
              usedNames.add(`${x.lang}|${name}`);
              const untranslated = partial.includes(x.lang);
              return { lang: x.lang, name, description: untranslated ? "" : x.description, originNote: untranslated ? "" : x.originNote };
            }),
            image: { url: `/art/products/${productSlug}.svg?kind=${art}`, width: 600, height: 600, position: 0, isCover: true, createdAt: created },
            price,
            stock,
          });
          productCount++;
        }
        batch.push(planned);
        if (batch.length * listings.length >= BATCH_ROWS) await flush();
      }
    }
    await flush();

    // Festivals: ended, live and upcoming, relative to today
    const organiserId = accountIds.get("organiser@silkroad.example")!;
    const festivalIds: Record<keyof typeof FESTIVALS, number> = { ended: 0, live: 0, upcoming: 0 };
    const schedules: Record<keyof typeof FESTIVALS, { kind: "registration" | "warmup" | "sale" | "encore"; from: number; to: number }[]> = {
      ended: [
        { kind: "registration", from: -70 * DAY, to: -45 * DAY },
        { kind: "warmup", from: -44 * DAY, to: -40 * DAY },
        { kind: "sale", from: -40 * DAY, to: -33 * DAY },
        { kind: "encore", from: -33 * DAY, to: -31 * DAY },
      ],
      live: [
        { kind: "registration", from: -30 * DAY, to: -6 * DAY },
        { kind: "warmup", from: -5 * DAY, to: -2 * DAY },
        { kind: "sale", from: -2 * DAY, to: 5 * DAY + 16 * HOUR },
        { kind: "encore", from: 5 * DAY + 16 * HOUR, to: 7 * DAY + 16 * HOUR },
      ],
      upcoming: [
        { kind: "registration", from: -3 * DAY, to: 18 * DAY },
        { kind: "warmup", from: 20 * DAY, to: 24 * DAY },
        { kind: "sale", from: 24 * DAY, to: 31 * DAY },
      ],
    };
    const targets = {
      ended: { orders: 120, units: 300, gmv: 900_000 },
      live: { orders: 500, units: 1200, gmv: 4_000_000 },
      upcoming: { orders: 400, units: 1000, gmv: 3_000_000 },
    };
    for (const key of ["ended", "live", "upcoming"] as const) {
      const content: FestivalContent = FESTIVALS[key];
      const [festival] = await tx
        .insert(schema.festivals)
        .values({
          slug: content.slug,
          timeZone: content.timeZone,
          status: "published",
          targetOrders: targets[key].orders,
          targetUnits: targets[key].units,
          targetGmvMinor: targets[key].gmv,
          createdBy: organiserId,
          createdAt: at(schedules[key][0].from - 5 * DAY),
        })
        .returning({ id: schema.festivals.id });
      festivalIds[key] = festival.id;
      await tx
        .insert(schema.festivalTranslations)
        .values(LANGS.map((lang) => ({ festivalId: festival.id, lang, name: content.name[lang], pitch: content.pitch[lang] })));
      await tx
        .insert(schema.festivalPhases)
        .values(schedules[key].map((p) => ({ festivalId: festival.id, kind: p.kind, startsAt: at(p.from), endsAt: at(p.to) })));

      // Enrolments and deals: about a third of the live stores per festival
      const enrolled = liveStoreIds.filter((_, i) => i % 3 === ["ended", "live", "upcoming"].indexOf(key));
      for (const [i, storeId] of enrolled.entries()) {
        const decided = key === "upcoming" && i % 4 === 3 ? null : key === "upcoming" && i % 7 === 5 ? "rejected" : "approved";
        const [enrolment] = await tx
          .insert(schema.festivalEnrolments)
          .values({
            festivalId: festival.id,
            storeId,
            status: decided ?? "pending",
            reason: decided === "rejected" ? "Deal prices must be at least 10% below the regular price." : null,
            decidedBy: decided ? organiserId : null,
            decidedAt: decided ? at(schedules[key][0].from + 2 * DAY) : null,
            createdAt: at(schedules[key][0].from + DAY),
          })
          .returning();
        const items = productIdsByStore.get(storeId)!.filter((p) => p.stock > 10).slice(0, 3);
        for (const item of items) {
          const discount = random.pick([15, 20, 25, 30]);
          await tx.insert(schema.festivalDeals).values({
              enrolmentId: enrolment.id,
              productId: item.id,
              dealPriceMinor: Math.max(99, Math.round((item.price * (100 - discount)) / 100)),
              committedStock: Math.min(item.stock, random.int(10, 40)),
              perCustomerLimit: random.pick([null, 2, 5]),
              status: enrolment.status,
              reason: enrolment.reason,
              decidedBy: enrolment.decidedBy,
              decidedAt: enrolment.decidedAt,
            createdAt: enrolment.createdAt,
          });
        }
      }
    }
    // The campaign's year: it opened before the first store applied and has about five months to run.
    await tx
      .update(schema.siteState)
      .set({ campaignStartsAt: at(-CAMPAIGN_DAYS_SO_FAR * DAY), campaignEndsAt: at((365 - CAMPAIGN_DAYS_SO_FAR) * DAY) })
      .where(eq(schema.siteState.id, 1));
    return { stores: storeIndex, products: productCount, countries: countries.size, liveStoreIds, productIdsByStore, festivalIds };
  });

  // Sample orders, through the real order and fulfilment path: createPendingOrder takes a
  // deal's units as a checkout does, so every seeded festival_deals.units_taken equals
  // the seeded orders' deal lines (and a deal with too few units left prices nothing).
  const shoppers = [
    ["Wang Fang", "wang.fang", "CN", "zh", "CNY"],
    ["Zhang Wei", "zhang.wei", "CN", "zh", "CNY"],
    ["Chen Jing", "chen.jing", "CN", "zh", "CNY"],
    ["Grace Wanjiru", "grace.wanjiru", "KE", "sw", "KES"],
    ["Ama Owusu", "ama.owusu", "GH", "en", "USD"],
    ["Moussa Diop", "moussa.diop", "SN", "fr", "EUR"],
    ["Youssef Haddad", "youssef.haddad", "EG", "ar", "USD"],
    ["Ana Tembe", "ana.tembe", "MZ", "pt", "USD"],
  ] as const;
  const orderPlan = [
    { window: [-40 * DAY + HOUR, -33 * DAY - HOUR], count: 48, festival: summary.festivalIds.ended }, // ended festival's sale
    { window: [-25 * DAY, -5 * DAY], count: 24, festival: 0 }, // between festivals
    { window: [-2 * DAY + HOUR, -HOUR], count: 60, festival: summary.festivalIds.live }, // the live festival so far
  ];
  // Festival shoppers mostly buy the deals: products with an approved deal in that festival.
  const dealProducts = new Map<number, number[]>();
  for (const festivalId of [summary.festivalIds.ended, summary.festivalIds.live]) {
    const rows = await db
      .select({ productId: schema.festivalDeals.productId })
      .from(schema.festivalDeals)
      .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
      .where(and(eq(schema.festivalEnrolments.festivalId, festivalId), eq(schema.festivalDeals.status, "approved")))
      .orderBy(schema.festivalDeals.id);
    dealProducts.set(festivalId, rows.map((r) => r.productId));
  }
  const stockLeft = new Map<number, number>();
  for (const list of summary.productIdsByStore.values()) for (const p of list) stockLeft.set(p.id, p.stock);
  const storeIds = summary.liveStoreIds;
  let orderNo = 0;
  for (const plan of orderPlan) {
    for (let i = 0; i < plan.count; i++) {
      const when = at(plan.window[0] + Math.floor(((plan.window[1] - plan.window[0]) * (i + random.next())) / plan.count));
      const shopper = random.pick(shoppers);
      const deals = (dealProducts.get(plan.festival) ?? []).filter((id) => stockLeft.get(id)! > 8);
      const candidates =
        deals.length && random.next() < 0.75
          ? deals
          : summary.productIdsByStore.get(random.pick(storeIds))!.map((p) => p.id).filter((id) => stockLeft.get(id)! > 8);
      if (!candidates.length) continue;
      const lines = random
        .shuffle(candidates)
        .slice(0, random.int(1, 2))
        .map((productId) => ({ productId, quantity: random.int(1, 2) }));
      for (const line of lines) stockLeft.set(line.productId, stockLeft.get(line.productId)! - line.quantity);
      orderNo++;
      const order = await createPendingOrder({
        lines,
        email: `${shopper[1]}@mail.example`,
        customerName: shopper[0],
        shippingAddress: { line1: `${random.int(1, 200)} Market Street`, city: "—", postalCode: String(random.int(10000, 99999)) },
        shippingCountry: shopper[2],
        lang: shopper[3],
        currency: shopper[4],
        paymentProvider: "demo",
        now: when,
        number: `SR-DEMO-${String(orderNo).padStart(4, "0")}`,
      });
      await markOrderPaid({
        orderId: order.id,
        provider: "demo",
        providerEventId: `demo_evt_seed_${orderNo}`,
        type: "payment.succeeded",
        payload: { seeded: true },
        now: new Date(when.getTime() + 3 * 60_000),
      });
    }
  }
  log(`Seeded ${summary.stores} stores from ${summary.countries} countries, ${summary.products} products, ${orderNo} paid orders.`);
  return { stores: summary.stores, products: summary.products, countries: summary.countries, orders: orderNo };
}
