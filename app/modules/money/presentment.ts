/**
 * Presentment rounding: how a converted price is shown to shoppers, per
 * currency (docs/decisions/0018-presentment-rounding-and-shipping.md).
 * The one definition of the rule: every converted price a page shows, and
 * every amount an order charges, goes through `presentMinor`, so the order
 * charges exactly what the shopper saw.
 */
import { BASE_CURRENCY, convertMinor, currencyExponent, RATE_SCALE } from "./money";

/**
 * Step a presented amount is rounded to, in major units of the currency.
 * Cents stay where shoppers use them (USD, EUR, ZAR, MAD, GHS); elsewhere
 * prices are whole units, or a step of the smallest coin or note in common
 * use (XOF 5 francs, NGN and AOA 10, TZS 50). Not listed: cents (step 0.01).
 */
const STEP_MAJOR: Record<string, number> = {
  CNY: 1,
  KES: 1,
  EGP: 1,
  ETB: 1,
  NGN: 10,
  AOA: 10,
  TZS: 50,
  XOF: 5,
};

/** The rounding step in minor units of `currency` (1: no rounding beyond the minor unit). */
export function presentmentStepMinor(currency: string): number {
  const major = STEP_MAJOR[currency];
  if (major === undefined) return 1;
  return Math.max(1, major * 10 ** currencyExponent(currency));
}

/** Whether shoppers see `currency` without a fractional part. */
export function showsWholeUnits(currency: string): boolean {
  return presentmentStepMinor(currency) >= 10 ** currencyExponent(currency);
}

/** Rounds an amount in `currency` minor units to its presentment step, half away from zero. */
export function roundForPresentment(amountMinor: number, currency: string): number {
  const step = presentmentStepMinor(currency);
  if (step === 1) return amountMinor;
  const sign = amountMinor < 0 ? -1 : 1;
  const abs = Math.abs(amountMinor);
  return sign * (Math.floor((abs + Math.floor(step / 2)) / step) * step);
}

/** A base-currency amount as the shopper sees (and pays) it in `currency`. */
export function presentMinor(baseMinor: number, currency: string, rateMicros: number): number {
  if (currency === BASE_CURRENCY) return baseMinor;
  return roundForPresentment(convertMinor(baseMinor, BASE_CURRENCY, currency, rateMicros), currency);
}

/**
 * The smallest base amount whose presented price in `to` is at least
 * `quoteMinor` (presentation is monotonic, so a price filter in the shopper's
 * currency becomes an exact bound on the base price).
 */
export function minBaseFor(quoteMinor: number, to: string, rateMicros: number): number {
  if (to === BASE_CURRENCY) return quoteMinor;
  const shift = currencyExponent(to) - currencyExponent(BASE_CURRENCY);
  // First guess from the exact fraction, then step to the exact edge.
  const scaled = BigInt(quoteMinor) * RATE_SCALE;
  const per = BigInt(rateMicros) * (shift >= 0 ? 10n ** BigInt(shift) : 1n);
  let guess = Number((scaled * (shift < 0 ? 10n ** BigInt(-shift) : 1n)) / per);
  while (guess > 0 && presentMinor(guess - 1, to, rateMicros) >= quoteMinor) guess--;
  while (presentMinor(guess, to, rateMicros) < quoteMinor) guess++;
  return guess;
}

/** The largest base amount whose presented price in `to` is at most `quoteMinor`. */
export function maxBaseFor(quoteMinor: number, to: string, rateMicros: number): number {
  return minBaseFor(quoteMinor + 1, to, rateMicros) - 1;
}
