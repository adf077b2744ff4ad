import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { isPostgres, type AppDatabase } from "./connection";

const here = path.dirname(fileURLToPath(import.meta.url));
// Each engine has its own drizzle-kit migrations (drizzle.config.ts, drizzle.pg.config.ts).
const migrationsFolder = path.join(here, "migrations");
const postgresMigrationsFolder = path.join(here, "migrations-pg");

/** Applies the committed drizzle-kit migrations of the database's engine; safe to run on every start. */
export async function runMigrations(db: AppDatabase): Promise<void> {
  if (isPostgres(db)) await migratePostgres(db as unknown as NodePgDatabase, { migrationsFolder: postgresMigrationsFolder });
  else migrate(db, { migrationsFolder });
}
