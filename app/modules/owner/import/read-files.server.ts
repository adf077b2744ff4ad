/**
 * Reading a bulk import's two files into plain cells, with every way they can
 * be wrong turned into a problem the page translates (never an exception):
 * the table (CSV through csv-parse, XLSX through read-excel-file) and the
 * photo ZIP (fflate). Sizes are checked before anything is unpacked.
 */
import { parse as parseCsv, CsvError } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { readSheet } from "read-excel-file/node";
import { MAX_UPLOAD_BYTES } from "../../uploads/images.server";
import { ALL_COLUMNS, MAX_ZIP_ENTRIES, MAX_ZIP_UNPACKED_BYTES, REQUIRED_COLUMNS, columnLetter } from "./columns";

/** A problem with a row (numbered as a spreadsheet shows it: the header is row 1) and a column, or with the whole file (row 0). */
export interface ImportProblem {
  row: number;
  column: string | null;
  letter: string | null;
  /** An i18n key under "owner." (form errors) or "owner.import.errors.". */
  key: string;
  values?: Record<string, string | number>;
}

export interface TableRow {
  row: number;
  values: Record<string, string>;
  problems: ImportProblem[];
}

export type TableReading = { ok: true; columns: string[]; rows: TableRow[] } | { ok: false; problems: ImportProblem[] };

const fileProblem = (key: string, values?: ImportProblem["values"]): ImportProblem => ({ row: 0, column: null, letter: null, key, values });

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((v, i) => bytes[i] === v);
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls

/** The sum of a ZIP's declared unpacked sizes and its entry count, without unpacking anything; null if it is not a readable ZIP. */
function zipDeclaredSize(bytes: Uint8Array): { entries: number; unpacked: number } | null {
  let entries = 0;
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return { entries, unpacked };
}

async function readCells(bytes: Uint8Array): Promise<{ ok: true; cells: string[][] } | { ok: false; problems: ImportProblem[] }> {
  if (startsWith(bytes, OLE_SIGNATURE)) return { ok: false, problems: [fileProblem("owner.import.errors.oldExcel")] };
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    // An XLSX is a ZIP: refuse one that would unpack to far more than a sheet of text.
    const declared = zipDeclaredSize(bytes);
    if (!declared) return { ok: false, problems: [fileProblem("owner.import.errors.xlsxBroken")] };
    if (declared.unpacked > MAX_ZIP_UNPACKED_BYTES / 4 || declared.entries > 200) return { ok: false, problems: [fileProblem("owner.import.errors.xlsxBroken")] };
    try {
      const sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { ok: true, cells: sheet.map((row) => row.map(cellText)) };
    } catch {
      return { ok: false, problems: [fileProblem("owner.import.errors.xlsxBroken")] };
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [fileProblem("owner.import.errors.notUtf8")] };
  }
  if (text.includes("\0")) return { ok: false, problems: [fileProblem("owner.import.errors.fileType")] };
  try {
    // Without `columns`, csv-parse returns each record as an array of strings.
    const records: string[][] = parseCsv(text, { bom: true, delimiter: guessDelimiter(text), relax_column_count: true, skip_empty_lines: false });
    return { ok: true, cells: records };
  } catch (error) {
    const line = error instanceof CsvError && typeof (error as CsvError & { lines?: number }).lines === "number" ? (error as CsvError & { lines: number }).lines : 0;
    return { ok: false, problems: [fileProblem("owner.import.errors.csvBroken", { line })] };
  }
}

