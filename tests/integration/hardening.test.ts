/**
 * Issue 12 ("Hardening"), one describe per numbered defect, through the built
 * app in-process (the same Remix handler the server uses). The per-IP limit
 * behind a proxy (point 6) needs the real server: tests/integration/trust-proxy.test.ts;
 * the purge (point 8): tests/integration/purge.test.ts; the sign-in timing
 * class (point 9): tests/integration/auth.test.ts.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { signIn as signInAccount } from "~/modules/auth/accounts.server";
import { passwordVerifications } from "~/modules/auth/password.server";
import { LIMITS, RateLimitedError } from "~/modules/auth/rate-limit.server";
import { checkoutSchema } from "~/modules/orders/checkout-schema";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { rowCount, storesOf } from "./fixtures";
import { appHandler, ORIGIN, Shopper } from "./http-client";

// The test clock's route is the resource route (no page) whose 400 is checked below.
process.env.TEST_CLOCK = "1";
type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;
const amina = new Shopper();
const AMINA = "amina@silkroad.example";

const aminaStore = async () => (await storesOf(AMINA)).find((s) => s.status === "live")!;
const aminaProduct = async () => (await db.select().from(schema.products).where(eq(schema.products.storeId, (await aminaStore()).id)).orderBy(schema.products.id).limit(1))[0];

/** A POST with exactly this body and content type (repeated keys and all), as `who`. */
async function postRaw(who: Shopper, pathname: string, body: BodyInit | null, contentType: string | null) {
  const headers = new Headers({ Cookie: who.cookieHeader, Host: new URL(ORIGIN).host, Origin: ORIGIN });
  if (contentType) headers.set("Content-Type", contentType);
  const res = await handler(new Request(new URL(pathname, ORIGIN), { method: "POST", body, headers, redirect: "manual" }));
  return res;
}

const sessionCount = () => rowCount("sessions");

