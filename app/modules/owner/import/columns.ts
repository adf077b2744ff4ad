/**
 * The bulk import's file layout (docs/decisions/0032-bulk-product-import.md).
 * Column names are stable keys, the same in every language (a file filled in
 * from the French template imports the same way on the Chinese page); the
 * page explains each one in the reader's language. Pure: the page, the
 * template download and the reader share it.
 */
import { LANGS, type Lang } from "../../i18n/config";

export const MAX_TABLE_BYTES = 4 * 1024 * 1024;
export const MAX_ZIP_BYTES = 40 * 1024 * 1024;
export const MAX_ROWS = 1000;
/** Entries a photo ZIP may hold, and their total declared size once unpacked (a ZIP bomb stops here). */
export const MAX_ZIP_ENTRIES = 2000;
export const MAX_ZIP_UNPACKED_BYTES = 200 * 1024 * 1024;
/** How long a dry run waits for its confirmation. */
export const DRAFT_TTL_MS = 60 * 60 * 1000;

export const TEXT_FIELDS = ["name", "description", "origin_note"] as const;

export const BASE_COLUMNS = ["sku", "category", "price", "currency", "stock", "images"] as const;
export const REQUIRED_COLUMNS = ["sku", "category", "price", "stock", "name_en"] as const;

/** Every column a file may have, in the template's order. */
export const ALL_COLUMNS: readonly string[] = [
  ...BASE_COLUMNS,
  ...LANGS.flatMap((lang) => TEXT_FIELDS.map((field) => `${field}_${lang}`)),
];

/** The template's columns for a reader of `lang`: English (required) and their own language first, then the rest. */
export function templateColumns(lang: Lang): string[] {
  const order = [...new Set<Lang>(["en", lang, ...LANGS])];
  return [...BASE_COLUMNS, ...order.flatMap((l) => TEXT_FIELDS.map((field) => `${field}_${l}`))];
}

/** A spreadsheet's column letter for a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Photo names in the `images` cell are separated by semicolons. */
export const IMAGE_SEPARATOR = ";";

/** Quotes a CSV cell when it needs it (RFC 4180). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text with a byte-order mark, so a spreadsheet opens it as UTF-8 (Chinese and Arabic intact). */
export function toCsv(header: readonly string[], rows: readonly Record<string, string>[]): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(header.map((c) => csvCell(row[c] ?? "")).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