/** Spreadsheets save CSV with commas, or semicolons where the comma is the decimal mark (French, Portuguese): the header line tells. */
function guessDelimiter(text: string): string {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [",", ";", "\t"].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0][1] > 0 ? candidates[0][0] : ",";
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/** The table's columns and rows, or the problems that stop the whole file (an unknown, missing or repeated column, a broken file). */
export async function readTable(bytes: Uint8Array, maxRows: number): Promise<TableReading> {
  if (bytes.byteLength === 0) return { ok: false, problems: [fileProblem("owner.import.errors.fileRequired")] };
  const read = await readCells(bytes);
  if (!read.ok) return read;
  const [headerCells, ...body] = read.cells;
  if (!headerCells || isBlank(headerCells)) return { ok: false, problems: [fileProblem("owner.import.errors.noHeader")] };
  const columns = headerCells.map((c) => c.trim().toLowerCase());
  // Trailing empty header cells are what spreadsheets leave behind; they count only if a row fills them.
  while (columns.length && columns[columns.length - 1] === "") columns.pop();
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const [index, column] of columns.entries()) {
    const at = { row: 1, column: column || null, letter: columnLetter(index) };
    if (!column) problems.push({ ...at, key: "owner.import.errors.emptyColumn" });
    else if (!ALL_COLUMNS.includes(column)) problems.push({ ...at, key: "owner.import.errors.unknownColumn", values: { column } });
    else if (seen.has(column)) problems.push({ ...at, key: "owner.import.errors.repeatedColumn", values: { column } });
    seen.add(column);
  }
  for (const column of REQUIRED_COLUMNS) if (!seen.has(column)) problems.push({ ...fileProblem("owner.import.errors.missingColumn", { column }), row: 1 });
  if (problems.length) return { ok: false, problems };

  const rows: TableRow[] = [];
  for (const [index, cells] of body.entries()) {
    if (isBlank(cells)) continue;
    const row = index + 2;
    const values: Record<string, string> = {};
    for (const [i, column] of columns.entries()) values[column] = cells[i] ?? "";
    const rowProblems: ImportProblem[] = [];
    if (cells.slice(columns.length).some((c) => c.trim() !== "")) {
      rowProblems.push({ row, column: null, letter: columnLetter(columns.length), key: "owner.import.errors.extraCells" });
    }
    rows.push({ row, values, problems: rowProblems });
  }
  if (!rows.length) return { ok: false, problems: [fileProblem("owner.import.errors.noRows")] };
  if (rows.length > maxRows) return { ok: false, problems: [fileProblem("owner.import.errors.tooManyRows", { max: maxRows, count: rows.length })] };
  return { ok: true, columns, rows };
}

/** A photo in the ZIP, or why it cannot be used (too big, or two files of that name in different folders). */
export type ZipPhoto = { ok: true; name: string; bytes: Uint8Array } | { ok: false; name: string; reason: "tooBig" | "ambiguous" };
export type ZipReading = { ok: true; photos: Map<string, ZipPhoto> } | { ok: false; problems: ImportProblem[] };

/** How a photo is looked up: its file name without folders, case and Unicode form ignored. */
export const photoKey = (name: string) => (name.split("/").pop() ?? name).normalize("NFC").toLowerCase().trim();

/** The ZIP's files by name (folders and the system's hidden files ignored), each unpacked at most to its declared size. */
export function readPhotoZip(bytes: Uint8Array): ZipReading {
  if (!startsWith(bytes, ZIP_SIGNATURE)) return { ok: false, problems: [fileProblem("owner.import.errors.zipType")] };
  const declared = zipDeclaredSize(bytes);
  if (!declared) return { ok: false, problems: [fileProblem("owner.import.errors.zipBroken")] };
  if (declared.entries > MAX_ZIP_ENTRIES) return { ok: false, problems: [fileProblem("owner.import.errors.zipTooManyFiles", { max: MAX_ZIP_ENTRIES })] };
  if (declared.unpacked > MAX_ZIP_UNPACKED_BYTES) return { ok: false, problems: [fileProblem("owner.import.errors.zipTooBig", { mb: MAX_ZIP_UNPACKED_BYTES / 1024 / 1024 })] };
  const photos = new Map<string, ZipPhoto>();
  const wanted = (name: string) => !name.endsWith("/") && !name.startsWith("__MACOSX/") && !(name.split("/").pop() ?? "").startsWith(".");
  const seen = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        const key = photoKey(file.name);
        if (seen.has(key)) photos.set(key, { ok: false, name: file.name, reason: "ambiguous" });
        else if (file.originalSize > MAX_UPLOAD_BYTES) photos.set(key, { ok: false, name: file.name, reason: "tooBig" });
        seen.add(key);
        return !photos.has(key);
      },
    });
  } catch {
    return { ok: false, problems: [fileProblem("owner.import.errors.zipBroken")] };
  }
  for (const [name, data] of Object.entries(files)) {
    const key = photoKey(name);
    if (!photos.has(key)) photos.set(key, { ok: true, name, bytes: data });
  }
  return { ok: true, photos };
}
