/**
 * Stores' shipping rates, read and written, and the shipping of a set of
 * lines (one parcel per store) priced in the shopper's currency.
 */
import { eq, inArray } from "drizzle-orm";
import { db, schema, type Tx } from "~/db.server";
import { presentMinor } from "../money/presentment";
import { DEFAULT_SHIPPING, SHIPPING_ZONES, shippingQuote, type ShippingQuote, type ShippingRate, type ShippingZone } from "./zones";

type OwnRates = Partial<Record<ShippingZone, ShippingRate>>;

function ownRates(storeIds: readonly number[]): Map<number, OwnRates> {
  const byStore = new Map<number, OwnRates>();
  if (!storeIds.length) return byStore;
  const rows = db.select().from(schema.storeShippingRates).where(inArray(schema.storeShippingRates.storeId, [...storeIds])).all();
  for (const r of rows) {
    const own = byStore.get(r.storeId) ?? {};
    own[r.zone] = { costBaseMinor: r.costBaseMinor, minDays: r.minDays, maxDays: r.maxDays };
    byStore.set(r.storeId, own);
  }
  return byStore;
}

/** Every zone's rate for one store: its own where set, else the default. */
export function storeShippingRates(storeId: number): Record<ShippingZone, ShippingRate & { own: boolean }> {
  const own = ownRates([storeId]).get(storeId) ?? {};
  return Object.fromEntries(SHIPPING_ZONES.map((z) => [z, { ...(own[z] ?? DEFAULT_SHIPPING[z]), own: Boolean(own[z]) }])) as Record<
    ShippingZone,
    ShippingRate & { own: boolean }
  >;
}

/** Replaces a store's rates (the owner's form sends all zones). */
export function saveStoreShippingRates(storeId: number, rates: Record<ShippingZone, ShippingRate>): void {
  db.transaction((tx) => {
    tx.delete(schema.storeShippingRates).where(eq(schema.storeShippingRates.storeId, storeId)).run();
    tx.insert(schema.storeShippingRates)
      .values(SHIPPING_ZONES.map((zone) => ({ storeId, zone, ...rates[zone] })))
      .run();
  });
}

export interface StoreShipment extends ShippingQuote {
  storeId: number;
  costMinor: number;
}

/** One parcel per store to `destination`, each priced in `currency` by the presentment rule. */
export function shipmentsFor(
  stores: readonly { storeId: number; storeCountry: string }[],
  destination: string,
  currency: string,
  rateMicros: number,
): StoreShipment[] {
  const unique = [...new Map(stores.map((s) => [s.storeId, s])).values()];
  const own = ownRates(unique.map((s) => s.storeId));
  return unique.map((s) => {
    const quote = shippingQuote(s.storeCountry, destination, own.get(s.storeId) ?? {});
    return { storeId: s.storeId, ...quote, costMinor: presentMinor(quote.costBaseMinor, currency, rateMicros) };
  });
}

/** The order's shipments, stored inside the order's transaction. */
export function insertOrderShipments(tx: Tx, orderId: number, shipments: readonly StoreShipment[]): void {
  if (!shipments.length) return;
  tx.insert(schema.orderShipments)
    .values(shipments.map((s) => ({ orderId, storeId: s.storeId, zone: s.zone, costBaseMinor: s.costBaseMinor, costMinor: s.costMinor, minDays: s.minDays, maxDays: s.maxDays })))
    .run();
}

export function orderShipments(orderId: number) {
  return db.select().from(schema.orderShipments).where(eq(schema.orderShipments.orderId, orderId)).all();
}
