/**
 * Issue 11, point 2: cached shared pages never show a price that no longer
 * applies. Through the real server (page cache in front): the app clock moved
 * across a sale phase's start and end and a flash window changes the cached
 * product page's price at once; an entry never outlives the next phase
 * boundary, at the CDN either; an owner's edit and a sold-out deal show on
 * the very next request.
 */
import { and, asc, eq, gt, isNull, lt, lte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "../../db/connection";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { schema, transact, type AppDatabase } from "~/db.server";
import { startTestServer, type TestServer } from "../browser/harness";

let server: TestServer;
/** The server's database, on the engine this run tests. */
let db: AppDatabase;
beforeAll(async () => {
  server = await startTestServer({ NODE_ENV: "test", TEST_CLOCK: "1" });
  db = server.openDatabase();
});
afterAll(async () => {
  if (db) await closeDatabase(db);
  await server?.stop();
});

interface LiveDeal {
  dealId: number;
  slug: string;
  saleStart: number;
  saleEnd: number;
}

const { festivalDeals: d, festivalEnrolments: e, festivals: f, festivalPhases: ph, products: p, stores: s } = schema;

/** Approved deals of the festival whose sale is on now, with their product and the sale's bounds. */
async function liveDeals(): Promise<LiveDeal[]> {
  const now = new Date();
  const found = await db
    .select({ dealId: d.id, slug: p.slug, saleStart: ph.startsAt, saleEnd: ph.endsAt })
    .from(d)
    .innerJoin(e, and(eq(e.id, d.enrolmentId), eq(e.status, "approved")))
    .innerJoin(f, and(eq(f.id, e.festivalId), eq(f.status, "published")))
    .innerJoin(ph, and(eq(ph.festivalId, f.id), eq(ph.kind, "sale")))
    .innerJoin(p, and(eq(p.id, d.productId), eq(p.status, "active")))
    .innerJoin(s, and(eq(s.id, p.storeId), eq(s.status, "live")))
    .where(
      and(
        eq(d.status, "approved"),
        isNull(d.flashStartsAt),
        lt(d.unitsTaken, d.committedStock),
        lte(ph.startsAt, now),
        gt(ph.endsAt, now),
        gt(p.stock, 5),
      ),
    )
    .orderBy(asc(d.id));
  return found.map((r) => ({ ...r, saleStart: r.saleStart.getTime(), saleEnd: r.saleEnd.getTime() }));
}

async function setClock(at: number | null) {
  const res = await fetch(`${server.url}/test-clock`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams(at === null ? { reset: "1" } : { at: new Date(at).toISOString() }),
  });
  expect(res.status).toBe(200);
}

const page = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { res, html: await res.text() };
};
const showsDealPrice = async (slug: string) => (await page(`/products/${slug}`)).html.includes("price--deal price--big");

describe("cached pages and prices", () => {
  it("change price at once when the app clock crosses a sale phase's start and end", async () => {
    const [deal] = await liveDeals();
    expect(await showsDealPrice(deal.slug)).toBe(true);
    expect(await showsDealPrice(deal.slug)).toBe(true); // now from the cache
    await setClock(deal.saleEnd + 60_000);
    expect(await showsDealPrice(deal.slug)).toBe(false);
    await setClock(deal.saleStart - 60_000);
    expect(await showsDealPrice(deal.slug)).toBe(false);
    await setClock(deal.saleStart + 60_000);
    expect(await showsDealPrice(deal.slug)).toBe(true);
    await setClock(null);
  });

  it("follow a flash window: regular before, flash price inside, regular after", async () => {
    const [, deal] = await liveDeals();
    const start = Date.now() + 3_600_000;
    await transact(db, (tx) =>
      tx
        .update(d)
        .set({ flashStartsAt: new Date(start), flashEndsAt: new Date(start + 3_600_000) })
        .where(eq(d.id, deal.dealId)),
    );
    expect(await showsDealPrice(deal.slug)).toBe(false);
    await setClock(start + 60_000);
    expect(await showsDealPrice(deal.slug)).toBe(true);
    await setClock(start + 3_600_000 + 60_000);
    expect(await showsDealPrice(deal.slug)).toBe(false);
    await setClock(null);
  });

  it("never outlive the next phase boundary, for the app's cache or a CDN", async () => {
    const [deal] = await liveDeals();
    await setClock(deal.saleEnd - 10_000);
    const { res } = await page(`/products/${deal.slug}`);
    const cacheControl = res.headers.get("Cache-Control") ?? "";
    expect(Number(/s-maxage=(\d+)/.exec(cacheControl)?.[1])).toBeLessThanOrEqual(10);
    expect(cacheControl).not.toContain("stale-while-revalidate");
    await setClock(null);
  });

  it("show a sold-out deal on the next request", async () => {
    const [, , deal] = await liveDeals();
    expect(await showsDealPrice(deal.slug)).toBe(true);
    // What the last order for the deal's units does (app/modules/stock): the units are all taken.
    await transact(db, (tx) => tx.update(d).set({ unitsTaken: sql`${d.committedStock}` }).where(eq(d.id, deal.dealId)));
    const { html } = await page(`/products/${deal.slug}`);
    expect(html).not.toContain("price--deal price--big");
    expect(html).toContain('deal-units--out');
  });

  it("show an owner's edit on the next request", async () => {
    const jar: string[] = [];
    const login = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      body: new URLSearchParams({ email: "fatima@silkroad.example", password: DEMO_PASSWORDS.owner }),
      redirect: "manual",
    });
    for (const c of login.headers.getSetCookie()) jar.push(c.split(";")[0]);
    const [product] = await db
      .select({ id: p.id, slug: p.slug, store: s.slug, category: schema.categories.slug, price: p.priceMinor, stock: p.stock })
      .from(p)
      .innerJoin(s, eq(s.id, p.storeId))
      .innerJoin(schema.users, eq(schema.users.id, s.ownerId))
      .innerJoin(schema.categories, eq(schema.categories.id, p.categoryId))
      .where(and(eq(schema.users.email, "fatima@silkroad.example"), eq(p.status, "active"), eq(s.status, "live")))
      .orderBy(asc(p.id))
      .limit(1);
    expect((await page(`/products/${product.slug}`)).html).not.toContain("Renamed While Cached");
    const edit = await fetch(`${server.url}/dashboard/stores/${product.store}/products/${product.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: jar.join("; ") },
      body: new URLSearchParams({
        name_en: "Renamed While Cached",
        category: product.category,
        price: (product.price / 100).toFixed(2),
        stock: String(product.stock),
      }),
      redirect: "manual",
    });
    expect(edit.status).toBe(302);
    expect((await page(`/products/${product.slug}`)).html).toContain("Renamed While Cached");
  });
});
