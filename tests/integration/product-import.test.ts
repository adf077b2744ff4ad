/**
 * Bulk import of a store's products (issue 17, point 1): the dry run writes
 * nothing and names every problem by row and column; a confirmed import is
 * one transaction (a failing row takes every other with it); the same file
 * imported again changes nothing; the limits answer in words, never a 500;
 * the organiser imports for a store that applied, in the audit log.
 */
import crypto from "node:crypto";
import { zipSync } from "fflate";
import sharp from "sharp";
import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import { MAX_ROWS, templateColumns, toCsv } from "~/modules/owner/import/columns";
import { commitImport, confirmDraft, planImport, saveDraft } from "~/modules/owner/import/import.server";
import { encodedImageCount } from "~/modules/uploads/images.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { appHandler, ORIGIN, Shopper } from "./http-client";

type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;

const enc = (text: string) => new TextEncoder().encode(text);
const photo = (seed: number, width = 320) =>
  sharp({ create: { width, height: 240, channels: 3, background: { r: (seed * 53) % 256, g: (seed * 101) % 256, b: crypto.randomInt(256) } } })
    .jpeg()
    .toBuffer();

function row(i: number, extra: Record<string, string> = {}) {
  return {
    sku: `IMP-${i}`,
    category: "crafts",
    price: `${10 + i}.50`,
    currency: "USD",
    stock: String(i),
    images: `p${i}.jpg`,
    name_en: `Imported basket ${i}`,
    description_en: `Basket number ${i}, woven by hand.`,
    name_fr: `Panier importé ${i}`,
    ...extra,
  };
}
const csv = (rows: Record<string, string>[]) => enc(toCsv(templateColumns("fr"), rows));
async function zipOf(n: number, width?: number) {
  const files: Record<string, Uint8Array> = {};
  for (let i = 1; i <= n; i++) files[`photos/p${i}.jpg`] = new Uint8Array(await photo(i, width));
  return zipSync(files, { level: 0 });
}

const storeBySlug = async (status: "live" | "pending" | "suspended") => {
  const [store] = await db.select().from(schema.stores).where(eq(schema.stores.status, status)).orderBy(schema.stores.id).limit(1);
  return store;
};
const ownerId = async (email: string) => (await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).limit(1))[0].id;
const productsOf = async (storeId: number) => db.select().from(schema.products).where(eq(schema.products.storeId, storeId));
const productCount = async () => (await db.select({ n: count() }).from(schema.products))[0].n;
const importAudits = async () => db.select().from(schema.auditLog).where(eq(schema.auditLog.action, "products.import"));

let amina: { id: number; store: typeof schema.stores.$inferSelect };

beforeAll(async () => {
  handler = await appHandler();
  const id = await ownerId("amina@silkroad.example");
  const [store] = await db
    .select()
    .from(schema.stores)
    .where(and(eq(schema.stores.ownerId, id), eq(schema.stores.status, "live")))
    .orderBy(schema.stores.id)
    .limit(1);
  amina = { id, store };
});

