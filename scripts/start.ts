/**
 * `npm start`: migrate, seed if empty, build if needed, serve. A second run
 * keeps the data.
 */
import { buildIfNeeded } from "./build-if-needed";
import { prepareDatabase } from "./prepare-database";

process.env.NODE_ENV ??= "production";

await prepareDatabase();
buildIfNeeded();
const { DEMO_ACCOUNTS } = await import("../db/seed/demo-accounts");
const { startServer } = await import("./server");
const port = Number(process.env.PORT ?? 3000);
await startServer(port, process.env.HOST);

console.log(`
Silk Road Showcase is running at http://localhost:${port}
Payments: built-in demo provider (no Stripe keys configured; no real money moves).

Demo accounts:
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(30)} ${a.password}`).join("\n")}
`);
