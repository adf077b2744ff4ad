import { execFileSync } from "node:child_process";
import { count, countDistinct, eq, sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { db, rows, schema } from "~/db.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";
import type { Lang } from "~/modules/i18n/config";
import { closeDatabase, type AppDatabase } from "../../db/connection";
import { PARTIAL_TRANSLATIONS } from "../../db/seed/seed";
import { emptyDatabase } from "./fixtures";

const one = async (query: Promise<{ n: number }[]>) => (await query)[0].n;

describe("the seeded showcase", () => {
  it("holds exactly 100 stores from at least 40 countries and 1,000 products", async () => {
    expect(await one(db.select({ n: count() }).from(schema.stores))).toBe(100);
    expect(await one(db.select({ n: countDistinct(schema.stores.countryCode) }).from(schema.stores))).toBeGreaterThanOrEqual(40);
    expect(await one(db.select({ n: count() }).from(schema.products))).toBe(1000);
    expect(await one(db.select({ n: countDistinct(schema.products.categoryId) }).from(schema.products))).toBeGreaterThanOrEqual(10);
  });

  it("gives every store and product content in all six languages", async () => {
    const storeLangs = await db
      .select({ id: schema.storeTranslations.storeId, n: count() })
      .from(schema.storeTranslations)
      .groupBy(schema.storeTranslations.storeId);
    expect(storeLangs).toHaveLength(100);
    expect(storeLangs.every((r) => r.n === 6)).toBe(true);
    const productLangs = await db
      .select({ id: schema.productTranslations.productId, n: count() })
      .from(schema.productTranslations)
      .groupBy(schema.productTranslations.productId);
    expect(productLangs).toHaveLength(1000);
    expect(productLangs.every((r) => r.n === 6)).toBe(true);
    // Written, not tagged: no "[zh]"-style placeholders and no empty fields.
    // Only the products the seed marks as partly translated lack a description (issue 13, point 5).
    const slugs = new Map((await db.select({ id: schema.products.id, slug: schema.products.slug }).from(schema.products)).map((p) => [p.id, p.slug]));
    const partial = (t: { productId: number; lang: string }) => PARTIAL_TRANSLATIONS[slugs.get(t.productId)!]?.includes(t.lang as Lang) ?? false;
    const texts = await db.select().from(schema.productTranslations);
    expect(
      texts.filter((t) => !t.name.trim() || (!t.description.trim() && !partial(t)) || /\[(en|zh|fr|ar|pt|sw)\]|\{\w+\}/.test(t.name + t.description)),
    ).toEqual([]);
    const zhNames = texts.filter((t) => t.lang === "zh").map((t) => t.name);
    expect(zhNames.every((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    const arNames = texts.filter((t) => t.lang === "ar").map((t) => t.name);
    expect(arNames.every((n) => /[\u0600-\u06ff]/.test(n))).toBe(true);
  });

  it("has one ended, one live and one upcoming festival, with deals", async () => {
    const { listFestivals } = await import("~/modules/festivals/festivals.server");
    const states = (await listFestivals("en", Date.now())).map((f) => f.clock.state).sort();
    expect(states).toEqual(["ended", "live", "upcoming"]);
    expect(await one(db.select({ n: count() }).from(schema.festivalDeals))).toBeGreaterThan(0);
  });

  it("has paid sample orders, and counters equal to what they add up to", async () => {
    const paid = await one(db.select({ n: count() }).from(schema.orders).where(eq(schema.orders.status, "paid")));
    expect(paid).toBeGreaterThan(50);
    expect((await readCounters("campaign", ["all"])).get("all")!.orders).toBe(paid);
    expect(await reconcileCounters()).toEqual([]);
  });

  it("never leaves stock below zero", async () => {
    const negative = (await db.select().from(schema.products)).filter((p) => p.stock < 0);
    expect(negative).toEqual([]);
  });
});

/** Every table's rows (but the search index's), each table's sorted as text: equal dumps, equal content. */
async function dump(database: { open: () => AppDatabase }): Promise<string> {
  const handle = database.open();
  try {
    const server = inject("postgresServer");
    // SQLite-only: its catalogue of tables; PostgreSQL's counterpart is information_schema (the migrator's table is in its own schema).
    const tables = await rows<{ name: string }>(
      handle,
      server
        ? sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'search\\_%' ORDER BY table_name`
        : sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'search\\_%' ESCAPE '\\' ORDER BY name`,
    );
    const out: string[] = [];
    for (const { name } of tables) {
      const all = (await rows<Record<string, unknown>>(handle, sql.raw(`SELECT * FROM "${name}"`))).map((r) => JSON.stringify(r)).sort();
      out.push(`${name}\n${all.join("\n")}`);
    }
    return out.join("\n");
  } finally {
    await closeDatabase(handle);
  }
}

function seedInto(database: { env: Record<string, string> }) {
  execFileSync(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
    env: { ...process.env, ...database.env, SEED_DATE: "2026-11-20", SEED_SCALE: "1" },
    stdio: "pipe",
  });
}

describe("seeding", () => {
  it("gives identical content twice from empty, and a second run adds nothing", async () => {
    const a = await emptyDatabase("seed_a");
    const b = await emptyDatabase("seed_b");
    seedInto(a);
    seedInto(b);
    const first = await dump(a);
    expect(first.length).toBeGreaterThan(100_000);
    expect(await dump(b)).toBe(first);
    seedInto(a); // like a second `npm start`
    expect(await dump(a)).toBe(first);
  }, 120_000);
});
