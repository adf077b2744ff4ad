/**
 * One migration's SQL applied by itself to a database file, as the migrator
 * would apply it (its statements in one transaction). Tests of a migration's
 * backfill use it on a copy of a live database with just that migration's
 * objects taken away, so later migrations never have to be undone by hand.
 */
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

const MIGRATIONS = path.resolve("db/migrations");

/** The SQL file whose tag starts with `prefix` ("0003_"), split at drizzle-kit's breakpoints. */
function migrationStatements(prefix: string): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const entry = journal.entries.find((e) => e.tag.startsWith(prefix));
  if (!entry) throw new Error(`No migration ${prefix}* in the journal`);
  return fs
    .readFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function applyMigration(sqlite: Database.Database, prefix: string): void {
  const statements = migrationStatements(prefix);
  sqlite.transaction(() => {
    for (const statement of statements) sqlite.exec(statement);
  })();
}
