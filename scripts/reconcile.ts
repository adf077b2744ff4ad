export {};
/**
 * `npm run reconcile [-- --fix]`: recomputes every campaign-progress counter
 * from the paid orders, and every festival deal's units taken (and each
 * shopper's share of it, for per-customer limits) from the pending and paid
 * orders, prints the drift and exits 1 if any.
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
if ((drift.length || dealDrift.length || customerDrift.length) && !fix) process.exitCode = 1;
