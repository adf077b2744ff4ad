/**
 * Migrates the database, moves an older install's uploads from disk into it,
 * and seeds it when it has no stores yet, holding the set-up lock
 * (db/setup-lock.ts), so servers starting at once do it once.
 * Shared by `npm start`, `npm run db:setup`, `npm run db:reset` and the test
 * set-up, so all of them make the same database.
 */
import { env } from "../app/env.server";
import { databasePath, usingPostgres } from "../db/connection";

export async function prepareDatabase(options: { log?: (m: string) => void } = {}) {
  const log = options.log ?? console.log;
  // Imported here, after the caller has settled DATABASE_PATH.
  const { db } = await import("../app/db.server");
  const { runMigrations, updatePlannerStatistics } = await import("../db/migrate");
  const { databaseIsEmpty, seedDatabase } = await import("../db/seed/seed");
  const { withSetupLock } = await import("../db/setup-lock");
  return withSetupLock(
    db,
    async () => {
      await runMigrations(db);
      // An older install's photos on this machine's disk move into the database, once (then any server serves them).
      const { importUploadsFromDisk } = await import("../app/modules/uploads/import-from-disk.server");
      const imported = await importUploadsFromDisk();
      if (imported) log(`Moved ${imported} uploaded image file(s) from ${env().UPLOADS_DIR} into the database.`);
      if (!(await databaseIsEmpty())) return { seeded: false };
      const { SEED_SCALE: scale, SEED_DATE } = env();
      log(`Empty database ${where()}: seeding${scale > 1 ? ` at scale ${scale}` : ""}…`);
      // SEED_DATE (YYYY-MM-DD) pins the day the festivals are placed around; default today.
      const today = SEED_DATE ? new Date(`${SEED_DATE}T00:00:00Z`) : undefined;
      await seedDatabase({ scale, today, log });
      await updatePlannerStatistics(db);
      return { seeded: true };
    },
    { log },
  );
}

/** Where the database is, for the log: the SQLite file, or the PostgreSQL database's name (never the URL: it may hold a password). */
function where(): string {
  if (usingPostgres()) return `(PostgreSQL database "${new URL(process.env.DATABASE_URL!).pathname.slice(1)}")`;
  const p = databasePath();
  return `at ${p.startsWith(process.cwd()) ? p.slice(process.cwd().length + 1) : p}`;
}
