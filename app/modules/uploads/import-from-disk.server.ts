/**
 * The one-time move of an older install's uploads (files in UPLOADS_DIR,
 * from before uploads lived in the database) into the upload storage, so
 * that every server can serve them. Run by the set-up step under its lock
 * (scripts/prepare-database.ts), on the machine that has the files: only
 * one machine ever had them, since disk uploads could not work on two.
 * Files already stored are skipped, so running it again costs one directory
 * listing and one query; the files themselves are left where they are (the
 * operator deletes the folder once satisfied; docs/deploy.md).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { db, transact } from "~/db.server";
import { env } from "~/env.server";
import { UPLOAD_NAME } from "./images.server";
import { uploadStorage } from "./storage.server";

const BATCH = 50;

/** Stores every served-name file of `dir` not stored yet; returns how many it stored. */
export async function importUploadsFromDisk(dir = path.resolve(env().UPLOADS_DIR)): Promise<number> {
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((name) => UPLOAD_NAME.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  let imported = 0;
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH);
    const stored = await uploadStorage.existing(batch);
    const missing = batch.filter((name) => !stored.has(name));
    if (!missing.length) continue;
    // Read before the transaction, so no disk wait holds it open.
    const files = await Promise.all(missing.map(async (name) => ({ name, bytes: new Uint8Array(await fs.readFile(path.join(dir, name))) })));
    await transact(db, async (tx) => {
      for (const file of files) await uploadStorage.put(tx, file.name, { contentType: "image/webp", bytes: file.bytes });
    });
    imported += files.length;
  }
  return imported;
}
