import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TMP_ROOT } from "./paths";

export default async function setup(project: TestProject) {
  const runDir = path.join(TMP_ROOT, `run-${process.pid}`);
  const baseDb = path.join(runDir, "base.sqlite");
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  process.env.DATABASE_PATH = baseDb;
  const { prepareDatabase } = await import("../../scripts/prepare-database");
  await prepareDatabase({ log: () => {} });
  // Fold the WAL into the main file so a plain copy is complete.
  const { db } = await import("../../app/db.server");
  const { foldWalIntoFile } = await import("../../db/checkpoints");
  await foldWalIntoFile(db);
  db.$client.close();
  project.provide("runDir", runDir);
  project.provide("baseDb", baseDb);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
