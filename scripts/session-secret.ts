/**
 * `npm start` needs no configuration: without SESSION_SECRET it creates a
 * random one on first run, keeps it beside the database (mode 0600) and
 * says so. Never a fixed, public default.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "../db/connection";

export function ensureSessionSecret(log: (m: string) => void = console.log): void {
  if (process.env.SESSION_SECRET && process.env.SESSION_SECRET.length >= 32) return;
  const file = path.join(path.dirname(databasePath()), "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
    log(`No SESSION_SECRET given: created a random one in ${path.relative(process.cwd(), file)} (kept for later runs).`);
  }
  process.env.SESSION_SECRET = fs.readFileSync(file, "utf8").trim();
}
