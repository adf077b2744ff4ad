/**
 * The whole domain schema (SQLite through Drizzle). Later features add
 * behaviour, not tables. Conventions:
 * - money is integer minor units + an ISO 4217 code, never floats;
 * - instants are integer milliseconds since the epoch, UTC (`timestamp_ms`);
 * - translatable content lives in `*_translations` tables keyed by (id, lang).
 */
import { sql } from "drizzle-orm";
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { SHIPPING_ZONES } from "../app/modules/shipping/zones";
import { SESSION_CHANNELS, SESSION_KINDS, SESSION_STATUSES } from "../app/modules/programme/kinds";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull();

// ── People and access ──────────────────────────────────────────────────────

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    /** Argon2id PHC string; null means the account cannot sign in (seeded placeholder owners). */
    passwordHash: text("password_hash"),
    name: text("name").notNull(),
    role: text("role", { enum: ["owner", "organiser"] }).notNull(),
    preferredLang: text("preferred_lang").notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Fixed-window counters for abuse limits (sign-in, sign-up), keyed by e.g. "login:ip:1.2.3.4". */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
  count: integer("count").notNull(),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    detail: text("detail", { mode: "json" }),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_user_idx").on(t.userId), index("audit_created_idx").on(t.createdAt)],
);

// ── Catalogue ──────────────────────────────────────────────────────────────

export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("categories_slug_unique").on(t.slug)],
);

export const categoryTranslations = sqliteTable(
  "category_translations",
  {
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.lang] })],
);

export const STORE_STATUSES = ["pending", "live", "suspended"] as const;

export const stores = sqliteTable(
  "stores",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    ownerId: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    countryCode: text("country_code").notNull(),
    primaryCategoryId: integer("primary_category_id").references(() => categories.id),
    status: text("status", { enum: STORE_STATUSES }).notNull().default("pending"),
    statusReason: text("status_reason"),
    foundedYear: integer("founded_year"),
    featured: integer("featured", { mode: "boolean" }).notNull().default(false),
    /** Banner image, a server-chosen public path. */
    bannerUrl: text("banner_url"),
    /**
     * When the store last went live; null while it is not live. Kept by a
     * trigger (migration 0007) on every write that makes a store live, so the
     * tracker's daily series (app/modules/catalog/trend.server.ts) counts from it.
     */
    liveSince: integer("live_since", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("stores_slug_unique").on(t.slug),
    index("stores_owner_idx").on(t.ownerId),
    index("stores_status_country_idx").on(t.status, t.countryCode),
  ],
);

/** A store's own shipping rate per zone; a zone without a row uses the default (app/modules/shipping/zones.ts). */
export const storeShippingRates = sqliteTable(
  "store_shipping_rates",
  {
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    zone: text("zone", { enum: SHIPPING_ZONES }).notNull(),
    /** Per order from this store, base-currency minor units. */
    costBaseMinor: integer("cost_base_minor").notNull(),
    minDays: integer("min_days").notNull(),
    maxDays: integer("max_days").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.zone] }),
    check("store_shipping_rates_cost", sql`${t.costBaseMinor} >= 0`),
    check("store_shipping_rates_days", sql`${t.minDays} >= 0 AND ${t.maxDays} >= ${t.minDays}`),
  ],
);

export const storeTranslations = sqliteTable(
  "store_translations",
  {
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    name: text("name").notNull(),
    city: text("city").notNull(),
    tagline: text("tagline").notNull().default(""),
    story: text("story").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.lang] })],
);

export const PRODUCT_STATUSES = ["draft", "active", "archived", "suspended"] as const;

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    slug: text("slug").notNull(),
    priceMinor: integer("price_minor").notNull(),
    currency: text("currency").notNull(),
    stock: integer("stock").notNull().default(0),
    status: text("status", { enum: PRODUCT_STATUSES }).notNull().default("draft"),
    /** The owner keeps this product out of the product feeds for other platforms (app/modules/feeds). */
    feedOptOut: integer("feed_opt_out", { mode: "boolean" }).notNull().default(false),
    /**
     * The store's own stock-keeping code, unique within the store; what a bulk
     * import matches rows on (app/modules/owner/import), so importing the same
     * file again updates instead of duplicating. Null for a product made by the form.
     */
    sku: text("sku"),
    /** When the product was last made active (published); kept by a trigger (migration 0007), like stores.live_since. */
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("products_slug_unique").on(t.slug),
    // A store's visible products newest first ("more from this store" on every product page) without
    // walking every active product of the catalogue in date order to find this store's few.
    index("products_store_idx").on(t.storeId, t.status, t.createdAt),
    uniqueIndex("products_store_sku_unique").on(t.storeId, t.sku),
    index("products_category_idx").on(t.categoryId),
    index("products_status_created_idx").on(t.status, t.createdAt),
    index("products_price_idx").on(t.priceMinor),
    check("products_stock_nonnegative", sql`${t.stock} >= 0`),
    check("products_price_positive", sql`${t.priceMinor} > 0`),
  ],
);

