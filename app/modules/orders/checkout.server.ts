/**
 * Placing an order from a cart: the checks a shopper can act on, then one
 * transaction (stock + pending order + empty cart), then the payment
 * provider, outside it. Expected failures come back as values, never as 500s.
 */
import { cartSource, clearCart, cartView } from "../cart/cart.server";
import { isLang, type Lang } from "../i18n/config";
import { tFor } from "../i18n/i18n.server";
import { logger } from "../http/log.server";
import { activeProvider, providerNamed } from "../payments/payments.server";
import { DealSoldOutError, OutOfStockError } from "../stock/stock.server";
import type { CheckoutInput } from "./checkout-schema";
import { orderPath } from "./links.server";
import { orderShipmentsNamed } from "./present.server";
import { createPendingOrder, OrderError, releaseExpiredOrders, setPaymentRef } from "./orders.server";
import { orderLines, type OrderRecord } from "./view.server";

export type PlaceOrderResult =
  | { ok: true; redirectTo: string }
  | { ok: false; status: 400 | 409; error: "emptyCart" | "soldOut" | "unavailable" | "limit" | "dealSoldOut"; product?: string };

export async function placeOrder(args: {
  cartId: string | null;
  input: CheckoutInput;
  lang: Lang;
  currency: string;
  origin: string;
  now: Date;
}): Promise<PlaceOrderResult> {
  const { cartId, input, lang, now } = args;
  // No background job may run: expired orders give their stock back here, before anyone takes stock.
  await releaseExpiredOrders(now);
  const cart = await cartView(cartId, lang, args.currency, now.getTime());
  if (!cartId || !cart.lines.length) return { ok: false, status: 400, error: "emptyCart" };
  const blocked = cart.lines.find((l) => l.unavailable || l.soldOut || l.overLimit || l.dealGone);
  if (blocked) {
    const error = blocked.unavailable
      ? "unavailable"
      : blocked.soldOut
        ? "soldOut"
        : blocked.dealGone || blocked.limitReason === "dealUnits"
          ? "dealSoldOut"
          : "limit";
    return { ok: false, status: 409, error, product: blocked.name };
  }
  const provider = activeProvider();
  let order: OrderRecord;
  try {
    order = await createPendingOrder({
      // The deal each line was shown at: if its units run short before the order's
      // transaction, the order is refused instead of repriced (DealSoldOutError).
      lines: cart.orderable.map((l) => ({ productId: l.productId, quantity: l.quantity, dealId: l.dealId })),
      email: input.email,
      customerName: input.name,
      shippingAddress: {
        line1: input.line1,
        line2: input.line2,
        city: input.city,
        postalCode: input.postalCode,
        phone: input.phone,
        province: input.province,
        district: input.district,
        region: input.region,
      },
      shippingCountry: input.country,
      lang,
      currency: cart.currency,
      paymentProvider: provider.name,
      source: await cartSource(cartId),
      now,
      limitPerEmail: true,
      inTransaction: (tx) => clearCart(tx, cartId),
    });
  } catch (error) {
    // The transaction rolled back: nothing was taken and the cart is as it was.
    const productId =
      error instanceof OutOfStockError || error instanceof DealSoldOutError ? error.productId : error instanceof OrderError ? error.productId : undefined;
    const product = cart.lines.find((l) => l.productId === productId)?.name;
    if (error instanceof OutOfStockError) return { ok: false, status: 409, error: "soldOut", product };
    if (error instanceof DealSoldOutError) return { ok: false, status: 409, error: "dealSoldOut", product };
    if (error instanceof OrderError && error.code === "limit") return { ok: false, status: 409, error: "limit", product };
    if (error instanceof OrderError && error.code === "unavailable") return { ok: false, status: 409, error: "unavailable", product };
    throw error;
  }
  return { ok: true, redirectTo: await startPayment(order, args.origin) };
}

/** Each store's shipping as one more line for the provider, so its total is the order's total. */
async function shippingLines(order: OrderRecord) {
  const t = tFor(isLang(order.lang) ? order.lang : "en");
  return (await orderShipmentsNamed(order.id, isLang(order.lang) ? order.lang : "en"))
    .filter((s) => s.costMinor > 0)
    .map((s) => ({ productName: t("checkout.delivery.fromStore", { store: s.storeName }), quantity: 1, unitPriceMinor: s.costMinor }));
}

/**
 * Sends a pending order to its provider (again, idempotently, from the order
 * page). If the provider cannot be reached the order stays pending and the
 * shopper lands on its page, where "Pay now" tries again.
 */
export async function startPayment(order: OrderRecord, origin: string): Promise<string> {
  const orderUrl = orderPath(order);
  try {
    const started = await providerNamed(order.paymentProvider).start(
      { ...order, lines: [...(await orderLines(order.id)), ...(await shippingLines(order))] },
      { orderUrl: `${origin}${orderUrl}`, origin },
    );
    if (started.ref) await setPaymentRef(order.id, started.ref, started.expiresAt);
    return started.redirectTo;
  } catch (error) {
    logger().error({ err: error, orderNumber: order.number, provider: order.paymentProvider }, "could not start the payment");
    return `${orderUrl}&payment=unavailable`;
  }
}
