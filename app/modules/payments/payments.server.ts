/** Which payment provider checkout uses: Stripe when STRIPE_SECRET_KEY is set, else the demo provider. */
import { demoProvider } from "./demo.server";
import type { PaymentProvider } from "./provider";
import { stripeConfigured, stripeProvider } from "./stripe.server";

export function activeProvider(): PaymentProvider {
  return stripeConfigured() ? stripeProvider : demoProvider;
}

export function providerNamed(name: string): PaymentProvider {
  return name === "stripe" ? stripeProvider : demoProvider;
}