describe("dry run, confirmation and re-import", () => {
  it("plans without writing, writes every row on confirmation, and finds the same file unchanged the second time", async () => {
    const files = { table: csv([1, 2, 3].map((i) => row(i))), zip: await zipOf(3) };
    const before = await productCount();
    const { plan } = await planImport(amina.store.id, files);
    expect(plan.fileProblems).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.sku, r.action])).toEqual([
      [2, "IMP-1", "create"],
      [3, "IMP-2", "create"],
      [4, "IMP-3", "create"],
    ]);
    expect(await productCount()).toBe(before);

    const draft = await saveDraft({ storeId: amina.store.id, userId: amina.id, fileName: "fr.csv", files, publish: true });
    expect(await productCount()).toBe(before);
    // Another store cannot confirm it, nor a different digest.
    expect(await confirmDraft({ ...draft, storeId: amina.store.id + 1, userId: amina.id, asOrganiser: false })).toEqual({ ok: false, reason: "gone" });
    expect(await confirmDraft({ id: draft.id, digest: "0".repeat(64), storeId: amina.store.id, userId: amina.id, asOrganiser: false })).toEqual({ ok: false, reason: "gone" });
    const done = await confirmDraft({ ...draft, storeId: amina.store.id, userId: amina.id, asOrganiser: false });
    expect(done).toEqual({ ok: true, counts: { created: 3, updated: 0, unchanged: 0 } });
    // Confirming twice (a double click) writes nothing more.
    expect(await confirmDraft({ ...draft, storeId: amina.store.id, userId: amina.id, asOrganiser: false })).toEqual({ ok: false, reason: "gone" });
    expect(await productCount()).toBe(before + 3);

    const imported = (await productsOf(amina.store.id)).filter((p) => p.sku?.startsWith("IMP-"));
    expect(imported.map((p) => [p.sku, p.status, p.priceMinor, p.stock]).sort()).toEqual([
      ["IMP-1", "active", 1150, 1],
      ["IMP-2", "active", 1250, 2],
      ["IMP-3", "active", 1350, 3],
    ]);
    const ids = imported.map((p) => p.id);
    const texts = await db.select().from(schema.productTranslations).where(inArray(schema.productTranslations.productId, ids));
    expect(texts.filter((t) => t.lang === "fr").map((t) => t.name).sort()).toEqual(["Panier importé 1", "Panier importé 2", "Panier importé 3"]);
    const images = await db.select().from(schema.productImages).where(inArray(schema.productImages.productId, ids));
    expect(images).toHaveLength(3);
    for (const i of images) expect(i.url).toMatch(/^\/uploads\/[a-f0-9]{32}-\d+\.webp$/);

    // The same file again: every row unchanged, nothing written but the audit entry.
    const snapshot = JSON.stringify(await productsOf(amina.store.id));
    const again = await planImport(amina.store.id, files);
    expect(again.plan.rows.map((r) => r.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    const second = await saveDraft({ storeId: amina.store.id, userId: amina.id, fileName: "fr.csv", files, publish: true });
    expect(await confirmDraft({ ...second, storeId: amina.store.id, userId: amina.id, asOrganiser: false })).toEqual({ ok: true, counts: { created: 0, updated: 0, unchanged: 3 } });
    expect(JSON.stringify(await productsOf(amina.store.id))).toBe(snapshot);
    expect(await productCount()).toBe(before + 3);

    // A changed price and a new language update that product only, and say which columns change.
    const changed = await planImport(amina.store.id, { ...files, table: csv([row(1, { price: "99.00", name_sw: "Kikapu 1" }), row(2), row(3)]) });
    expect(changed.plan.rows.map((r) => [r.action, r.changes])).toEqual([
      ["update", ["price", "name_sw"]],
      ["unchanged", []],
      ["unchanged", []],
    ]);
  });

  it("a row that fails while writing rolls back every row before it", async () => {
    const files = { table: csv([11, 12, 13].map((i) => row(i, { images: "" }))), zip: null };
    const { plan, writes } = await planImport(amina.store.id, files);
    expect(plan.ready).toBe(true);
    const draft = await saveDraft({ storeId: amina.store.id, userId: amina.id, fileName: "x.csv", files, publish: false });
    // Meanwhile the third row's SKU is taken (by another import, say): its insert fails.
    const [other] = await db.select().from(schema.products).where(eq(schema.products.storeId, amina.store.id)).limit(1);
    await transact(db, (tx) => tx.update(schema.products).set({ sku: "IMP-13" }).where(eq(schema.products.id, other.id)));
    const before = await productCount();
    const audits = (await importAudits()).length;
    await expect(
      commitImport({ draftId: draft.id, storeId: amina.store.id, writes, publish: false, userId: amina.id, asOrganiser: false, fileName: "x.csv", ip: null, now: new Date() }),
    ).rejects.toThrow();
    expect(await productCount()).toBe(before);
    const skus = (await productsOf(amina.store.id)).map((p) => p.sku);
    expect(skus).not.toContain("IMP-11");
    expect(skus).not.toContain("IMP-12");
    expect((await importAudits()).length).toBe(audits);
    // The dry run is still there to confirm (not taken), and its re-check now sees IMP-13 as an existing product.
    const [kept] = await db.select().from(schema.productImports).where(eq(schema.productImports.id, draft.id));
    expect(kept.completedAt).toBeNull();
  });

  it("a broken row among hundreds, with photos, rolls back every product, translation, photo row and stored file", async () => {
    // 450 rows: more than one multi-row statement per table, all in the one transaction.
    const rows = Array.from({ length: 450 }, (_, i) => row(1000 + i, { images: `p${(i % 3) + 1}.jpg` }));
    const files = { table: csv(rows), zip: await zipOf(3) };
    const { plan, writes, encodings } = await planImport(amina.store.id, files);
    expect(plan.counts).toEqual({ created: 450, updated: 0, unchanged: 0, errors: 0 });
    const draft = await saveDraft({ storeId: amina.store.id, userId: amina.id, fileName: "big.csv", files, publish: true, encodings });
    // The last row is broken by the time it is written: its SKU taken by another product of the store.
    const [other] = await db.select().from(schema.products).where(and(eq(schema.products.storeId, amina.store.id), eq(schema.products.status, "active"))).limit(1);
    await transact(db, (tx) => tx.update(schema.products).set({ sku: "IMP-1449" }).where(eq(schema.products.id, other.id)));
    const tally = async () => ({
      products: await productCount(),
      translations: (await db.select({ n: count() }).from(schema.productTranslations))[0].n,
      images: (await db.select({ n: count() }).from(schema.productImages))[0].n,
      files: (await db.select({ n: count() }).from(schema.uploadedFiles))[0].n,
      audits: (await importAudits()).length,
    });
    const before = await tally();
    await expect(
      commitImport({ draftId: draft.id, storeId: amina.store.id, writes, publish: true, userId: amina.id, asOrganiser: false, fileName: "big.csv", ip: null, now: new Date() }),
    ).rejects.toThrow();
    expect(await tally()).toEqual(before);
    const skus = new Set((await productsOf(amina.store.id)).map((p) => p.sku));
    expect(rows.filter((r) => skus.has(r.sku)).map((r) => r.sku)).toEqual(["IMP-1449"]);
    await transact(db, (tx) => tx.update(schema.products).set({ sku: null }).where(eq(schema.products.id, other.id)));
  });

  it("encodes each photo once: the confirmation uses the dry run's encodings, and a re-import or another product with the same photo none", async () => {
    // Photos of a size no other test uses, so none of them was imported before.
    const files = { table: csv([31, 32, 33, 34].map((i) => row(i, { images: `p${(i % 3) + 1}.jpg` }))), zip: await zipOf(3, 330) };
    const start = encodedImageCount();
    const { plan, encodings } = await planImport(amina.store.id, files);
    expect(plan.ready).toBe(true);
    // Three distinct photos for four rows: three encodings.
    expect(encodedImageCount() - start).toBe(3);
    const draft = await saveDraft({ storeId: amina.store.id, userId: amina.id, fileName: "p.csv", files, publish: true, encodings });
    expect(await confirmDraft({ ...draft, storeId: amina.store.id, userId: amina.id, asOrganiser: false })).toEqual({ ok: true, counts: { created: 4, updated: 0, unchanged: 0 } });
    expect(encodedImageCount() - start).toBe(3);
    const ids = (await productsOf(amina.store.id)).filter((p) => ["IMP-31", "IMP-32", "IMP-33", "IMP-34"].includes(p.sku ?? "")).map((p) => p.id);
    const images = await db.select().from(schema.productImages).where(inArray(schema.productImages.productId, ids));
    expect(images).toHaveLength(4);
    expect(new Set(images.map((i) => i.url)).size).toBe(3);
    for (const i of images) expect(i.sourceSha256).toMatch(/^[a-f0-9]{64}$/);
    // Every width of each photo is stored and served.
    for (const url of new Set(images.map((i) => i.url))) {
      const stem = url.slice("/uploads/".length, "/uploads/".length + 32);
      const stored = await db.select({ key: schema.uploadedFiles.key }).from(schema.uploadedFiles).where(inArray(schema.uploadedFiles.key, [400, 800, 1600].map((w) => `${stem}-${w}.webp`)));
      expect(stored).toHaveLength(3);
    }

    // The same file again, and a new product with an already imported photo: checked, not encoded.
    const again = { ...files, table: csv([31, 32, 33, 34].map((i) => row(i, { images: `p${(i % 3) + 1}.jpg` })).concat(row(35, { images: "p1.jpg" }))) };
    const second = await planImport(amina.store.id, again);
    expect(second.plan.rows.map((r) => r.action)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged", "create"]);
    const draft2 = await saveDraft({ storeId: amina.store.id, userId: amina.id, fileName: "p.csv", files: again, publish: true, encodings: second.encodings });
    expect(await confirmDraft({ ...draft2, storeId: amina.store.id, userId: amina.id, asOrganiser: false })).toEqual({ ok: true, counts: { created: 1, updated: 0, unchanged: 4 } });
    expect(encodedImageCount() - start).toBe(3);
    const [p35] = (await productsOf(amina.store.id)).filter((p) => p.sku === "IMP-35");
    const [cover] = await db.select().from(schema.productImages).where(eq(schema.productImages.productId, p35.id));
    expect(images.map((i) => i.url)).toContain(cover.url);

  });

  it("names every problem by row and column, and a dry run with problems has nothing to confirm", async () => {
    const files = {
      table: csv([row(21), row(22, { price: "12,5,0" }), row(23, { category: "spaceships" }), row(21, { name_en: "" }), row(24, { images: "missing.jpg" }), row(25, { currency: "EUR" })]),
      zip: await zipOf(25),
    };
    const before = await productCount();
    const { plan } = await planImport(amina.store.id, files);
    expect(plan.ready).toBe(false);
    const problems = plan.rows.flatMap((r) => r.problems.map((p) => [p.row, p.column, p.letter, p.key]));
    expect(problems).toEqual([
      [3, "price", "C", "owner.errors.priceInvalid"],
      [4, "category", "B", "owner.import.errors.category"],
      [5, "sku", "A", "owner.import.errors.skuRepeated"],
      [5, "name_en", "G", "owner.errors.englishNameRequired"],
      [6, "images", "F", "owner.import.errors.photoNotInZip"],
      [7, "currency", "D", "owner.import.errors.currency"],
    ]);
    expect(plan.rows[0].action).toBe("create");
    expect(await productCount()).toBe(before);
  });
});

