/**
 * Bulk import of a store's products (issue 17, point 1;
 * docs/decisions/0032-bulk-product-import.md). Three steps:
 *   planImport: read the files, check every row as the product form would,
 *     match rows to the store's products by SKU, check and encode the photos
 *     as single uploads are; writes nothing.
 *   saveDraft: keep the upload (not the plan) in the database under a random
 *     id with the digest of what was shown, so any app server can confirm it.
 *   confirmDraft: plan again from the stored files and, if it is still clean,
 *     write every row in one transaction with an audit entry, or nothing.
 * Rows are matched by SKU (unique per store), so the same file imported
 * twice finds every product unchanged and writes nothing but the audit entry.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import { db, schema, transact, type Tx } from "~/db.server";
import { audit } from "../../auth/audit.server";
import { LANGS, type Lang } from "../../i18n/config";
import { BASE_CURRENCY } from "../../money/money";
import { ImageRejected, prepareImage, releaseImage, saveImage, type PreparedImage } from "../../uploads/images.server";
import { PHOTOS_AT_CREATE } from "../images.server";
import { writeTranslations } from "../products.server";
import { parsePriceToMinor, productSchema, type ProductInput } from "../schemas";
import { slugify } from "../stores.server";
import { DRAFT_TTL_MS, IMAGE_SEPARATOR, MAX_ROWS, SKU_PATTERN, columnLetter, TEXT_FIELDS } from "./columns";
import { photoKey, readPhotoZip, readTable, type ImportProblem, type ZipPhoto } from "./read-files.server";

export type { ImportProblem } from "./read-files.server";

export type RowAction = "create" | "update" | "unchanged" | "error";

/** One row as the dry run shows it. */
export interface RowPlan {
  row: number;
  sku: string;
  name: string;
  action: RowAction;
  /** For an update: the columns whose value changes. */
  changes: string[];
  problems: ImportProblem[];
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportPlan {
  /** Problems with the whole file (its type, columns, size); no rows are read past them. */
  fileProblems: ImportProblem[];
  rows: RowPlan[];
  counts: ImportCounts & { errors: number };
  /** True when there is something to confirm: no problem anywhere. */
  ready: boolean;
}

/** What a clean row writes (kept server-side, never sent to the page). */
interface RowWrite {
  sku: string;
  productId: number | null;
  categoryId: number;
  priceMinor: number;
  stock: number;
  input: ProductInput;
  langs: Lang[];
  /** Null: the file has no photos for it, keep what the product has. */
  images: PreparedImage[] | null;
  oldImageUrls: string[];
  changed: boolean;
}

export interface ImportFiles {
  table: Uint8Array;
  zip: Uint8Array | null;
}

const formField = (column: string) => column.replace(/^origin_note_/, "originNote_");
const fileColumn = (field: string) => field.replace(/^originNote_/, "origin_note_");

/** Photo encodings run a few at a time: sharp works on its own threads, so two cores stay busy without queueing everything at once. */
const PHOTO_CONCURRENCY = 4;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function storeProducts(storeId: number, skus: string[]) {
  const existing = new Map<string, { id: number; categoryId: number; priceMinor: number; stock: number; texts: Map<string, { name: string; description: string; originNote: string }>; imageUrls: string[] }>();
  if (!skus.length) return existing;
  const { products, productTranslations, productImages } = schema;
  const found = await db
    .select({ id: products.id, sku: products.sku, categoryId: products.categoryId, priceMinor: products.priceMinor, stock: products.stock })
    .from(products)
    .where(and(eq(products.storeId, storeId), isNotNull(products.sku)));
  const wanted = new Set(skus);
  const byId = new Map<number, string>();
  for (const p of found) {
    if (!p.sku || !wanted.has(p.sku)) continue;
    existing.set(p.sku, { id: p.id, categoryId: p.categoryId, priceMinor: p.priceMinor, stock: p.stock, texts: new Map(), imageUrls: [] });
    byId.set(p.id, p.sku);
  }
  const ids = [...byId.keys()];
  // In slices: a parameter list stays well under either engine's limit.
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    for (const t of await db.select().from(productTranslations).where(inArray(productTranslations.productId, slice))) {
      existing.get(byId.get(t.productId)!)!.texts.set(t.lang, { name: t.name, description: t.description, originNote: t.originNote });
    }
    for (const img of await db
      .select({ productId: productImages.productId, url: productImages.url })
      .from(productImages)
      .where(inArray(productImages.productId, slice))
      .orderBy(asc(productImages.productId), asc(productImages.position), asc(productImages.id))) {
      existing.get(byId.get(img.productId)!)!.imageUrls.push(img.url);
    }
  }
  return existing;
}

