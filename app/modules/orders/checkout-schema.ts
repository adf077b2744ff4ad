/**
 * The checkout form's one schema: the browser runs it for instant feedback,
 * the action for the real check. Messages are translation keys.
 */
import { z } from "zod";
import { isChinaRegion, SHIPPING_COUNTRIES } from "../geo/countries";
import { normalisedText } from "../text/normalise";

const text = (min: number, max: number, key: string) => normalisedText("line", { required: key, min: [min, key], max: [max, key] });
const optionalText = (max: number, key: string) => normalisedText("line", { max: [max, key] }).transform((v) => v ?? "");

/** Digits of a phone number as typed ("+254 712-345 678" → "+254712345678"). */
const phoneDigits = (value: string) => value.replace(/[\s().-]/g, "");

/**
 * One schema for every destination; the address fields a country needs are
 * checked per country (addressLayout): China asks for province, city, district
 * and a detailed address, with an 11-digit mobile number; elsewhere a street
 * address, city and an optional region. A phone number is always required,
 * since couriers call before delivering.
 */
export const checkoutSchema = z
  .object({
    email: z
      .string({ required_error: "checkout.errors.email" })
      .trim()
      .max(254, "checkout.errors.email")
      .email("checkout.errors.email"),
    name: text(2, 100, "checkout.errors.name"),
    // Normalised like every other line (a pasted number may carry invisible marks), then checked loosely.
    phone: text(1, 40, "checkout.errors.phone").pipe(
      z
        .string()
        .regex(/^\+?[0-9][0-9 ().-]{5,24}$/, "checkout.errors.phone")
        .refine((v) => /^\+?[0-9]{6,15}$/.test(phoneDigits(v)), "checkout.errors.phone"),
    ),
    country: z.enum(SHIPPING_COUNTRIES, { errorMap: () => ({ message: "checkout.errors.country" }) }),
    province: optionalText(60, "checkout.delivery.errors.province"),
    city: text(2, 100, "checkout.errors.city"),
    district: optionalText(60, "checkout.delivery.errors.district"),
    line1: text(3, 200, "checkout.errors.line1"),
    line2: optionalText(200, "checkout.errors.line2"),
    region: optionalText(100, "checkout.delivery.errors.region"),
    postalCode: z
      .string()
      .trim()
      .max(16, "checkout.errors.postalCode")
      .regex(/^[\p{L}\p{N} -]*$/u, "checkout.errors.postalCode")
      .optional()
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (addressLayout(v.country) !== "china") return;
    if (v.province.length < 2) ctx.addIssue({ code: "custom", path: ["province"], message: "checkout.delivery.errors.province" });
    if (!v.district) ctx.addIssue({ code: "custom", path: ["district"], message: "checkout.delivery.errors.district" });
    if (v.country === "CN" && !/^(\+?86)?1[3-9][0-9]{9}$/.test(phoneDigits(v.phone))) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "checkout.delivery.errors.phoneCN" });
    }
    if (v.country === "CN" && v.postalCode && !/^[0-9]{6}$/.test(v.postalCode)) {
      ctx.addIssue({ code: "custom", path: ["postalCode"], message: "checkout.delivery.errors.postalCodeCN" });
    }
  });

/** Which address form a destination gets: Chinese order (province → district → detail) or the general one. */
export function addressLayout(country: string): "china" | "general" {
  return isChinaRegion(country) ? "china" : "general";
}

/** The address fields in the order a shopper in that country expects them (name and phone first in China). */
export const ADDRESS_FIELDS = {
  china: ["name", "phone", "province", "city", "district", "line1", "postalCode"],
  general: ["name", "phone", "line1", "line2", "city", "region", "postalCode"],
} as const;

export type CheckoutInput = z.infer<typeof checkoutSchema>;
export type CheckoutField = keyof CheckoutInput;

export const lookupSchema = z.object({
  number: z
    .string({ required_error: "checkout.errors.orderNumber" })
    .trim()
    .toUpperCase()
    .regex(/^SR-[0-9A-Z]{4}-[0-9A-Z]{4,12}$/, "checkout.errors.orderNumber"),
  email: z.string({ required_error: "checkout.errors.email" }).trim().max(254, "checkout.errors.email").email("checkout.errors.email"),
});
