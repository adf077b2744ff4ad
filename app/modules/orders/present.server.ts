/** An order as its pages show it, formatted in the page's language and the order's own (locked) currency. */
import type { TFunction } from "i18next";
import type { Lang } from "../i18n/config";
import { countryName, formatDateTime, formatMoney } from "../i18n/format";
import { and, eq, inArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { fulfilmentsOf } from "../owner/fulfilment.server";
import { orderLines, type OrderRecord } from "./view.server";

/** Product names in the page's language; the order keeps an English snapshot as the fallback. */
function namesIn(lang: Lang, productIds: number[]): Map<number, string> {
  if (lang === "en" || !productIds.length) return new Map();
  const rows = db
    .select({ id: schema.productTranslations.productId, name: schema.productTranslations.name })
    .from(schema.productTranslations)
    .where(and(eq(schema.productTranslations.lang, lang), inArray(schema.productTranslations.productId, productIds)))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function presentOrder(order: OrderRecord, lang: Lang, t: TFunction) {
  const money = (minor: number) => formatMoney(minor, order.currency, lang);
  const address = (order.shippingAddress ?? {}) as Record<string, string>;
  const explainTime = order.status === "paid" && order.paidAt ? order.paidAt : order.expiresAt;
  return {
    number: order.number,
    status: order.status,
    statusLabel: t(`checkout.order.state.${order.status}`),
    explain: t(`checkout.order.explain.${order.status}`, { time: formatDateTime(explainTime, lang) }),
    placed: formatDateTime(order.createdAt, lang),
    name: order.customerName,
    total: money(order.totalMinor),
    currency: order.currency,
    rateNote:
      order.currency !== order.baseCurrency
        ? t("checkout.order.rateNote", { currency: order.currency, date: order.rateAsOf || formatDateTime(order.createdAt, lang) })
        : null,
    shipTo: [order.customerName, address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(" "), countryName(order.shippingCountry, lang)].filter(
      (part) => part && part.trim(),
    ),
    lines: withFulfilment(withNames(orderLines(order.id), lang)).map(({ fulfilment: f, ...l }) => ({
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
function withFulfilment<T extends { id: number }>(lines: T[]) {
  const fulfilments = fulfilmentsOf(lines.map((l) => l.id));
  return lines.map((l) => ({ ...l, fulfilment: fulfilments.get(l.id) ?? null }));
}
function withNames<T extends { productId: number; productName: string }>(lines: T[], lang: Lang) {
  const names = namesIn(lang, lines.map((l) => l.productId));
  return lines.map((l) => ({ ...l, name: names.get(l.productId) ?? l.productName, fallback: lang !== "en" && !names.has(l.productId) }));
}