/** The dry run: every row checked and compared with the store's products; nothing written. */
export async function planImport(storeId: number, files: ImportFiles): Promise<{ plan: ImportPlan; writes: RowWrite[] }> {
  const empty = (fileProblems: ImportProblem[]) => ({
    plan: { fileProblems, rows: [], counts: { created: 0, updated: 0, unchanged: 0, errors: 0 }, ready: false },
    writes: [],
  });
  const table = await readTable(files.table, MAX_ROWS);
  if (!table.ok) return empty(table.problems);
  let photos = new Map<string, ZipPhoto>();
  if (files.zip) {
    const zip = readPhotoZip(files.zip);
    if (!zip.ok) return empty(zip.problems);
    photos = zip.photos;
  }
  const columns = table.columns;
  const at = (row: number, column: string) => ({ row, column, letter: columnLetter(columns.indexOf(column)) });
  const langs = LANGS.filter((lang) => columns.includes(`name_${lang}`));
  const categories = new Map((await db.select({ id: schema.categories.id, slug: schema.categories.slug }).from(schema.categories)).map((c) => [c.slug, c.id]));
  const skus = table.rows.map((r) => r.values.sku.trim()).filter((s) => SKU_PATTERN.test(s));
  const existing = await storeProducts(storeId, skus);

  // Every photo named by any row, encoded once (the same photo may serve several products).
  const named = new Set<string>();
  for (const r of table.rows) for (const n of photoNames(r.values.images)) named.add(photoKey(n));
  const prepared = new Map<string, PreparedImage | ImageRejected["reason"] | "ambiguous" | "notInZip">();
  await mapLimited([...named], PHOTO_CONCURRENCY, async (key) => {
    const photo = photos.get(key);
    if (!photo) return void prepared.set(key, "notInZip");
    if (!photo.ok) return void prepared.set(key, photo.reason);
    try {
      prepared.set(key, await prepareImage(photo.bytes));
    } catch (error) {
      if (!(error instanceof ImageRejected)) throw error;
      prepared.set(key, error.reason);
    }
  });

  const firstRowOfSku = new Map<string, number>();
  const rows: RowPlan[] = [];
  const writes: RowWrite[] = [];
  for (const { row, values, problems } of table.rows) {
    const sku = values.sku.trim();
    const rowProblems = [...problems];
    const problem = (column: string, key: string, v?: ImportProblem["values"]) => rowProblems.push({ ...at(row, column), key, values: v });
    if (!sku) problem("sku", "owner.import.errors.skuRequired");
    else if (!SKU_PATTERN.test(sku)) problem("sku", "owner.import.errors.skuInvalid");
    else if (firstRowOfSku.has(sku)) problem("sku", "owner.import.errors.skuRepeated", { row: firstRowOfSku.get(sku)! });
    else firstRowOfSku.set(sku, row);

    const formValues: Record<string, unknown> = {};
    for (const column of columns) {
      if (["sku", "currency", "images"].includes(column)) continue;
      const value = values[column].trim();
      if (value === "") continue;
      formValues[formField(column)] = column === "stock" ? (/^\d{1,9}$/.test(value) ? Number(value) : value) : value;
    }
    const checked = productSchema.safeParse(formValues);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? "");
        const column = fileColumn(field);
        problem(columns.includes(column) ? column : "name_en", issue.message);
      }
    }
    const currency = (values.currency ?? "").trim().toUpperCase();
    if (currency && currency !== BASE_CURRENCY) problem("currency", "owner.import.errors.currency", { currency: BASE_CURRENCY });
    const categoryId = checked.success ? categories.get(checked.data.category) : undefined;
    if (checked.success && !categoryId) problem("category", "owner.import.errors.category", { slug: checked.data.category });

    const names = photoNames(values.images);
    const images: PreparedImage[] = [];
    if (names.length > PHOTOS_AT_CREATE) problem("images", "owner.import.errors.tooManyPhotos", { max: PHOTOS_AT_CREATE });
    for (const name of names) {
      const outcome = prepared.get(photoKey(name));
      if (outcome && typeof outcome === "object") images.push(outcome);
      else problem("images", outcome === "notInZip" ? "owner.import.errors.photoNotInZip" : outcome === "ambiguous" ? "owner.import.errors.photoAmbiguous" : `owner.images.errors.${outcome}`, { name });
    }

    const name = values.name_en?.trim() || sku;
    if (rowProblems.length || !checked.success || !categoryId) {
      rows.push({ row, sku, name, action: "error", changes: [], problems: rowProblems });
      continue;
    }
    const input = checked.data;
    const priceMinor = parsePriceToMinor(input.price)!;
    const before = existing.get(sku);
    const write: RowWrite = {
      sku,
      productId: before?.id ?? null,
      categoryId,
      priceMinor,
      stock: input.stock,
      input,
      langs,
      images: names.length ? images : null,
      oldImageUrls: before?.imageUrls ?? [],
      changed: true,
    };
    if (!before) {
      rows.push({ row, sku, name, action: "create", changes: [], problems: [] });
    } else {
      const changes: string[] = [];
      if (before.categoryId !== categoryId) changes.push("category");
      if (before.priceMinor !== priceMinor) changes.push("price");
      if (before.stock !== input.stock) changes.push("stock");
      for (const lang of langs) {
        const had = before.texts.get(lang);
        const now = input[`name_${lang}`] ? { name: input[`name_${lang}`] ?? "", description: input[`description_${lang}`] ?? "", originNote: input[`originNote_${lang}`] ?? "" } : undefined;
        for (const f of TEXT_FIELDS) {
          const key = f === "origin_note" ? "originNote" : f;
          if ((had?.[key] ?? "") !== (now?.[key] ?? "")) changes.push(`${f}_${lang}`);
        }
      }
      if (write.images && write.images.map((i) => i.url).join(" ") !== before.imageUrls.join(" ")) changes.push("images");
      write.changed = changes.length > 0;
      rows.push({ row, sku, name, action: changes.length ? "update" : "unchanged", changes, problems: [] });
    }
    writes.push(write);
  }
  const count = (a: RowAction) => rows.filter((r) => r.action === a).length;
  const counts = { created: count("create"), updated: count("update"), unchanged: count("unchanged"), errors: count("error") };
  return { plan: { fileProblems: [], rows, counts, ready: counts.errors === 0 }, writes };
}

