/**
 * Fuzzing every form route (issue 12): at least 100 malformed bodies each
 * (wrong content types, empty bodies, JSON, broken multipart, repeated and
 * nested keys, a megabyte of text, control characters, random fields) as the
 * user each route is for. No answer may be a 500, and no stored row may change
 * outside what a form may legitimately write (sessions, rate limits, the audit
 * log, carts), checked by hashing the main tables before and after.
 */
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows, schema } from "~/db.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { regularProduct } from "./fixtures";
import { ADDRESS, appHandler, ORIGIN, Shopper } from "./http-client";

type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;

const MAIN_TABLES = [
  "users", "stores", "store_translations", "categories", "products", "product_translations", "product_images",
  "exchange_rates", "festivals", "festival_translations", "festival_phases", "festival_enrolments", "festival_deals",
  "progress_counters", "orders", "order_lines", "payment_events",
];
/** What paying the demo order (its form's own target) writes. */
const PAYMENT_TABLES = ["orders", "order_lines", "payment_events", "progress_counters", "products", "festival_deals"];

/** A hash of every row of each table, in no particular order (a table's rows sorted as text: either engine's). */
async function snapshot(except: string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of MAIN_TABLES.filter((t) => !except.includes(t))) {
    const all = (await rows<Record<string, unknown>>(db, sql.raw(`select * from ${table}`))).map((r) => JSON.stringify(r)).sort();
    out[table] = crypto.createHash("sha256").update(all.join("\n")).digest("hex");
  }
  return out;
}

interface Body {
  what: string;
  body: string | Uint8Array | FormData | null;
  type: string | null;
}

// Field names the app's forms use, so repeated and hostile values reach real schemas.
const KEYS = [
  "email", "password", "name", "redirectTo", "website", "preferredLang", "currentPassword", "newPassword", "confirmPassword",
  "intent", "slug", "quantity", "enhanced", "line1", "city", "country", "number", "currency", "back", "outcome",
  "store", "language", "story", "tagline", "category", "price", "stock", "name_en", "name_fr", "description_en",
  "festival", "product", "dealPrice", "committedStock", "flash_start", "subject", "id", "decision", "reason",
  "timeZone", "sale_start", "sale_end", "pitch_en",
];
const HOSTILE_VALUES = [
  "", " ", "a", "\u0000", "Kikoy \u202Eexe.gpj", "\r\n\r\n", "\u0085\u2028", "\ud800", "咖啡", "تمر", "-1", "1e999", "NaN",
  "99999999999999999999", "null", "[object Object]", "__proto__", "../../etc/passwd", "<script>alert(1)</script>",
  "%00", "/\t/evil.example", "//evil.example", "x".repeat(10_000), "é".repeat(3000),
];

const urlencoded = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();
const FORM = "application/x-www-form-urlencoded";

function multipart(parts: { name: string; value: string; filename?: string }[], boundary = "fuzzboundary") {
  const body = parts
    .map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}\r\n${p.filename ? "Content-Type: application/octet-stream\r\n" : ""}\r\n${p.value}\r\n`)
    .join("");
  return { body: `${body}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

