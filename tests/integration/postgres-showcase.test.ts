/**
 * PostgreSQL only (DATABASE_URL set, as in `npm test`'s PostgreSQL pass):
 * what `DATABASE_URL=postgres://… npm start` does to an empty database —
 * migrate (db/migrations-pg) and seed, through scripts/prepare-database.ts,
 * the same function `npm start` calls — gives the same showcase as on
 * SQLite: 100 stores, 1,000 products, paid sample orders whose counters
 * equal what they add up to (and `reconcile` finds no drift), and the built
 * app serves its pages from that database. A second run adds nothing.
 * Proven by counting rows and reading the pages.
 */
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createEmptyPostgresDatabase } from "../setup/postgres";

const server = inject("postgresServer");

describe.skipIf(!server)("DATABASE_URL=postgres://… npm start on an empty database", () => {
  // Imported after DATABASE_URL names the fresh database: the app opens its database on import.
  let app: typeof import("~/db.server");
  let prepareDatabase: typeof import("../../scripts/prepare-database").prepareDatabase;
  const logged: string[] = [];

  beforeAll(async () => {
    process.env.DATABASE_URL = await createEmptyPostgresDatabase(server, inject("baseDb"), "showcase");
    app = await import("~/db.server");
    ({ prepareDatabase } = await import("../../scripts/prepare-database"));
    expect(await prepareDatabase({ log: (m) => logged.push(m) })).toEqual({ seeded: true });
  }, 120_000);

  it("runs on PostgreSQL, never on a SQLite file", () => {
    expect(app.isPostgres(app.db)).toBe(true);
    expect(logged.join("\n")).toMatch(/^Empty database \(PostgreSQL database "[a-z0-9_]+"\): seeding…/);
    expect(logged.join("\n")).toMatch(/Seeded 100 stores from \d+ countries, 1000 products, \d+ paid orders\./);
  });

  it("holds 100 stores from at least 40 countries, 1,000 products, each in six languages", async () => {
    const { db, schema } = app;
    const [stores] = await db.select({ n: count() }).from(schema.stores);
    const [products] = await db.select({ n: count() }).from(schema.products);
    const [productTexts] = await db.select({ n: count() }).from(schema.productTranslations);
    const countries = await db.selectDistinct({ code: schema.stores.countryCode }).from(schema.stores);
    expect({ stores: stores.n, products: products.n, productTexts: productTexts.n }).toEqual({
      stores: 100,
      products: 1000,
      productTexts: 6000,
    });
    expect(countries.length).toBeGreaterThanOrEqual(40);
  });

  it("has the planner's statistics of the seeded tables at once (ANALYZE after the seed, not autovacuum's later)", async () => {
    const tables = ["stores", "products", "product_translations", "store_translations", "product_images"];
    const analysed = await app.rows<{ relname: string; analysed: number; rowsSeen: number }>(
      app.db,
      sql`SELECT s.relname, (s.last_analyze IS NOT NULL)::int AS analysed, c.reltuples::int AS "rowsSeen"
          FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
          WHERE s.relname IN ${tables} ORDER BY s.relname`,
    );
    const counted = await Promise.all(
      tables.map(async (t) => (await app.rows<{ n: number }>(app.db, sql`SELECT count(*) AS n FROM ${sql.identifier(t)}`))[0].n),
    );
    expect(analysed).toEqual(
      tables
        .map((t, i) => ({ relname: t, analysed: 1, rowsSeen: counted[i] }))
        .sort((a, b) => a.relname.localeCompare(b.relname)),
    );
  });

  it("has paid sample orders, counters equal to what they add up to, and reconcile finds no drift", async () => {
    const { db, schema } = app;
    const [paid] = await db.select({ n: count() }).from(schema.orders).where(eq(schema.orders.status, "paid"));
    expect(paid.n).toBeGreaterThan(50);
    const { readCounters, reconcileCounters } = await import("~/modules/counters/counters.server");
    expect((await readCounters("campaign", ["all"])).get("all")!.orders).toBe(paid.n);
    const { reconcileDealCustomers, reconcileDealUnits } = await import("~/modules/stock/stock.server");
    const { checkLineSplits, reconcileSubsidies } = await import("~/modules/festivals/funding.server");
    expect({
      counters: await reconcileCounters(),
      dealUnits: await reconcileDealUnits(),
      dealCustomers: await reconcileDealCustomers(),
      subsidies: await reconcileSubsidies(),
      lineSplits: await checkLineSplits(),
    }).toEqual({ counters: [], dealUnits: [], dealCustomers: [], subsidies: [], lineSplits: [] });
  });

  it("serves the showcase from it: home, a product, the Chinese catalogue and the live festival", async () => {
    const { appHandler, Shopper } = await import("./http-client");
    const handle = await appHandler();
    const { db, schema } = app;
    const [product] = await db.select({ slug: schema.products.slug }).from(schema.products).orderBy(schema.products.id).limit(1);
    const { listFestivals } = await import("~/modules/festivals/festivals.server");
    const live = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live");
    expect(live).toBeDefined();
    const pages = ["/", `/products/${product.slug}`, "/zh/products", `/festivals/${live!.slug}`];
    const seen: Record<string, { status: number; cards: number }> = {};
    for (const page of pages) {
      const res = await new Shopper().get(page, handle);
      const html = await res.text();
      seen[page] = { status: res.status, cards: html.match(/class="(product|deal)-card[" ]/g)?.length ?? 0 };
    }
    expect(Object.values(seen).map((s) => s.status)).toEqual([200, 200, 200, 200]);
    expect(seen["/zh/products"].cards).toBeGreaterThan(0);
    expect(seen[`/festivals/${live!.slug}`].cards).toBeGreaterThan(0);
  });

  it("adds nothing on a second start", async () => {
    expect(await prepareDatabase({ log: () => {} })).toEqual({ seeded: false });
    const [stores] = await app.db.select({ n: count() }).from(app.schema.stores);
    expect(stores.n).toBe(100);
  });
});
