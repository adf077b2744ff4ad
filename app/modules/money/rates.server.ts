import { and, desc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { BASE_CURRENCY, RATE_SCALE, type Rate } from "./money";

/** The newest stored rate from the base currency to `quote`. */
export function latestRate(quote: string): Rate | null {
  if (quote === BASE_CURRENCY) return { quote, rateMicros: Number(RATE_SCALE), asOf: "" };
  const row = db
    .select()
    .from(schema.exchangeRates)
    .where(and(eq(schema.exchangeRates.baseCurrency, BASE_CURRENCY), eq(schema.exchangeRates.quoteCurrency, quote)))
    .orderBy(desc(schema.exchangeRates.asOf))
    .get();
  return row ? { quote, rateMicros: row.rateMicros, asOf: row.asOf } : null;
}