function photoNames(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(IMAGE_SEPARATOR)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Writes a clean plan's rows in the caller's transaction; the counts written. */
async function writeRows(tx: Tx, storeId: number, writes: readonly RowWrite[], publish: boolean, now: Date): Promise<ImportCounts> {
  const { products, productImages } = schema;
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const w of writes) {
    if (!w.changed) {
      counts.unchanged += 1;
      continue;
    }
    let productId = w.productId;
    if (productId === null) {
      const [created] = await tx
        .insert(products)
        .values({
          storeId,
          categoryId: w.categoryId,
          sku: w.sku,
          slug: `${slugify(w.input.name_en)}-${randomBytes(3).toString("hex")}`,
          priceMinor: w.priceMinor,
          currency: BASE_CURRENCY,
          stock: w.stock,
          status: publish ? "active" : "draft",
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: products.id });
      productId = created.id;
      counts.created += 1;
    } else {
      const changed = await tx
        .update(products)
        .set({ categoryId: w.categoryId, priceMinor: w.priceMinor, stock: w.stock, updatedAt: now })
        .where(and(eq(products.id, productId), eq(products.storeId, storeId)))
        .returning({ id: products.id });
      // The product went (deleted in between): the whole import stops, as for any other failed row.
      if (changed.length !== 1) throw new ImportConflict();
      counts.updated += 1;
    }
    await writeTranslations(tx, productId, w.input, w.langs);
    if (w.images && w.images.map((i) => i.url).join(" ") !== w.oldImageUrls.join(" ")) {
      await tx.delete(productImages).where(eq(productImages.productId, productId));
      for (const url of w.oldImageUrls) await releaseImage(tx, url);
      for (const [position, image] of w.images.entries()) {
        const stored = await saveImage(tx, image);
        await tx.insert(productImages).values({ productId, url: stored.url, width: stored.width, height: stored.height, position, isCover: position === 0, createdAt: now });
      }
    }
  }
  return counts;
}

