/**
 * Accounts and the security baseline, through the real HTTP server (where
 * the cross-site check and the security headers live).
 */
import crypto from "node:crypto";
import { eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows, schema, transact } from "~/db.server";
import { signIn } from "~/modules/auth/accounts.server";
import { hashPassword, passwordVerifications } from "~/modules/auth/password.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { startTestServer, type TestServer } from "../browser/harness";
import { onServerDatabase } from "./fixtures";

let server: TestServer;
beforeAll(async () => {
  // Behind a (pretend) proxy, so each test client can have its own IP.
  server = await startTestServer({ TRUST_PROXY: "1" });
});
afterAll(async () => {
  await server?.stop();
});

const owner = DEMO_ACCOUNTS.find((a) => a.role === "owner")!;
const organiser = DEMO_ACCOUNTS.find((a) => a.role === "organiser")!;

/** A tiny cookie jar over fetch, never following redirects. */
function browser(ip = "203.0.113.7") {
  const jar = new Map<string, string>();
  const send = async (path: string, init: RequestInit & { form?: Record<string, string> } = {}) => {
    const headers = new Headers(init.headers);
    headers.set("X-Forwarded-For", ip);
    if (jar.size) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      if (!headers.has("Origin")) headers.set("Origin", server.url);
    }
    const res = await fetch(`${server.url}${path}`, { ...init, body, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (value === "" || /Max-Age=0/i.test(c) || /Expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  return { send, jar };
}

const login = (b: ReturnType<typeof browser>, email: string, password: string) =>
  b.send("/login", { method: "POST", form: { email, password } });

/** Rows of a query on the server's own copy of the database. */
const dbRows = <T>(query: SQL) => onServerDatabase(server, (db) => rows<T>(db, query));

describe("sign-in", () => {
  it("signs a demo owner in and lands on the dashboard", async () => {
    const b = browser();
    const res = await login(b, owner.email, DEMO_PASSWORDS.owner);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/dashboard");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("srs_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const dash = await b.send("/dashboard");
    expect(dash.status).toBe(200);
    expect(dash.headers.get("Cache-Control")).toBe("private, no-store");
    expect((await dbRows<{ n: number }>(sql`select count(*) as n from audit_log where action = 'auth.sign_in'`))[0].n).toBeGreaterThan(0);
  });

  it("answers a wrong password and an unknown email the same way, in the same timing class", async () => {
    // The same answer through the server…
    const b = browser("198.51.100.20");
    const wrong = await login(b, owner.email, "not-the-password-123");
    const unknown = await login(b, "nobody-0@silkroad.example", "not-the-password-123");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const message = "That email and password do not match an account.";
    expect(await wrong.text()).toContain(message);
    expect(await unknown.text()).toContain(message);
    // …and the same work: each path pays exactly one Argon2 verification, at the
    // same parameters. Counted (in this process, on its own copy of the seeded
    // database), not timed: a clock on a busy machine proves nothing.
    const meta = { ip: "198.51.100.21", userAgent: null };
    for (let i = 0; i < 4; i++) {
      let before = passwordVerifications();
      expect(await signIn(owner.email, "not-the-password-123", meta)).toEqual({ ok: false });
      expect(passwordVerifications() - before).toBe(1);
      before = passwordVerifications();
      expect(await signIn(`nobody-${i}@silkroad.example`, "not-the-password-123", meta)).toEqual({ ok: false });
      expect(passwordVerifications() - before).toBe(1);
    }
    const stored = (await dbRows<{ password_hash: string }>(sql`select password_hash from users where email = ${owner.email}`))[0].password_hash;
    expect(stored.split("$").slice(0, 4).join("$")).toBe((await hashPassword("any")).split("$").slice(0, 4).join("$"));
  });

  it("throttles the 11th failed sign-in within a minute from one IP with 429 and Retry-After", async () => {
    const b = browser("192.0.2.55");
    for (let i = 0; i < 10; i++) {
      const res = await login(b, `stranger-${i}@silkroad.example`, "wrong-password-here");
      expect(res.status).toBe(400);
    }
    const eleventh = await login(b, `stranger-11@silkroad.example`, "wrong-password-here");
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await eleventh.text()).toContain("Too many attempts");
    // Another IP is not affected.
    expect((await login(browser("192.0.2.56"), owner.email, DEMO_PASSWORDS.owner)).status).toBe(302);
  });

  it("stops accepting the session cookie after sign-out", async () => {
    const b = browser("203.0.113.40");
    await login(b, owner.email, DEMO_PASSWORDS.owner);
    const stolen = b.jar.get("srs_session")!;
    expect((await b.send("/dashboard")).status).toBe(200);
    const out = await b.send("/logout", { method: "POST", form: {} });
    expect(out.status).toBe(302);
    const replay = await fetch(`${server.url}/dashboard`, { headers: { Cookie: `srs_session=${stolen}` }, redirect: "manual" });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("sign-up and password change", () => {
  it("creates an owner, refuses a common password, and ends other sessions on password change", async () => {
    const email = `new.owner.${Date.now()}@silkroad.example`;
    const first = browser("203.0.113.90");
    const weak = await first.send("/sw/signup", { method: "POST", form: { name: "Neema", email, password: "password1234", preferredLang: "sw" } });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain("Nenosiri hili linatumiwa na watu wengi mno");
    const created = await first.send("/sw/signup", { method: "POST", form: { name: "Neema", email, password: "mti-wa-mbuyu-2026", preferredLang: "sw" } });
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe("/sw/dashboard");
    const taken = await browser("203.0.113.91").send("/signup", { method: "POST", form: { name: "Other", email, password: "another-long-pass-99", preferredLang: "en" } });
    expect(taken.status).toBe(400);

    const second = browser("203.0.113.92");
    expect((await login(second, email, "mti-wa-mbuyu-2026")).status).toBe(302);
    const change = await first.send("/account/password", {
      method: "POST",
      form: { currentPassword: "mti-wa-mbuyu-2026", newPassword: "mto-wa-rufiji-2027", confirmPassword: "mto-wa-rufiji-2027" },
    });
    expect(change.status).toBe(302);
    expect((await first.send("/dashboard")).status).toBe(200); // this session stays
    expect((await second.send("/dashboard")).status).toBe(302); // the other one ended
    expect((await login(browser("203.0.113.93"), email, "mto-wa-rufiji-2027")).status).toBe(302);
    expect((await dbRows<{ n: number }>(sql`select count(*) as n from audit_log where action = 'auth.password_changed'`))[0].n).toBe(1);
  });

  it("turns away a filled honeypot without creating an account", async () => {
    const email = `bot.${Date.now()}@silkroad.example`;
    const res = await browser("203.0.113.99").send("/signup", {
      method: "POST",
      form: { name: "Bot", email, password: "bot-password-long-1", preferredLang: "en", website: "http://spam.example" },
    });
    expect(res.status).toBe(400);
    expect(await dbRows(sql`select id from users where email = ${email}`)).toHaveLength(0);
  });
});

describe("cross-site requests", () => {
  const actions = [
    "/login",
    "/signup",
    "/logout",
    "/account/password",
    "/zh/login",
    "/cart",
    "/checkout",
    "/orders/lookup",
    "/dashboard/stores/new",
    "/organiser/festivals/new",
    "/organiser/review",
    "/organiser/stores",
    "/products",
    "/",
  ];
  for (const path of actions) {
    it(`refuses a cross-site POST to ${path} with 403 and changes nothing`, async () => {
      const before = (await dbRows<{ n: number }>(sql`select (select count(*) from users) + (select count(*) from sessions) + (select count(*) from audit_log) as n`))[0].n;
      const res = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: `x${Date.now()}@evil.example`, password: "whatever-long-enough", name: "Evil", preferredLang: "en" }),
        redirect: "manual",
      });
      expect(res.status).toBe(403);
      const after = (await dbRows<{ n: number }>(sql`select (select count(*) from users) + (select count(*) from sessions) + (select count(*) from audit_log) as n`))[0].n;
      expect(after).toBe(before);
    });
  }
  it("answers a cross-site POST to /fr/... with a French 403 page, with the security headers", async () => {
    const res = await fetch(`${server.url}/fr/cart`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "add", slug: "x<script>" }),
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("Content-Language")).toBe("fr");
    expectSecurityHeaders(res, "/fr/cart (refused)");
    const html = await res.text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain("<title>Requête refusée</title>");
    expect(html).toContain('href="/fr"');
    expect(html).not.toContain("Cross-site request refused");
    expect(html).not.toContain("<script");
  });
  it("answers a cross-site POST to /ar/... right to left, and an unprefixed one in English", async () => {
    const post = (path: string) =>
      fetch(`${server.url}${path}`, { method: "POST", headers: { Origin: "https://evil.example" }, body: "a=1", redirect: "manual" });
    const ar = await (await post("/ar/login")).text();
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain("تم رفض الطلب");
    const en = await (await post("/login")).text();
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(en).toContain("<h1>Request refused</h1>");
  });
  it("refuses a POST with neither Origin nor Referer", async () => {
    const res = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ email: "a@b.c" }), redirect: "manual" });
    expect(res.status).toBe(403);
  });
});

