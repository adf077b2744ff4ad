/**
 * The image pipeline: check the bytes, decode strictly, strip metadata,
 * re-encode to WebP in a few widths under a content-addressed name, and
 * store the files through the upload storage (the database by default, so
 * every app server serves them: app/modules/uploads/storage.server.ts),
 * served by app/routes/uploads.$file.ts.
 *
 * Two steps, so the slow one never holds a transaction open: `prepareImage`
 * checks and encodes (no database), then `saveImage(tx, image)` stores the
 * files in the transaction that also writes the row pointing at them; a
 * refused form or a rolled-back write leaves no file behind.
 */
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import { db, schema, transact, type Tx } from "~/db.server";
import { jpegLooksComplete, sniffImage } from "./sniff";
import { uploadStorage, type UploadedFile } from "./storage.server";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const IMAGE_WIDTHS = [400, 800, 1600] as const;
const MAX_PIXELS = 40_000_000;
/**
 * Server-chosen keys: 32 hex characters (a hash of the image's encoded bytes, all widths; random in
 * installs before uploads moved into the database), a width, .webp. Nothing else is ever served.
 */
export const UPLOAD_NAME = /^([a-f0-9]{32})-(\d{2,4})\.webp$/;
const WEBP = "image/webp";

export type ImageError = "type" | "polyglot" | "corrupt" | "tooLarge" | "tooBig" | "missing";

/** Where a stored image is shown from, and its size for the <img> box. */
export interface StoredImage {
  url: string;
  width: number;
  height: number;
}

/** A checked, re-encoded image not stored yet: every width's file under its key. */
export interface PreparedImage extends StoredImage {
  files: { key: string; bytes: Uint8Array }[];
}

export class ImageRejected extends Error {
  constructor(readonly reason: ImageError) {
    super(`image rejected: ${reason}`);
  }
}

/**
 * The checks every upload passes before it is decoded in full: size, content
 * sniffing, a strict header read within the pixel limit, the declared format.
 * Returns the reader the encoder uses. Throws ImageRejected.
 */
export async function checkImage(bytes: Uint8Array): Promise<() => Sharp> {
  if (bytes.byteLength === 0) throw new ImageRejected("missing");
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new ImageRejected("tooBig");
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) throw new ImageRejected(sniffed.reason);
  if (sniffed.kind === "jpeg" && !jpegLooksComplete(bytes)) throw new ImageRejected("corrupt");
  // failOn "warning": a truncated or damaged file fails instead of half-decoding.
  const input = () => sharp(bytes, { failOn: "warning", limitInputPixels: MAX_PIXELS, sequentialRead: true });
  let meta: Metadata;
  try {
    meta = await input().metadata();
  } catch (error) {
    if (/pixel limit/i.test(String(error))) throw new ImageRejected("tooLarge");
    throw new ImageRejected("corrupt");
  }
  if (meta.format !== sniffed.kind) throw new ImageRejected("type");
  if (!meta.width || !meta.height) throw new ImageRejected("corrupt");
  return input;
}

let encodings = 0;
/** How many images this process has decoded and re-encoded (the costly step), for tests that count it. */
export const encodedImageCount = () => encodings;

/**
 * libwebp's effort (0–6): how hard it searches for a smaller file at the same
 * quality. The single upload keeps the default, 4. A bulk import of hundreds
 * of photos uses 2: measured here on a 720×477 photo, three widths, 98 ms
 * instead of 303 ms for files 3 % larger (188 KB instead of 183 KB).
 */
const WEBP_EFFORT = { single: 4, bulk: 2 } as const;

/** Validates and re-encodes, storing nothing; throws ImageRejected with a reason the form can translate. */
export async function prepareImage(bytes: Uint8Array, use: keyof typeof WEBP_EFFORT = "single"): Promise<PreparedImage> {
  const input = await checkImage(bytes);
  encodings += 1;
  const encoded: { width: number; data: Buffer; info: OutputInfo }[] = [];
  try {
    for (const width of IMAGE_WIDTHS) {
      // rotate() applies the EXIF orientation; sharp drops all metadata (EXIF, GPS, ICC comments) unless asked to keep it.
      const { data, info } = await input().rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 80, effort: WEBP_EFFORT[use] }).toBuffer({ resolveWithObject: true });
      encoded.push({ width, data, info });
    }
  } catch {
    throw new ImageRejected("corrupt");
  }
  // Content-addressed: the same bytes get the same name, different bytes a new one (so the name can be cached forever).
  const hash = createHash("sha256");
  for (const { data } of encoded) hash.update(`${data.byteLength}:`).update(data);
  const stem = hash.digest("hex").slice(0, 32);
  const largest = encoded.reduce((a, b) => (b.info.width >= a.info.width ? b : a));
  return {
    url: `/uploads/${stem}-${largest.width}.webp`,
    width: largest.info.width,
    height: largest.info.height,
    files: encoded.map(({ width, data }) => ({ key: `${stem}-${width}.webp`, bytes: data })),
  };
}

