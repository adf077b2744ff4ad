/**
 * The shopper's presentment currency: a default per language
 * (docs/decisions/0004-currencies.md), or the one they picked in the
 * switcher, remembered in a plain `currency` cookie (not secret, not signed:
 * a forged value can only pick another listed currency).
 */
export const CURRENCY_COOKIE = "currency";

/** Currencies a shopper can choose; the seed stores a rate for each (USD is the base). */
export const PRESENTMENT_CURRENCIES = ["USD", "CNY", "EUR", "KES", "EGP", "NGN", "ZAR", "GHS", "XOF", "MAD", "AOA", "ETB", "TZS"] as const;

export function isPresentmentCurrency(value: unknown): value is (typeof PRESENTMENT_CURRENCIES)[number] {
  return typeof value === "string" && (PRESENTMENT_CURRENCIES as readonly string[]).includes(value);
}

/** The chosen currency from a Cookie header, or null when none (or an unknown one) is set. */
export function currencyFromCookie(header: string | null | undefined): string | null {
  const match = header ? /(?:^|;\s*)currency=([A-Za-z]{3})(?:;|$)/.exec(header) : null;
  const code = match?.[1].toUpperCase();
  return isPresentmentCurrency(code) ? code : null;
}

export function currencyCookie(code: string, secure: boolean): string {
  return `${CURRENCY_COOKIE}=${code}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}
