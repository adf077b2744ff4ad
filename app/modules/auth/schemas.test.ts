import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";
import { safeRedirect } from "../http/safe-redirect";
import { changePasswordSchema, signupSchema } from "./schemas";

describe("account form schemas", () => {
  it("rejects short and common passwords", () => {
    const base = { name: "Amina", email: "a@b.example", preferredLang: "sw" };
    expect(signupSchema.safeParse({ ...base, password: "short" }).success).toBe(false);
    expect(signupSchema.safeParse({ ...base, password: "password1234" }).error?.issues[0].message).toBe("auth.errors.passwordCommon");
    expect(signupSchema.safeParse({ ...base, password: "baobab-sunrise-tea-42" }).success).toBe(true);
  });
  it("normalises email and rejects an unknown language", () => {
    const r = signupSchema.safeParse({ name: "Amina", email: " A@B.Example ", password: "baobab-sunrise-tea-42", preferredLang: "xx" });
    expect(r.success).toBe(false);
    const ok = signupSchema.safeParse({ name: "Amina", email: " A@B.Example ", password: "baobab-sunrise-tea-42", preferredLang: "fr" });
    expect(ok.success && ok.data.email).toBe("a@b.example");
  });
  it("requires the confirmation to match", () => {
    const r = changePasswordSchema.safeParse({ currentPassword: "x", newPassword: "baobab-sunrise-tea-42", confirmPassword: "other" });
    expect(r.error?.issues[0].path).toEqual(["confirmPassword"]);
  });
  it("knows common passwords with decorations", () => {
    expect(isCommonPassword("Password123!")).toBe(true);
    expect(isCommonPassword("kente-weaver-blue")).toBe(false);
  });
  it("only redirects within the site", () => {
    expect(safeRedirect("/zh/dashboard", "/")).toBe("/zh/dashboard");
    expect(safeRedirect("//evil.example", "/")).toBe("/");
    expect(safeRedirect("https://evil.example", "/")).toBe("/");
    expect(safeRedirect(undefined, "/x")).toBe("/x");
  });
});
