/**
 * `npm start`: migrate, seed if empty, build if needed, serve. A second run
 * keeps the data.
 */
import { env, exitOnInvalidEnvironment } from "../app/env.server";
import { buildIfNeeded } from "./build-if-needed";
import { prepareDatabase } from "./prepare-database";
import { ensureSessionSecret } from "./session-secret";

process.env.NODE_ENV ??= "production";
// The secret first, so the whole environment is checked before anything runs.
ensureSessionSecret();
exitOnInvalidEnvironment();

await prepareDatabase();
// No background job runs: pending orders that timed out while the server was down give their stock back now.
{
  const { releaseExpiredOrders } = await import("../app/modules/orders/orders.server");
  const released = releaseExpiredOrders(new Date());
  if (released) console.log(`Released the stock of ${released} unpaid order(s) past their time limit.`);
}
buildIfNeeded();
const { DEMO_ACCOUNTS } = await import("../db/seed/demo-accounts");
const { startServer } = await import("./server");
const { PORT: port, HOST, STRIPE_SECRET_KEY } = env();
await startServer(port, HOST);

console.log(`
Silk Road Showcase is running at http://localhost:${port}
${STRIPE_SECRET_KEY ? "Payments: Stripe Checkout (STRIPE_SECRET_KEY is set; webhook at /webhooks/stripe)." : "Payments: built-in demo provider (no Stripe keys configured; no real money moves)."}

Demo accounts:
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(30)} ${a.password}`).join("\n")}
`);
