/**
 * Issue 14, point 11: the campaign tracker's trend. Stores live and products
 * listed per day, counted by rows; the dates kept by triggers on every write
 * path; the targets flagged when behind linear progress; and the console
 * showing it as an accessible SVG chart with a table.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows, schema, transact } from "~/db.server";
import { CAMPAIGN_TARGETS, campaignTracker } from "~/modules/catalog/catalog.server";
import { campaignTrend, DAY_MS } from "~/modules/catalog/trend.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { appHandler, Shopper } from "./http-client";

let handler: Awaited<ReturnType<typeof appHandler>>;
const organiser = new Shopper();

const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(db, query))[0].n);
const storesLiveBy = (end: number) => count(sql`select count(*) as n from stores where status = 'live' and live_since < ${sql.param(new Date(end), schema.stores.liveSince)}`);
const productsListedBy = (end: number) =>
  count(sql`
    select count(*) as n from products p join stores s on s.id = p.store_id
    where p.status = 'active' and s.status = 'live'
      and coalesce(p.published_at, p.created_at) < ${sql.param(new Date(end), schema.stores.liveSince)} and s.live_since < ${sql.param(new Date(end), schema.stores.liveSince)}`);
const setWindow = (startsAt: number, endsAt: number) =>
  transact(db, (tx) => tx.update(schema.siteState).set({ campaignStartsAt: new Date(startsAt), campaignEndsAt: new Date(endsAt) }).where(eq(schema.siteState.id, 1)));
const storeById = async (id: number) => (await db.select().from(schema.stores).where(eq(schema.stores.id, id)).limit(1))[0];
const productById = async (id: number) => (await db.select().from(schema.products).where(eq(schema.products.id, id)).limit(1))[0];

beforeAll(async () => {
  handler = await appHandler();
  expect((await organiser.post("/login", { email: "organiser@silkroad.example", password: DEMO_PASSWORDS.organiser }, handler)).status).toBe(302);
});

describe("the campaign trend", () => {
  it("counts stores live and products listed at the end of each day, as the rows say", async () => {
    const now = Date.now();
    const trend = await campaignTrend(now);
    expect(trend.window).not.toBeNull();
    const firstDay = Math.floor(trend.window!.startsAt / DAY_MS);
    expect(trend.days[0].day).toBe(firstDay * DAY_MS);
    expect(trend.days).toHaveLength(Math.floor(now / DAY_MS) - firstDay + 1);
    // Every day, by counting rows; and a history that grew (the seed's stores went live over months).
    for (const d of trend.days) {
      expect(d.stores, new Date(d.day).toISOString()).toBe(await storesLiveBy(d.day + DAY_MS));
      expect(d.products, new Date(d.day).toISOString()).toBe(await productsListedBy(d.day + DAY_MS));
    }
    const last = trend.days[trend.days.length - 1];
    const tracker = await campaignTracker();
    expect([last.stores, last.products]).toEqual([tracker.storesLive, tracker.productsListed]);
    const distinct = new Set(trend.days.map((d) => d.stores));
    expect(distinct.size).toBeGreaterThan(20);
    expect(trend.days[0].stores).toBeLessThan(last.stores);
  });

  it("dates a store from when it goes live and a product from when it is published, whatever writes them", async () => {
    const [store] = await db.select().from(schema.stores).where(eq(schema.stores.status, "pending")).limit(1);
    expect(store.liveSince).toBeNull();
    const before = (await campaignTrend(Date.now())).days.at(-1)!;
    await transact(db, (tx) => tx.update(schema.stores).set({ status: "live" }).where(eq(schema.stores.id, store.id)));
    const live = await storeById(store.id);
    expect(live.liveSince).toBeInstanceOf(Date);
    expect(Math.abs(live.liveSince!.getTime() - Date.now())).toBeLessThan(60_000);
    const activeProducts = await count(sql`select count(*) as n from products where store_id = ${store.id} and status = 'active'`);
    const after = (await campaignTrend(Date.now())).days.at(-1)!;
    expect(after.stores).toBe(before.stores + 1);
    expect(after.products).toBe(before.products + activeProducts);

    // Suspended: no longer live, no date; a product archived and published again is dated again.
    await transact(db, (tx) => tx.update(schema.stores).set({ status: "suspended" }).where(eq(schema.stores.id, store.id)));
    expect((await storeById(store.id)).liveSince).toBeNull();
    const [product] = await db.select().from(schema.products).where(eq(schema.products.status, "active")).limit(1);
    expect(product.publishedAt).toBeInstanceOf(Date);
    await transact(db, (tx) => tx.update(schema.products).set({ status: "archived" }).where(eq(schema.products.id, product.id)));
    expect((await productById(product.id)).publishedAt).toBeNull();
    await transact(db, (tx) => tx.update(schema.products).set({ status: "active" }).where(eq(schema.products.id, product.id)));
    expect(Math.abs((await productById(product.id)).publishedAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("flags a target behind steady progress over the campaign window, and not one ahead of it", async () => {
    const now = Date.now();
    const today = (await campaignTrend(now)).days.at(-1)!;
    // A window nearly over: about 99% of each target is expected by now, more than is live.
    await setWindow(now - 99 * DAY_MS, now + DAY_MS);
    let trend = await campaignTrend(now);
    const expectedStores = Math.floor((CAMPAIGN_TARGETS.stores * 99) / 100);
    expect(today.stores).toBeLessThan(expectedStores);
    expect(trend.standing!.stores).toEqual({ standing: "behind", expected: expectedStores });
    expect(trend.standing!.products.standing).toBe(today.products < Math.floor((CAMPAIGN_TARGETS.products * 99) / 100) ? "behind" : "onTrack");
    // A window just opened: little is expected, both are on track.
    await setWindow(now - DAY_MS, now + 364 * DAY_MS);
    trend = await campaignTrend(now);
    expect(trend.standing!.stores.standing).toBe("onTrack");
    expect(trend.standing!.products.standing).toBe("onTrack");
    expect(trend.days).toHaveLength(Math.floor(now / DAY_MS) - Math.floor((now - DAY_MS) / DAY_MS) + 1);
  });

  it("is drawn on the console as an SVG chart with a title, a description, a table and the flags", async () => {
    const now = Date.now();
    await setWindow(now - 99 * DAY_MS, now + DAY_MS);
    for (const [prefix, title, behind] of [
      ["", "Stores live and products listed per day, as a share of their targets", "Behind"],
      ["/zh", "每日上线店铺数和上架商品数（占目标的比例）", "落后"],
      ["/ar", "المتاجر النشطة والمنتجات المعروضة يومًا بيوم، نسبةً إلى أهدافها", "متأخر"],
    ] as const) {
      const res = await organiser.get(`${prefix}/organiser`, handler);
      expect(res.status).toBe(200);
      const page = await res.text();
      const chart = /<figure class="trend-chart"[\s\S]*?<\/figure>/.exec(page)?.[0] ?? "";
      expect(chart).toContain(`<title id="trend-title">${title}</title>`);
      expect(chart).toMatch(/<desc id="trend-desc">[^<]+<\/desc>/);
      expect(chart).toMatch(/<polyline points="[\d., ]+" class="trend-chart__stores"/);
      expect(chart).toContain('data-target="stores" data-standing="behind"');
      expect(chart).toContain(behind);
      // The table: one row per day whose numbers changed, plus the first and last day.
      const rows = (/<table class="data-table" data-trend-table="">[\s\S]*?<\/table>/.exec(chart)?.[0].match(/<tr>/g) ?? []).length - 1;
      const days = (await campaignTrend(now)).days;
      const shown = days.filter((d, i) => i === 0 || i === days.length - 1 || d.stores !== days[i - 1].stores || d.products !== days[i - 1].products).length;
      expect(rows).toBe(shown);
      // In Arabic the time axis runs right to left: the drawing is mirrored.
      if (prefix === "/ar") expect(chart).toContain('transform="translate(720 0) scale(-1 1)"');
      else expect(chart).not.toContain("scale(-1 1)");
    }
  });
});
