/**
 * Issue 11, point 2: cached shared pages never show a price that no longer
 * applies. Through the real server (page cache in front): the app clock moved
 * across a sale phase's start and end and a flash window changes the cached
 * product page's price at once; an entry never outlives the next phase
 * boundary, at the CDN either; an owner's edit and a sold-out deal show on
 * the very next request.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { startTestServer, type TestServer } from "../browser/harness";

let server: TestServer;
let db: Database.Database;
beforeAll(async () => {
  server = await startTestServer({ NODE_ENV: "test", TEST_CLOCK: "1" });
  db = new Database(server.databasePath);
  db.pragma("busy_timeout = 5000");
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

interface LiveDeal {
  dealId: number;
  slug: string;
  saleStart: number;
  saleEnd: number;
}

/** Approved deals of the festival whose sale is on now, with their product and the sale's bounds. */
function liveDeals(): LiveDeal[] {
  return db
    .prepare(
      `SELECT d.id AS dealId, p.slug, ph.starts_at AS saleStart, ph.ends_at AS saleEnd
       FROM festival_deals d
       JOIN festival_enrolments e ON e.id = d.enrolment_id AND e.status = 'approved'
       JOIN festivals f ON f.id = e.festival_id AND f.status = 'published'
       JOIN festival_phases ph ON ph.festival_id = f.id AND ph.kind = 'sale'
       JOIN products p ON p.id = d.product_id AND p.status = 'active'
       JOIN stores s ON s.id = p.store_id AND s.status = 'live'
       WHERE d.status = 'approved' AND d.flash_starts_at IS NULL AND d.units_taken < d.committed_stock
         AND ph.starts_at <= ? AND ? < ph.ends_at AND p.stock > 5
       ORDER BY d.id`,
    )
    .all(Date.now(), Date.now()) as LiveDeal[];
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
    const [deal] = liveDeals();
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
    const [, deal] = liveDeals();
    const start = Date.now() + 3_600_000;
    db.prepare("UPDATE festival_deals SET flash_starts_at = ?, flash_ends_at = ? WHERE id = ?").run(start, start + 3_600_000, deal.dealId);
    expect(await showsDealPrice(deal.slug)).toBe(false);
    await setClock(start + 60_000);
    expect(await showsDealPrice(deal.slug)).toBe(true);
    await setClock(start + 3_600_000 + 60_000);
    expect(await showsDealPrice(deal.slug)).toBe(false);
    await setClock(null);
  });

  it("never outlive the next phase boundary, for the app's cache or a CDN", async () => {
    const [deal] = liveDeals();
    await setClock(deal.saleEnd - 10_000);
    const { res } = await page(`/products/${deal.slug}`);
    const cacheControl = res.headers.get("Cache-Control") ?? "";
    expect(Number(/s-maxage=(\d+)/.exec(cacheControl)?.[1])).toBeLessThanOrEqual(10);
    expect(cacheControl).not.toContain("stale-while-revalidate");
    await setClock(null);
  });

  it("show a sold-out deal on the next request", async () => {
    const [, , deal] = liveDeals();
    expect(await showsDealPrice(deal.slug)).toBe(true);
    // What the last order for the deal's units does (app/modules/stock): the units are all taken.
    db.prepare("UPDATE festival_deals SET units_taken = committed_stock WHERE id = ?").run(deal.dealId);
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
    const product = db
      .prepare(
        `SELECT p.id, p.slug, s.slug AS store, c.slug AS category, p.price_minor AS price, p.stock
         FROM products p JOIN stores s ON s.id = p.store_id JOIN users u ON u.id = s.owner_id JOIN categories c ON c.id = p.category_id
         WHERE u.email = 'fatima@silkroad.example' AND p.status = 'active' AND s.status = 'live' ORDER BY p.id LIMIT 1`,
      )
      .get() as { id: number; slug: string; store: string; category: string; price: number; stock: number };
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
