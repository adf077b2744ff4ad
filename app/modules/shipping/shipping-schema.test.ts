import { describe, expect, it } from "vitest";
import { ratesFromForm, shippingRatesSchema } from "./shipping-schema";

const good = {
  intent: "shipping",
  domesticCost: "4",
  domesticMin: 2,
  domesticMax: 5,
  africaCost: "15.5",
  africaMin: 6,
  africaMax: 14,
  chinaCost: "24,99",
  chinaMin: 10,
  chinaMax: 20,
  worldCost: "0",
  worldMin: 8,
  worldMax: 18,
};

describe("the shipping-rates form", () => {
  it("turns typed dollars into minor units without floats", () => {
    const parsed = shippingRatesSchema.safeParse(good);
    expect(parsed.success).toBe(true);
    const rates = ratesFromForm(parsed.data!);
    expect(rates.domestic).toEqual({ costBaseMinor: 400, minDays: 2, maxDays: 5 });
    expect(rates.africa.costBaseMinor).toBe(1550);
    expect(rates.china.costBaseMinor).toBe(2499);
    expect(rates.world.costBaseMinor).toBe(0);
  });
  it("names each bad field with a translation key", () => {
    const parsed = shippingRatesSchema.safeParse({ ...good, domesticCost: "-1", africaCost: "1.234", chinaMin: 12, chinaMax: 3, worldMax: 500 });
    expect(parsed.success).toBe(false);
    const errors = Object.fromEntries(parsed.error!.issues.map((i) => [i.path[0], i.message]));
    expect(errors).toMatchObject({
      domesticCost: "checkout.delivery.owner.errors.cost",
      africaCost: "checkout.delivery.owner.errors.cost",
      worldMax: "checkout.delivery.owner.errors.days",
    });
  });
  it("refuses a longest time shorter than the shortest", () => {
    const parsed = shippingRatesSchema.safeParse({ ...good, chinaMin: 12, chinaMax: 3 });
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["chinaMax", "checkout.delivery.owner.errors.dayOrder"]]);
  });
});