export const productTranslations = sqliteTable(
  "product_translations",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    originNote: text("origin_note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.productId, t.lang] })],
);

export const productImages = sqliteTable(
  "product_images",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** Public URL path chosen by the server, never by the uploader. */
    url: text("url").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    position: integer("position").notNull().default(0),
    isCover: integer("is_cover", { mode: "boolean" }).notNull().default(false),
    /**
     * SHA-256 (hex) of the photo file a bulk import made this image from (null for the product form's
     * uploads and seeded art): importing the same photo again reuses the stored encodings instead of re-encoding.
     */
    sourceSha256: text("source_sha256"),
    createdAt: createdAt(),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position), index("product_images_source_idx").on(t.sourceSha256)],
);

/**
 * Uploaded files (owners' product photos, festival banners), so that every
 * app server can serve them. The key is content-addressed (a hash of the
 * image's encoded bytes, then its width: `<32 hex>-<width>.webp`), so a file
 * never changes under its key and is served with an immutable cache.
 * Written and read only through app/modules/uploads/storage.server.ts.
 * `bytes` is a blob here and a bytea on PostgreSQL.
 */
export const uploadedFiles = sqliteTable("uploaded_files", {
  key: text("key").primaryKey(),
  contentType: text("content_type").notNull(),
  bytes: blob("bytes", { mode: "buffer" }).notNull(),
  byteLength: integer("byte_length").notNull(),
  createdAt: createdAt(),
});

/**
 * A bulk import's upload, kept between its dry run and the owner's
 * confirmation so that any app server can confirm it (the confirming form
 * names the id and the digest it was shown). The files are parsed and
 * checked again on confirmation; nothing else is written before it.
 * Expired rows are deleted when the next import is uploaded.
 */
export const productImports = sqliteTable(
  "product_imports",
  {
    id: text("id").primaryKey(),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /** SHA-256 (hex) of the table file, the ZIP and the options: what the owner saw in the dry run. */
    digest: text("digest").notNull(),
    fileName: text("file_name").notNull(),
    tableBytes: blob("table_bytes", { mode: "buffer" }).notNull(),
    zipBytes: blob("zip_bytes", { mode: "buffer" }),
    /** The dry run's photo encodings (WebP widths per source photo, packed by import.server.ts), so the confirmation does not encode again. */
    encodings: blob("encodings", { mode: "buffer" }),
    publish: integer("publish", { mode: "boolean" }).notNull().default(false),
    /** Counts written on confirmation ({ created, updated, unchanged }); null until then. */
    result: text("result", { mode: "json" }).$type<{ created: number; updated: number; unchanged: number }>(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("product_imports_store_idx").on(t.storeId), index("product_imports_expires_idx").on(t.expiresAt)],
);

/** Rate = units of `quote` per one unit of `base`, times 1,000,000 (integer, no floats). */
export const exchangeRates = sqliteTable(
  "exchange_rates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    baseCurrency: text("base_currency").notNull(),
    quoteCurrency: text("quote_currency").notNull(),
    rateMicros: integer("rate_micros").notNull(),
    asOf: text("as_of").notNull(), // ISO date, YYYY-MM-DD
  },
  (t) => [
    uniqueIndex("exchange_rates_pair_date_unique").on(t.baseCurrency, t.quoteCurrency, t.asOf),
    check("exchange_rates_positive", sql`${t.rateMicros} > 0`),
  ],
);

// ── Festivals ──────────────────────────────────────────────────────────────

export const festivals = sqliteTable(
  "festivals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    /** IANA zone the festival is run from, for display; instants are UTC. */
    timeZone: text("time_zone").notNull(),
    status: text("status", { enum: ["draft", "published", "cancelled"] }).notNull().default("draft"),
    targetOrders: integer("target_orders").notNull().default(0),
    targetUnits: integer("target_units").notNull().default(0),
    targetGmvMinor: integer("target_gmv_minor").notNull().default(0),
    /** Banner image, a server-chosen public path under /uploads (null: none); its size for the <img> box. */
    /**
     * The most the organiser may pay towards deals' discounts in this festival
     * (base currency): approving a deal the organiser (co-)funds is refused when
     * the approved deals' largest possible subsidies would pass it
     * (app/modules/pricing/funding.ts).
     */
    subsidyBudgetMinor: integer("subsidy_budget_minor").notNull().default(0),
    bannerUrl: text("banner_url"),
    bannerWidth: integer("banner_width"),
    bannerHeight: integer("banner_height"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("festivals_slug_unique").on(t.slug)],
);

