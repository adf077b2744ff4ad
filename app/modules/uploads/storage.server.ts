/**
 * Where uploaded files live: one small interface (put, get, delete by key)
 * so that any app server can serve any upload. The database is the default
 * and, for now, the only implementation (docs/decisions/0027-uploads-in-the-database.md);
 * an object store would implement the same three calls.
 *
 * Keys are content-addressed (app/modules/uploads/images.server.ts), so the
 * bytes under a key never change: `put` of an existing key keeps the row.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { db, schema, type Tx } from "~/db.server";

export interface UploadedFile {
  contentType: string;
  bytes: Uint8Array;
}

export interface UploadStorage {
  /** Stores `file` under `key`, in the caller's transaction; a key already stored keeps its bytes (they are the same). */
  put(tx: Tx, key: string, file: UploadedFile): Promise<void>;
  get(key: string): Promise<UploadedFile | null>;
  /** Removes these keys, in the caller's transaction. */
  delete(tx: Tx, keys: readonly string[]): Promise<void>;
  /** Takes the keys' rows for this transaction (a row lock on PostgreSQL), so a concurrent `put` of the same key waits for it; how many of them are stored. */
  lock(tx: Tx, keys: readonly string[]): Promise<number>;
  /** Which of these keys are stored. */
  existing(keys: readonly string[]): Promise<Set<string>>;
}

const { uploadedFiles } = schema;

const databaseStorage: UploadStorage = {
  async put(tx, key, file) {
    const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
    await tx
      .insert(uploadedFiles)
      .values({ key, contentType: file.contentType, bytes, byteLength: bytes.byteLength, createdAt: new Date() })
      // An update rather than "do nothing": on PostgreSQL it locks an existing row, so a delete of the
      // same key in another transaction (lock, then check references) sees this one's reference or waits.
      .onConflictDoUpdate({ target: uploadedFiles.key, set: { contentType: file.contentType } });
  },
  async get(key) {
    const [row] = await db.select({ contentType: uploadedFiles.contentType, bytes: uploadedFiles.bytes }).from(uploadedFiles).where(eq(uploadedFiles.key, key)).limit(1);
    return row ? { contentType: row.contentType, bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) } : null;
  },
  async delete(tx, keys) {
    if (keys.length) await tx.delete(uploadedFiles).where(inArray(uploadedFiles.key, [...keys]));
  },
  async lock(tx, keys) {
    // A write that changes nothing: SQLite's transaction already holds the write lock; PostgreSQL locks the rows.
    if (!keys.length) return 0;
    const locked = await tx
      .update(uploadedFiles)
      .set({ key: sql`${uploadedFiles.key}` })
      .where(inArray(uploadedFiles.key, [...keys]))
      .returning({ key: uploadedFiles.key });
    return locked.length;
  },
  async existing(keys) {
    if (!keys.length) return new Set();
    const found = await db.select({ key: uploadedFiles.key }).from(uploadedFiles).where(inArray(uploadedFiles.key, [...keys]));
    return new Set(found.map((r) => r.key));
  },
};

/** The storage uploads go to (the database). */
export const uploadStorage: UploadStorage = databaseStorage;
