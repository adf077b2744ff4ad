/** An order as its pages show it, formatted in the page's language and the order's own (locked) currency. */
import type { TFunction } from "i18next";
import type { Lang } from "../i18n/config";
import { countryName, formatDateTime, formatMoney } from "../i18n/format";
import { and, eq, inArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { orderShipments } from "../shipping/shipping.server";
import { addressLayout } from "./checkout-schema";
import { fulfilmentsOf } from "../owner/fulfilment.server";
import { orderLines, type OrderRecord } from "./view.server";
import { isolate } from "../i18n/isolate";

/** Product names in the page's language; the order keeps an English snapshot as the fallback. */
async function namesIn(lang: Lang, productIds: number[]): Promise<Map<number, string>> {
  if (lang === "en" || !productIds.length) return new Map();
  const rows = await db
    .select({ id: schema.productTranslations.productId, name: schema.productTranslations.name })
    .from(schema.productTranslations)
    .where(and(eq(schema.productTranslations.lang, lang), inArray(schema.productTranslations.productId, productIds)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Where the time goes in an explanation sentence ("…until {{time}}…"): the page puts the viewer's time there. */
const TIME_SLOT = "\u0000";

/** The order's shipments with each store's name in `lang` (English as the fallback). */
export async function orderShipmentsNamed(orderId: number, lang: Lang) {
  const shipments = await orderShipments(orderId);
  if (!shipments.length) return [];
  const rows = await db
    .select({ storeId: schema.storeTranslations.storeId, lang: schema.storeTranslations.lang, name: schema.storeTranslations.name })
    .from(schema.storeTranslations)
    .where(and(inArray(schema.storeTranslations.storeId, shipments.map((s) => s.storeId)), inArray(schema.storeTranslations.lang, [lang, "en"])));
  const name = (storeId: number) => rows.find((r) => r.storeId === storeId && r.lang === lang)?.name ?? rows.find((r) => r.storeId === storeId)?.name ?? "";
  return shipments.map((s) => ({ ...s, storeName: name(s.storeId) }));
}

export async function presentOrder(order: OrderRecord, lang: Lang, t: TFunction) {
  const money = (minor: number) => formatMoney(minor, order.currency, lang);
  const address = (order.shippingAddress ?? {}) as Record<string, string>;
  const explainTime = order.status === "paid" && order.paidAt ? order.paidAt : order.expiresAt;
  return {
    number: order.number,
    status: order.status,
    statusLabel: t(`checkout.order.state.${order.status}`),
    // Times are shown in the shopper's own zone once the browser says which (ViewerTime); the server writes them in UTC, labelled so.
    explain: t(`checkout.order.explain.${order.status}`, { time: TIME_SLOT }).split(TIME_SLOT),
    explainAt: explainTime.getTime(),
    explainUtc: formatDateTime(explainTime, lang),
    placedAt: order.createdAt.getTime(),
    placed: formatDateTime(order.createdAt, lang),
    name: order.customerName,
    total: money(order.totalMinor),
    currency: order.currency,
    rateNote:
      order.currency !== order.baseCurrency
        ? t("checkout.order.rateNote", { currency: order.currency, date: isolate(order.rateAsOf || formatDateTime(order.createdAt, lang)) })
        : null,
    shipTo: (addressLayout(order.shippingCountry) === "china"
      ? [
          countryName(order.shippingCountry, lang),
          [address.province, address.city, address.district].filter(Boolean).join(" "),
          address.line1,
          address.postalCode,
          order.customerName,
          address.phone,
        ]
      : [
          order.customerName,
          address.line1,
          address.line2,
          [address.postalCode, address.city].filter(Boolean).join(" "),
          address.region,
          countryName(order.shippingCountry, lang),
          address.phone,
        ]
    ).filter((part) => part && part.trim()),
    subtotal: money(order.totalMinor - order.shippingMinor),
    shipping: (await orderShipmentsNamed(order.id, lang)).map((s) => ({
      storeId: s.storeId,
      store: t("checkout.delivery.fromStore", { store: s.storeName }),
      cost: s.costMinor === 0 ? t("checkout.delivery.free") : money(s.costMinor),
      estimate: t("checkout.delivery.estimate", { min: s.minDays, max: s.maxDays }),
    })),
    lines: (await withFulfilment(await withNames(await orderLines(order.id), lang))).map(({ fulfilment: f, ...l }) => ({
      id: l.id,
      // Each line ships on its own (each store sends its own parcel): its state and tracking, once paid.
      shipping:
        order.status !== "paid"
          ? null
          : f
            ? {
                status: f.status,
                label: t(`owner.orders.${f.status}`),
                tracking: t("owner.orders.tracking", { carrier: f.carrier, number: f.trackingNumber }),
                when: f.deliveredAt !== null ? t("owner.orders.deliveredOn", { date: formatDateTime(f.deliveredAt, lang) }) : t("owner.orders.shippedOn", { date: formatDateTime(f.shippedAt, lang) }),
              }
            : { status: "unshipped", label: t("owner.orders.unshipped"), tracking: null, when: null },
      name: l.name,
      fallback: l.fallback,
      quantity: l.quantity,
      unit: money(l.unitPriceMinor),
      total: money(l.lineTotalMinor),
      deal: l.dealId !== null,
    })),
  };
}
async function withFulfilment<T extends { id: number }>(lines: T[]) {
  const fulfilments = await fulfilmentsOf(lines.map((l) => l.id));
  return lines.map((l) => ({ ...l, fulfilment: fulfilments.get(l.id) ?? null }));
}
async function withNames<T extends { productId: number; productName: string }>(lines: T[], lang: Lang) {
  const names = await namesIn(lang, lines.map((l) => l.productId));
  return lines.map((l) => ({ ...l, name: names.get(l.productId) ?? l.productName, fallback: lang !== "en" && !names.has(l.productId) }));
}
