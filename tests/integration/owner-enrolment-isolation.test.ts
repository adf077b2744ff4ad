/**
 * Isolation of the festival enrolment routes (issue 7): one owner (Fatima)
 * tries, 50+ times per route, to read or change another owner's (Amina's)
 * enrolments and deals — her store slugs in the URL, her enrolment, deal and
 * product ids in hidden fields, plain form posts and single-fetch ("fetcher")
 * posts, every intent the routes accept (enrol; offer a deal) and some they
 * do not. Every attempt gets 403 or 404, and festival_enrolments and
 * festival_deals (and the stores and products around them) are unchanged.
 * Then the same requests on Fatima's own rows succeed, so the refusals above
 * are about ownership, not a malformed request.
 */
import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows, schema } from "~/db.server";
import { registrationOpen } from "~/modules/festivals/clock";
import { enrolStore, offerDeal, ownerEnrolment } from "~/modules/festivals/enrolment.server";
import { listFestivals } from "~/modules/festivals/festivals.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { appHandler, Shopper } from "./http-client";

type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;
const fatima = new Shopper();
const amina = new Shopper();

const userId = async (email: string) => (await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).limit(1))[0].id;
const storesOf = (ownerId: number) => db.select().from(schema.stores).where(eq(schema.stores.ownerId, ownerId)).orderBy(schema.stores.id);
const enrolmentsOf = (storeIds: number[]) =>
  db
    .select({ id: schema.festivalEnrolments.id, storeId: schema.festivalEnrolments.storeId, festivalId: schema.festivalEnrolments.festivalId, status: schema.festivalEnrolments.status, festival: schema.festivals.slug, store: schema.stores.slug })
    .from(schema.festivalEnrolments)
    .innerJoin(schema.festivals, eq(schema.festivals.id, schema.festivalEnrolments.festivalId))
    .innerJoin(schema.stores, eq(schema.stores.id, schema.festivalEnrolments.storeId))
    .where(inArray(schema.festivalEnrolments.storeId, storeIds))
    .orderBy(schema.festivalEnrolments.id);
const dealsOf = (enrolmentIds: number[]) => db.select().from(schema.festivalDeals).where(inArray(schema.festivalDeals.enrolmentId, enrolmentIds)).orderBy(schema.festivalDeals.id);

/** The enrolment tables (and the rows they point at), hashed: a refused attempt must leave them equal. */
async function snapshot(): Promise<string> {
  const h = crypto.createHash("sha256");
  for (const t of ["festival_enrolments", "festival_deals", "stores", "products"]) h.update(JSON.stringify(await rows(db, sql.raw(`select * from ${t} order by id`))));
  return h.digest("hex");
}

/** Single fetch: what `useFetcher().submit` (and any JS form submit) posts to — `/path.data`, `?index` for an index route. */
const fetcherPath = (pathname: string, index = false) => `${pathname}.data${index ? "?index" : ""}`;

