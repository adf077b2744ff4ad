/**
 * Environment, validated once. A production server without a proper
 * SESSION_SECRET refuses to start with a message that says what to do.
 */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  SESSION_SECRET: z.string().optional(),
  SESSION_IDLE_HOURS: z.coerce.number().int().positive().default(24 * 7),
  PUBLIC_ORIGIN: z.string().url().optional(),
  INSECURE_COOKIES: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string };

let cached: Env | null = null;

export class ConfigError extends Error {}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.parse(process.env);
  const secret = parsed.SESSION_SECRET;
  if (!secret || secret.length < 32) {
    if (parsed.NODE_ENV === "production") {
      throw new ConfigError(
        "SESSION_SECRET is missing or shorter than 32 characters. Set it to a long random value " +
          "(e.g. `openssl rand -hex 32`), or start with `npm start`, which creates one beside the database.",
      );
    }
  }
  cached = {
    ...parsed,
    // Development and tests only: a value that says what it is, never accepted in production.
    SESSION_SECRET: secret && secret.length >= 32 ? secret : "development-only-session-secret-not-for-production",
  };
  return cached;
}

/** Secure cookies in production, unless explicitly served over plain HTTP (INSECURE_COOKIES=1). */
export function secureCookies(): boolean {
  const e = env();
  return e.NODE_ENV === "production" && e.INSECURE_COOKIES !== "1";
}
