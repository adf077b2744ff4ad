/**
 * What the shopper is shown is what the order charges: presentment rounding
 * in a currency shown in whole units, and shipping in the totals.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { formatMoney } from "~/modules/i18n/format";
import { ADDRESS, appHandler, Shopper } from "./http-client";
import { regularProduct } from "./fixtures";

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

const html = async (res: Response) => (await res.text()).replace(/<script[\s\S]*?<\/script>/g, "");
const orderByNumber = (number: string) => db.select().from(schema.orders).where(eq(schema.orders.number, number)).get()!;
/** The first price (a `<bdi>`) inside the element marked `data-testid="<id>"`. */
const testIdText = (page: string, id: string) => new RegExp(`data-testid="${id}"[\\s\\S]*?<bdi[^>]*>([^<]*)</bdi>`).exec(page)?.[1] ?? null;
const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("presentment rounding", () => {
  it("shows KES in whole shillings and charges exactly the displayed total", async () => {
    const a = regularProduct(5, 3);
    const shopper = new Shopper();
    await shopper.post("/sw/cart?currency=KES", { intent: "add", slug: a.slug, quantity: 3 }, handle);
    const checkout = await html(await shopper.get("/sw/checkout?currency=KES", handle));
    const shown = testIdText(checkout, "checkout-total");
    expect(shown).toBeTruthy();
    // Whole shillings: no decimal part anywhere in the shown total.
    expect(shown).not.toMatch(/[.,]\d{2}(?!\d)/);
    const res = await shopper.post("/sw/checkout?currency=KES", { ...ADDRESS, country: "KE", city: "Nairobi", phone: "+254 712 345 678" }, handle);
    expect(res.status).toBe(303);
    const number = res.headers.get("Location")!.split("/")[4].split("?")[0];
    const order = orderByNumber(number);
    expect(order.currency).toBe("KES");
    expect(order.totalMinor % 100).toBe(0);
    expect(norm(formatMoney(order.totalMinor, "KES", "sw"))).toBe(norm(shown!));
    const lines = db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)).all();
    for (const l of lines) expect(l.unitPriceMinor % 100).toBe(0);
    // The demo provider asks for the same amount.
    const demo = await html(await shopper.get(res.headers.get("Location")!, handle));
    expect(norm(demo)).toContain(norm(shown!));
  });
});
