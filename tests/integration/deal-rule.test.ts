/**
 * One deal rule (issue 15): the TypeScript form (`dealApplies`, with a unit
 * left) and the query form (`productsWithLiveDeal`, the catalogue's
 * "deals on now") give the same answer for every combination of festival,
 * enrolment and deal status, flash window, units left and instant around the
 * sale's boundaries, on a real deal of the seeded database.
 */
import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { dealCandidates } from "~/modules/festivals/festivals.server";
import { productsWithLiveDeal } from "~/modules/pricing/live-deals.server";
import { dealApplies } from "~/modules/pricing/pricing";

describe("the deal rule", () => {
  it("is the same in TypeScript and in SQL, case by case", async () => {
    const sqlite = db.$client;
    // A product with exactly one deal, so the SQL's product ids speak for that deal.
    const { dealId, productId, enrolmentId, festivalId } = sqlite
      .prepare(
        `SELECT d.id AS dealId, d.product_id AS productId, d.enrolment_id AS enrolmentId, e.festival_id AS festivalId
         FROM festival_deals d JOIN festival_enrolments e ON e.id = d.enrolment_id
         WHERE d.product_id IN (SELECT product_id FROM festival_deals GROUP BY product_id HAVING count(*) = 1)
           AND EXISTS (SELECT 1 FROM festival_phases ph WHERE ph.festival_id = e.festival_id AND ph.kind = 'sale')
         ORDER BY d.id LIMIT 1`,
      )
      .get() as { dealId: number; productId: number; enrolmentId: number; festivalId: number };
    const sale = sqlite
      .prepare("SELECT starts_at AS startsAt, ends_at AS endsAt FROM festival_phases WHERE festival_id = ? AND kind = 'sale'")
      .get(festivalId) as {
      startsAt: number;
      endsAt: number;
    };
    const { products } = schema;
    const inSql = async (productId: number, now: number) =>
      (await db.select({ id: products.id }).from(products).where(and(eq(products.id, productId), inArray(products.id, productsWithLiveDeal(new Date(now)))))).length > 0;
    const set = {
      festival: sqlite.prepare("UPDATE festivals SET status = ? WHERE id = ?"),
      enrolment: sqlite.prepare("UPDATE festival_enrolments SET status = ? WHERE id = ?"),
      deal: sqlite.prepare(
        "UPDATE festival_deals SET status = ?, flash_starts_at = ?, flash_ends_at = ?, committed_stock = units_taken + ? WHERE id = ?",
      ),
    };

    const mid = Math.floor((sale.startsAt + sale.endsAt) / 2);
    const instants = [sale.startsAt - 1, sale.startsAt, mid, sale.endsAt - 1, sale.endsAt, sale.endsAt + 1];
    const flashes: [number | null, number | null][] = [
      [null, null],
      [sale.startsAt, mid],
      [mid, sale.endsAt],
      [mid, null],
    ];
    let compared = 0;
    let live = 0;
    for (const festivalStatus of ["published", "draft", "cancelled"])
      for (const enrolmentStatus of ["approved", "pending", "rejected"])
        for (const dealStatus of ["approved", "pending", "rejected"])
          for (const [flashStartsAt, flashEndsAt] of flashes)
            for (const unitsLeft of [0, 1]) {
              set.festival.run(festivalStatus, festivalId);
              set.enrolment.run(enrolmentStatus, enrolmentId);
              set.deal.run(dealStatus, flashStartsAt, flashEndsAt, unitsLeft, dealId);
              const candidate = (await dealCandidates([productId])).get(productId)!.find((c) => c.dealId === dealId)!;
              for (const now of instants) {
                const inTypeScript = dealApplies(candidate, now) && candidate.unitsLeft >= 1;
                const sqlSays = await inSql(productId, now);
                expect({
                  festivalStatus,
                  enrolmentStatus,
                  dealStatus,
                  flashStartsAt,
                  flashEndsAt,
                  unitsLeft,
                  now,
                  live: sqlSays,
                }).toEqual({
                  festivalStatus,
                  enrolmentStatus,
                  dealStatus,
                  flashStartsAt,
                  flashEndsAt,
                  unitsLeft,
                  now,
                  live: inTypeScript,
                });
                compared++;
                if (inTypeScript) live++;
              }
            }
    expect(compared).toBe(3 * 3 * 3 * 4 * 2 * instants.length);
    // Both answers occur, so the comparison means something.
    expect(live).toBeGreaterThan(0);
    expect(live).toBeLessThan(compared);
  });
});
