/**
 * `npm start`: migrate, seed if empty, build if needed, then serve with one
 * server process per core (scripts/cluster.ts). A second run keeps the data.
 */
import cluster from "node:cluster";
import { env, exitOnInvalidEnvironment } from "../app/env.server";
import { serveOnEveryCore } from "./cluster";

process.env.NODE_ENV ??= "production";

if (cluster.isPrimary) {
  const { buildIfNeeded } = await import("./build-if-needed");
  const { prepareDatabase } = await import("./prepare-database");
  const { ensureSessionSecret } = await import("./session-secret");
  // The secret first (the workers inherit it through the environment), so the whole environment is
  // checked before anything runs.
  ensureSessionSecret();
  exitOnInvalidEnvironment();
  await prepareDatabase();
  // No background job runs: pending orders that timed out while the server was down give their stock back now.
  {
    const { releaseExpiredOrders } = await import("../app/modules/orders/orders.server");
    const released = await releaseExpiredOrders(new Date());
    if (released) console.log(`Released the stock of ${released} unpaid order(s) past their time limit.`);
  }
  buildIfNeeded();
  // Expired sessions, old rate-limit windows and abandoned carts: now, then hourly (once per machine;
  // safe beside other servers' purges on a shared database).
  (await import("../app/modules/maintenance/purge.server")).startPurgeTimer();
}
const { DEMO_ACCOUNTS } = await import("../db/seed/demo-accounts");
const { PORT: port, HOST, STRIPE_SECRET_KEY } = env();
await serveOnEveryCore({
  port,
  host: HOST,
  banner: (processes) => `
Silk Road Showcase is running at http://localhost:${port} (${processes} server process${processes === 1 ? "" : "es"})
${STRIPE_SECRET_KEY ? "Payments: Stripe Checkout (STRIPE_SECRET_KEY is set; webhook at /webhooks/stripe)." : "Payments: built-in demo provider (no Stripe keys configured; no real money moves)."}

Demo accounts:
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(30)} ${a.password}`).join("\n")}
`,
});