export const festivalTranslations = sqliteTable(
  "festival_translations",
  {
    festivalId: integer("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    name: text("name").notNull(),
    pitch: text("pitch").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.festivalId, t.lang] })],
);

export const PHASE_KINDS = ["registration", "warmup", "sale", "encore"] as const;

export const festivalPhases = sqliteTable(
  "festival_phases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    festivalId: integer("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: PHASE_KINDS }).notNull(),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("festival_phases_kind_unique").on(t.festivalId, t.kind),
    index("festival_phases_window_idx").on(t.startsAt, t.endsAt),
    check("festival_phases_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const ENROLMENT_STATUSES = ["pending", "approved", "rejected"] as const;

export const festivalEnrolments = sqliteTable(
  "festival_enrolments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    festivalId: integer("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("pending"),
    reason: text("reason"),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("festival_enrolments_unique").on(t.festivalId, t.storeId),
    index("festival_enrolments_store_idx").on(t.storeId),
  ],
);

export const festivalDeals = sqliteTable(
  "festival_deals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    enrolmentId: integer("enrolment_id")
      .notNull()
      .references(() => festivalEnrolments.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** In the product's currency (the catalogue base currency). */
    dealPriceMinor: integer("deal_price_minor").notNull(),
    committedStock: integer("committed_stock").notNull(),
    /**
     * Units sold at the deal price in pending and paid orders: taken with one
     * conditional UPDATE (never past committed_stock) in the order's
     * transaction and given back when the order expires or fails; see
     * app/modules/stock/stock.server.ts.
     */
    unitsTaken: integer("units_taken").notNull().default(0),
    perCustomerLimit: integer("per_customer_limit"),
    flashStartsAt: integer("flash_starts_at", { mode: "timestamp_ms" }),
    flashEndsAt: integer("flash_ends_at", { mode: "timestamp_ms" }),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("pending"),
    reason: text("reason"),
    /** The organiser who approved or rejected the offer, and when (the audit log says it too). */
    /**
     * Who funds the discount, chosen at approval: the organiser's share in whole
     * percent (0 the store, 100 the organiser, between: shared), and the discount
     * per unit (regular price less deal price, base currency) the share applies
     * to at most, as it was when approved. Existing deals: store-funded.
     */
    organiserSharePct: integer("organiser_share_pct").notNull().default(0),
    fundedDiscountMinor: integer("funded_discount_minor").notNull().default(0),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("festival_deals_unique").on(t.enrolmentId, t.productId),
    index("festival_deals_product_idx").on(t.productId),
    check("festival_deals_price_positive", sql`${t.dealPriceMinor} > 0`),
    check("festival_deals_committed_nonnegative", sql`${t.committedStock} >= 0`),
    check("festival_deals_units_taken_nonnegative", sql`${t.unitsTaken} >= 0`),
  ],
);

/**
 * Units one shopper (by order email) holds at a deal's price, in pending and
 * paid orders: the per-customer limit is taken from this row with one
 * conditional upsert in the order's transaction (never past the deal's
 * per_customer_limit), so two concurrent orders cannot both pass it (a read
 * then an insert could, under PostgreSQL's READ COMMITTED); given back with
 * the deal units when the order expires or fails. See
 * app/modules/stock/stock.server.ts.
 */
export const festivalDealCustomers = sqliteTable(
  "festival_deal_customers",
  {
    dealId: integer("deal_id")
      .notNull()
      .references(() => festivalDeals.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    units: integer("units").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.email] }), check("festival_deal_customers_units_nonnegative", sql`${t.units} >= 0`)],
);

// ── Festival programme: livestreams and lectures ───────────────────────────

/**
 * A festival session (app/modules/programme/): a livestream or a lecture on a
 * channel, hosted by a store or a named speaker (exactly one), inside the
 * festival's phases; no two approved sessions of a festival overlap on one
 * channel (checked by the domain in the scheduling transaction). Scheduled by
 * the organiser (approved at once) or proposed by a store's owner (pending
 * until the organiser decides). Once it has started, its window and featured
 * products are fixed, since the "session" counters count from them.
 */