beforeAll(async () => {
  handler = await appHandler();
  expect((await fatima.post("/login", { email: "fatima@silkroad.example", password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
  expect((await amina.post("/login", { email: "amina@silkroad.example", password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
});

describe("isolation of the festival enrolment routes", () => {
  it("refuses 50+ attempts per enrolment route on another owner's enrolments and deals, and changes no row", async () => {
    const fatimaId = await userId("fatima@silkroad.example");
    const aminaId = await userId("amina@silkroad.example");
    const own = await storesOf(fatimaId);
    const foreign = await storesOf(aminaId);
    const ownEnrolments = await enrolmentsOf(own.map((s) => s.id));
    const foreignEnrolments = await enrolmentsOf(foreign.map((s) => s.id));
    const foreignDeals = await dealsOf(foreignEnrolments.map((e) => e.id));
    const foreignProducts = await db.select().from(schema.products).where(inArray(schema.products.storeId, foreign.map((s) => s.id))).orderBy(schema.products.id);
    const festivals = await listFestivals("en", Date.now());
    const open = festivals.filter((f) => registrationOpen(f.phases, Date.now()));
    // The seed gives both owners enrolments with deals, some in festivals still open for registration.
    expect(foreignEnrolments.length).toBeGreaterThan(0);
    expect(foreignDeals.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    const ownOpen = ownEnrolments.find((e) => open.some((f) => f.id === e.festivalId) && e.status !== "rejected")!;
    expect(ownOpen, "one of Fatima's enrolments open for offers").toBeTruthy();
    const foreignOpen = foreignEnrolments.filter((e) => open.some((f) => f.id === e.festivalId));
    expect(foreignOpen.length).toBeGreaterThan(0);

    const langs = ["", "/fr", "/ar", "/zh", "/pt", "/sw"];
    const pick = <T,>(list: readonly T[], i: number) => list[i % list.length];
    const counts: Record<string, number> = {};
    const attempt = (route: string, res: Response, what: string) => {
      counts[route] = (counts[route] ?? 0) + 1;
      expect([403, 404], `${route}: ${what} → ${res.status}`).toContain(res.status);
    };
    const offer = (productId: number, extra: Record<string, string | number> = {}) => ({ product: productId, dealPrice: "1", committedStock: "1", perCustomerLimit: "2", ...extra });
    // A deal's product among Amina's, with her deal and enrolment ids to go in "hidden" fields.
    const foreignTarget = (i: number) => {
      const deal = pick(foreignDeals, i);
      const enrolment = foreignEnrolments.find((e) => e.id === deal.enrolmentId)!;
      return { deal, enrolment, productId: i % 3 === 2 ? pick(foreignProducts, i).id : deal.productId };
    };
    const before = await snapshot();

    for (let i = 0; i < 60; i++) {
      const lang = pick(langs, i);
      const { deal, enrolment, productId } = foreignTarget(i);
      const hidden = { enrolment: enrolment.id, enrolmentId: enrolment.id, deal: deal.id, dealId: deal.id, store: enrolment.store, storeId: enrolment.storeId };

      // ---- /dashboard/festivals/:slug/:store (read the deals; offer or change a deal) ----
      // Amina's enrolment, by its own URL.
      const foreignUrl = `${lang}/dashboard/festivals/${enrolment.festival}/${enrolment.store}`;
      attempt("deals GET", await fatima.get(foreignUrl, handler), foreignUrl);
      attempt("deals GET (single fetch)", await fatima.get(fetcherPath(foreignUrl), handler), foreignUrl);
      // Fatima's own store slug with a festival only Amina's store is in, and Amina's store with every festival slug.
      const mixedUrls = [
        ...own.filter((s) => !ownEnrolments.some((e) => e.storeId === s.id && e.festival === enrolment.festival)).map((s) => `${lang}/dashboard/festivals/${enrolment.festival}/${s.slug}`),
        `${lang}/dashboard/festivals/${pick(festivals, i).slug}/${pick(foreign, i).slug}`,
        `${lang}/dashboard/festivals/${ownOpen.festival}/${enrolment.store}`,
      ];
      const mixed = pick(mixedUrls, i);
      attempt("deals GET (swapped slugs)", await fatima.get(mixed, handler), mixed);
      // Offers (every variation the action takes: a new deal, a changed deal with flash times) on Amina's rows.
      const flash: Record<string, string> = i % 2 ? { flash_start: "2030-01-01T10:00", flash_end: "2030-01-01T12:00" } : {};
      attempt("deals POST (foreign URL)", await fatima.post(foreignUrl, offer(productId, { ...hidden, ...flash }), handler), `${foreignUrl} product ${productId}`);
      attempt("deals POST (foreign URL, single fetch)", await fatima.post(fetcherPath(foreignUrl), offer(productId, hidden), handler), `${foreignUrl} product ${productId}`);
      attempt("deals POST (swapped slugs)", await fatima.post(mixed, offer(productId, hidden), handler), mixed);
      // Fatima's own open enrolment, with Amina's product, deal and enrolment ids in the hidden fields.
      const ownUrl = `${lang}/dashboard/festivals/${ownOpen.festival}/${ownOpen.store}`;
      attempt("deals POST (own URL, foreign ids)", await fatima.post(ownUrl, offer(productId, { ...hidden, ...flash }), handler), `${ownUrl} product ${productId}`);
      attempt("deals POST (own URL, foreign ids, single fetch)", await fatima.post(fetcherPath(ownUrl), offer(productId, hidden), handler), `${ownUrl} product ${productId}`);
      // Intents the route does not know must not open another path to Amina's deal.
      const intent = pick(["withdraw", "delete", "approve", "update", "cancel"], i);
      attempt("deals POST (other intents)", await fatima.post(pick([foreignUrl, ownUrl], i), offer(productId, { ...hidden, intent }), handler), `${intent} ${productId}`);

      // ---- /dashboard/festivals (index: enrol a store) ----
      const festival = pick(open, i).slug;
      const store = pick(foreign, i).slug;
      const index = `${lang}/dashboard/festivals`;
      attempt("enrol POST", await fatima.post(`${index}?index`, { festival, store }, handler), `${festival} ${store}`);
      attempt("enrol POST (single fetch)", await fatima.post(fetcherPath(index, true), { festival, store, storeId: pick(foreign, i).id }, handler), `${festival} ${store}`);
      // Amina's already-enrolled store, by its enrolment's festival, with ids and intents in hidden fields.
      const fe = pick(foreignOpen, i);
      attempt(
        "enrol POST (hidden ids, intents)",
        await fatima.post(`${index}?index`, { festival: fe.festival, store: fe.store, enrolment: fe.id, intent: pick(["enrol", "withdraw", "delete"], i) }, handler),
        `${fe.festival} ${fe.store}`,
      );
    }

    for (const [route, n] of Object.entries(counts)) expect(n, route).toBeGreaterThanOrEqual(50);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(50 * 2);
    expect(await snapshot()).toBe(before);

    // Reading: Fatima's own list shows none of Amina's stores or enrolments.
    for (const path of ["/dashboard/festivals", "/fr/dashboard/festivals", fetcherPath("/dashboard/festivals", true)]) {
      const res = await fatima.get(path, handler);
      expect(res.status, path).toBe(200);
      const body = await res.text();
      for (const s of foreign) expect(body, path).not.toContain(s.slug);
    }

    // The domain functions the routes call, with Amina's rows: nothing found, nothing written.
    for (const e of foreignEnrolments) {
      expect(await ownerEnrolment(fatimaId, e.festival, e.store, "en", Date.now())).toBeNull();
      expect(await enrolStore(fatimaId, e.store, e.festival, Date.now())).toBe("not_found");
    }
    const [ownProduct] = await db.select().from(schema.products).where(and(eq(schema.products.storeId, ownOpen.storeId), eq(schema.products.status, "active"))).limit(1);
    for (const d of foreignDeals) {
      const o = { productId: d.productId, dealPriceMinor: 100, committedStock: 1, perCustomerLimit: null, flashStartsAt: null, flashEndsAt: null };
      expect(await offerDeal(fatimaId, d.enrolmentId, o, Date.now())).toBe("not_found");
      expect(await offerDeal(fatimaId, ownOpen.id, o, Date.now())).toBe("not_found");
      expect(await offerDeal(fatimaId, d.enrolmentId, { ...o, productId: ownProduct.id }, Date.now())).toBe("not_found");
    }
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it("lets each owner do the same on their own rows (the refusals above are about ownership)", async () => {
    const fatimaId = await userId("fatima@silkroad.example");
    const ownEnrolments = await enrolmentsOf((await storesOf(fatimaId)).map((s) => s.id));
    const open = (await listFestivals("en", Date.now())).filter((f) => registrationOpen(f.phases, Date.now()));
    const ownOpen = ownEnrolments.find((e) => open.some((f) => f.id === e.festivalId) && e.status !== "rejected")!;
    const url = `/dashboard/festivals/${ownOpen.festival}/${ownOpen.store}`;
    expect((await fatima.get(url, handler)).status).toBe(200);
    const [product] = await db.select().from(schema.products).where(and(eq(schema.products.storeId, ownOpen.storeId), eq(schema.products.status, "active"))).orderBy(schema.products.id).limit(1);
    const res = await fatima.post(url, { product: product.id, dealPrice: "1", committedStock: "1" }, handler);
    expect(res.status).toBe(302);
    const [offered] = await db.select().from(schema.festivalDeals).where(and(eq(schema.festivalDeals.enrolmentId, ownOpen.id), eq(schema.festivalDeals.productId, product.id))).limit(1);
    expect(offered.status).toBe("pending");
    // A store of Fatima's not yet in an open festival can be enrolled.
    const free = (await storesOf(fatimaId)).flatMap((s) => open.filter((f) => !ownEnrolments.some((e) => e.storeId === s.id && e.festivalId === f.id)).map((f) => ({ store: s, festival: f })))
      .find((x) => x.store.status === "live");
    if (free) expect((await fatima.post("/dashboard/festivals?index", { festival: free.festival.slug, store: free.store.slug }, handler)).status).toBe(302);
    // And Amina sees her own enrolment pages.
    const [aminaEnrolment] = await enrolmentsOf((await storesOf(await userId("amina@silkroad.example"))).map((s) => s.id));
    expect((await amina.get(`/dashboard/festivals/${aminaEnrolment.festival}/${aminaEnrolment.store}`, handler)).status).toBe(200);
  });
});