function expectSecurityHeaders(res: Response, path: string) {
  expect(res.headers.get("Content-Security-Policy"), path).toContain("frame-ancestors 'none'");
  expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
  expect(res.headers.get("Referrer-Policy"), path).toBeTruthy();
  expect(res.headers.get("Permissions-Policy"), path).toBeTruthy();
  expect(res.headers.get("Strict-Transport-Security"), path).toMatch(/max-age/);
}

describe("headers and guards", () => {
  it("sends the security headers on every kind of response, with a fresh nonce each time", async () => {
    const paths = ["/healthz", "/favicon.svg", "/nope/nothing", "/login"];
    const nonces = new Set<string>();
    for (const path of paths) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expectSecurityHeaders(res, path);
      nonces.add(/nonce-([^']+)/.exec(csp)![1]);
    }
    expect(nonces.size).toBe(paths.length);
    const html = await (await fetch(`${server.url}/login`)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/nonce="[^"]+"|src=/);
  });

  it("allows a shared page's inline scripts by their hashes (a cached page has no per-request nonce)", async () => {
    for (const path of ["/", "/zh/products"]) {
      const res = await fetch(`${server.url}${path}`, { headers: { "Accept-Language": "en" } });
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expectSecurityHeaders(res, path);
      const allowed = /script-src ([^;]+)/.exec(csp)![1].split(" ");
      expect(allowed).not.toContain("'unsafe-inline'");
      const inline = [...(await res.text()).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/src=/.test(m[1]) && m[2]);
      expect(inline.length, path).toBeGreaterThan(0);
      for (const m of inline) expect(allowed, path).toContain(`'sha256-${crypto.createHash("sha256").update(m[2]).digest("base64")}'`);
    }
  });

  it("sends shoppers to sign-in, and keeps owners out of the organiser console (403)", async () => {
    for (const path of ["/dashboard", "/organiser", "/account/password", "/fr/dashboard"]) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location"), path).toContain("/login?redirectTo=");
    }
    const b = browser("203.0.113.120");
    await login(b, owner.email, DEMO_PASSWORDS.owner);
    expect((await b.send("/organiser")).status).toBe(403);
    const o = browser("203.0.113.121");
    const res = await login(o, organiser.email, DEMO_PASSWORDS.organiser);
    expect(res.headers.get("Location")).toBe("/organiser");
    expect((await o.send("/organiser")).status).toBe(200);
    expect((await o.send("/dashboard")).status).toBe(403);
  });

  it("expires a session after inactivity", async () => {
    const b = browser("203.0.113.130");
    await login(b, owner.email, DEMO_PASSWORDS.owner);
    // Every session last seen 30 days earlier than it was.
    await onServerDatabase(server, (db) =>
      transact(db, async (tx) => {
        for (const { id, lastSeenAt } of await tx.select({ id: schema.sessions.id, lastSeenAt: schema.sessions.lastSeenAt }).from(schema.sessions))
          await tx.update(schema.sessions).set({ lastSeenAt: new Date(lastSeenAt.getTime() - 30 * 24 * 3600 * 1000) }).where(eq(schema.sessions.id, id));
      }),
    );
    expect((await b.send("/dashboard")).status).toBe(302);
  });
});