export const festivalSessions = sqliteTable(
  "festival_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    festivalId: integer("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SESSION_KINDS }).notNull(),
    channel: text("channel", { enum: SESSION_CHANNELS }).notNull(),
    hostStoreId: integer("host_store_id").references(() => stores.id, { onDelete: "cascade" }),
    speakerName: text("speaker_name"),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    /** Where to watch or join: an https URL, checked by the form's schema. */
    watchUrl: text("watch_url").notNull(),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("pending"),
    reason: text("reason"),
    proposedBy: integer("proposed_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("festival_sessions_festival_idx").on(t.festivalId, t.startsAt),
    index("festival_sessions_window_idx").on(t.startsAt, t.endsAt),
    check("festival_sessions_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("festival_sessions_one_host", sql`(${t.hostStoreId} IS NULL) <> (${t.speakerName} IS NULL)`),
  ],
);

export const festivalSessionTranslations = sqliteTable(
  "festival_session_translations",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => festivalSessions.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.lang] })],
);

/** The festival products a session features (shown on its card, counted by its counters). */
export const festivalSessionProducts = sqliteTable(
  "festival_session_products",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => festivalSessions.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.productId] }), index("festival_session_products_product_idx").on(t.productId)],
);

// ── Campaign-progress counters ─────────────────────────────────────────────

export const COUNTER_SCOPES = ["campaign", "festival", "store", "country", "category", "session"] as const;
export const COUNTER_METRICS = ["orders", "units", "gmv"] as const;

/**
 * Changed only inside the transaction that marks an order paid (see
 * app/modules/counters/counters.server.ts); `npm run reconcile` checks them.
 * GMV is in the catalogue base currency's minor units. A counter may be
 * spread over several rows (`shard`), so that payments running side by side
 * on PostgreSQL do not all wait for one row's lock; its value is their sum.
 */
export const progressCounters = sqliteTable(
  "progress_counters",
  {
    scope: text("scope", { enum: COUNTER_SCOPES }).notNull(),
    scopeKey: text("scope_key").notNull(),
    metric: text("metric", { enum: COUNTER_METRICS }).notNull(),
    /** Which of the counter's rows this is (db/connection.ts `counterShards`): its value is the sum of its rows. */
    shard: integer("shard").notNull().default(0),
    value: integer("value").notNull().default(0),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeKey, t.metric, t.shard] })],
);

/**
 * What the organiser's subsidies of a festival's discounts cost so far: the
 * order lines' organiser-funded parts over paid orders, added in the
 * transaction that marks an order paid (like the counters); `npm run
 * reconcile` checks it against the lines.
 */