/** The same malformed bodies for every route: fixed ones, then random ones (seeded, so every run sends the same). */
function malformedBodies(fields: string[]): Body[] {
  const keys = [...new Set([...fields, ...KEYS])];
  const bodies: Body[] = [
    { what: "no body, no type", body: null, type: null },
    { what: "empty urlencoded", body: "", type: FORM },
    { what: "empty multipart", body: "", type: "multipart/form-data; boundary=x" },
    { what: "JSON object", body: "{}", type: "application/json" },
    { what: "JSON array", body: "[]", type: "application/json" },
    { what: "JSON with fields", body: JSON.stringify(Object.fromEntries(fields.map((f) => [f, "x"]))), type: "application/json" },
    { what: "plain text", body: "a=b", type: "text/plain" },
    { what: "XML", body: "<a/>", type: "application/xml" },
    { what: "form body without a type", body: urlencoded(fields.map((f) => [f, "x"])), type: null },
    { what: "garbage multipart", body: "--x\r\ngarbage", type: "multipart/form-data; boundary=x" },
    { what: "multipart without boundary", body: "--x\r\n\r\n--x--", type: "multipart/form-data" },
    { what: "unterminated multipart", body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', type: "multipart/form-data; boundary=x" },
    { what: "multipart with a file", ...multipart([{ name: fields[0] ?? "a", value: "GIF89a", filename: "x.gif" }]) },
    { what: "multipart with repeated fields", ...multipart(fields.flatMap((f) => [{ name: f, value: "a" }, { name: f, value: "b" }])) },
    { what: "multipart with control characters", ...multipart(fields.map((f) => ({ name: f, value: "\u0000\u202E\u0007" }))) },
    { what: "random bytes as a form", body: new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)), type: FORM },
    { what: "a lone percent", body: "%", type: FORM },
    { what: "bad percent escapes", body: "%zz=%ff&%E5%92=%C0%AF", type: FORM },
    { what: "1 MB value", body: `${fields[0] ?? "a"}=${"a".repeat(1024 * 1024)}`, type: FORM },
    { what: "1 MB multipart", ...multipart([{ name: fields[0] ?? "a", value: "b".repeat(1024 * 1024) }]) },
    { what: "10,000 distinct fields", body: Array.from({ length: 10_000 }, (_, i) => `k${i}=1`).join("&"), type: FORM },
    { what: "array keys", body: urlencoded(fields.map((f) => [`${f}[]`, "x"])), type: FORM },
    { what: "dotted keys", body: urlencoded(fields.map((f) => [`${f}.x`, "x"])), type: FORM },
    { what: "indexed keys", body: urlencoded(fields.map((f) => [`${f}[0]`, "x"])), type: FORM },
    { what: "prototype keys", body: "__proto__[admin]=1&constructor[prototype][admin]=1&__proto__=1", type: FORM },
    { what: "empty and spaced keys", body: "=1&%20=2&a%00b=3", type: FORM },
  ];
  for (const key of keys) {
    bodies.push({ what: `${key} repeated`, body: urlencoded([...fields.map((f): [string, string] => [f, "x"]), [key, "a"], [key, "b"]]), type: FORM });
  }
  for (const value of HOSTILE_VALUES) {
    bodies.push({ what: `every field = ${JSON.stringify(value.slice(0, 20))}`, body: urlencoded(fields.map((f) => [f, value])), type: FORM });
  }
  const randomForm = fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string({ unit: "binary", maxLength: 40 }))), { maxLength: 12 });
  for (const pairs of fc.sample(randomForm, { numRuns: 40, seed: 12 })) {
    bodies.push({ what: `random form ${urlencoded(pairs).slice(0, 60)}`, body: urlencoded(pairs), type: FORM });
  }
  return bodies;
}

async function post(who: Shopper, pathname: string, b: Body) {
  const headers = new Headers({ Host: new URL(ORIGIN).host, Origin: ORIGIN });
  if (who.cookieHeader) headers.set("Cookie", who.cookieHeader);
  if (b.type) headers.set("Content-Type", b.type);
  const res = await handler(new Request(new URL(pathname, ORIGIN), { method: "POST", body: b.body as BodyInit | null, headers, redirect: "manual" }));
  await res.arrayBuffer();
  return res;
}

/** Posts every malformed body; returns each answer's status, and any 500s with what caused them. */
async function fuzz(who: Shopper, pathname: string, fields: string[]) {
  const bodies = malformedBodies(fields);
  expect(bodies.length).toBeGreaterThanOrEqual(100);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  for (const b of bodies) {
    const res = await post(who, pathname, b);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) failures.push(`${res.status} ${b.what}`);
  }
  return { failures, statuses, sent: bodies.length };
}

const anonymous = new Shopper();
const amina = new Shopper();
const organiser = new Shopper();
let routes: { who: Shopper; role: string; path: string; fields: string[] }[] = [];
let payDemoPath = "";