describe("limits and bad files answer with a reason", () => {
  const problemsOf = async (table: Uint8Array, zip: Uint8Array | null = null) => (await planImport(amina.store.id, { table, zip })).plan.fileProblems.map((p) => [p.key, p.values ?? {}]);

  it("too many rows, broken CSV, repeated, unknown and missing columns, old Excel, not UTF-8, not a ZIP, a ZIP bomb", async () => {
    const many = Array.from({ length: MAX_ROWS + 1 }, (_, i) => row(1000 + i, { images: "" }));
    expect(await problemsOf(csv(many))).toEqual([["owner.import.errors.tooManyRows", { max: MAX_ROWS, count: MAX_ROWS + 1 }]]);
    expect((await problemsOf(enc('sku,category,price,stock,name_en\nA,crafts,"12,3\n')))[0][0]).toBe("owner.import.errors.csvBroken");
    expect(await problemsOf(enc("sku,category,price,stock,name_en,price\nA,crafts,1,1,x,2\n"))).toEqual([["owner.import.errors.repeatedColumn", { column: "price" }]]);
    expect(await problemsOf(enc("sku,category,price,stock,name_en,colour\n"))).toEqual([["owner.import.errors.unknownColumn", { column: "colour" }]]);
    expect(await problemsOf(enc("sku,category,price,name_en\nA,crafts,1,x\n"))).toEqual([["owner.import.errors.missingColumn", { column: "stock" }]]);
    expect(await problemsOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))).toEqual([["owner.import.errors.oldExcel", {}]]);
    expect(await problemsOf(new Uint8Array([0x73, 0x6b, 0x75, 0xff, 0xfe, 0x0a]))).toEqual([["owner.import.errors.notUtf8", {}]]);
    expect(await problemsOf(enc("sku,category,price,stock,name_en\n"))).toEqual([["owner.import.errors.noRows", {}]]);
    const table = csv([row(31)]);
    expect(await problemsOf(table, enc("not a zip"))).toEqual([["owner.import.errors.zipType", {}]]);
    expect(await problemsOf(table, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toEqual([["owner.import.errors.zipBroken", {}]]);
    // A ZIP whose one photo unpacks past the single-upload limit: refused for that row, never unpacked.
    const bomb = zipSync({ "p31.jpg": new Uint8Array(6 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(100_000);
    const { plan } = await planImport(amina.store.id, { table, zip: bomb });
    expect(plan.rows[0].problems.map((p) => [p.column, p.key])).toEqual([["images", "owner.images.errors.tooBig"]]);
    // A photo that is not a photo gets the single upload's own reason.
    const fake = zipSync({ "p31.jpg": enc("<script>alert(1)</script>") });
    expect((await planImport(amina.store.id, { table, zip: fake })).plan.rows[0].problems.map((p) => p.key)).toEqual(["owner.images.errors.type"]);
  });
});

async function postImport(who: Shopper, pathname: string, parts: Record<string, string | { bytes: Uint8Array; name: string; type: string }>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(parts)) {
    if (typeof v === "string") form.append(k, v);
    else form.append(k, new Blob([new Uint8Array(v.bytes)], { type: v.type }), v.name);
  }
  return handler(
    new Request(new URL(pathname, ORIGIN), { method: "POST", body: form, redirect: "manual", headers: { Cookie: who.cookieHeader, Origin: ORIGIN, Host: new URL(ORIGIN).host } }),
  );
}
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? "";

describe("through the pages", () => {
  it("the organiser imports for a store that applied, recorded in the audit log; not for a suspended one; an owner cannot use it", async () => {
    const organiser = new Shopper();
    expect((await organiser.post("/login", { email: "organiser@silkroad.example", password: DEMO_PASSWORDS.organiser }, handler)).status).toBe(302);
    const pending = await storeBySlug("pending");
    const page = `/organiser/stores/${pending.slug}/import`;
    const first = await organiser.get(page, handler);
    expect(first.status).toBe(200);
    const table = { bytes: csv([row(41, { images: "" }), row(42, { images: "" })]), name: "pending.csv", type: "text/csv" };
    const dry = await postImport(organiser, page, { intent: "dryRun", file: table });
    expect(dry.status).toBe(200);
    const html = await dry.text();
    expect(html).toContain("New: 2");
    const confirmed = await postImport(organiser, page, { intent: "confirm", draft: hidden(html, "draft"), digest: hidden(html, "digest") });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toMatch(/^\/organiser\/stores\/.+\/import\?done=[a-f0-9]{32}$/);
    const donePage = await (await organiser.get(confirmed.headers.get("Location")!, handler)).text();
    expect(donePage).toContain("Import finished");
    const organiserId = await ownerId("organiser@silkroad.example");
    const entry = (await importAudits()).find((a) => a.subjectId === String(pending.id));
    expect(entry).toMatchObject({ userId: organiserId, subjectType: "store" });
    expect(entry!.detail).toMatchObject({ created: 2, asOrganiser: true });
    expect((await productsOf(pending.id)).filter((p) => p.sku?.startsWith("IMP-4")).map((p) => p.status)).toEqual(["draft", "draft"]);

    const suspended = await storeBySlug("suspended");
    if (suspended) expect((await organiser.get(`/organiser/stores/${suspended.slug}/import`, handler)).status).toBe(404);
    const owner = new Shopper();
    expect((await owner.post("/login", { email: "kwame@silkroad.example", password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
    expect((await owner.get(page, handler)).status).toBe(403);
    // Nor another owner's store through the owner's page.
    expect((await owner.get(`/dashboard/stores/${amina.store.slug}/products/import`, handler)).status).toBe(404);
  });

  it("bad requests get a translated answer, never a 500", async () => {
    const owner = new Shopper();
    expect((await owner.post("/login", { email: "amina@silkroad.example", password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
    const page = `/fr/dashboard/stores/${amina.store.slug}/products/import`;
    // No file.
    const none = await postImport(owner, page, { intent: "dryRun" });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Choisissez un fichier CSV ou XLSX.");
    // A repeated field.
    const form = new FormData();
    form.append("intent", "dryRun");
    form.append("intent", "dryRun");
    const repeated = await handler(new Request(new URL(page, ORIGIN), { method: "POST", body: form, headers: { Cookie: owner.cookieHeader, Origin: ORIGIN, Host: "localhost" } }));
    expect(repeated.status).toBe(400);
    // JSON instead of a form.
    const json = await handler(new Request(new URL(page, ORIGIN), { method: "POST", body: "{}", headers: { "Content-Type": "application/json", Cookie: owner.cookieHeader, Origin: ORIGIN, Host: "localhost" } }));
    expect(json.status).toBe(400);
    // A confirmation with a made-up id.
    const made = await postImport(owner, page, { intent: "confirm", draft: "a".repeat(32), digest: "b".repeat(64) });
    expect(made.status).toBe(409);
    expect(await made.text()).toContain("Cette vérification a expiré");
    // Too large to read at all.
    const big = await handler(
      new Request(new URL(page, ORIGIN), { method: "POST", body: "x", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(200 * 1024 * 1024), Cookie: owner.cookieHeader, Origin: ORIGIN, Host: "localhost" } }),
    );
    expect(big.status).toBe(413);
    // A dry run with an error: its report, with the row and column in French, and nothing to confirm.
    const bad = await postImport(owner, page, { intent: "dryRun", file: { bytes: csv([row(51, { images: "", price: "abc" })]), name: "x.csv", type: "text/csv" } });
    expect(bad.status).toBe(200);
    const text = await bad.text();
    expect(text).toContain("Ligne 2, colonne C (price)");
    // The template and example, in French.
    const template = await owner.get("/fr/dashboard/import-files/template.csv", handler);
    expect(template.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await template.arrayBuffer());
    // A byte-order mark first, so a spreadsheet opens it as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n")[0]).toBe("sku,category,price,currency,stock,images,name_en,description_en,origin_note_en,name_fr,description_fr,origin_note_fr,name_zh,description_zh,origin_note_zh,name_ar,description_ar,origin_note_ar,name_pt,description_pt,origin_note_pt,name_sw,description_sw,origin_note_sw");
    const example = await (await owner.get("/fr/dashboard/import-files/example.csv", handler)).text();
    expect(example).toContain("Écharpe kente tissée main");
  });
});