export const festivalSubsidyTotals = sqliteTable("festival_subsidy_totals", {
  festivalId: integer("festival_id")
    .primaryKey()
    .references(() => festivals.id, { onDelete: "cascade" }),
  paidMinor: integer("paid_minor").notNull().default(0),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

// ── Carts, orders, payments ────────────────────────────────────────────────

export const carts = sqliteTable("carts", {
  id: text("id").primaryKey(),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  /** Where the shopper landed from (utm_source / utm_medium of the link they followed), recorded when they add to the cart. */
  source: text("source"),
  medium: text("medium"),
});

export const cartLines = sqliteTable(
  "cart_lines",
  {
    cartId: text("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    /** Unit price (base currency) when added, to show "price changed since". */
    unitPriceSeenMinor: integer("unit_price_seen_minor").notNull(),
    addedAt: integer("added_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.productId] }),
    check("cart_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export const ORDER_STATUSES = ["pending", "paid", "failed", "expired", "cancelled"] as const;

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: text("number").notNull(),
    email: text("email").notNull(),
    customerName: text("customer_name").notNull(),
    shippingAddress: text("shipping_address", { mode: "json" }).notNull(),
    shippingCountry: text("shipping_country").notNull(),
    lang: text("lang").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("pending"),
    baseCurrency: text("base_currency").notNull(),
    currency: text("currency").notNull(),
    /** Rate locked when the order was priced (see exchange_rates). */
    rateMicros: integer("rate_micros").notNull(),
    rateAsOf: text("rate_as_of").notNull(),
    /** Goods plus shipping, in `currency`: exactly what the shopper is charged. */
    totalMinor: integer("total_minor").notNull(),
    /** Goods plus shipping, in the base currency (GMV counts goods only: order_lines). */
    totalBaseMinor: integer("total_base_minor").notNull(),
    shippingMinor: integer("shipping_minor").notNull().default(0),
    shippingBaseMinor: integer("shipping_base_minor").notNull().default(0),
    paymentProvider: text("payment_provider").notNull(),
    paymentRef: text("payment_ref"),
    /** The cart's landing source (utm_source / utm_medium) when the order was placed; null: none known. */
    source: text("source"),
    medium: text("medium"),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    paidAt: integer("paid_at", { mode: "timestamp_ms" }),
    stockReleasedAt: integer("stock_released_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("orders_number_unique").on(t.number),
    // Partial indexes (pending orders only; paid orders only): an order's two
    // writes then touch fewer index pages, and each page costs a WAL write.
    index("orders_pending_expires_idx").on(t.expiresAt).where(sql`status = 'pending'`),
    index("orders_email_idx").on(t.email),
    index("orders_paid_idx").on(t.paidAt).where(sql`paid_at IS NOT NULL`),
  ],
);

export const orderLines = sqliteTable(
  "order_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    /** Snapshots, so reports stay right if the product moves later. */
    categoryId: integer("category_id").notNull(),
    countryCode: text("country_code").notNull(),
    productName: text("product_name").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceBaseMinor: integer("unit_price_base_minor").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    lineTotalBaseMinor: integer("line_total_base_minor").notNull(),
    lineTotalMinor: integer("line_total_minor").notNull(),
    /**
     * Locked when the order is placed: the discount per unit (regular price less
     * the price sold at, base currency; 0 without a deal) and the part of the
     * line's discount the organiser funds (the store funds the remainder).
     */
    discountPerUnitBaseMinor: integer("discount_per_unit_base_minor").notNull().default(0),
    subsidyBaseMinor: integer("subsidy_base_minor").notNull().default(0),
    dealId: integer("deal_id").references(() => festivalDeals.id, { onDelete: "set null" }),
    festivalId: integer("festival_id").references(() => festivals.id, { onDelete: "set null" }),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    index("order_lines_store_idx").on(t.storeId),
    index("order_lines_festival_idx").on(t.festivalId).where(sql`festival_id IS NOT NULL`),
    check("order_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/** Each store's part of an order's shipping, priced when the order was placed. */
export const orderShipments = sqliteTable(
  "order_shipments",
  {
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    zone: text("zone", { enum: SHIPPING_ZONES }).notNull(),
    costBaseMinor: integer("cost_base_minor").notNull(),
    costMinor: integer("cost_minor").notNull(),
    minDays: integer("min_days").notNull(),
    maxDays: integer("max_days").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.storeId] })],
);

/** Line states after payment; a paid line with no fulfilment row has not shipped yet. */
export const FULFILMENT_STATUSES = ["shipped", "delivered"] as const;

/**
 * An order line's shipping, set by the owner of the line's store: shipped with
 * a carrier and tracking number, then delivered. Kept beside order_lines (not
 * in it) so the order's own columns and the checkout stay as they are.
 */
export const orderLineFulfilments = sqliteTable("order_line_fulfilments", {
  lineId: integer("line_id")
    .primaryKey()
    .references(() => orderLines.id, { onDelete: "cascade" }),
  status: text("status", { enum: FULFILMENT_STATUSES }).notNull(),
  carrier: text("carrier").notNull(),
  trackingNumber: text("tracking_number").notNull(),
  shippedAt: integer("shipped_at", { mode: "timestamp_ms" }).notNull(),
  deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
});

export const paymentEvents = sqliteTable(
  "payment_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    provider: text("provider").notNull(),
    providerEventId: text("provider_event_id").notNull(),
    type: text("type").notNull(),
    orderId: integer("order_id").references(() => orders.id, { onDelete: "set null" }),
    payload: text("payload", { mode: "json" }),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("payment_events_provider_event_unique").on(t.provider, t.providerEventId)],
);

// ── Site state shared by every server process ──────────────────────────────

/**
 * One row (id = 1). `content_version` goes up whenever something a shared
 * page shows changes (database triggers in migration 0004 bump it, so no
 * write path can forget); every server process compares it with the version
 * its page cache was filled at (app/modules/http/page-cache.server.ts).
 * `clock_offset_ms` is the test clock's offset, so every process reads the
 * same "now" (only ever non-zero under NODE_ENV=test with TEST_CLOCK=1).
 */
export const siteState = sqliteTable(
  "site_state",
  {
    id: integer("id").primaryKey(),
    contentVersion: integer("content_version").notNull().default(0),
    clockOffsetMs: integer("clock_offset_ms").notNull().default(0),
    /**
     * The campaign's window for the 100-store / 1,000-product targets: the
     * tracker expects linear progress between these instants and flags a
     * target that is behind. Null until set (the seed sets them).
     */
    campaignStartsAt: integer("campaign_starts_at", { mode: "timestamp_ms" }),
    campaignEndsAt: integer("campaign_ends_at", { mode: "timestamp_ms" }),
  },
  (t) => [check("site_state_one_row", sql`${t.id} = 1`)],
);
