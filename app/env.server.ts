/**
 * Every environment variable the app and its scripts read, validated once by
 * one schema. The server checks it at boot and refuses to start with a list
 * of every bad variable; the README's configuration table and .env.example
 * are printed from it (`npm run env:docs`), and a test keeps them equal.
 */
import { z } from "zod";

const flag = z.enum(["0", "1"]).default("0");
const port = z.coerce.number().int().min(1).max(65535);
const positive = z.coerce.number().positive();

export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(["production", "development", "test"])
      .default("development")
      .describe("`npm start` and the server script run `production`, `npm run dev` `development`, `npm test` `test`"),
    PORT: port.default(3000).describe("HTTP port"),
    HOST: z.string().optional().describe("address to listen on"),
    DATABASE_PATH: z.string().min(1).default("data/showcase.sqlite").describe("the SQLite file (created if missing)"),
    DATABASE_URL: z
      .string()
      .url()
      .refine((url) => /^postgres(ql)?:$/.test(new URL(url).protocol), "must be a postgres:// or postgresql:// URL")
      .optional()
      .describe(
        "a PostgreSQL database (`postgres://user:password@host:5432/showcase`; a Unix socket as `?host=/run/postgresql`) to use instead of the SQLite file, for several app servers on one database; `DATABASE_PATH` is then unused",
      ),
    DATABASE_POOL_SIZE: z.coerce
      .number()
      .int()
      .positive()
      .default(10)
      .describe("PostgreSQL only: connections each server process keeps open to `DATABASE_URL`"),
    SEED_SCALE: z.coerce.number().int().positive().default(1).describe("multiplies seeded stores and products"),
    SEED_DATE: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD")
      .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), "must be a real day")
      .optional()
      .describe("the day the seed places festivals around, `YYYY-MM-DD`"),
    PUBLIC_ORIGIN: z
      .string()
      .url()
      .optional()
      .describe("origin used in canonical and hreflang links, and accepted as this site by the cross-site check"),
    CONTACT_EMAIL: z
      .string()
      .email()
      .default("hello@silkroad.example")
      .describe("the address the contact, returns and privacy pages give shoppers"),
    // Its parser (a hop count or a list of addresses) lives with the HTTP code; here it is only text.
    TRUST_PROXY: z
      .string()
      .optional()
      .describe(
        "the proxies in front of the app, whose `X-Forwarded-For`/`-Proto` entries are believed (client IPs for rate limits, HTTPS detection): a hop count (`1` behind one reverse proxy or load balancer, `2` behind a CDN and a proxy), or a comma-separated list of the proxies' addresses or CIDR ranges (`10.0.0.0/8,127.0.0.1`; `loopback`, `linklocal`, `uniquelocal` also work). The client's address is the right-most one no trusted proxy wrote, so an address a client invents is never used. Anything else (`true` included) stops the server at start",
      ),
    SESSION_SECRET: z
      .string()
      .optional()
      .describe(
        "signs the session cookie: a comma-separated list of secrets of at least 32 characters each; the first signs new cookies and every one verifies, so a secret is rotated by putting a new one first and dropping the old one later. The same on every server; a production server without one refuses to start",
      ),
    SESSION_IDLE_HOURS: positive.default(24 * 7).describe("a session ends after this long without use"),
    INSECURE_COOKIES: flag.describe("`1` to serve production over plain HTTP (cookies without `Secure`)"),
    TEST_CLOCK: flag.describe(
      "`1` lets tests move the app's clock (`POST /test-clock` with `at=<ISO instant>`); honoured only when `NODE_ENV=test`, never in a production start",
    ),
    UPLOADS_DIR: z
      .string()
      .min(1)
      .default("data/uploads")
      .describe(
        "where installs before 2026-12-07 stored uploaded photos on disk; the set-up step of `npm start` (and `npm run db:seed`) moves any files there into the database, which now holds uploads for every server (served at `/uploads/…`, cached for a year)",
      ),
    STRIPE_SECRET_KEY: z
      .string()
      .optional()
      .describe(
        "with it, checkout uses Stripe Checkout (cards; Alipay and WeChat Pay when paying in CNY); without it, the built-in demo provider",
      ),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .optional()
      .describe(
        "verifies deliveries to `POST /webhooks/stripe` (point a Stripe webhook there for `checkout.session.completed`, `.async_payment_succeeded`, `.async_payment_failed`, `.expired`)",
      ),
    STRIPE_API_HOST: z.string().optional().describe("another Stripe API host (the tests point it at a local stand-in)"),
    STRIPE_API_PORT: port.optional().describe("that Stripe API host's port"),
    STRIPE_API_PROTOCOL: z.enum(["http", "https"]).default("https").describe("that Stripe API host's protocol"),
    PENDING_ORDER_MINUTES: positive
      .default(30)
      .describe("how long a placed, unpaid order holds its stock (Stripe orders: at least the session's 30 minutes, plus 10)"),
    ORDER_LINK_SECRET: z
      .string()
      .optional()
      .describe(
        "signs the private links to order pages: a comma-separated list like `SESSION_SECRET` (the first signs, every one verifies); set it to rotate the session secrets without ending the links in sent confirmations",
      ),
    BUILD_DIR: z
      .string()
      .min(1)
      .default("build")
      .describe("where `npm run build`, `npm test` and `npm run bench` build, and where the server serves from"),
    WEB_CONCURRENCY: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe("`npm start`: server processes sharing the port and the database (one per core when unset)"),
    PAGE_CACHE: z
      .enum(["on", "off"])
      .default("on")
      .describe(
        "`off` renders every shared page per request instead of answering from the page cache (what `npm run bench` compares against); the cache is never used by `npm run dev`",
      ),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .optional()
      .describe("the least severe log level written (JSON lines on standard output)"),
    CHROME_PATH: z.string().optional().describe("Chromium for the browser tests"),
    TEST_PORTS: z
      .string()
      .regex(/^\d+-\d+$/, "must be a port range, e.g. 3701-3799")
      .optional()
      .describe("browser tests: the range their servers' ports are taken from, e.g. `3701-3799`"),
    BENCH_SCALES: z
      .string()
      .regex(/^\d+(,\d+)*$/, "must be seed scales separated by commas, e.g. 1,100")
      .default("1")
      .describe(
        "`npm run bench`: seed scales to measure, e.g. `1,100` to add the 10,000-store database; each seeded database is made once (scale 100 takes minutes) and kept in `tests/.tmp/bench` (made again when its live festival has ended), and every run measures a private copy",
      ),
    BENCH_PARTS: z
      .string()
      .regex(/^(warm|cold|search)(,(warm|cold|search))*$/, "must be parts separated by commas: warm, cold, search")
      .default("warm,cold,search")
      .describe("`npm run bench`: the parts measured, e.g. `cold,search` for the scale targets only (warm pages are skipped)"),
    BENCH_SECONDS: positive.default(5).describe("`npm run bench`: seconds per load run (plus a 2 s warm-up per URL and server)"),
    BENCH_PORT: port
      .default(3650)
      .describe(
        "`npm run bench`: the first of three ports (the app, the raw `node:http` server, the app with the page cache off); all listen on 127.0.0.1 only. `npm run bench:live` uses it too (default `3651` there)",
      ),
    BENCH_SKIP_BUILD: flag.describe(
      "`npm run bench`: `1` to measure the existing build in `BUILD_DIR` instead of building first (the server still rebuilds, as `npm start` does, when the sources are newer than the build)",
    ),
    BENCH_RESEED: flag.describe("`npm run bench`: `1` to seed the kept benchmark databases again"),
    BENCH_ACCEPT_ENCODING: z
      .string()
      .default("gzip, deflate, br, zstd")
      .describe("`npm run bench`: the `Accept-Encoding` every benchmark request sends (a browser's; the app answers it with brotli)"),
    BENCH_BARE_ROUTE: flag.describe(
      "mounts `/bench-bare` (the same data as a catalogue page, no layout) to compare a page with its data alone by hand; a 404 everywhere else. `npm run bench` no longer uses it. Never set it in production",
    ),
    BENCH_ORDERS: z.coerce.number().int().positive().default(5000).describe("`npm run bench:orders`: orders per measurement"),
    BENCH_LIGHTHOUSE_RUNS: z.coerce
      .number()
      .int()
      .positive()
      .default(1)
      .describe("`npm run bench:lighthouse`: Lighthouse runs per page; with more than one, the median run by LCP is reported"),
    BENCH_LIGHTHOUSE_SCRIPTS: flag.describe("`npm run bench:lighthouse`: `1` to list every script a page loaded, with its size"),
    BENCH_LIGHTHOUSE_PAGES: z
      .string()
      .optional()
      .describe("`npm run bench:lighthouse`: only these pages, by the names it prints, comma-separated (`/zh,/products/:slug`)"),
    BENCH_LIGHTHOUSE_JSON: z
      .string()
      .optional()
      .describe("`npm run bench:lighthouse`: a directory to keep each page's full Lighthouse report in (the LCP element and its breakdown)"),
    BENCH_RAW_RECORDINGS: z
      .string()
      .optional()
      .describe("set by `npm run bench` on the raw `node:http` server it starts: the file of recorded responses that server replays"),
    BENCH_LIVE_LISTENERS: z.coerce
      .number()
      .int()
      .positive()
      .default(1000)
      .describe("`npm run bench:live`: event streams opened to the live festival's counters"),
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV === "production" && !strongSecrets(e.SESSION_SECRET)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message:
          "missing in production, or a secret in its list is shorter than 32 characters. Set it to a long random value (e.g. `openssl rand -hex 32`; several separated by commas while rotating), or start with `npm start`, which creates one beside the database",
      });
    }
    if (e.ORDER_LINK_SECRET !== undefined && e.NODE_ENV === "production" && !strongSecrets(e.ORDER_LINK_SECRET)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["ORDER_LINK_SECRET"],
        message: "a secret in its list is shorter than 32 characters (or the list is empty)",
      });
    }
  });

