/**
 * CSV for spreadsheets (RFC 4180): quoted when needed, CRLF lines, and cells
 * that a spreadsheet would run as a formula (= + - @ tab CR) prefixed with
 * an apostrophe, so an order's product name cannot become a formula.
 * `spreadsheet: false` is for files a machine reads (a platform's product
 * feed): values exactly as they are, no byte-order mark.
 */
export function csvCell(value: string | number | null | undefined, spreadsheet = true): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (spreadsheet && typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | null)[][], { spreadsheet = true } = {}): string {
  // A byte-order mark so spreadsheet apps read UTF-8 (Chinese, Arabic names) correctly.
  const lines = [header, ...rows].map((r) => r.map((cell) => csvCell(cell, spreadsheet)).join(",")).join("\r\n");
  return `${spreadsheet ? "\uFEFF" : ""}${lines}\r\n`;
}
