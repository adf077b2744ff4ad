/**
 * The checkout form's one schema: the browser runs it for instant feedback,
 * the action for the real check. Messages are translation keys.
 */
import { z } from "zod";
import { normalisedText } from "../text/normalise";

/** Where the showcase ships: every African country, China and the main markets of the diaspora. */
export const SHIPPING_COUNTRIES = [
  "DZ", "AO", "BJ", "BW", "BF", "BI", "CV", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ", "EG", "GQ", "ER", "SZ", "ET",
  "GA", "GM", "GH", "GN", "GW", "KE", "LS", "LR", "LY", "MG", "MW", "ML", "MR", "MU", "MA", "MZ", "NA", "NE", "NG", "RW",
  "ST", "SN", "SC", "SL", "SO", "ZA", "SS", "SD", "TZ", "TG", "TN", "UG", "ZM", "ZW",
  "CN", "HK", "MO", "SG", "MY", "AE", "SA", "QA", "FR", "BE", "DE", "GB", "PT", "BR", "US", "CA",
] as const;

const text = (min: number, max: number, key: string) => normalisedText("line", { required: key, min: [min, key], max: [max, key] });

export const checkoutSchema = z.object({
  email: z
    .string({ required_error: "checkout.errors.email" })
    .trim()
    .max(254, "checkout.errors.email")
    .email("checkout.errors.email"),
  name: text(2, 100, "checkout.errors.name"),
  line1: text(3, 200, "checkout.errors.line1"),
  line2: normalisedText("line", { max: [200, "checkout.errors.line2"] }).transform((v) => v ?? ""),
  city: text(2, 100, "checkout.errors.city"),
  postalCode: z
    .string()
    .trim()
    .max(16, "checkout.errors.postalCode")
    .regex(/^[\p{L}\p{N} -]*$/u, "checkout.errors.postalCode")
    .optional()
    .default(""),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9][0-9 ()-]{5,19})?$/, "checkout.errors.phone")
    .optional()
    .default(""),
  country: z.enum(SHIPPING_COUNTRIES, { errorMap: () => ({ message: "checkout.errors.country" }) }),
});
export type CheckoutInput = z.infer<typeof checkoutSchema>;
export type CheckoutField = keyof CheckoutInput;

/** Field → first message key, from any value (a FormData's entries or a plain object). */
export function checkoutErrors(values: Record<string, unknown>): { data: CheckoutInput | null; errors: Partial<Record<CheckoutField, string>> } {
  const parsed = checkoutSchema.safeParse(values);
  if (parsed.success) return { data: parsed.data, errors: {} };
  const errors: Partial<Record<CheckoutField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CheckoutField;
    errors[field] ??= issue.message;
  }
  return { data: null, errors };
}

export const lookupSchema = z.object({
  number: z
    .string({ required_error: "checkout.errors.orderNumber" })
    .trim()
    .toUpperCase()
    .regex(/^SR-[0-9A-Z]{4}-[0-9A-Z]{4,12}$/, "checkout.errors.orderNumber"),
  email: z.string({ required_error: "checkout.errors.email" }).trim().max(254, "checkout.errors.email").email("checkout.errors.email"),
});
