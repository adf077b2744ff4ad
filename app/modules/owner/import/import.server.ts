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
import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { db, schema, transact, type Tx } from "~/db.server";
import { audit } from "../../auth/audit.server";
import { LANGS, type Lang } from "../../i18n/config";
import { BASE_CURRENCY } from "../../money/money";
import { checkImage, holdStoredImage, ImageRejected, prepareImage, releaseImage, saveImage, uploadKeys, type PreparedImage, type StoredImage } from "../../uploads/images.server";
import { uploadStorage } from "../../uploads/storage.server";
import { PHOTOS_AT_CREATE } from "../images.server";
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
  images: ImportImage[] | null;
  oldImageUrls: string[];
  changed: boolean;
}

export interface ImportFiles {
  table: Uint8Array;
  zip: Uint8Array | null;
}

/**
 * A photo checked for a row: either encoded now or by the dry run (`files`
 * to store), or already stored from the same source file by an earlier
 * import (`files` empty, `stored`); `source` is the SHA-256 of the photo file.
 */
interface ImportImage extends PreparedImage {
  source: string;
  stored: boolean;
}

/** Encodings by the SHA-256 of their source photo: made by a dry run, kept with its draft for the confirmation. */
export type PhotoEncodings = Map<string, PreparedImage>;

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

/**
 * Uploaded images already stored from these source photos (by an earlier
 * import, any store's: the files are content-addressed and shared), whose
 * files are all still there.
 */
async function storedFromSources(sources: string[]): Promise<Map<string, StoredImage>> {
  const found = new Map<string, StoredImage>();
  const { productImages } = schema;
  for (let i = 0; i < sources.length; i += 500) {
    const rows = await db
      .select({ source: productImages.sourceSha256, url: productImages.url, width: productImages.width, height: productImages.height })
      .from(productImages)
      .where(inArray(productImages.sourceSha256, sources.slice(i, i + 500)));
    const keys = rows.flatMap((r) => uploadKeys(r.url));
    const present = await uploadStorage.existing(keys);
    for (const r of rows) {
      const k = uploadKeys(r.url);
      if (r.source && k.length && k.every((key) => present.has(key))) found.set(r.source, { url: r.url, width: r.width, height: r.height });
    }
  }
  return found;
}

/**
 * The dry run: every row checked and compared with the store's products;
 * nothing written. `kept`: the encodings a dry run of the same files made
 * (the confirmation passes its draft's), so photos are not encoded twice.
 * Returns the encodings it used, for the draft.
 */
