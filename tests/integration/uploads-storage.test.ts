/**
 * Issue 15, point 3: uploaded images are stored so that any app server can
 * serve them. An owner's photo posted to this process (the built app,
 * in-process) is stored once, in the database, under a content-addressed
 * name; a second app process on the same database (a server started on the
 * same file) serves the same bytes with an immutable cache and a strong ETag;
 * a photo shown twice stays until neither shows it, and then it is gone from
 * every server. An older install's files on disk move into the database once.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, schema } from "~/db.server";
import { importUploadsFromDisk } from "~/modules/uploads/import-from-disk.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { startTestServer, type TestServer } from "../browser/harness";
import { appHandler, ORIGIN, Shopper } from "./http-client";

type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;
let second: TestServer;
const kwame = new Shopper();

const storedCount = async () => (await db.select({ n: count() }).from(schema.uploadedFiles))[0].n;
const storedBytes = async (key: string) => {
  const [row] = await db.select({ bytes: schema.uploadedFiles.bytes }).from(schema.uploadedFiles).where(eq(schema.uploadedFiles.key, key)).limit(1);
  return row ? Buffer.from(row.bytes) : null;
};

/** A photo no other test makes: its colour is random. */
const uniquePhoto = () =>
  sharp({ create: { width: 1000, height: 700, channels: 3, background: { r: crypto.randomInt(256), g: crypto.randomInt(256), b: crypto.randomInt(256) } } })
    .jpeg({ quality: 85 })
    .toBuffer();

async function postPhoto(pathname: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("image", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "photo.jpg");
  return handler(new Request(new URL(pathname, ORIGIN), { method: "POST", body: form, redirect: "manual", headers: { Cookie: kwame.cookieHeader, Origin: ORIGIN, Host: new URL(ORIGIN).host } }));
}

let editPath = "";
let productId = 0;

beforeAll(async () => {
  handler = await appHandler();
  expect((await kwame.post("/login", { email: "kwame@silkroad.example", password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
  const [owner] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "kwame@silkroad.example")).limit(1);
  const [store] = await db.select().from(schema.stores).where(and(eq(schema.stores.ownerId, owner.id), eq(schema.stores.status, "live"))).orderBy(schema.stores.id).limit(1);
  const [product] = await db.select().from(schema.products).where(eq(schema.products.storeId, store.id)).orderBy(schema.products.id).limit(1);
  productId = product.id;
  editPath = `/dashboard/stores/${store.slug}/products/${product.id}`;
  // A second app process on this test's own database (either engine).
  second = await startTestServer(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATABASE_PATH: process.env.DATABASE_PATH! });
}, 120_000);
afterAll(async () => {
  await second?.stop();
});

describe("uploads in the database", () => {
  it("stores an upload once under a hash of its bytes; a second process serves the same bytes, immutable, with a strong ETag; it goes when nothing shows it", async () => {
    const imagesOf = () => db.select().from(schema.productImages).where(eq(schema.productImages.productId, productId)).orderBy(schema.productImages.id);
    const before = { files: await storedCount(), images: (await imagesOf()).length };
    const photo = await uniquePhoto();

    expect((await postPhoto(editPath, photo)).status).toBe(302);
    const added = (await imagesOf()).at(-1)!;
    const name = added.url.replace("/uploads/", "");
    const stem = name.slice(0, 32);
    const keys = [400, 800, 1600].map((w) => `${stem}-${w}.webp`);
    expect(name).toBe(keys[2]);
    expect(await storedCount()).toBe(before.files + 3);
    // Content-addressed: the name is the hash of the stored widths' bytes.
    const files = await Promise.all(keys.map(async (k) => (await storedBytes(k))!));
    const hash = crypto.createHash("sha256");
    for (const f of files) hash.update(`${f.byteLength}:`).update(f);
    expect(hash.digest("hex").slice(0, 32)).toBe(stem);

    // The other process, on its own connection, serves exactly those bytes.
    const served = await fetch(`${second.url}${added.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("ETag")).toBe(`"${stem}-1600"`);
    // The server sets it on every response too (scripts/server.ts), hence possibly twice.
    expect(served.headers.get("X-Content-Type-Options")).toMatch(/^nosniff(, nosniff)?$/);
    expect(Buffer.from(await served.arrayBuffer()).equals(files[2])).toBe(true);
    const revalidated = await fetch(`${second.url}${added.url}`, { headers: { "If-None-Match": `"${stem}-1600"` } });
    expect(revalidated.status).toBe(304);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);

    // The same photo again: a second row shows it, its files are not stored twice.
    expect((await postPhoto(editPath, photo)).status).toBe(302);
    const showing = (await imagesOf()).filter((i) => i.url === added.url);
    expect(showing.length).toBe(2);
    expect(await storedCount()).toBe(before.files + 3);

    // Deleting one row keeps the files the other still shows; deleting the last removes them everywhere.
    expect((await kwame.post(editPath, { intent: "delete", image: showing[0].id }, handler)).status).toBe(302);
    expect(await storedCount()).toBe(before.files + 3);
    expect((await fetch(`${second.url}${added.url}`)).status).toBe(200);
    expect((await kwame.post(editPath, { intent: "delete", image: showing[1].id }, handler)).status).toBe(302);
    expect((await imagesOf()).length).toBe(before.images);
    expect(await storedCount()).toBe(before.files);
    expect(await db.select({ n: count() }).from(schema.uploadedFiles).where(inArray(schema.uploadedFiles.key, keys))).toEqual([{ n: 0 }]);
    for (const k of keys) expect((await fetch(`${second.url}/uploads/${k}`)).status).toBe(404);
  });

  it("moves an older install's files from disk into the database once, and serves them by their old names", async () => {
    const dir = path.join(inject("runDir"), `legacy-uploads-${crypto.randomUUID()}`);
    fs.mkdirSync(dir);
    const oldName = `${crypto.randomBytes(16).toString("hex")}-800.webp`;
    const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 10, g: 200, b: 90 } } }).webp().toBuffer();
    fs.writeFileSync(path.join(dir, oldName), bytes);
    // Not a name the server ever chose: left alone.
    fs.writeFileSync(path.join(dir, "notes.txt"), "not an upload");
    const before = await storedCount();

    expect(await importUploadsFromDisk(dir)).toBe(1);
    expect(await importUploadsFromDisk(dir)).toBe(0);
    expect(await storedCount()).toBe(before + 1);
    const served = await fetch(`${second.url}/uploads/${oldName}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    expect(await importUploadsFromDisk(path.join(dir, "missing"))).toBe(0);
  });
});
