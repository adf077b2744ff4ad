export {};
/**
 * `npm run reconcile [-- --fix]`: recomputes every campaign-progress counter
 * from the paid orders, prints the drift per scope and exits 1 if any.
 */
const fix = process.argv.includes("--fix");
const { reconcileCounters } = await import("../app/modules/counters/counters.server");
const drift = reconcileCounters({ fix });
if (!drift.length) {
  console.log("Counters match the paid orders: drift 0.");
} else {
  console.log(`${drift.length} counter(s) drifted${fix ? " (repaired)" : ""}:`);
  for (const d of drift) console.log(`  ${d.scope}/${d.scopeKey} ${d.metric}: stored ${d.stored}, expected ${d.expected}`);
  process.exitCode = fix ? 0 : 1;
}
