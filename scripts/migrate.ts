/** `npm run db:migrate`: applies the committed migrations. */
import { openDatabase } from "../db/connection";
import { runMigrations } from "../db/migrate";

runMigrations(openDatabase());
console.log("Migrations applied.");
