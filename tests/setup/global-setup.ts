import fs from "node:fs";
import { BASE_DB, TMP_DIR } from "./paths";

export default async function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  process.env.DATABASE_PATH = BASE_DB;
  const { prepareDatabase } = await import("../../scripts/prepare-database");
  await prepareDatabase({ log: () => {} });
  // Fold the WAL into the main file so a plain copy is complete.
  const { db } = await import("../../app/db.server");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
