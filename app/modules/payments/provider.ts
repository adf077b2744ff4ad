/**
 * The payment-provider interface (see docs/decisions/0007-payments-and-order-states.md).
 * A provider only starts a payment; when money is confirmed it calls the
 * orders module's fulfilment functions (markOrderPaid / closeOrder), the same
 * for every provider. Mobile money (M-Pesa and the like) will be one more
 * implementation of this interface plus its own confirmation route.
 */
export type ProviderName = "stripe" | "demo";

export interface OrderToPay {
  id: number;
  number: string;
  email: string;
  lang: string;
  currency: string;
  totalMinor: number;
  expiresAt: Date;
  /** Goods and each store's shipping: they add up to `totalMinor`. */
  lines: { productName: string; quantity: number; unitPriceMinor: number }[];
}

export interface PaymentStart {
  /** Where to send the shopper to pay. */
  redirectTo: string;
  /** The provider's id for this payment (e.g. a Stripe Checkout Session id). */
  ref?: string;
  /** A later deadline for the order, when the provider keeps the payment open longer. */
  expiresAt?: Date;
}

export interface PaymentProvider {
  name: ProviderName;
  /** Starts (or resumes, idempotently) paying for a pending order. */
  start(order: OrderToPay, urls: { orderUrl: string; origin: string }): Promise<PaymentStart>;
}
