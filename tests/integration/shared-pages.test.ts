/**
 * Issue 11, point 1: anonymous pages are the same for everyone with the same
 * URL, so a CDN and the app's page cache may share them. Through the real
 * HTTP server (page cache in front of Express and Remix): every shared page
 * in all six languages, fetched as an anonymous visitor and as a signed-in
 * owner with a full cart and a placed order, sets no cookie, does not vary on
 * Cookie, and carries nothing of that visitor's; signed-in pages are private.
 */
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../db/seed/demo-accounts";
import { LANGS, localizePath } from "../../app/modules/i18n/config";
import { closeDatabase } from "../../db/connection";
import { startTestServer, type TestServer } from "../browser/harness";
import { firstRow } from "./fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const owner = DEMO_ACCOUNTS.find((a) => a.role === "owner")!;

/** Straight from the server's database (either engine), not through the app's queries. */
async function sample() {
  const db = server.openDatabase();
  try {
    const one = async <T>(query: SQL) => firstRow<T>(db, query);
    return {
      product: (await one<{ slug: string }>(sql`SELECT p.slug FROM products p JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'live' AND p.stock > 10 ORDER BY p.id LIMIT 1`)).slug,
      store: (await one<{ slug: string }>(sql`SELECT slug FROM stores WHERE status = 'live' ORDER BY id LIMIT 1`)).slug,
      country: (await one<{ code: string }>(sql`SELECT country_code AS code FROM stores WHERE status = 'live' ORDER BY id LIMIT 1`)).code,
      category: (await one<{ slug: string }>(sql`SELECT slug FROM categories ORDER BY sort_order LIMIT 1`)).slug,
      festival: (await one<{ slug: string }>(sql`SELECT slug FROM festivals WHERE status = 'published' ORDER BY id LIMIT 1`)).slug,
    };
  } finally {
    await closeDatabase(db);
  }
}

