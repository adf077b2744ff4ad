/** `npm run db:migrate`: applies the committed migrations, holding the set-up lock (db/setup-lock.ts). */
import { openDatabase } from "../db/connection";
import { runMigrations } from "../db/migrate";
import { withSetupLock } from "../db/setup-lock";

const db = openDatabase();
await withSetupLock(db, () => runMigrations(db), { log: console.log });
db.$client.close();
console.log("Migrations applied.");