export async function planImport(storeId: number, files: ImportFiles, kept?: PhotoEncodings): Promise<{ plan: ImportPlan; writes: RowWrite[]; encodings: PhotoEncodings }> {
  const empty = (fileProblems: ImportProblem[]) => ({
    plan: { fileProblems, rows: [], counts: { created: 0, updated: 0, unchanged: 0, errors: 0 }, ready: false },
    writes: [],
    encodings: new Map<string, PreparedImage>(),
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

  // Every photo named by any row, checked and encoded once (the same photo may serve several products).
  const named = new Set<string>();
  for (const r of table.rows) for (const n of photoNames(r.values.images)) named.add(photoKey(n));
  const sources = new Map<string, string>();
  for (const key of named) {
    const photo = photos.get(key);
    if (photo?.ok) sources.set(key, createHash("sha256").update(photo.bytes).digest("hex"));
  }
  const stored = await storedFromSources([...new Set(sources.values())]);
  const encoded: PhotoEncodings = new Map();
  const prepared = new Map<string, ImportImage | ImageRejected["reason"] | "ambiguous" | "notInZip">();
  await mapLimited([...named], PHOTO_CONCURRENCY, async (key) => {
    const photo = photos.get(key);
    if (!photo) return void prepared.set(key, "notInZip");
    if (!photo.ok) return void prepared.set(key, photo.reason);
    const source = sources.get(key)!;
    try {
      // Every photo passes the upload checks; only the costly decode and re-encode is skipped when this
      // very file was encoded before: stored by an earlier import, or encoded by this import's dry run.
      const known = stored.get(source);
      if (known) {
        await checkImage(photo.bytes);
        return void prepared.set(key, { ...known, files: [], source, stored: true });
      }
      const fromDryRun = kept?.get(source);
      if (fromDryRun) await checkImage(photo.bytes);
      const image = fromDryRun ?? (await prepareImage(photo.bytes, "bulk"));
      encoded.set(source, image);
      prepared.set(key, { ...image, source, stored: false });
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
    const images: ImportImage[] = [];
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
  return { plan: { fileProblems: [], rows, counts, ready: counts.errors === 0 }, writes, encodings: encoded };
}

function photoNames(cell: string | undefined): string[] {
  return (cell ?? "")
    .split(IMAGE_SEPARATOR)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Rows per multi-row statement: far below either engine's limit on bound parameters. */
const BATCH = 200;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
const sameImages = (w: RowWrite) => !w.images || w.images.map((i) => i.url).join(" ") === w.oldImageUrls.join(" ");

/**
 * Writes a clean plan's rows in the caller's transaction; the counts written.
 * New products, translations and image rows go in multi-row statements (a
 * few hundred rows each), so a 1,000-row import is tens of statements, not
 * thousands; any failing statement throws and the caller's transaction takes
 * every row with it.
 */
async function writeRows(tx: Tx, storeId: number, writes: readonly RowWrite[], publish: boolean, now: Date): Promise<ImportCounts> {
  const { products, productImages, productTranslations } = schema;
  const changed = writes.filter((w) => w.changed);
  const counts = { created: 0, updated: 0, unchanged: writes.length - changed.length };
  const ids = new Map<RowWrite, number>();

  const creates = changed.filter((w) => w.productId === null);
  for (const part of chunks(creates)) {
    const made = await tx
      .insert(products)
      .values(
        part.map((w) => ({
          storeId,
          categoryId: w.categoryId,
          sku: w.sku,
          slug: `${slugify(w.input.name_en)}-${randomBytes(3).toString("hex")}`,
          priceMinor: w.priceMinor,
          currency: BASE_CURRENCY,
          stock: w.stock,
          status: publish ? ("active" as const) : ("draft" as const),
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: products.id, sku: products.sku });
    // Matched by SKU (unique in the store), not by the order RETURNING happens to give.
    const bySku = new Map(made.map((m) => [m.sku, m.id]));
    for (const w of part) ids.set(w, bySku.get(w.sku)!);
    counts.created += made.length;
  }
  for (const w of changed) {
    if (w.productId === null) continue;
    const updated = await tx
      .update(products)
      .set({ categoryId: w.categoryId, priceMinor: w.priceMinor, stock: w.stock, updatedAt: now })
      .where(and(eq(products.id, w.productId), eq(products.storeId, storeId)))
      .returning({ id: products.id });
    // The product went (deleted in between): the whole import stops, as for any other failed row.
    if (updated.length !== 1) throw new ImportConflict();
    ids.set(w, w.productId);
    counts.updated += 1;
  }

  // Translations: every language the file has, in multi-row upserts; a language emptied in an update goes back to the English fallback.
  const texts: (typeof productTranslations.$inferInsert)[] = [];
  for (const w of changed) {
    const productId = ids.get(w)!;
    for (const lang of w.langs) {
      const name = w.input[`name_${lang}`]?.trim() ?? "";
      if (name) texts.push({ productId, lang, name, description: w.input[`description_${lang}`]?.trim() ?? "", originNote: w.input[`originNote_${lang}`]?.trim() ?? "" });
      else if (lang !== "en" && w.productId !== null) await tx.delete(productTranslations).where(and(eq(productTranslations.productId, productId), eq(productTranslations.lang, lang)));
    }
  }
  for (const part of chunks(texts)) {
    await tx
      .insert(productTranslations)
      .values(part)
      .onConflictDoUpdate({
        target: [productTranslations.productId, productTranslations.lang],
        set: { name: sql`excluded.name`, description: sql`excluded.description`, originNote: sql`excluded.origin_note` },
      });
  }

  // Photos: each distinct image stored (or, when an earlier import stored it, held) once, then every row's image rows in one go.
  const withNewImages = changed.filter((w) => !sameImages(w));
  const replaced = withNewImages.filter((w) => w.productId !== null).map((w) => ids.get(w)!);
  for (const part of chunks(replaced)) await tx.delete(productImages).where(inArray(productImages.productId, part));
  const images = new Map<string, ImportImage>();
  for (const w of withNewImages) for (const image of w.images!) images.set(image.url, image);
  for (const image of images.values()) {
    if (image.stored) {
      // Released since the dry run looked (its last product deleted meanwhile): stop, nothing is written.
      if (!(await holdStoredImage(tx, image.url))) throw new ImportConflict();
    } else await saveImage(tx, image);
  }
  const imageRows = withNewImages.flatMap((w) =>
    w.images!.map((image, position) => ({
      productId: ids.get(w)!,
      url: image.url,
      width: image.width,
      height: image.height,
      position,
      isCover: position === 0,
      sourceSha256: image.source,
      createdAt: now,
    })),
  );
  for (const part of chunks(imageRows)) await tx.insert(productImages).values(part);
  // Old photos last, so one that the new rows show again is kept (releaseImage looks for any row showing it).
  const released = new Set(withNewImages.flatMap((w) => w.oldImageUrls));
  for (const url of released) if (!images.has(url)) await releaseImage(tx, url);
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

/**
 * The dry run's encodings as one blob for its draft: a 4-byte length, a JSON
 * index (source, url, size, each file's key and length), then the files' bytes.
 */
function packEncodings(encodings: PhotoEncodings): Buffer | null {
  if (!encodings.size) return null;
  const index = [...encodings].map(([source, image]) => ({ source, url: image.url, width: image.width, height: image.height, files: image.files.map((f) => [f.key, f.bytes.byteLength] as const) }));
  const head = Buffer.from(JSON.stringify(index));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.byteLength);
  return Buffer.concat([length, head, ...[...encodings.values()].flatMap((image) => image.files.map((f) => f.bytes))]);
}

function unpackEncodings(packed: Uint8Array | null): PhotoEncodings | undefined {
  if (!packed) return undefined;
  const buffer = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const headLength = buffer.readUInt32BE(0);
  const index = JSON.parse(buffer.subarray(4, 4 + headLength).toString()) as { source: string; url: string; width: number; height: number; files: [string, number][] }[];
  const out: PhotoEncodings = new Map();
  let at = 4 + headLength;
  for (const { source, url, width, height, files } of index) {
    out.set(source, {
      url,
      width,
      height,
      files: files.map(([key, length]) => {
        const bytes = new Uint8Array(buffer.subarray(at, at + length));
        at += length;
        return { key, bytes };
      }),
    });
  }
  return out;
}

/**
 * Keeps a clean dry run's upload, and the photo encodings it made, for its
 * confirmation; expired ones are deleted on the way.
 */
export async function saveDraft(entry: { storeId: number; userId: number; fileName: string; files: ImportFiles; publish: boolean; encodings?: PhotoEncodings; now?: Date }): Promise<{ id: string; digest: string }> {
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
      encodings: entry.encodings ? packEncodings(entry.encodings) : null,
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
  // Planned again (the store may have changed), with the photos the dry run encoded.
  const { plan, writes } = await planImport(entry.storeId, files, unpackEncodings(draft.encodings));
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
