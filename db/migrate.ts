import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { sql } from "drizzle-orm";
import { isPostgres, type AppDatabase } from "./connection";
import { rows } from "./transact";

const here = path.dirname(fileURLToPath(import.meta.url));
// Each engine has its own drizzle-kit migrations (drizzle.config.ts, drizzle.pg.config.ts).
const migrationsFolder = path.join(here, "migrations");
const postgresMigrationsFolder = path.join(here, "migrations-pg");

/** Applies the committed drizzle-kit migrations of the database's engine; safe to run on every start. */
export async function runMigrations(db: AppDatabase): Promise<void> {
  if (isPostgres(db)) await migratePostgres(db as unknown as NodePgDatabase, { migrationsFolder: postgresMigrationsFolder });
  else migrate(db, { migrationsFolder });
}

/**
 * After a bulk load (the seed): PostgreSQL gathers its planner statistics
 * (ANALYZE) at once instead of when autovacuum gets round to the new tables;
 * until then it plans from defaults (measured on the seeded showcase: it
 * guessed 2 stores, and a card list ran in 15 ms instead of 1.9 ms). SQLite
 * plans without statistics, as it always has here: nothing to do.
 */
export async function updatePlannerStatistics(db: AppDatabase): Promise<void> {
  if (isPostgres(db)) await rows(db, sql`ANALYZE`);
}
