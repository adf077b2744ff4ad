import { describe, expect, it } from "vitest";
import { checkoutErrors, lookupSchema } from "./checkout-schema";

const good = { email: " Amina@Example.com ", name: "Amina Njoroge", line1: "12 Moi Avenue", city: "Nairobi", country: "KE" };

describe("the checkout form's schema", () => {
  it("accepts a complete address and trims it", () => {
    const { data, errors } = checkoutErrors(good);
    expect(errors).toEqual({});
    expect(data?.email).toBe("Amina@Example.com");
    expect(data?.line2).toBe("");
  });
  it("names each bad field with a translation key", () => {
    const { data, errors } = checkoutErrors({ email: "not-an-email", name: "A", line1: "", city: "x", country: "XX", phone: "abc", postalCode: "<b>" });
    expect(data).toBeNull();
    expect(errors).toEqual({
      email: "checkout.errors.email",
      name: "checkout.errors.name",
      line1: "checkout.errors.line1",
      city: "checkout.errors.city",
      country: "checkout.errors.country",
      phone: "checkout.errors.phone",
      postalCode: "checkout.errors.postalCode",
    });
  });
  it("treats a missing field as an error, not a crash", () => {
    expect(checkoutErrors({}).errors.email).toBe("checkout.errors.email");
  });
  it("checks an order lookup", () => {
    expect(lookupSchema.safeParse({ number: "sr-ab12-cd34ef56", email: "a@b.example" }).success).toBe(true);
    expect(lookupSchema.safeParse({ number: "123", email: "a@b.example" }).success).toBe(false);
  });
});
