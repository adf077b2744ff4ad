/**
 * `npm start`: migrate, seed if empty, build if needed, serve. A second run
 * keeps the data.
 */
import { buildIfNeeded } from "./build-if-needed";
import { prepareDatabase } from "./prepare-database";
import { ensureSessionSecret } from "./session-secret";

process.env.NODE_ENV ??= "production";

await prepareDatabase();
// No background job runs: pending orders that timed out while the server was down give their stock back now.
{
  const { releaseExpiredOrders } = await import("../app/modules/orders/orders.server");
  const released = releaseExpiredOrders(new Date());
  if (released) console.log(`Released the stock of ${released} unpaid order(s) past their time limit.`);
}
ensureSessionSecret();
buildIfNeeded();
const { DEMO_ACCOUNTS } = await import("../db/seed/demo-accounts");
const { startServer } = await import("./server");
const port = Number(process.env.PORT ?? 3000);
await startServer(port, process.env.HOST);
// Expired sessions, old rate-limit windows and abandoned carts: now, then hourly.
(await import("../app/modules/maintenance/purge.server")).startPurgeTimer();

console.log(`
Silk Road Showcase is running at http://localhost:${port}
${process.env.STRIPE_SECRET_KEY ? "Payments: Stripe Checkout (STRIPE_SECRET_KEY is set; webhook at /webhooks/stripe)." : "Payments: built-in demo provider (no Stripe keys configured; no real money moves)."}

Demo accounts:
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(30)} ${a.password}`).join("\n")}
`);