/** Something changed between the dry run and the confirmation (a product deleted, a SKU taken): nothing was written. */
export class ImportConflict extends Error {
  constructor() {
    super("import conflict");
  }
}

export function importDigest(files: ImportFiles, publish: boolean): string {
  const hash = createHash("sha256");
  hash.update(`table:${files.table.byteLength}:`).update(files.table);
  if (files.zip) hash.update(`zip:${files.zip.byteLength}:`).update(files.zip);
  hash.update(`publish:${publish ? 1 : 0}`);
  return hash.digest("hex");
}

/** Keeps a clean dry run's upload for its confirmation; expired ones are deleted on the way. */
export async function saveDraft(entry: { storeId: number; userId: number; fileName: string; files: ImportFiles; publish: boolean; now?: Date }): Promise<{ id: string; digest: string }> {
  const now = entry.now ?? new Date();
  const id = randomBytes(16).toString("hex");
  const digest = importDigest(entry.files, entry.publish);
  const buffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  await transact(db, async (tx) => {
    await tx.delete(schema.productImports).where(lt(schema.productImports.expiresAt, now));
    await tx.insert(schema.productImports).values({
      id,
      storeId: entry.storeId,
      userId: entry.userId,
      digest,
      fileName: entry.fileName.slice(0, 200),
      tableBytes: buffer(entry.files.table),
      zipBytes: entry.files.zip ? buffer(entry.files.zip) : null,
      publish: entry.publish,
      createdAt: now,
      expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
    });
  });
  return { id, digest };
}

export type ConfirmOutcome =
  | { ok: true; counts: ImportCounts }
  /** Gone: expired, another store's, already confirmed, or not the file the owner saw. */
  | { ok: false; reason: "gone" }
  /** The files no longer import cleanly (the store changed since the dry run): the new dry run. */
  | { ok: false; reason: "changed"; plan: ImportPlan };

/**
 * Writes a dry run the owner (or the organiser, `asOrganiser`) confirmed: all
 * rows in one transaction with its audit entry, or nothing.
 */
