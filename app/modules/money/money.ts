/**
 * Money is integer minor units plus an ISO 4217 code. Conversion uses an
 * integer rate (quote units per base unit × 1,000,000) and BigInt, so no
 * float ever touches an amount.
 */
export const BASE_CURRENCY = "USD";
export const RATE_SCALE = 1_000_000n;

export interface Rate {
  quote: string;
  rateMicros: number;
  asOf: string;
}

const exponentCache = new Map<string, number>();

/** Minor-unit digits of a currency (USD 2, XOF 0, …), as Intl knows it. */
export function currencyExponent(currency: string): number {
  let digits = exponentCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    exponentCache.set(currency, digits);
  }
  return digits;
}

/** Integer division rounding half away from zero. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n + d / 2n) / d;
  return negative ? -q : q;
}

/**
 * Converts base-currency minor units into `to` minor units at `rateMicros`
 * (units of `to` per unit of base, × 1e6), rounding half away from zero.
 */
export function convertMinor(amountMinor: number, from: string, to: string, rateMicros: number): number {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError("amount must be an integer");
  if (from === to) return amountMinor;
  const shift = currencyExponent(to) - currencyExponent(from);
  let numerator = BigInt(amountMinor) * BigInt(rateMicros);
  let denominator = RATE_SCALE;
  if (shift > 0) numerator *= 10n ** BigInt(shift);
  if (shift < 0) denominator *= 10n ** BigInt(-shift);
  return Number(divRound(numerator, denominator));
}

/** Major-unit value for Intl only (display), never for arithmetic. */
export function toDisplayNumber(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** currencyExponent(currency);
}

/** Whole units typed by a shopper ("120") as minor units of `currency`. */
export function majorToMinor(major: number, currency: string): number {
  return major * 10 ** currencyExponent(currency);
}
