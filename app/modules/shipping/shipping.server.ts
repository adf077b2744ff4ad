/**
 * Stores' shipping rates, read and written, and the shipping of a set of
 * lines (one parcel per store) priced in the shopper's currency.
 */
import { eq, inArray } from "drizzle-orm";
import { db, schema, transact, type Tx } from "~/db.server";
import { presentMinor } from "../money/presentment";
import { DEFAULT_SHIPPING, SHIPPING_ZONES, shippingQuote, type ShippingQuote, type ShippingRate, type ShippingZone } from "./zones";

type OwnRates = Partial<Record<ShippingZone, ShippingRate>>;

type RateRow = typeof schema.storeShippingRates.$inferSelect;

function byStore(rows: readonly RateRow[]): Map<number, OwnRates> {
  const rates = new Map<number, OwnRates>();
  for (const r of rows) {
    const own = rates.get(r.storeId) ?? {};
    own[r.zone] = { costBaseMinor: r.costBaseMinor, minDays: r.minDays, maxDays: r.maxDays };
    rates.set(r.storeId, own);
  }
  return rates;
}

async function ownRates(storeIds: readonly number[]): Promise<Map<number, OwnRates>> {
  if (!storeIds.length) return new Map();
  return byStore(await db.select().from(schema.storeShippingRates).where(inArray(schema.storeShippingRates.storeId, [...storeIds])));
}

/** Every zone's rate for one store: its own where set, else the default. */
export async function storeShippingRates(storeId: number): Promise<Record<ShippingZone, ShippingRate & { own: boolean }>> {
  const own = (await ownRates([storeId])).get(storeId) ?? {};
  return Object.fromEntries(SHIPPING_ZONES.map((z) => [z, { ...(own[z] ?? DEFAULT_SHIPPING[z]), own: Boolean(own[z]) }])) as Record<
    ShippingZone,
    ShippingRate & { own: boolean }
  >;
}

/** Replaces a store's rates (the owner's form sends all zones). */
export async function saveStoreShippingRates(storeId: number, rates: Record<ShippingZone, ShippingRate>): Promise<void> {
  await transact(db, async (tx) => {
    await tx.delete(schema.storeShippingRates).where(eq(schema.storeShippingRates.storeId, storeId));
    await tx.insert(schema.storeShippingRates).values(SHIPPING_ZONES.map((zone) => ({ storeId, zone, ...rates[zone] })));
  });
}

export interface StoreShipment extends ShippingQuote {
  storeId: number;
  costMinor: number;
}

/** One parcel per store to `destination`, each priced in `currency` by the presentment rule. */
export async function shipmentsFor(
  stores: readonly { storeId: number; storeCountry: string }[],
  destination: string,
  currency: string,
  rateMicros: number,
): Promise<StoreShipment[]> {
  const unique = [...new Map(stores.map((s) => [s.storeId, s])).values()];
  const own = await ownRates(unique.map((s) => s.storeId));
  return unique.map((s) => {
    const quote = shippingQuote(s.storeCountry, destination, own.get(s.storeId) ?? {});
    return { storeId: s.storeId, ...quote, costMinor: presentMinor(quote.costBaseMinor, currency, rateMicros) };
  });
}

/** The order's shipments, stored inside the order's transaction (on its handle). */
export async function insertOrderShipments(tx: Tx, orderId: number, shipments: readonly StoreShipment[]): Promise<void> {
  if (!shipments.length) return;
  await tx
    .insert(schema.orderShipments)
    .values(shipments.map((s) => ({ orderId, storeId: s.storeId, zone: s.zone, costBaseMinor: s.costBaseMinor, costMinor: s.costMinor, minDays: s.minDays, maxDays: s.maxDays })));
}

export async function orderShipments(orderId: number) {
  return await db.select().from(schema.orderShipments).where(eq(schema.orderShipments.orderId, orderId));
}
