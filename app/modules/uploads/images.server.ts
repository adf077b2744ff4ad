/**
 * The image pipeline: check the bytes, decode strictly, strip metadata,
 * re-encode to WebP in a few widths under a server-chosen name.
 * Files live under UPLOADS_DIR (default data/uploads, git-ignored) and are
 * served by app/routes/uploads.$file.ts.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { jpegLooksComplete, sniffImage } from "./sniff";
import { env } from "~/env.server";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const IMAGE_WIDTHS = [400, 800, 1600] as const;
const MAX_PIXELS = 40_000_000;
/** Server-chosen file names: 32 hex characters, a width, .webp. Nothing else is ever served. */
export const UPLOAD_NAME = /^([a-f0-9]{32})-(\d{2,4})\.webp$/;

export function uploadsDir(): string {
  return path.resolve(env().UPLOADS_DIR);
}

export type ImageError = "type" | "polyglot" | "corrupt" | "tooLarge" | "tooBig" | "missing";

export interface StoredImage {
  url: string;
  width: number;
  height: number;
  files: string[];
}

export class ImageRejected extends Error {
  constructor(readonly reason: ImageError) {
    super(`image rejected: ${reason}`);
  }
}

/** Validates and re-encodes; throws ImageRejected with a reason the form can translate. */
export async function storeProductImage(bytes: Uint8Array): Promise<StoredImage> {
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

  const key = randomBytes(16).toString("hex");
  const dir = uploadsDir();
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  let largest = { width: 0, height: 0, name: "" };
  try {
    for (const width of IMAGE_WIDTHS) {
      // rotate() applies the EXIF orientation; sharp drops all metadata (EXIF, GPS, ICC comments) unless asked to keep it.
      const { data, info } = await input().rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      const name = `${key}-${width}.webp`;
      await fs.writeFile(path.join(dir, name), data, { flag: "wx" });
      written.push(name);
      if (info.width >= largest.width) largest = { width: info.width, height: info.height, name };
    }
  } catch (error) {
    await removeImageFiles(written);
    if (error instanceof ImageRejected) throw error;
    throw new ImageRejected("corrupt");
  }
  return { url: `/uploads/${largest.name}`, width: largest.width, height: largest.height, files: written };
}

/** The file names belonging to a stored image URL (all widths). */
export function filesForUrl(url: string): string[] {
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

export async function removeImageFiles(names: string[]) {
  const dir = uploadsDir();
  await Promise.all(names.filter((n) => UPLOAD_NAME.test(n)).map((n) => fs.rm(path.join(dir, n), { force: true })));
}

export async function readUpload(name: string): Promise<Buffer | null> {
  if (!UPLOAD_NAME.test(name)) return null;
  try {
    return await fs.readFile(path.join(uploadsDir(), name));
  } catch {
    return null;
  }
}

export type ImagesOutcome = { ok: true; images: StoredImage[] } | { ok: false; index: number; name: string; reason: ImageError };

/**
 * Several photos sent in one form, checked and stored in order. On the first
 * refusal the ones already stored are removed again, so a refused form leaves
 * no files behind; `index` (from 0) and `name` say which photo it was.
 */
export async function storeProductImages(files: readonly File[]): Promise<ImagesOutcome> {
  const images: StoredImage[] = [];
  for (const [index, file] of files.entries()) {
    try {
      if (file.size > MAX_UPLOAD_BYTES) throw new ImageRejected("tooBig");
      images.push(await storeProductImage(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      await removeImageFiles(images.flatMap((i) => i.files));
      if (error instanceof ImageRejected) return { ok: false, index, name: file.name, reason: error.reason };
      throw error;
    }
  }
  return { ok: true, images };
}
