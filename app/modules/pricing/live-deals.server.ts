/**
 * The deal rule as a query (its TypeScript form is `dealApplies` in
 * pricing.ts; tests/integration/deal-rule.test.ts holds the two together).
 */
import { and, eq, gt, isNull, lt, lte, or } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { ON_OFFER, SALE_PHASE } from "./pricing";

const { festivalDeals: d, festivalEnrolments: e, festivals: f, festivalPhases: ph } = schema;

/**
 * Ids of products with a deal that applies at `now` (as `dealApplies`:
 * approved, its festival's sale phase live, inside its flash window) and at
 * least one unit left at its price, which is what a product priced for
 * display (quantity 1) needs. A subquery, for `inArray(products.id, …)`.
 */
export function productsWithLiveDeal(now: Date) {
  return db
    .select({ productId: d.productId })
    .from(d)
    .innerJoin(e, eq(e.id, d.enrolmentId))
    .innerJoin(f, eq(f.id, e.festivalId))
    .innerJoin(ph, and(eq(ph.festivalId, f.id), eq(ph.kind, SALE_PHASE)))
    .where(
      and(
        eq(d.status, ON_OFFER.dealStatus),
        eq(e.status, ON_OFFER.enrolmentStatus),
        eq(f.status, ON_OFFER.festivalStatus),
        lt(d.unitsTaken, d.committedStock),
        lte(ph.startsAt, now),
        gt(ph.endsAt, now),
        or(isNull(d.flashStartsAt), isNull(d.flashEndsAt), and(lte(d.flashStartsAt, now), gt(d.flashEndsAt, now))),
      ),
    );
}