/** Stores a prepared image's files in the caller's transaction; the row that shows it is written in the same one. */
export async function saveImage(tx: Tx, image: PreparedImage): Promise<StoredImage> {
  for (const file of image.files) await uploadStorage.put(tx, file.key, { contentType: WEBP, bytes: file.bytes });
  return { url: image.url, width: image.width, height: image.height };
}

/**
 * For a row that will show an image already stored (not encoded again): takes
 * its files for the caller's transaction, so a concurrent release waits; false
 * when any of them is gone (released since it was looked up).
 */
export async function holdStoredImage(tx: Tx, url: string): Promise<boolean> {
  const keys = uploadKeys(url);
  return keys.length > 0 && (await uploadStorage.lock(tx, keys)) === keys.length;
}

/**
 * Deletes the files of an uploaded image once nothing shows it any more (no
 * product photo, no festival banner: the same photo may be used twice, and a
 * copied festival shares its banner). Call it in the transaction that removed
 * the reference. True when the files went. Seeded art (not an upload) is left alone.
 */
export async function releaseImage(tx: Tx, url: string): Promise<boolean> {
  const keys = uploadKeys(url);
  if (!keys.length) return false;
  // Lock first, then look: a concurrent save of the same image either waits for this delete or is seen by the check below.
  await uploadStorage.lock(tx, keys);
  const [used] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(schema.productImages)
    .where(eq(schema.productImages.url, url));
  const [banner] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(schema.festivals)
    .where(eq(schema.festivals.bannerUrl, url));
  if (used.n > 0 || banner.n > 0) return false;
  await uploadStorage.delete(tx, keys);
  return true;
}

/**
 * `saveImage` and `releaseImage` in a transaction of their own, for a caller
 * whose row is written in another one (the festival banner, until its write
 * takes the transaction handle): store first, point at it, release the old.
 */
export const storeImage = (image: PreparedImage) => transact(db, (tx) => saveImage(tx, image));
export const removeImage = (url: string) => transact(db, (tx) => releaseImage(tx, url));

/** The storage keys of an uploaded image URL (all widths); none for seeded art. */
export function uploadKeys(url: string): string[] {
  const match = UPLOAD_NAME.exec(url.replace(/^\/uploads\//, ""));
  if (!match) return [];
  return IMAGE_WIDTHS.map((w) => `${match[1]}-${w}.webp`);
}

/** `srcset` for an uploaded image (all widths), or undefined for seeded art. */
export function srcSetFor(url: string): string | undefined {
  const match = UPLOAD_NAME.exec(url.replace(/^\/uploads\//, ""));
  if (!match) return undefined;
  return IMAGE_WIDTHS.map((w) => `/uploads/${match[1]}-${w}.webp ${w}w`).join(", ");
}

/** One stored file by its name in the URL; null for any name the server did not choose. */
export async function readUpload(name: string): Promise<UploadedFile | null> {
  if (!UPLOAD_NAME.test(name)) return null;
  return uploadStorage.get(name);
}

export type ImagesOutcome = { ok: true; images: PreparedImage[] } | { ok: false; index: number; name: string; reason: ImageError };

/**
 * Several photos sent in one form, checked and encoded in order (nothing is
 * stored yet: `saveImage` does that in the transaction that writes the rows).
 * On the first refusal, `index` (from 0) and `name` say which photo it was.
 */
export async function prepareImages(files: readonly File[]): Promise<ImagesOutcome> {
  const images: PreparedImage[] = [];
  for (const [index, file] of files.entries()) {
    try {
      if (file.size > MAX_UPLOAD_BYTES) throw new ImageRejected("tooBig");
      images.push(await prepareImage(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      if (error instanceof ImageRejected) return { ok: false, index, name: file.name, reason: error.reason };
      throw error;
    }
  }
  return { ok: true, images };
}