/** A visitor with a cookie jar over fetch (redirects not followed). */
function visitor() {
  const jar = new Map<string, string>();
  const send = async (path: string, form?: Record<string, string>) => {
    const headers = new Headers();
    if (jar.size) headers.set("Cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    if (form) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      headers.set("Origin", server.url);
    }
    const res = await fetch(`${server.url}${path}`, {
      method: form ? "POST" : "GET",
      body: form ? new URLSearchParams(form) : undefined,
      headers,
      redirect: "manual",
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    return res;
  };
  return { send, jar };
}

describe("shared pages", () => {
  it("are the same for an anonymous visitor and a signed-in owner with a full cart and an order", async () => {
    const s = await sample();
    const paths = [
      "/",
      "/festivals",
      `/festivals/${s.festival}`,
      "/products",
      "/products?category=coffee&page=2",
      `/products/${s.product}`,
      "/stores",
      `/stores/${s.store}`,
      `/countries/${s.country}`,
      `/categories/${s.category}`,
      "/search?q=coffee",
      "/countries",
      "/contact",
      "/shipping",
      "/returns",
      "/privacy",
    ];

    // The signed-in owner: a session, a cart of 7 items and a placed order.
    const known = visitor();
    expect((await known.send("/login", { email: owner.email, password: owner.password })).status).toBe(302);
    expect(known.jar.has("srs_session")).toBe(true);
    expect((await known.send("/cart", { intent: "add", slug: s.product, quantity: "7" })).status).toBe(303);
    const placed = await known.send("/checkout", {
      email: "shared.pages@example.com",
      name: "Zanele Shared-Pages",
      phone: "+27 21 555 0123",
      line1: "12 Long Street",
      city: "Cape Town",
      postalCode: "8001",
      country: "ZA",
    });
    expect(placed.status).toBe(303);
    const orderNumber = /\/(?:orders|pay\/demo)\/([A-Za-z0-9-]+)/.exec(placed.headers.get("Location") ?? "")?.[1];
    expect(orderNumber).toBeTruthy();
    expect((await (await known.send("/me")).json()) as unknown).toMatchObject({ user: { name: owner.name } });
    const anonymous = visitor();

    for (const lang of LANGS) {
      for (const path of paths) {
        const url = localizePath(path, lang);
        for (const who of [anonymous, known]) {
          const res = await who.send(url);
          const body = await res.text();
          expect(res.status, url).toBe(200);
          expect(res.headers.getSetCookie(), url).toEqual([]);
          expect(res.headers.get("Vary") ?? "", url).not.toMatch(/cookie/i);
          expect(res.headers.get("Cache-Control"), url).toMatch(/^public, max-age=0, s-maxage=\d+/);
          expect(body, url).not.toContain(owner.name);
          expect(body, url).not.toContain(owner.email);
          expect(body, url).not.toContain("Zanele");
          expect(body, url).not.toContain("shared.pages@example.com");
          expect(body, url).not.toContain(orderNumber!);
          expect(body, url).not.toContain('data-testid="cart-count"');
          // A shared page's scripts are allowed by their hashes, never by a nonce only one visitor saw.
          expect(res.headers.get("Content-Security-Policy"), url).toMatch(/script-src 'self' 'sha256-/);
          expect(body, url).not.toMatch(/nonce="[^"]+"/);
        }
      }
    }
    // What is personal reaches the header from /me, never stored by a shared cache.
    const me = await known.send("/me");
    expect(me.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await me.json()).toEqual({ cartCount: 0, user: { name: owner.name, role: "owner" } });
    // 192 pages (16 × 6 languages × 2 visitors): more than the default 30 s on a busy machine, on PostgreSQL most.
  }, 120_000);

  it("keeps signed-in pages private", async () => {
    const known = visitor();
    await known.send("/login", { email: owner.email, password: owner.password });
    for (const path of ["/dashboard", "/zh/dashboard", "/cart", "/checkout"]) {
      const res = await known.send(path);
      expect(res.headers.get("Cache-Control"), path).toMatch(/private/);
    }
  });

  it("answers a repeat visit from the page cache, with a validator a CDN can use", async () => {
    const first = await fetch(`${server.url}/zh/products`, { headers: { "Accept-Encoding": "br" } });
    const etag = first.headers.get("ETag");
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.url}/zh/products`, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
  });

  it("sends a first visit to / in the visitor's language, and sets the lang cookie only there", async () => {
    const first = await fetch(`${server.url}/`, { headers: { "Accept-Language": "zh-CN,zh;q=0.9" }, redirect: "manual" });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/zh");
    expect(first.headers.getSetCookie().join()).toMatch(/^lang=/);
    expect(first.headers.get("Cache-Control")).toMatch(/private/);
    // A link inside the site to the English home page is a choice: no redirect, no cookie.
    const chosen = await fetch(`${server.url}/`, {
      headers: { "Accept-Language": "zh-CN,zh;q=0.9", "Sec-Fetch-Site": "same-origin" },
      redirect: "manual",
    });
    expect(chosen.status).toBe(200);
    expect(chosen.headers.getSetCookie()).toEqual([]);
    // A remembered choice: no redirect either.
    const remembered = await fetch(`${server.url}/`, { headers: { "Accept-Language": "zh-CN", Cookie: "lang=en" }, redirect: "manual" });
    expect(remembered.status).toBe(200);
  });

  it("keeps the currency in the URL: links and forms of a KES page stay in KES, canonical drops it", async () => {
    const body = await (await fetch(`${server.url}/fr/products?currency=KES`)).text();
    expect(body).toMatch(/href="\/fr\/products\/[^"?]+\?currency=KES"/);
    expect(body).toContain('<input type="hidden" name="currency" value="KES"/>');
    expect(body).toMatch(/<link rel="canonical" href="[^"]*\/fr\/products"\/>/);
    expect(body).toContain("KES");
  });
});
