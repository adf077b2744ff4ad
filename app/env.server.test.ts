import { describe, expect, it } from "vitest";
import { describeProblems, envSchema, secretList } from "./env.server";

describe("the environment schema", () => {
  it("gives every variable its default when nothing is set", () => {
    const parsed = envSchema.parse({});
    expect(parsed).toMatchObject({ NODE_ENV: "development", PORT: 3000, DATABASE_PATH: "data/showcase.sqlite", PENDING_ORDER_MINUTES: 30 });
  });

  it("reports every bad variable at once, by name", () => {
    const parsed = envSchema.safeParse({ PORT: "eighty", SEED_DATE: "06/12/2026", INSECURE_COOKIES: "yes", PUBLIC_ORIGIN: "not a url" });
    expect(parsed.success).toBe(false);
    const message = describeProblems(parsed.error!);
    const named = [...message.matchAll(/^ {2}([A-Z_]+):/gm)].map((m) => m[1]).sort();
    expect(named).toEqual(["INSECURE_COOKIES", "PORT", "PUBLIC_ORIGIN", "SEED_DATE"]);
  });

  it("refuses production without a session secret of 32 characters or more", () => {
    expect(envSchema.safeParse({ NODE_ENV: "production", SESSION_SECRET: "short" }).success).toBe(false);
    expect(envSchema.safeParse({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).success).toBe(true);
    expect(envSchema.safeParse({ NODE_ENV: "test" }).success).toBe(true);
  });

  it("takes the secrets as a comma-separated list, every one 32 characters or more, in production", () => {
    const a = "a".repeat(32);
    const b = "b".repeat(40);
    expect(secretList(` ${a} , ${b},`)).toEqual([a, b]);
    expect(envSchema.safeParse({ NODE_ENV: "production", SESSION_SECRET: `${a},${b}` }).success).toBe(true);
    expect(envSchema.safeParse({ NODE_ENV: "production", SESSION_SECRET: `${a},short` }).success).toBe(false);
    expect(envSchema.safeParse({ NODE_ENV: "production", SESSION_SECRET: " , " }).success).toBe(false);
    expect(envSchema.safeParse({ NODE_ENV: "production", SESSION_SECRET: a, ORDER_LINK_SECRET: `${b},short` }).success).toBe(false);
    expect(envSchema.safeParse({ NODE_ENV: "production", SESSION_SECRET: a, ORDER_LINK_SECRET: `${b},${a}` }).success).toBe(true);
  });
});
