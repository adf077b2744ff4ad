/**
 * Catalogue pages price by the app's one clock (app/modules/clock/now.server.ts),
 * like checkout and the festival pages: with the test clock moved past every
 * festival, a deal product shows its regular price and "deals on now" is
 * empty; moved back, the deal is there again. (The test clock exists only
 * with NODE_ENV=test and TEST_CLOCK=1, set here before the app is loaded.)
 */
import { beforeAll, expect, it } from "vitest";
import { dealProduct } from "./fixtures";
import { appHandler, Shopper } from "./http-client";

process.env.TEST_CLOCK = "1";
let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

async function moveClock(form: Record<string, string>) {
  const res = await new Shopper().post("/test-clock", form, handle);
  expect(res.status).toBe(200);
}

it("prices catalogue pages by the app's clock, not the wall clock", async () => {
  const deal = await dealProduct(1);
  const productPage = async () => (await (await new Shopper().get(`/products/${deal.slug}`, handle)).text()).includes("price--deal");
  const dealsOnNow = async () => (await (await new Shopper().get("/products?deal=1", handle)).text()).match(/class="product-card"/g)?.length ?? 0;

  expect(await productPage()).toBe(true);
  expect(await dealsOnNow()).toBeGreaterThan(0);

  await moveClock({ at: new Date(Date.now() + 400 * 24 * 3_600_000).toISOString() });
  expect(await productPage()).toBe(false);
  expect(await dealsOnNow()).toBe(0);

  await moveClock({ reset: "1" });
  expect(await productPage()).toBe(true);
});
