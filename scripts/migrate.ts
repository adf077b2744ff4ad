/** `npm run db:migrate`: applies the committed migrations of the chosen engine, holding the set-up lock (db/setup-lock.ts). */
import { closeDatabase, openAppDatabase } from "../db/connection";
import { runMigrations } from "../db/migrate";
import { withSetupLock } from "../db/setup-lock";

const db = openAppDatabase();
await withSetupLock(db, () => runMigrations(db), { log: console.log });
await closeDatabase(db);
console.log("Migrations applied.");
