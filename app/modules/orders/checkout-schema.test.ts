import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { checkoutSchema, lookupSchema, type CheckoutInput } from "./checkout-schema";

/** The form as the action reads it (Conform turns an empty field into a missing one): the value, or each field's first message. */
function checkoutErrors(values: Record<string, string>): { data: CheckoutInput | null; errors: Record<string, string> } {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  const submission = parseWithZod(form, { schema: checkoutSchema });
  if (submission.status === "success") return { data: submission.value, errors: {} };
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(submission.error ?? {})) if (messages?.length) errors[field] = messages[0];
  return { data: null, errors };
}

const good = { email: " Amina@Example.com ", name: "Amina Njoroge", phone: "+254 712 345 678", line1: "12 Moi Avenue", city: "Nairobi", country: "KE" };
const china = { email: "li.na@example.com", name: "李娜", phone: "138 0013 8000", province: "上海市", city: "上海", district: "黄浦区", line1: "南京东路 88 号", country: "CN" };

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
  it("requires a phone number couriers can call, loosely checked", () => {
    expect(checkoutErrors({ ...good, phone: "" }).errors.phone).toBe("checkout.errors.phone");
    expect(checkoutErrors({ ...good, phone: "12" }).errors.phone).toBe("checkout.errors.phone");
    expect(checkoutErrors({ ...good, phone: "0712 345678" }).errors).toEqual({});
    expect(checkoutErrors({ ...good, country: "NG", phone: "+234 (803) 123-4567" }).errors).toEqual({});
  });
  it("asks a Chinese address for province, district and an 11-digit mobile", () => {
    expect(checkoutErrors(china).errors).toEqual({});
    expect(checkoutErrors({ ...china, phone: "+86 138-0013-8000", postalCode: "200001" }).errors).toEqual({});
    const { errors } = checkoutErrors({ ...china, province: "", district: "", phone: "12345678", postalCode: "2000" });
    expect(errors).toEqual({
      province: "checkout.delivery.errors.province",
      district: "checkout.delivery.errors.district",
      phone: "checkout.delivery.errors.phoneCN",
      postalCode: "checkout.delivery.errors.postalCodeCN",
    });
    // Elsewhere the same fields are not asked for.
    expect(checkoutErrors({ ...good, province: "", district: "" }).errors).toEqual({});
  });
  it("treats a missing field as an error, not a crash", () => {
    expect(checkoutErrors({}).errors.email).toBe("checkout.errors.email");
  });
  it("checks an order lookup", () => {
    expect(lookupSchema.safeParse({ number: "sr-ab12-cd34ef56", email: "a@b.example" }).success).toBe(true);
    expect(lookupSchema.safeParse({ number: "123", email: "a@b.example" }).success).toBe(false);
  });
});
