/**
 * The built-in demo provider: no keys, no network. Its page (clearly labelled
 * as a demo) posts back here, and the outcome goes through the same
 * fulfilment functions Stripe's webhook uses.
 */
import { localizePath, isLang } from "../i18n/config";
import { closeOrder, markOrderPaid } from "../orders/orders.server";
import { orderKey } from "../orders/links.server";
import type { PaymentProvider } from "./provider";

export const demoProvider: PaymentProvider = {
  name: "demo",
  start(order) {
    const lang = isLang(order.lang) ? order.lang : "en";
    return Promise.resolve({ redirectTo: localizePath(`/pay/demo/${order.number}?key=${orderKey(order.number)}`, lang) });
  },
};

/** The demo page's buttons. Event ids come from the order, so a double click is a resent event. */
export function completeDemoPayment(orderId: number, number: string, outcome: "pay" | "fail", now: Date) {
  const event = { orderId, provider: "demo", now, payload: { demo: true } };
  return outcome === "pay"
    ? markOrderPaid({ ...event, providerEventId: `demo:${number}:succeeded`, type: "demo.payment_succeeded" })
    : closeOrder({ ...event, providerEventId: `demo:${number}:failed`, type: "demo.payment_failed" }, "failed");
}
