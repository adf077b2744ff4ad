/**
 * The one schema of the cart form (add, set quantity, remove), used by the
 * action; the browser gets the same bounds as input attributes. Messages are
 * translation keys.
 */
import { z } from "zod";
import { MAX_LINE_QUANTITY } from "./limits";

const slug = z.string().trim().min(1).max(200).regex(/^[a-z0-9-]+$/);
const quantity = z.coerce
  .number({ invalid_type_error: "checkout.errors.quantity" })
  .int("checkout.errors.quantity")
  .min(0, "checkout.errors.quantity")
  .max(MAX_LINE_QUANTITY, "checkout.errors.quantity");

export const cartActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), slug, quantity: quantity.min(1, "checkout.errors.quantity").default(1) }),
  z.object({ intent: z.literal("set"), slug, quantity }),
  z.object({ intent: z.literal("remove"), slug }),
]);
