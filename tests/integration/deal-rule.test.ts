/**
 * One deal rule (issue 15): the TypeScript form (`dealApplies`, with a unit
 * left) and the query form (`productsWithLiveDeal`, the catalogue's
 * "deals on now") give the same answer for every combination of festival,
 * enrolment and deal status, flash window, units left and instant around the
 * sale's boundaries, on a real deal of the seeded database.
 */
import { describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, rows, schema, transact } from "~/db.server";
import { dealCandidates } from "~/modules/festivals/festivals.server";
import { productsWithLiveDeal } from "~/modules/pricing/live-deals.server";
import { dealApplies } from "~/modules/pricing/pricing";

describe("the deal rule", () => {
  it("is the same in TypeScript and in SQL, case by case", async () => {
    // A product with exactly one deal, so the SQL's product ids speak for that deal.
    const [{ dealId, productId, enrolmentId, festivalId }] = await rows<{ dealId: number; productId: number; enrolmentId: number; festivalId: number }>(
      db,
      sql`SELECT d.id AS "dealId", d.product_id AS "productId", d.enrolment_id AS "enrolmentId", e.festival_id AS "festivalId"
         FROM festival_deals d JOIN festival_enrolments e ON e.id = d.enrolment_id
         WHERE d.product_id IN (SELECT product_id FROM festival_deals GROUP BY product_id HAVING count(*) = 1)
           AND EXISTS (SELECT 1 FROM festival_phases ph WHERE ph.festival_id = e.festival_id AND ph.kind = 'sale')
         ORDER BY d.id LIMIT 1`,
    );
    const { festivals, festivalEnrolments, festivalDeals, festivalPhases, products } = schema;
    const [phase] = await db
      .select({ startsAt: festivalPhases.startsAt, endsAt: festivalPhases.endsAt })
      .from(festivalPhases)
      .where(and(eq(festivalPhases.festivalId, festivalId), eq(festivalPhases.kind, "sale")))
      .limit(1);
    const sale = { startsAt: phase.startsAt.getTime(), endsAt: phase.endsAt.getTime() };
    const inSql = async (productId: number, now: number) =>
      (await db.select({ id: products.id }).from(products).where(and(eq(products.id, productId), inArray(products.id, productsWithLiveDeal(new Date(now)))))).length > 0;
    type Status<T extends { $inferSelect: { status: string } }> = T["$inferSelect"]["status"];
    const setCase = (
      festivalStatus: Status<typeof festivals>,
      enrolmentStatus: Status<typeof festivalEnrolments>,
      dealStatus: Status<typeof festivalDeals>,
      flashStartsAt: number | null,
      flashEndsAt: number | null,
      unitsLeft: number,
    ) =>
      transact(db, async (tx) => {
        await tx.update(festivals).set({ status: festivalStatus }).where(eq(festivals.id, festivalId));
        await tx.update(festivalEnrolments).set({ status: enrolmentStatus }).where(eq(festivalEnrolments.id, enrolmentId));
        await tx
          .update(festivalDeals)
          .set({
            status: dealStatus,
            flashStartsAt: flashStartsAt === null ? null : new Date(flashStartsAt),
            flashEndsAt: flashEndsAt === null ? null : new Date(flashEndsAt),
            committedStock: sql`${festivalDeals.unitsTaken} + ${unitsLeft}`,
          })
          .where(eq(festivalDeals.id, dealId));
      });

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
    for (const festivalStatus of ["published", "draft", "cancelled"] as const)
      for (const enrolmentStatus of ["approved", "pending", "rejected"] as const)
        for (const dealStatus of ["approved", "pending", "rejected"] as const)
          for (const [flashStartsAt, flashEndsAt] of flashes)
            for (const unitsLeft of [0, 1]) {
              await setCase(festivalStatus, enrolmentStatus, dealStatus, flashStartsAt, flashEndsAt, unitsLeft);
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
