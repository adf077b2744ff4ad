import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import Database from "better-sqlite3";
import { foldWalIntoFile, startBackgroundCheckpoints } from "./checkpoints";
import { openDatabase } from "./connection";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "checkpoints-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a background thread copies committed WAL frames back while the app keeps writing", async () => {
  const db = openDatabase(path.join(dir, "wal.sqlite"));
  db.$client.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  const stop = startBackgroundCheckpoints(db, { intervalMs: 10 });
  // The app's own automatic checkpoint is only a backstop now, far above this test's writes.
  expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);

  const insert = db.$client.prepare("INSERT INTO t (body) VALUES (?)");
  for (let i = 0; i < 300; i++) {
    insert.run("x".repeat(2000));
    if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 15));
  }
  const copied = await stop();
  expect(copied).toBeGreaterThan(0);

  // Everything committed is in the database file: nothing left in the WAL to copy.
  const [state] = db.$client.pragma("wal_checkpoint(PASSIVE)") as { log: number; checkpointed: number }[];
  expect(state.checkpointed).toBe(state.log);
  expect(db.$client.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 300 });
  db.$client.close();
});

test("stopping twice, or a database in memory, is harmless", async () => {
  const db = openDatabase(path.join(dir, "twice.sqlite"));
  const stop = startBackgroundCheckpoints(db, { intervalMs: 10 });
  await stop();
  await expect(stop()).resolves.toBe(0);
  db.$client.close();

  const memory = openDatabase(":memory:");
  await expect(startBackgroundCheckpoints(memory)()).resolves.toBe(0);
  memory.$client.close();
});

test("folding the WAL into the file, with the background thread busy, leaves a file whose plain copy is complete", async () => {
  const file = path.join(dir, "fold.sqlite");
  const db = openDatabase(file);
  db.$client.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  startBackgroundCheckpoints(db, { intervalMs: 1 });
  const insert = db.$client.prepare("INSERT INTO t (body) VALUES (?)");
  for (let i = 0; i < 500; i++) insert.run("y".repeat(3000));
  await foldWalIntoFile(db);
  expect(fs.statSync(`${file}-wal`).size).toBe(0);

  const copy = path.join(dir, "fold-copy.sqlite");
  fs.copyFileSync(file, copy);
  const reader = new Database(copy, { readonly: true });
  expect(reader.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 500 });
  reader.close();
  db.$client.close();
});
