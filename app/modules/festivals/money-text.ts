import { currencyExponent } from "../money/money";

/** Minor units as a plain decimal string ("1234.50"), exact (no floats), for CSV. */
export function toMajorString(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(exp + 1, "0");
  return exp === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -exp)}.${abs.slice(-exp)}`;
}
