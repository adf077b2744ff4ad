/**
 * Links that carry their source (issue 17, point 3): two shoppers arrive from
 * feed links with different utm_source, add to the cart from the page they
 * landed on (the form carries the link's utm values, no cookie on the shared
 * page), pay with the demo provider, and the organiser's dashboard shows the
 * paid orders by source.
 */
import { eq } from "drizzle-orm";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { regularProduct } from "./fixtures";
import { ADDRESS, appHandler, Shopper } from "./http-client";

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

/** The hidden fields of a form's HTML, as a browser would send them. */
const hiddenFields = (form: string) => Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** A shopper follows a feed's link to a product, adds it from that page's form, checks out and pays. */
async function buyFromFeedLink(link: string): Promise<string> {
  const shopper = new Shopper();
  const url = new URL(link);
  const page = await shopper.get(url.pathname + url.search, handle);
  expect(page.status).toBe(200);
  // The page a feed links to is a shared page: no cookie, whatever its query says.
  expect(page.headers.get("Set-Cookie")).toBeNull();
  const html = await page.text();
  const form = /<form[^>]*data-testid="add-to-cart"[\s\S]*?<\/form>/.exec(html)![0];
  const fields = hiddenFields(form);
  expect(fields).toMatchObject({ intent: "add", utm_source: url.searchParams.get("utm_source"), utm_medium: "product_feed" });
  const action = /action="([^"]+)"/.exec(form)![1].replace(/&amp;/g, "&");
  expect((await shopper.post(action, { ...fields, quantity: 1 }, handle)).status).toBe(303);
  const checkout = await shopper.post("/checkout", ADDRESS, handle);
  expect(checkout.status).toBe(303);
  const payUrl = checkout.headers.get("Location")!;
  expect((await shopper.post(payUrl, { outcome: "pay" }, handle)).status).toBe(303);
  return payUrl.split("/")[3].split("?")[0];
}

it("shows the organiser paid orders by the source of the feed link the shopper came from", async () => {
  const google = (await (await handle(new Request("http://localhost/feeds/google/en/USD.xml"))).text()).match(/<g:link>([^<]+)<\/g:link>/g)!;
  const [googleProduct, metaProduct] = [await regularProduct(2), await regularProduct(2, 1)];
  const googleLink = google
    .map((l) => l.replace(/<\/?g:link>/g, "").replace(/&amp;/g, "&"))
    .find((l) => l.includes(`/products/${googleProduct.slug}?`))!;
  const meta = parseCsv<Record<string, string>>(await (await handle(new Request("http://localhost/feeds/meta/en/USD.csv"))).text(), { columns: true });
  const metaLink = meta.find((r) => r.link.includes(`/products/${metaProduct.slug}?`))!.link;
  expect(new URL(googleLink).searchParams.get("utm_source")).toBe("google");
  expect(new URL(metaLink).searchParams.get("utm_source")).toBe("meta");

  const first = await buyFromFeedLink(googleLink);
  const second = await buyFromFeedLink(metaLink);
  const order = async (number: string) => (await db.select().from(schema.orders).where(eq(schema.orders.number, number)))[0];
  expect(await order(first)).toMatchObject({ status: "paid", source: "google", medium: "product_feed" });
  expect(await order(second)).toMatchObject({ status: "paid", source: "meta", medium: "product_feed" });

  // A shopper who came without a source is counted as direct, and a made-up source value is ignored.
  const direct = new Shopper();
  await direct.post("/cart", { intent: "add", slug: (await regularProduct(2, 2)).slug, utm_source: "<script>" }, handle);
  const placed = await direct.post("/checkout", ADDRESS, handle);
  await direct.post(placed.headers.get("Location")!, { outcome: "pay" }, handle);
  expect((await order(placed.headers.get("Location")!.split("/")[3].split("?")[0])).source).toBeNull();

  const organiser = new Shopper();
  expect((await organiser.post("/login", { email: "organiser@silkroad.example", password: DEMO_PASSWORDS.organiser }, handle)).status).toBe(302);
  const dashboard = await (await organiser.get("/organiser", handle)).text();
  expect(dashboard).toContain('href="/organiser/feeds"');
  const table = /<table class="data-table" data-orders-by-source="">[\s\S]*?<\/table>/.exec(dashboard)![0];
  const row = (source: string) => new RegExp(`<tr data-source="${source}"><th scope="row">[^<]+</th><td><bdi dir="ltr">(\\d+)</bdi></td><td><bdi dir="ltr">([^<]+)</bdi></td></tr>`).exec(table);
  expect(row("google")?.[1]).toBe("1");
  expect(row("meta")?.[1]).toBe("1");
  const firstOrder = await order(first);
  expect(row("google")?.[2]).toBe(`$${((firstOrder.totalBaseMinor - firstOrder.shippingBaseMinor) / 100).toFixed(2)}`);
  // Seeded sample orders came from nowhere in particular.
  expect(Number(row("")?.[1])).toBeGreaterThan(0);

  // The feeds page lists every feed's address, to copy.
  const feeds = await (await organiser.get("/organiser/feeds", handle)).text();
  expect(feeds).toContain('value="http://localhost/feeds/google/zh/USD.xml"');
  expect(feeds).toContain('value="http://localhost/feeds/meta/ar/USD.csv"');
  expect(feeds).toContain('value="http://localhost/feeds/json/sw/USD.json"');
  expect((await new Shopper().get("/organiser/feeds", handle)).status).not.toBe(200);
});
