/** `npm run db:reset`: deletes the database file and makes a fresh, seeded one. */
import fs from "node:fs";
import { databasePath } from "../db/connection";
import { prepareDatabase } from "./prepare-database";

const file = databasePath();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
console.log(`Removed ${file.replace(process.cwd() + "/", "")}`);
await prepareDatabase();
