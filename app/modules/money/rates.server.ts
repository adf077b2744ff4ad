import { db, statements } from "~/db.server";
import { BASE_CURRENCY, RATE_SCALE, type Rate } from "./money";

// Read on every order and cart view: prepared once per connection (see db/prepared.ts).
const prepared = statements((client) =>
  client.prepare<[string, string], { rateMicros: number; asOf: string }>(
    `SELECT rate_micros AS rateMicros, as_of AS asOf FROM exchange_rates
     WHERE base_currency = ? AND quote_currency = ? ORDER BY as_of DESC LIMIT 1`,
  ),
);

/** The newest stored rate from the base currency to `quote`. */
export function latestRate(quote: string): Rate | null {
  if (quote === BASE_CURRENCY) return { quote, rateMicros: Number(RATE_SCALE), asOf: "" };
  const row = prepared(db).get(BASE_CURRENCY, quote);
  return row ? { quote, rateMicros: row.rateMicros, asOf: row.asOf } : null;
}
