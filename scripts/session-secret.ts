/**
 * `npm start` needs no configuration: without SESSION_SECRET it creates a
 * random one on first run, keeps it beside the database (mode 0600) and
 * says so. Never a fixed, public default. That file is one machine's: with
 * several servers, every one is given the same SESSION_SECRET list instead
 * (docs/deploy.md).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { strongSecrets } from "../app/env.server";
import { databasePath } from "../db/connection";

export function ensureSessionSecret(log: (m: string) => void = console.log): void {
  if (strongSecrets(process.env.SESSION_SECRET)) return;
  const file = path.join(path.dirname(databasePath()), "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
    log(`No SESSION_SECRET given: created a random one in ${path.relative(process.cwd(), file)} (kept for later runs).`);
  }
  process.env.SESSION_SECRET = fs.readFileSync(file, "utf8").trim();
}
