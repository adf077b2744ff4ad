import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { BASE_DB, TMP_DIR } from "./paths";

/** A fresh copy of the seeded base database, for a server started by a test. */
export function copyBaseDatabase(): string {
  const copy = path.join(TMP_DIR, `server-${randomUUID()}.sqlite`);
  fs.copyFileSync(BASE_DB, copy);
  return copy;
}
