import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TMP_ROOT } from "./paths";

export default async function setup(project: TestProject) {
  const runDir = path.join(TMP_ROOT, `run-${process.pid}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  project.provide("runDir", runDir);
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return setUpPostgres(project, serverUrl, runDir);

  const baseDb = path.join(runDir, "base.sqlite");
  process.env.DATABASE_PATH = baseDb;
  const { prepareDatabase } = await import("../../scripts/prepare-database");
  await prepareDatabase({ log: () => {} });
  // Fold the WAL into the main file so a plain copy is complete.
  const { db } = await import("../../app/db.server");
  const { foldWalIntoFile } = await import("../../db/checkpoints");
  await foldWalIntoFile(db);
  db.$client.close();
  project.provide("baseDb", baseDb);
  project.provide("postgresServer", "");
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}

/**
 * PostgreSQL (DATABASE_URL set): a base database migrated and seeded once,
 * as the SQLite branch does (prepareDatabase), which every test file copies
 * (`CREATE DATABASE … TEMPLATE`, tests/setup/database.ts).
 */
async function setUpPostgres(project: TestProject, serverUrl: string, runDir: string) {
  const { createBaseDatabase, databaseUrl, dropRunDatabases, runPrefix } = await import("./postgres");
  const base = await createBaseDatabase(serverUrl);
  process.env.DATABASE_URL = databaseUrl(serverUrl, base);
  const { prepareDatabase } = await import("../../scripts/prepare-database");
  await prepareDatabase({ log: () => {} });
  // A template must have no open connection while it is copied.
  const { db } = await import("../../app/db.server");
  const { closeDatabase } = await import("../../db/connection");
  await closeDatabase(db);
  process.env.DATABASE_URL = serverUrl;
  project.provide("baseDb", base);
  project.provide("postgresServer", serverUrl);
  return async () => {
    await dropRunDatabases(serverUrl, runPrefix());
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}
