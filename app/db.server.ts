/**
 * The app's one database connection, opened from DATABASE_PATH. Migrations
 * are not run here (see scripts/start.ts): importing a module must not
 * change the schema. WAL checkpoints run in a background thread
 * (db/checkpoints.ts), so no request waits for one.
 */
import { startBackgroundCheckpoints } from "../db/checkpoints";
import { openDatabase, type AppDatabase } from "../db/connection";

export * as schema from "../db/schema";
export type { AppDatabase };
export { perArity, statements } from "../db/prepared";
export { execute, rows, transact, type Tx } from "../db/transact";

export const db: AppDatabase = openDatabase();

/** Stops the background checkpointer (after a final checkpoint); for scripts that want a tidy exit. */
export const stopBackgroundCheckpoints = startBackgroundCheckpoints(db);
