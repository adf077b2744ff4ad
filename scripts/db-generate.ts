/**
 * `npm run db:generate -- --name x`: drizzle-kit's `generate` for both
 * engines, SQLite (drizzle.config.ts → db/migrations) then PostgreSQL
 * (drizzle.pg.config.ts → db/migrations-pg), with the same arguments
 * (`--name x`, `--custom`). Change db/schema.ts and db/schema.pg.ts together
 * (db/schema-parity.test.ts says where they differ).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const drizzleKit = path.resolve("node_modules/drizzle-kit/bin.cjs");
for (const config of ["drizzle.config.ts", "drizzle.pg.config.ts"]) {
  console.log(`drizzle-kit generate --config ${config}`);
  const run = spawnSync(process.execPath, [drizzleKit, "generate", "--config", config, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
