/**
 * The app's one database: PostgreSQL when DATABASE_URL is set, else the
 * SQLite file at DATABASE_PATH (docs/decisions/0028-two-engines-one-data-layer.md).
 * Migrations are not run here (see scripts/start.ts): importing a module must
 * not change the schema. On SQLite, WAL checkpoints run in a background
 * thread (db/checkpoints.ts), so no request waits for one.
 */
import { startBackgroundCheckpoints } from "../db/checkpoints";
import { counterShards, isPostgres, openDatabase, openPostgres, usingPostgres, type AppDatabase } from "../db/connection";
import * as sqliteSchema from "../db/schema";
import * as postgresSchema from "../db/schema.pg";
import { followOpenTransaction } from "../db/transact";

export type { AppDatabase };
export { counterShards, isPostgres };
export { execute, readSnapshot, rows, transact, type Tx } from "../db/transact";

const onPostgres = usingPostgres();

/**
 * The tables, typed as db/schema.ts's whichever engine runs: on PostgreSQL
 * they are db/schema.pg.ts's, which have the same names, columns and
 * TypeScript types (db/schema-parity.test.ts), so a query written once
 * compiles against SQLite's types and runs on either engine.
 */
export const schema: typeof sqliteSchema = onPostgres ? (postgresSchema as unknown as typeof sqliteSchema) : sqliteSchema;

export const db: AppDatabase = onPostgres ? followOpenTransaction(openPostgres()) : openDatabase();

/** Stops the background checkpointer (after a final checkpoint); for scripts that want a tidy exit. Nothing to stop on PostgreSQL. */
export const stopBackgroundCheckpoints = onPostgres ? () => Promise.resolve(0) : startBackgroundCheckpoints(db);
