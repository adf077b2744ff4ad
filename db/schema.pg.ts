/**
 * The PostgreSQL mirror of db/schema.ts: the same tables, column names,
 * keys, indexes and checks, and the same TypeScript types, so a query the
 * domain writes against db/schema.ts runs unchanged on either engine
 * (docs/decisions/0028-two-engines-one-data-layer.md). Comments on what each
 * column means live in db/schema.ts; change both files together
 * (db/schema-parity.test.ts fails when they drift), then `npm run db:generate`.
 *
 * The types differ where PostgreSQL has a better one: instants are
 * `timestamptz(3)` (read back as `Date`, as SQLite's `timestamp_ms`),
 * flags `boolean`, JSON `jsonb`, generated ids identity columns (BY DEFAULT,
 * so a fixture may still give an id), and money in minor units, rates in
 * micros, counter values, the content version and the test clock's offset
 * `bigint` read as numbers (an order in a currency with small units passes
 * 2^31 minor units; 2^31 ms is under a month).
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { SHIPPING_ZONES } from "../app/modules/shipping/zones";
import { SESSION_CHANNELS, SESSION_KINDS, SESSION_STATUSES } from "../app/modules/programme/kinds";
import {
  STORE_STATUSES,
  PRODUCT_STATUSES,
  PHASE_KINDS,
  ENROLMENT_STATUSES,
  COUNTER_METRICS,
  COUNTER_SCOPES,
  ORDER_STATUSES,
  FULFILMENT_STATUSES,
} from "./schema";

export {
  STORE_STATUSES,
  PRODUCT_STATUSES,
  PHASE_KINDS,
  ENROLMENT_STATUSES,
  COUNTER_METRICS,
  COUNTER_SCOPES,
  ORDER_STATUSES,
  FULFILMENT_STATUSES,
};

const instant = (name: string) => timestamp(name, { mode: "date", precision: 3, withTimezone: true });

const createdAt = () => instant("created_at").notNull();

/** Bytes as a Node Buffer, as SQLite's `blob({ mode: "buffer" })` gives them. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    passwordHash: text("password_hash"),
    name: text("name").notNull(),
    role: text("role", { enum: ["owner", "organiser"] }).notNull(),
    preferredLang: text("preferred_lang").notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: instant("window_start").notNull(),
  count: integer("count").notNull(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    detail: jsonb("detail"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_user_idx").on(t.userId), index("audit_created_idx").on(t.createdAt)],
);

export const categories = pgTable(
  "categories",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [uniqueIndex("categories_slug_unique").on(t.slug)],
);

export const categoryTranslations = pgTable(
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

export const stores = pgTable(
  "stores",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull(),
    ownerId: integer("owner_id").references(() => users.id, { onDelete: "set null" }),
    countryCode: text("country_code").notNull(),
    primaryCategoryId: integer("primary_category_id").references(() => categories.id),
    status: text("status", { enum: STORE_STATUSES }).notNull().default("pending"),
    statusReason: text("status_reason"),
    foundedYear: integer("founded_year"),
    featured: boolean("featured").notNull().default(false),
    bannerUrl: text("banner_url"),
    liveSince: instant("live_since"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("stores_slug_unique").on(t.slug),
    index("stores_owner_idx").on(t.ownerId),
    index("stores_status_country_idx").on(t.status, t.countryCode),
  ],
);

export const storeShippingRates = pgTable(
  "store_shipping_rates",
  {
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    zone: text("zone", { enum: SHIPPING_ZONES }).notNull(),
    costBaseMinor: bigint("cost_base_minor", { mode: "number" }).notNull(),
    minDays: integer("min_days").notNull(),
    maxDays: integer("max_days").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.zone] }),
    check("store_shipping_rates_cost", sql`${t.costBaseMinor} >= 0`),
    check("store_shipping_rates_days", sql`${t.minDays} >= 0 AND ${t.maxDays} >= ${t.minDays}`),
  ],
);

export const storeTranslations = pgTable(
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

export const products = pgTable(
  "products",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    slug: text("slug").notNull(),
    priceMinor: bigint("price_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    stock: integer("stock").notNull().default(0),
    status: text("status", { enum: PRODUCT_STATUSES }).notNull().default("draft"),
    /** The owner keeps this product out of the product feeds for other platforms (app/modules/feeds). */
    feedOptOut: boolean("feed_opt_out").notNull().default(false),
    sku: text("sku"),
    publishedAt: instant("published_at"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
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

export const productTranslations = pgTable(
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

export const productImages = pgTable(
  "product_images",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    position: integer("position").notNull().default(0),
    isCover: boolean("is_cover").notNull().default(false),
    /**
     * SHA-256 (hex) of the photo file a bulk import made this image from (null for the product form's
     * uploads and seeded art): importing the same photo again reuses the stored encodings instead of re-encoding.
     */
    sourceSha256: text("source_sha256"),
    createdAt: createdAt(),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position), index("product_images_source_idx").on(t.sourceSha256)],
);

