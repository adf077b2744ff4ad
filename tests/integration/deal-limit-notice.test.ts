/**
 * Issue 14, point 5: when a festival deal's per-customer limit caps a cart
 * line (with plenty of deal units and stock left), the shopper is told it was
 * the limit per customer, not "the most available".
 */
import { beforeAll, describe, expect, it } from "vitest";
import { appHandler, Shopper } from "./http-client";
import { dealProduct, dealUnits, setStock } from "./fixtures";

type Handler = Awaited<ReturnType<typeof appHandler>>;
let handle: Handler;
beforeAll(async () => {
  handle = await appHandler();
});
const html = async (res: Response) => (await res.text()).replace(/<script[\s\S]*?<\/script>/g, "");

describe("a quantity lowered by a deal's per-customer limit", () => {
  it("says the per-customer limit set it, without JavaScript and with, in English and Chinese", async () => {
    const deal = await dealProduct(10, true);
    const limit = deal.deal!.limit!;
    await setStock(deal.id, limit + 40);
    // More deal units and stock left than the limit: only the limit can be the reason.
    expect((await dealUnits(deal.deal!.dealId)).left).toBeGreaterThan(limit);

    const shopper = new Shopper();
    const res = await shopper.post("/cart", { intent: "add", slug: deal.slug, quantity: limit + 5 }, handle);
    expect(res.headers.get("Location")).toBe("/cart?notice=lowered_limit");
    const page = await html(await shopper.get("/cart?notice=lowered_limit", handle));
    expect(page).toContain("The quantity was lowered to the festival deal’s limit per customer.");
    expect(page).not.toContain("lowered to what is available");
    expect(await html(await shopper.get("/zh/cart?notice=lowered_limit", handle))).toContain("数量已调整为节日特价每位顾客的限购数量。");

    // A script's fetcher hears the same reason.
    const more = await shopper.post("/cart.data", { intent: "set", slug: deal.slug, quantity: limit + 3, enhanced: 1 }, handle);
    const flat = JSON.parse(await more.text()) as unknown[];
    const fields = flat[2] as Record<string, number>;
    const result = Object.fromEntries(Object.entries(fields).map(([key, value]) => [flat[Number(key.slice(1))], flat[value]] as [PropertyKey, unknown]));
    expect(result).toEqual({ ok: true, notice: "lowered", max: limit, byDeal: false, byLimit: true });
  });
});