export async function confirmDraft(entry: { id: string; digest: string; storeId: number; userId: number; asOrganiser: boolean; ip?: string | null; now?: Date }): Promise<ConfirmOutcome> {
  const now = entry.now ?? new Date();
  const { productImports } = schema;
  const [draft] = await db
    .select()
    .from(productImports)
    .where(and(eq(productImports.id, entry.id), eq(productImports.storeId, entry.storeId), isNull(productImports.completedAt)))
    .limit(1);
  if (!draft || draft.digest !== entry.digest || draft.expiresAt.getTime() < now.getTime()) return { ok: false, reason: "gone" };
  const files = { table: new Uint8Array(draft.tableBytes), zip: draft.zipBytes ? new Uint8Array(draft.zipBytes) : null };
  const { plan, writes } = await planImport(entry.storeId, files);
  if (!plan.ready) return { ok: false, reason: "changed", plan };
  try {
    const counts = await commitImport({ draftId: draft.id, storeId: entry.storeId, writes, publish: draft.publish, userId: entry.userId, asOrganiser: entry.asOrganiser, fileName: draft.fileName, ip: entry.ip ?? null, now });
    return { ok: true, counts };
  } catch (error) {
    if (error instanceof ImportConflict || isUniqueViolation(error)) return { ok: false, reason: "gone" };
    throw error;
  }
}

/**
 * One transaction: the dry run taken (so a second confirmation changes
 * nothing), every row written, the counts kept, the audit entry. Any failing
 * row throws and takes all the others with it.
 */
export async function commitImport(entry: {
  draftId: string;
  storeId: number;
  writes: readonly RowWrite[];
  publish: boolean;
  userId: number;
  asOrganiser: boolean;
  fileName: string;
  ip: string | null;
  now: Date;
}): Promise<ImportCounts> {
  const { productImports } = schema;
  return transact(db, async (tx) => {
    const taken = await tx
      .update(productImports)
      .set({ completedAt: entry.now })
      .where(and(eq(productImports.id, entry.draftId), isNull(productImports.completedAt)))
      .returning({ id: productImports.id });
    if (taken.length !== 1) throw new ImportConflict();
    const written = await writeRows(tx, entry.storeId, entry.writes, entry.publish, entry.now);
    await tx.update(productImports).set({ result: written }).where(eq(productImports.id, entry.draftId));
    await audit(tx, {
      action: "products.import",
      userId: entry.userId,
      subjectType: "store",
      subjectId: entry.storeId,
      detail: { ...written, rows: entry.writes.length, file: entry.fileName, asOrganiser: entry.asOrganiser, publish: entry.publish },
      ip: entry.ip,
      now: entry.now,
    });
    return written;
  });
}

/** A unique index refused a row (a SKU taken by a concurrent import), on either engine. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

/** A finished import's counts, for the page it redirects to; null unless it is this store's and done. */
export async function finishedImport(id: string, storeId: number): Promise<{ counts: ImportCounts; fileName: string } | null> {
  if (!/^[a-f0-9]{32}$/.test(id)) return null;
  const { productImports } = schema;
  const [row] = await db
    .select({ result: productImports.result, fileName: productImports.fileName })
    .from(productImports)
    .where(and(eq(productImports.id, id), eq(productImports.storeId, storeId), isNotNull(productImports.completedAt)))
    .limit(1);
  return row?.result ? { counts: row.result, fileName: row.fileName } : null;
}

/**
 * A store the organiser may import for: one that applied (pending) or is
 * live, never a suspended one; with its name in `lang` (English otherwise).
 */
export async function storeOpenToOrganiserImport(slug: string, lang: Lang) {
  const { stores, storeTranslations } = schema;
  const [row] = await db
    .select({ id: stores.id, slug: stores.slug, status: stores.status })
    .from(stores)
    .where(and(eq(stores.slug, slug), inArray(stores.status, ["pending", "live"])))
    .limit(1);
  if (!row) return null;
  const names = await db
    .select({ lang: storeTranslations.lang, name: storeTranslations.name })
    .from(storeTranslations)
    .where(and(eq(storeTranslations.storeId, row.id), inArray(storeTranslations.lang, [lang, "en"])));
  const name = names.find((n) => n.lang === lang)?.name ?? names.find((n) => n.lang === "en")?.name ?? row.slug;
  return { store: { id: row.id, slug: row.slug }, name };
}