export const uploadedFiles = pgTable("uploaded_files", {
  key: text("key").primaryKey(),
  contentType: text("content_type").notNull(),
  bytes: bytea("bytes").notNull(),
  byteLength: integer("byte_length").notNull(),
  createdAt: createdAt(),
});

export const productImports = pgTable(
  "product_imports",
  {
    id: text("id").primaryKey(),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    digest: text("digest").notNull(),
    fileName: text("file_name").notNull(),
    tableBytes: bytea("table_bytes").notNull(),
    zipBytes: bytea("zip_bytes"),
    /** The dry run's photo encodings (WebP widths per source photo, packed by import.server.ts), so the confirmation does not encode again. */
    encodings: bytea("encodings"),
    publish: boolean("publish").notNull().default(false),
    result: jsonb("result").$type<{ created: number; updated: number; unchanged: number }>(),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    completedAt: instant("completed_at"),
  },
  (t) => [index("product_imports_store_idx").on(t.storeId), index("product_imports_expires_idx").on(t.expiresAt)],
);

export const exchangeRates = pgTable(
  "exchange_rates",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    baseCurrency: text("base_currency").notNull(),
    quoteCurrency: text("quote_currency").notNull(),
    rateMicros: bigint("rate_micros", { mode: "number" }).notNull(),
    asOf: text("as_of").notNull(),
  },
  (t) => [
    uniqueIndex("exchange_rates_pair_date_unique").on(t.baseCurrency, t.quoteCurrency, t.asOf),
    check("exchange_rates_positive", sql`${t.rateMicros} > 0`),
  ],
);

export const festivals = pgTable(
  "festivals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull(),
    timeZone: text("time_zone").notNull(),
    status: text("status", { enum: ["draft", "published", "cancelled"] })
      .notNull()
      .default("draft"),
    targetOrders: integer("target_orders").notNull().default(0),
    targetUnits: integer("target_units").notNull().default(0),
    targetGmvMinor: bigint("target_gmv_minor", { mode: "number" }).notNull().default(0),
    /**
     * The most the organiser may pay towards deals' discounts in this festival
     * (base currency): approving a deal the organiser (co-)funds is refused when
     * the approved deals' largest possible subsidies would pass it
     * (app/modules/pricing/funding.ts).
     */
    subsidyBudgetMinor: bigint("subsidy_budget_minor", { mode: "number" }).notNull().default(0),
    bannerUrl: text("banner_url"),
    bannerWidth: integer("banner_width"),
    bannerHeight: integer("banner_height"),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("festivals_slug_unique").on(t.slug)],
);

