/**
 * Runs before each test file: gives it a private copy of the seeded base
 * database, so tests never see each other's writes. Must run before any
 * module opens the database (app/db.server.ts reads DATABASE_PATH on import).
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { BASE_DB, TMP_DIR } from "./paths";

const copy = path.join(TMP_DIR, `test-${randomUUID()}.sqlite`);
fs.copyFileSync(BASE_DB, copy);
process.env.DATABASE_PATH = copy;
