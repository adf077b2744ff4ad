/**
 * An owner sets the store's own shipping rates on the profile page (Conform +
 * zod, translated errors, no 500), only for their own store, and shoppers
 * meet them on the product page.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { storesOf } from "./fixtures";
import { appHandler, Shopper } from "./http-client";

let handler: Awaited<ReturnType<typeof appHandler>>;
const fatima = new Shopper();
const amina = new Shopper();
const FATIMA = "fatima@silkroad.example";
const AMINA = "amina@silkroad.example";

const liveStoreOf = async (email: string) => (await storesOf(email)).find((s) => s.status === "live")!;
const ratesOf = (storeId: number) =>
  db.select().from(schema.storeShippingRates).where(eq(schema.storeShippingRates.storeId, storeId)).orderBy(schema.storeShippingRates.zone);

const form = (storeId: number, overrides: Record<string, string> = {}) => ({
  store: String(storeId),
  intent: "shipping",
  domesticCost: "3.50",
  domesticMin: "1",
  domesticMax: "3",
  africaCost: "12",
  africaMin: "5",
  africaMax: "10",
  chinaCost: "19.99",
  chinaMin: "8",
  chinaMax: "15",
  worldCost: "25",
  worldMin: "7",
  worldMax: "14",
  ...overrides,
});

beforeAll(async () => {
  handler = await appHandler();
  for (const [who, email] of [[fatima, FATIMA], [amina, AMINA]] as const) {
    const res = await who.post("/login", { email, password: DEMO_PASSWORDS.owner }, handler);
    expect(res.status).toBe(302);
  }
});

describe("an owner's shipping rates", () => {
  it("are saved for the owner's store and shown on its product pages", async () => {
    const store = await liveStoreOf(FATIMA);
    const page = await (await fatima.get(`/fr/dashboard/stores/${store.slug}/profile`, handler)).text();
    expect(page).toContain("Frais de livraison");
    const res = await fatima.post(`/fr/dashboard/stores/${store.slug}/profile`, form(store.id), handler);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("saved=shipping");
    const rates = Object.fromEntries((await ratesOf(store.id)).map((r) => [r.zone, [r.costBaseMinor, r.minDays, r.maxDays]]));
    expect(rates).toEqual({ domestic: [350, 1, 3], africa: [1200, 5, 10], china: [1999, 8, 15], world: [2500, 7, 14] });
    // A Chinese product page quotes China: the store's own rate, in yuan.
    const [product] = await db.select({ slug: schema.products.slug }).from(schema.products).where(eq(schema.products.storeId, store.id)).orderBy(schema.products.id).limit(1);
    const zh = await (await new Shopper().get(`/zh/products/${product.slug}`, handler)).text();
    expect(zh).toMatch(/data-testid="product-shipping"[^>]*>(?:<span>)?配送至中国/);
    expect(zh).toContain("8–15");
  });

  it("answers bad input with translated messages and keeps what was stored", async () => {
    const store = await liveStoreOf(FATIMA);
    const before = await ratesOf(store.id);
    const res = await fatima.post(`/zh/dashboard/stores/${store.slug}/profile`, form(store.id, { africaCost: "abc", worldMax: "9999" }), handler);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("请输入 0 至 1000 美元之间的运费");
    expect(page).toContain("请输入 0 至 120 之间的整数天数");
    const order = await fatima.post(`/ar/dashboard/stores/${store.slug}/profile`, form(store.id, { chinaMin: "20", chinaMax: "3" }), handler);
    expect(order.status).toBe(400);
    expect(await order.text()).toContain("لا يمكن أن تكون المدة القصوى أقصر من المدة الدنيا");
    expect(await ratesOf(store.id)).toEqual(before);
  });

  it("cannot be changed for another owner's store", async () => {
    const store = await liveStoreOf(FATIMA);
    const before = await ratesOf(store.id);
    const res = await amina.post(`/dashboard/stores/${store.slug}/profile`, form(store.id, { worldCost: "0" }), handler);
    expect(res.status).toBe(404);
    expect(await ratesOf(store.id)).toEqual(before);
  });
});
