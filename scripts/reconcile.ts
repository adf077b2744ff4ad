export {};
/**
 * `npm run reconcile [-- --fix]`: recomputes every campaign-progress counter
 * from the paid orders, and every festival deal's units taken (and each
 * shopper's share of it, for per-customer limits) from the pending and paid
 * orders, and every festival's subsidy total from the paid order lines (and
 * each line's split of its discount), prints the drift and exits 1 if any.
 */
const fix = process.argv.includes("--fix");
const { reconcileCounters } = await import("../app/modules/counters/counters.server");
const { reconcileDealCustomers, reconcileDealUnits } = await import("../app/modules/stock/stock.server");
const drift = await reconcileCounters({ fix });
if (!drift.length) {
  console.log("Counters match the paid orders: drift 0.");
} else {
  console.log(`${drift.length} counter(s) drifted${fix ? " (repaired)" : ""}:`);
  for (const d of drift) console.log(`  ${d.scope}/${d.scopeKey} ${d.metric}: stored ${d.stored}, expected ${d.expected}`);
}
const dealDrift = await reconcileDealUnits({ fix });
if (!dealDrift.length) {
  console.log("Festival deal units taken match the pending and paid orders: drift 0.");
} else {
  console.log(`${dealDrift.length} festival deal(s) drifted${fix ? " (repaired)" : ""}:`);
  for (const d of dealDrift) console.log(`  deal ${d.dealId} units taken: stored ${d.stored}, expected ${d.expected}`);
}
const customerDrift = await reconcileDealCustomers({ fix });
if (!customerDrift.length) {
  console.log("Shoppers' units at festival deal prices match the pending and paid orders: drift 0.");
} else {
  console.log(`${customerDrift.length} shopper share(s) of festival deals drifted${fix ? " (repaired)" : ""}:`);
  for (const d of customerDrift) console.log(`  deal ${d.dealId}, ${d.email}: stored ${d.stored}, expected ${d.expected}`);
}
const { checkLineSplits, reconcileSubsidies } = await import("../app/modules/festivals/funding.server");
const subsidyDrift = await reconcileSubsidies({ fix });
if (!subsidyDrift.length) {
  console.log("Festival subsidy totals match the paid order lines: drift 0.");
} else {
  console.log(`${subsidyDrift.length} festival subsidy total(s) drifted${fix ? " (repaired)" : ""}:`);
  for (const d of subsidyDrift) console.log(`  festival ${d.festivalId} subsidies paid: stored ${d.stored}, expected ${d.expected}`);
}
// Not repairable by a script: a line's split is what the shopper was charged against, so a person must look.
const badSplits = await checkLineSplits();
if (!badSplits.length) {
  console.log("Order lines' discounts split between organiser and store add up: store payout + store's part = line at regular price.");
} else {
  console.log(`${badSplits.length} order line(s) with a discount split that does not add up:`);
  for (const b of badSplits) console.log(`  order line ${b.orderLineId}: ${b.problem}`);
}
if ((drift.length || dealDrift.length || customerDrift.length || subsidyDrift.length) && !fix) process.exitCode = 1;
if (badSplits.length) process.exitCode = 1;
