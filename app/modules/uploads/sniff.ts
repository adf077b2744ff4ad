/**
 * What an uploaded file really is, judged by its bytes (never its name or
 * the browser's Content-Type). Pure, so it is unit-tested on crafted bytes.
 */
export type ImageKind = "jpeg" | "png" | "webp";
export type SniffResult = { ok: true; kind: ImageKind } | { ok: false; reason: "type" | "polyglot" };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

/** Markup or script hidden inside an image, which some browser or tool could be tricked into running. */
const ACTIVE_CONTENT = /<\s*(script|html|body|svg|iframe|object|embed|\?php|!doctype)|javascript:/i;

/** Bytes after the image's own end marker (a file glued to an image). */
function trailingData(bytes: Uint8Array, kind: ImageKind): boolean {
  if (kind === "png") {
    // IEND chunk: length 0, "IEND", CRC AE 42 60 82 — must be the last 12 bytes.
    const end = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
    return !startsWith(bytes, end, bytes.length - 8);
  }
  if (kind === "jpeg") {
    // Allow a little padding after EOI (some cameras add zeros), nothing more.
    let i = bytes.length - 1;
    while (i > 0 && bytes.length - i < 64 && (bytes[i] === 0x00 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i--;
    return !(bytes[i - 1] === 0xff && bytes[i] === 0xd9);
  }
  // WebP: the RIFF size says where the file ends.
  const riffSize = bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24);
  return riffSize + 8 + (riffSize % 2) < bytes.length;
}

export function sniffImage(bytes: Uint8Array): SniffResult {
  const kind = imageKind(bytes);
  if (!kind) return { ok: false, reason: "type" };
  // latin1 keeps one char per byte, so the scan sees the raw bytes.
  if (ACTIVE_CONTENT.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"))) return { ok: false, reason: "polyglot" };
  if (kind !== "jpeg" && trailingData(bytes, kind)) return { ok: false, reason: "polyglot" };
  return { ok: true, kind };
}

/** A truncated JPEG has no end marker; the decoder catches the rest. */
export function jpegLooksComplete(bytes: Uint8Array): boolean {
  return !trailingData(bytes, "jpeg");
}