beforeAll(async () => {
  handler = await appHandler();
  expect((await amina.post("/login", { email: AMINA, password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
});

describe("1. a body that is not a form answers a translated 400, never a 500", () => {
  const bodies: [string, BodyInit | null, string | null][] = [
    ["an empty body", null, null],
    ["JSON", "{}", "application/json"],
    ["garbage multipart", "--x\r\ngarbage", "multipart/form-data; boundary=x"],
  ];
  const anonymousRoutes = ["/login", "/signup", "/cart", "/checkout", "/orders/lookup", "/logout"];

  for (const [what, body, type] of bodies) {
    it(`answers ${what} with 400 on every anonymous form route`, async () => {
      for (const route of anonymousRoutes) {
        const res = await postRaw(new Shopper(), route, body, type);
        expect(res.status, `${route} ${what}`).toBe(400);
      }
    });

    it(`answers ${what} with 400 on the owner's forms`, async () => {
      const store = await aminaStore();
      for (const route of [`/dashboard/stores/${store.slug}/products/new`, `/dashboard/stores/${store.slug}/profile`, "/dashboard/stores/new", "/account/password"]) {
        const res = await postRaw(amina, route, body, type);
        expect(res.status, `${route} ${what}`).toBe(400);
      }
    });
  }

  it("says what went wrong in the page's language", async () => {
    const fr = await postRaw(new Shopper(), "/fr/login", "{}", "application/json");
    expect(fr.status).toBe(400);
    const page = await fr.text();
    expect(page).toContain("Ce formulaire n’a pas pu être lu");
    expect(page).toContain("Cette page n’accepte que le formulaire envoyé depuis sa propre page.");
    const zh = await postRaw(new Shopper(), "/zh/checkout", "--x\r\ngarbage", "multipart/form-data; boundary=x");
    expect(await zh.text()).toContain("无法读取此表单");
    // A resource route (no page to render: the test clock, on in this file) answers the same message as JSON.
    const clock = await postRaw(new Shopper(), "/test-clock", "{}", "application/json");
    expect(clock.status).toBe(400);
    expect(((await clock.json()) as { message: string }).message).toContain("only accepts a form sent by its own page");
  });

  it("refuses a body over the form's limit before it is parsed", async () => {
    const res = await postRaw(new Shopper(), "/orders/lookup", `number=${"A".repeat(1024 * 1024)}`, "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("too large for this form");
  });
});

describe("2. a repeated or nested field answers 400, never a 500", () => {
  const base = "name_en=Blue+Fez+Bowl&category=crafts&price=24.50&stock=7";
  const variants = ["name_fr=Th%C3%A9&name_fr=The", "name_en=Again", "name_fr%5B%5D=Th%C3%A9", "name_fr.x=Th%C3%A9"];

  it("on the new-product form", async () => {
    const store = await aminaStore();
    const before = await rowCount("products");
    for (const extra of variants) {
      const res = await postRaw(amina, `/dashboard/stores/${store.slug}/products/new`, `${base}&${extra}`, "application/x-www-form-urlencoded");
      expect(res.status, extra).toBe(400);
    }
    expect(await rowCount("products")).toBe(before);
  });

  it("on the product edit page", async () => {
    const store = await aminaStore();
    const product = await aminaProduct();
    const names = () => db.select().from(schema.productTranslations).where(eq(schema.productTranslations.productId, product.id)).orderBy(schema.productTranslations.lang);
    const before = JSON.stringify(await names());
    for (const extra of variants) {
      const res = await postRaw(amina, `/dashboard/stores/${store.slug}/products/${product.id}`, `${base}&${extra}`, "application/x-www-form-urlencoded");
      expect(res.status, extra).toBe(400);
    }
    expect(JSON.stringify(await names())).toBe(before);
  });
});

describe("3. no open redirect after sign-in", () => {
  const hostile = ["/\t/evil.example", "/\t\\evil.example", "//evil.example", "/\\evil.example"];
  const offSite = (location: string | null) => new URL(location ?? "", "https://site.example").host !== "site.example" || /evil/.test(location ?? "");

  it("GET /login when signed in", async () => {
    for (const to of hostile) {
      const res = await amina.get(`/login?redirectTo=${encodeURIComponent(to)}`, handler);
      expect(res.status, to).toBe(302);
      expect(res.headers.get("Location"), to).toBe("/dashboard");
    }
  });

  it("POST /login, /signup and /account/password", async () => {
    for (const [i, to] of hostile.entries()) {
      const login = await new Shopper().post("/login", { email: AMINA, password: DEMO_PASSWORDS.owner, redirectTo: to }, handler);
      expect(login.status, to).toBe(302);
      expect(offSite(login.headers.get("Location")), to).toBe(false);

      const owner = new Shopper();
      const email = `redirect-${i}@silkroad.example`;
      const signup = await owner.post("/signup", { name: "Redirect Tester", email, password: "baobab-sunrise-tea-42", preferredLang: "en", redirectTo: to }, handler);
      expect(signup.status, to).toBe(302);
      expect(offSite(signup.headers.get("Location")), to).toBe(false);

      const change = await owner.post(
        "/account/password",
        { currentPassword: "baobab-sunrise-tea-42", newPassword: "kente-weaver-blue-77", confirmPassword: "kente-weaver-blue-77", redirectTo: to },
        handler,
      );
      expect(change.status, to).toBe(302);
      expect(offSite(change.headers.get("Location")), to).toBe(false);
    }
  });
});

describe("4. a redirect target with line breaks or non-ASCII characters never answers 500", () => {
  it("sends a line break to the home page and a Chinese search path properly encoded, with a cookie, one session each", async () => {
    for (const [to, expected] of [
      ["/\n/x", "/dashboard"],
      ["/\r\n/x", "/dashboard"],
      [decodeURIComponent("%2Fzh%2Fsearch%3Fq%3D%E5%92%96%E5%95%A1"), "/zh/search?q=%E5%92%96%E5%95%A1"],
    ]) {
      const sessions = await sessionCount();
      const res = await new Shopper().post("/login", { email: AMINA, password: DEMO_PASSWORDS.owner, redirectTo: to }, handler);
      expect(res.status, JSON.stringify(to)).toBe(302);
      expect(res.headers.get("Location")).toBe(expected);
      expect(res.headers.getSetCookie().some((c) => c.startsWith("srs_session="))).toBe(true);
      expect(await sessionCount()).toBe(sessions + 1);
    }
  });

  it("also through the login page's GET when already signed in", async () => {
    const res = await amina.get("/login?redirectTo=%2Fzh%2Fsearch%3Fq%3D%E5%92%96%E5%95%A1", handler);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/zh/search?q=%E5%92%96%E5%95%A1");
  });
});

describe("5. invisible control characters are neither stored nor served", () => {
  it("a product named with a right-to-left override is stored and shown without it", async () => {
    const store = await aminaStore();
    const res = await amina.post(
      `/dashboard/stores/${store.slug}/products/new`,
      { name_en: "Kikoy \u202Eexe.gpj", name_fr: "Kikoy \u2066fr\u2069", description_en: "Soft\u0000 cotton\n\n- one\n  - two", category: "textiles", price: "12", stock: "3" },
      handler,
    );
    expect(res.status).toBe(302);
    const id = Number(/products\/(\d+)/.exec(res.headers.get("Location")!)![1]);
    const rows = await db.select().from(schema.productTranslations).where(eq(schema.productTranslations.productId, id));
    expect(rows.find((r) => r.lang === "en")!.name).toBe("Kikoy exe.gpj");
    expect(rows.find((r) => r.lang === "en")!.description).toBe("Soft cotton\n\n- one\n  - two");
    expect(rows.find((r) => r.lang === "fr")!.name).toBe("Kikoy fr");
    expect((await amina.post(`/dashboard/stores/${store.slug}/products/${id}`, { intent: "publish" }, handler)).status).toBe(302);
    const [{ slug }] = await db.select({ slug: schema.products.slug }).from(schema.products).where(eq(schema.products.id, id));
    const page = await (await new Shopper().get(`/products/${slug}`, handler)).text();
    expect(page).toContain("Kikoy exe.gpj");
    // eslint-disable-next-line no-control-regex -- nothing invisible reaches the page, NUL included.
    expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000]/);
  });

  it("a new store's city with a NUL byte is stored without it", async () => {
    const res = await amina.post(
      "/dashboard/stores/new",
      { name: "Mombasa\u202E Weavers", country: "KE", city: "Mom\u0000basa", category: "textiles", story_en: "We weave kikoy cloth by hand\u0007 on the coast of Kenya." },
      handler,
    );
    expect(res.status).toBe(302);
    const [row] = await db
      .select({ city: schema.storeTranslations.city, name: schema.storeTranslations.name, story: schema.storeTranslations.story })
      .from(schema.storeTranslations)
      .where(eq(schema.storeTranslations.city, "Mombasa"));
    expect(row).toEqual({ city: "Mombasa", name: "Mombasa Weavers", story: "We weave kikoy cloth by hand on the coast of Kenya." });
  });

  it("a checkout address is normalised the same way", () => {
    const parsed = checkoutSchema.parse({
      email: "a@b.example",
      name: "Wang\u202E Fang",
      phone: "138\u202C 0013 8000",
      province: "Shang\u202Ahai",
      district: "Huang\u0007pu",
      line1: "88 Nanjing\u0000 Road",
      city: "Shang\u2066hai",
      country: "CN",
    });
    expect([parsed.name, parsed.phone, parsed.line1, parsed.city, parsed.province, parsed.district]).toEqual(["Wang Fang", "138 0013 8000", "88 Nanjing Road", "Shanghai", "Shanghai", "Huangpu"]);
  });
});

describe("7. the sign-in limit holds against concurrent guesses", () => {
  it("verifies at most the limit's number of passwords for one account out of 50 concurrent wrong ones", async () => {
    const before = passwordVerifications();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => signInAccount("kwame@silkroad.example", `wrong-guess-${i}`, { ip: `198.51.100.${i + 1}`, userAgent: null })),
    );
    const verified = passwordVerifications() - before;
    expect(verified).toBe(LIMITS.loginFailuresPerAccount.max);
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBe(LIMITS.loginFailuresPerAccount.max);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof RateLimitedError).length).toBe(50 - LIMITS.loginFailuresPerAccount.max);
  });

  it("gives a successful sign-in's attempt back, so it never counts as a failure", async () => {
    const meta = { ip: "198.51.100.200", userAgent: null };
    for (let i = 0; i < LIMITS.loginFailuresPerIp.max + 5; i++) {
      const result = await signInAccount("fatima@silkroad.example", DEMO_PASSWORDS.owner, meta);
      expect(result.ok).toBe(true);
    }
  });
});
