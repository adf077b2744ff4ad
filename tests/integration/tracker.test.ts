/**
 * The campaign tracker by country on the organiser's console: every country's
 * stores and products, each with a bar for its share of the campaign goal
 * (100 stores, 1,000 products), computed from the rows themselves.
 */
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { db, rows } from "~/db.server";
import { appHandler, Shopper } from "./http-client";

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

it("shows each country's stores and products with its share of the campaign goal, in the page's language", async () => {
  const organiser = new Shopper();
  const email = DEMO_ACCOUNTS.find((a) => a.role === "organiser")!.email;
  expect((await organiser.post("/login", { email, password: DEMO_PASSWORDS.organiser }, handle)).status).toBe(302);

  const byCountry = await rows<{ code: string; stores: number; products: number }>(
    db,
    sql`SELECT s.country_code AS code, count(DISTINCT s.id) AS stores,
          (SELECT count(*) FROM products p JOIN stores ps ON ps.id = p.store_id
           WHERE ps.country_code = s.country_code AND ps.status = 'live' AND p.status = 'active') AS products
        FROM stores s WHERE s.status = 'live' GROUP BY s.country_code`,
  );
  expect(byCountry.length).toBeGreaterThan(20);

  const page = await (await organiser.get("/organiser", handle)).text();
  const labels = [...page.matchAll(/<progress max="100" value="(\d+)" aria-label="([^"]+)"/g)].map((m) => ({ value: Number(m[1]), label: m[2] }));
  for (const c of byCountry) {
    const storeShare = Math.round((c.stores * 100) / 100);
    const productShare = Math.round((c.products * 100) / 1000);
    expect(labels).toContainEqual({ value: storeShare, label: `${storeShare}% of the campaign goal of 100` });
    expect(labels).toContainEqual({ value: productShare, label: `${productShare}% of the campaign goal of 1,000` });
  }

  const zh = await (await organiser.get("/zh/organiser", handle)).text();
  expect(zh).toContain("占活动目标 1,000 的");
});