export const festivalTranslations = pgTable(
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

export const festivalPhases = pgTable(
  "festival_phases",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    festivalId: integer("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: PHASE_KINDS }).notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
  },
  (t) => [
    uniqueIndex("festival_phases_kind_unique").on(t.festivalId, t.kind),
    index("festival_phases_window_idx").on(t.startsAt, t.endsAt),
    check("festival_phases_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const festivalEnrolments = pgTable(
  "festival_enrolments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    festivalId: integer("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("pending"),
    reason: text("reason"),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: instant("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("festival_enrolments_unique").on(t.festivalId, t.storeId),
    index("festival_enrolments_store_idx").on(t.storeId),
  ],
);

export const festivalDeals = pgTable(
  "festival_deals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    enrolmentId: integer("enrolment_id")
      .notNull()
      .references(() => festivalEnrolments.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    dealPriceMinor: bigint("deal_price_minor", { mode: "number" }).notNull(),
    committedStock: integer("committed_stock").notNull(),
    unitsTaken: integer("units_taken").notNull().default(0),
    perCustomerLimit: integer("per_customer_limit"),
    flashStartsAt: instant("flash_starts_at"),
    flashEndsAt: instant("flash_ends_at"),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("pending"),
    reason: text("reason"),
    /**
     * Who funds the discount, chosen at approval: the organiser's share in whole
     * percent (0 the store, 100 the organiser, between: shared), and the discount
     * per unit (regular price less deal price, base currency) the share applies
     * to at most, as it was when approved. Existing deals: store-funded.
     */
    organiserSharePct: integer("organiser_share_pct").notNull().default(0),
    fundedDiscountMinor: bigint("funded_discount_minor", { mode: "number" }).notNull().default(0),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: instant("decided_at"),
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

export const festivalDealCustomers = pgTable(
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

export const festivalSessions = pgTable(
  "festival_sessions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    festivalId: integer("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SESSION_KINDS }).notNull(),
    channel: text("channel", { enum: SESSION_CHANNELS }).notNull(),
    hostStoreId: integer("host_store_id").references(() => stores.id, { onDelete: "cascade" }),
    speakerName: text("speaker_name"),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    watchUrl: text("watch_url").notNull(),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("pending"),
    reason: text("reason"),
    proposedBy: integer("proposed_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: instant("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("festival_sessions_festival_idx").on(t.festivalId, t.startsAt),
    index("festival_sessions_window_idx").on(t.startsAt, t.endsAt),
    check("festival_sessions_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("festival_sessions_one_host", sql`(${t.hostStoreId} IS NULL) <> (${t.speakerName} IS NULL)`),
  ],
);

export const festivalSessionTranslations = pgTable(
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

export const festivalSessionProducts = pgTable(
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

export const progressCounters = pgTable(
  "progress_counters",
  {
    scope: text("scope", { enum: COUNTER_SCOPES }).notNull(),
    scopeKey: text("scope_key").notNull(),
    metric: text("metric", { enum: COUNTER_METRICS }).notNull(),
    /** Which of the counter's rows this is (db/connection.ts `counterShards`): its value is the sum of its rows. */
    shard: integer("shard").notNull().default(0),
    value: bigint("value", { mode: "number" }).notNull().default(0),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeKey, t.metric, t.shard] })],
);

/**
 * What the organiser's subsidies of a festival's discounts cost so far: the
 * order lines' organiser-funded parts over paid orders, added in the
 * transaction that marks an order paid (like the counters); `npm run
 * reconcile` checks it against the lines.
 */
export const festivalSubsidyTotals = pgTable("festival_subsidy_totals", {
  festivalId: integer("festival_id")
    .primaryKey()
    .references(() => festivals.id, { onDelete: "cascade" }),
  paidMinor: bigint("paid_minor", { mode: "number" }).notNull().default(0),
  updatedAt: instant("updated_at").notNull(),
});

export const carts = pgTable("carts", {
  id: text("id").primaryKey(),
  createdAt: createdAt(),
  updatedAt: instant("updated_at").notNull(),
  /** Where the shopper landed from (utm_source / utm_medium of the link they followed), recorded when they add to the cart. */
  source: text("source"),
  medium: text("medium"),
});

export const cartLines = pgTable(
  "cart_lines",
  {
    cartId: text("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    unitPriceSeenMinor: bigint("unit_price_seen_minor", { mode: "number" }).notNull(),
    addedAt: instant("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.productId] }), check("cart_lines_quantity_positive", sql`${t.quantity} > 0`)],
);

export const orders = pgTable(
  "orders",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    number: text("number").notNull(),
    email: text("email").notNull(),
    customerName: text("customer_name").notNull(),
    shippingAddress: jsonb("shipping_address").notNull(),
    shippingCountry: text("shipping_country").notNull(),
    lang: text("lang").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("pending"),
    baseCurrency: text("base_currency").notNull(),
    currency: text("currency").notNull(),
    rateMicros: bigint("rate_micros", { mode: "number" }).notNull(),
    rateAsOf: text("rate_as_of").notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    totalBaseMinor: bigint("total_base_minor", { mode: "number" }).notNull(),
    shippingMinor: bigint("shipping_minor", { mode: "number" }).notNull().default(0),
    shippingBaseMinor: bigint("shipping_base_minor", { mode: "number" }).notNull().default(0),
    paymentProvider: text("payment_provider").notNull(),
    paymentRef: text("payment_ref"),
    /** The cart's landing source (utm_source / utm_medium) when the order was placed; null: none known. */
    source: text("source"),
    medium: text("medium"),
    expiresAt: instant("expires_at").notNull(),
    paidAt: instant("paid_at"),
    stockReleasedAt: instant("stock_released_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("orders_number_unique").on(t.number),
    index("orders_pending_expires_idx")
      .on(t.expiresAt)
      .where(sql`status = 'pending'`),
    index("orders_email_idx").on(t.email),
    index("orders_paid_idx")
      .on(t.paidAt)
      .where(sql`paid_at IS NOT NULL`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    categoryId: integer("category_id").notNull(),
    countryCode: text("country_code").notNull(),
    productName: text("product_name").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceBaseMinor: bigint("unit_price_base_minor", { mode: "number" }).notNull(),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    lineTotalBaseMinor: bigint("line_total_base_minor", { mode: "number" }).notNull(),
    lineTotalMinor: bigint("line_total_minor", { mode: "number" }).notNull(),
    /**
     * Locked when the order is placed: the discount per unit (regular price less
     * the price sold at, base currency; 0 without a deal) and the part of the
     * line's discount the organiser funds (the store funds the remainder).
     */
    discountPerUnitBaseMinor: bigint("discount_per_unit_base_minor", { mode: "number" }).notNull().default(0),
    subsidyBaseMinor: bigint("subsidy_base_minor", { mode: "number" }).notNull().default(0),
    dealId: integer("deal_id").references(() => festivalDeals.id, { onDelete: "set null" }),
    festivalId: integer("festival_id").references(() => festivals.id, { onDelete: "set null" }),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    index("order_lines_store_idx").on(t.storeId),
    index("order_lines_festival_idx")
      .on(t.festivalId)
      .where(sql`festival_id IS NOT NULL`),
    check("order_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export const orderShipments = pgTable(
  "order_shipments",
  {
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id),
    zone: text("zone", { enum: SHIPPING_ZONES }).notNull(),
    costBaseMinor: bigint("cost_base_minor", { mode: "number" }).notNull(),
    costMinor: bigint("cost_minor", { mode: "number" }).notNull(),
    minDays: integer("min_days").notNull(),
    maxDays: integer("max_days").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.storeId] })],
);

export const orderLineFulfilments = pgTable("order_line_fulfilments", {
  lineId: integer("line_id")
    .primaryKey()
    .references(() => orderLines.id, { onDelete: "cascade" }),
  status: text("status", { enum: FULFILMENT_STATUSES }).notNull(),
  carrier: text("carrier").notNull(),
  trackingNumber: text("tracking_number").notNull(),
  shippedAt: instant("shipped_at").notNull(),
  deliveredAt: instant("delivered_at"),
  updatedBy: integer("updated_by").references(() => users.id, { onDelete: "set null" }),
});

export const paymentEvents = pgTable(
  "payment_events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    provider: text("provider").notNull(),
    providerEventId: text("provider_event_id").notNull(),
    type: text("type").notNull(),
    orderId: integer("order_id").references(() => orders.id, { onDelete: "set null" }),
    payload: jsonb("payload"),
    receivedAt: instant("received_at").notNull(),
  },
  (t) => [uniqueIndex("payment_events_provider_event_unique").on(t.provider, t.providerEventId)],
);

export const siteState = pgTable(
  "site_state",
  {
    id: integer("id").primaryKey(),
    contentVersion: bigint("content_version", { mode: "number" }).notNull().default(0),
    clockOffsetMs: bigint("clock_offset_ms", { mode: "number" }).notNull().default(0),
    campaignStartsAt: instant("campaign_starts_at"),
    campaignEndsAt: instant("campaign_ends_at"),
  },
  (t) => [check("site_state_one_row", sql`${t.id} = 1`)],
);