/** The secrets of a comma-separated list, in order (the first signs, all verify); blanks around commas ignored. */
export function secretList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A list with at least one secret, each at least 32 characters. */
export function strongSecrets(value: string | undefined): boolean {
  const list = secretList(value);
  return list.length > 0 && list.every((s) => s.length >= 32);
}

/**
 * What the configuration table says when a variable is unset and the schema
 * has no default value for it (the rest show their schema default).
 */
export const WHEN_UNSET: Partial<Record<keyof Env, string>> = {
  HOST: "all interfaces",
  DATABASE_URL: "unset (SQLite at `DATABASE_PATH`)",
  SEED_DATE: "today (UTC)",
  PUBLIC_ORIGIN: "the request's origin",
  TRUST_PROXY: "off",
  SESSION_SECRET: "`npm start` creates one in `data/session-secret` (one machine only)",
  STRIPE_SECRET_KEY: "unset (demo payments)",
  STRIPE_WEBHOOK_SECRET: "unset",
  STRIPE_API_HOST: "Stripe's API",
  STRIPE_API_PORT: "Stripe's API",
  ORDER_LINK_SECRET: "`SESSION_SECRET`'s list, else (development) a random key beside the database",
  LOG_LEVEL: "`info`; `warn` when `NODE_ENV=test`",
  CHROME_PATH: "found automatically",
  TEST_PORTS: "any free port",
  WEB_CONCURRENCY: "one per core",
  BENCH_RAW_RECORDINGS: "set by `npm run bench`",
  BENCH_LIGHTHOUSE_PAGES: "all four",
  BENCH_LIGHTHOUSE_JSON: "not kept",
};

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Every problem at once, one line per variable, so a bad start is fixed in one go. */
export function describeProblems(error: z.ZodError): string {
  const byVariable = new Map<string, string[]>();
  for (const issue of error.issues) {
    const name = issue.path.join(".") || "(environment)";
    byVariable.set(name, [...(byVariable.get(name) ?? []), issue.message]);
  }
  const lines = [...byVariable].map(([name, messages]) => `  ${name}: ${messages.join("; ")}`);
  return `Invalid environment (see the README's Configuration table):\n${lines.join("\n")}`;
}

let cached: Env | null = null;

/** The validated environment, read once; throws a ConfigError naming every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new ConfigError(describeProblems(parsed.error));
  return (cached = parsed.data);
}

/** For a server's boot: validate, or print every bad variable and exit. */
export function exitOnInvalidEnvironment(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * The session cookie's secrets, newest first: the first signs, every one verifies.
 * Development and tests without a usable list get a value that says what it is
 * (production requires a real one).
 */
export function sessionSecrets(): string[] {
  const secrets = env().SESSION_SECRET;
  return strongSecrets(secrets) ? secretList(secrets) : ["development-only-session-secret-not-for-production"];
}

/** Secure cookies in production, unless explicitly served over plain HTTP (INSECURE_COOKIES=1). */
export function secureCookies(): boolean {
  const e = env();
  return e.NODE_ENV === "production" && e.INSECURE_COOKIES !== "1";
}

/** This site's origin for links that leave the page (canonical, hreflang, payment returns): PUBLIC_ORIGIN, else the request's. */
export function publicOrigin(requestUrl: string): string {
  return env().PUBLIC_ORIGIN?.replace(/\/$/, "") || new URL(requestUrl).origin;
}
