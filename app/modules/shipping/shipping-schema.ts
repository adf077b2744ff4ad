/**
 * The owner's shipping-rates form: one schema for the browser (Conform) and
 * the action. Costs are typed in US dollars ("15" or "15.50") and become
 * integer minor units without floats. Messages are translation keys.
 */
import { z } from "zod";
import { SHIPPING_COST_MAX_MINOR, SHIPPING_DAYS_MAX, SHIPPING_ZONES, type ShippingRate, type ShippingZone } from "./zones";

const COST = "checkout.delivery.owner.errors.cost";
const DAYS = "checkout.delivery.owner.errors.days";

const cost = z
  .string({ required_error: COST })
  .trim()
  .regex(/^[0-9]{1,4}([.,][0-9]{1,2})?$/, COST)
  .transform((v) => {
    const [whole, fraction = ""] = v.split(/[.,]/);
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  })
  .refine((minor) => minor <= SHIPPING_COST_MAX_MINOR, COST);
const days = z.number({ required_error: DAYS, invalid_type_error: DAYS }).int(DAYS).min(0, DAYS).max(SHIPPING_DAYS_MAX, DAYS);

export const shippingRatesSchema = z
  .object({
    intent: z.literal("shipping"),
    ...(Object.fromEntries(SHIPPING_ZONES.flatMap((zone) => [[`${zone}Cost`, cost], [`${zone}Min`, days], [`${zone}Max`, days]])) as Record<
      `${ShippingZone}${"Cost" | "Min" | "Max"}`,
      z.ZodType<number, z.ZodTypeDef, unknown>
    >),
  })
  .superRefine((v, ctx) => {
    for (const zone of SHIPPING_ZONES) {
      if (v[`${zone}Max`] < v[`${zone}Min`]) ctx.addIssue({ code: "custom", path: [`${zone}Max`], message: "checkout.delivery.owner.errors.dayOrder" });
    }
  });

export function ratesFromForm(value: z.infer<typeof shippingRatesSchema>): Record<ShippingZone, ShippingRate> {
  return Object.fromEntries(
    SHIPPING_ZONES.map((zone) => [zone, { costBaseMinor: value[`${zone}Cost`], minDays: value[`${zone}Min`], maxDays: value[`${zone}Max`] }]),
  ) as Record<ShippingZone, ShippingRate>;
}
