/**
 * CSV for spreadsheets (RFC 4180): quoted when needed, CRLF lines, and cells
 * that a spreadsheet would run as a formula (= + - @ tab CR) prefixed with
 * an apostrophe, so an order's product name cannot become a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  // A byte-order mark so spreadsheet apps read UTF-8 (Chinese, Arabic names) correctly.
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