beforeAll(async () => {
  handler = await appHandler();
  for (const [who, email, password] of [
    [amina, "amina@silkroad.example", DEMO_PASSWORDS.owner],
    [organiser, "organiser@silkroad.example", DEMO_PASSWORDS.organiser],
  ] as const) {
    expect((await who.post("/login", { email, password }, handler)).status).toBe(302);
  }
  // A pending demo order, so the demo payment form has something to pay.
  const buyer = new Shopper();
  await buyer.post("/cart", { intent: "add", slug: (await regularProduct(3)).slug }, handler);
  const placed = await buyer.post("/checkout", ADDRESS, handler);
  expect(placed.status).toBe(303);
  payDemoPath = placed.headers.get("Location")!;
  expect(payDemoPath).toMatch(/^\/pay\/demo\//);

  const [{ id: aminaId }] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, "amina@silkroad.example"));
  const [store] = await db.select().from(schema.stores).where(and(eq(schema.stores.ownerId, aminaId), eq(schema.stores.status, "live"))).orderBy(schema.stores.id).limit(1);
  const [product] = await db.select().from(schema.products).where(eq(schema.products.storeId, store.id)).orderBy(schema.products.id).limit(1);
  const [enrolment] = await db
    .select({ festival: schema.festivals.slug, store: schema.stores.slug })
    .from(schema.festivalEnrolments)
    .innerJoin(schema.festivals, eq(schema.festivals.id, schema.festivalEnrolments.festivalId))
    .innerJoin(schema.stores, eq(schema.stores.id, schema.festivalEnrolments.storeId))
    .where(eq(schema.stores.ownerId, aminaId))
    .orderBy(schema.festivalEnrolments.id)
    .limit(1);
  const [festival] = await db.select({ slug: schema.festivals.slug }).from(schema.festivals).orderBy(schema.festivals.id).limit(1);

  routes = [
    { who: anonymous, role: "anonymous", path: "/login", fields: ["email", "password", "redirectTo"] },
    { who: anonymous, role: "anonymous", path: "/fr/login", fields: ["email", "password", "redirectTo"] },
    { who: anonymous, role: "anonymous", path: "/signup", fields: ["name", "email", "password", "preferredLang", "redirectTo"] },
    { who: anonymous, role: "anonymous", path: "/cart", fields: ["intent", "slug", "quantity", "enhanced"] },
    { who: anonymous, role: "anonymous", path: "/zh/checkout", fields: ["email", "name", "line1", "city", "country"] },
    { who: anonymous, role: "anonymous", path: "/orders/lookup", fields: ["number", "email"] },
    { who: anonymous, role: "anonymous", path: "/logout", fields: [] },
    { who: amina, role: "owner", path: "/account/password", fields: ["currentPassword", "newPassword", "confirmPassword", "redirectTo"] },
    { who: amina, role: "owner", path: "/dashboard/stores/new", fields: ["name", "country", "city", "category", "story_en"] },
    { who: amina, role: "owner", path: `/dashboard/stores/${store.slug}/profile`, fields: ["intent", "store", "language", "name", "city", "story"] },
    { who: amina, role: "owner", path: `/dashboard/stores/${store.slug}/products/new`, fields: ["name_en", "name_fr", "category", "price", "stock"] },
    { who: amina, role: "owner", path: `/ar/dashboard/stores/${store.slug}/products/${product.id}`, fields: ["intent", "name_en", "name_fr", "category", "price", "stock", "image"] },
    { who: amina, role: "owner", path: "/dashboard/festivals", fields: ["store", "festival"] },
    ...(enrolment ? [{ who: amina, role: "owner", path: `/dashboard/festivals/${enrolment.festival}/${enrolment.store}`, fields: ["product", "dealPrice", "committedStock", "flash_start"] }] : []),
    { who: organiser, role: "organiser", path: "/organiser/festivals/new", fields: ["slug", "timeZone", "name_en", "pitch_en", "sale_start", "sale_end"] },
    { who: organiser, role: "organiser", path: `/organiser/festivals/${festival.slug}/edit`, fields: ["intent", "slug", "timeZone", "name_en", "sale_start"] },
    { who: organiser, role: "organiser", path: "/organiser/review", fields: ["subject", "id", "decision", "reason"] },
    { who: organiser, role: "organiser", path: "/organiser/stores", fields: ["store", "decision", "reason"] },
  ];
  expect(enrolment, "amina has a festival enrolment to offer deals in").toBeTruthy();
});

describe("fuzzing every form route", () => {
  it("never answers 500 and changes no stored row, on each route as its user and as a stranger", async () => {
    const before = await snapshot();
    let total = 0;
    for (const route of routes) {
      const mine = await fuzz(route.who, route.path, route.fields);
      expect(mine.failures, `${route.role} ${route.path}`).toEqual([]);
      // The malformed ones among them are refused as such, not waved through.
      expect(mine.statuses.get(400) ?? 0, `${route.role} ${route.path} ${JSON.stringify([...mine.statuses])}`).toBeGreaterThanOrEqual(50);
      total += mine.sent;
      if (route.role !== "anonymous") {
        const stranger = await fuzz(new Shopper(), route.path, route.fields);
        expect(stranger.failures, `anonymous ${route.path}`).toEqual([]);
        total += stranger.sent;
      }
    }
    expect(total).toBeGreaterThanOrEqual(100 * routes.length);
    expect(await snapshot()).toEqual(before);
    // The signed-in users were neither signed out nor locked out.
    expect((await amina.get("/dashboard", handler)).status).toBe(200);
    expect((await organiser.get("/organiser", handler)).status).toBe(200);
  }, 600_000);

  it("never answers 500 on the demo payment form, which may only pay its own order", async () => {
    const before = await snapshot(PAYMENT_TABLES);
    const result = await fuzz(anonymous, payDemoPath, ["outcome"]);
    expect(result.failures).toEqual([]);
    expect(await snapshot(PAYMENT_TABLES)).toEqual(before);
  }, 120_000);
});
