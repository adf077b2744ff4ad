/**
 * Festivals against a real database (SQLite, or PostgreSQL with DATABASE_URL): the organiser's schedule checks,
 * the deal rules (only approved deals, only inside their flash slot), the
 * owner's enrolment and offers, and the dashboard against a recomputation
 * from the orders (what `npm run reconcile` does).
 */
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { db, schema, transact } from "~/db.server";
import { reconcileCounters } from "~/modules/counters/counters.server";
import { deltasForPaidOrder } from "~/modules/counters/counters";
import { festivalBreakdown, festivalTotals } from "~/modules/festivals/dashboard.server";
import { dealCandidates, listFestivals } from "~/modules/festivals/festivals.server";
import { unitPriceAt } from "~/modules/pricing/pricing";
import { toLocalInput } from "~/modules/festivals/clock";
import { RESOURCES } from "~/modules/i18n/i18n.server";
import { appHandler, Shopper } from "./http-client";

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

const html = (res: Response) => res.text();
const HOUR = 3_600_000;

async function signIn(email: string, password: string) {
  const user = new Shopper();
  const res = await user.post("/login", { email, password }, handle);
  expect(res.status).toBe(302);
  return user;
}
const organiser = () => signIn(DEMO_ACCOUNTS.find((a) => a.role === "organiser")!.email, DEMO_PASSWORDS.organiser);

function festivalForm(overrides: Record<string, string> = {}) {
  const zone = "Africa/Lagos";
  const base = Date.UTC(2027, 2, 1, 9, 0);
  const form: Record<string, string> = {
    slug: "market-days-2027",
    timeZone: zone,
    targetOrders: "500",
    targetUnits: "1200",
    targetGmv: "25000",
    warmup_start: toLocalInput(base, zone),
    warmup_end: toLocalInput(base + 24 * HOUR, zone),
    sale_start: toLocalInput(base + 24 * HOUR, zone),
    sale_end: toLocalInput(base + 72 * HOUR, zone),
  };
  for (const lang of ["en", "zh", "fr", "ar", "pt", "sw"]) {
    form[`name_${lang}`] = `Market days (${lang})`;
    form[`pitch_${lang}`] = `Three days of African markets (${lang})`;
  }
  return { ...form, ...overrides };
}

const festivalCount = async () => (await db.select().from(schema.festivals)).length;

describe("the organiser's schedule", () => {
  it("refuses overlapping phases with a message next to the field, and saves nothing", async () => {
    const o = await organiser();
    const before = await festivalCount();
    const res = await o.post("/fr/organiser/festivals/new", festivalForm({ warmup_end: festivalForm().sale_end }), handle);
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("Cette phase chevauche une autre phase.");
    expect(await festivalCount()).toBe(before);
  });

  it("refuses a phase that ends before it starts, a missing language and a time the clocks skip", async () => {
    const o = await organiser();
    const before = await festivalCount();
    const f = festivalForm();
    const res = await o.post("/organiser/festivals/new", { ...f, sale_end: f.sale_start.replace("T", "T").slice(0, 11) + "00:00", name_sw: "" }, handle);
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("The end must be after the start.");
    expect(page).toContain("Enter the name in this language.");
    const skipped = await o.post("/organiser/festivals/new", festivalForm({ timeZone: "Europe/Paris", warmup_start: "2027-03-28T02:30" }), handle);
    expect(skipped.status).toBe(400);
    expect(await html(skipped)).toContain("This time does not exist in the time zone");
    expect(await festivalCount()).toBe(before);
  });

  it("creates, edits and publishes a festival; a taken slug and an inverted edit keep what was stored", async () => {
    const o = await organiser();
    const created = await o.post("/organiser/festivals/new", festivalForm(), handle);
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toBe("/organiser/festivals/market-days-2027/edit?saved=created");
    const festival = (await db.select().from(schema.festivals).where(eq(schema.festivals.slug, "market-days-2027")).limit(1))[0];
    expect(festival.status).toBe("draft");
    const phasesBefore = (await db.select().from(schema.festivalPhases).where(eq(schema.festivalPhases.festivalId, festival.id)));
    expect(phasesBefore.map((p) => p.kind).sort()).toEqual(["sale", "warmup"]);
    // Stored in UTC: 09:00 UTC typed as 10:00 in Lagos.
    expect(phasesBefore.find((p) => p.kind === "warmup")!.startsAt.getTime()).toBe(Date.UTC(2027, 2, 1, 9, 0));

    const taken = await o.post("/organiser/festivals/new", festivalForm(), handle);
    expect(taken.status).toBe(400);
    expect(await html(taken)).toContain("Another festival already uses this web address.");

    const f = festivalForm();
    const inverted = await o.post("/organiser/festivals/market-days-2027/edit", { ...f, intent: "save", sale_start: f.sale_end, sale_end: f.sale_start }, handle);
    expect(inverted.status).toBe(400);
    const phasesAfter = (await db.select().from(schema.festivalPhases).where(eq(schema.festivalPhases.festivalId, festival.id)));
    expect(phasesAfter).toEqual(phasesBefore);

    const published = await o.post("/organiser/festivals/market-days-2027/edit", { intent: "publish" }, handle);
    expect(published.status).toBe(302);
    expect((await db.select().from(schema.festivals).where(eq(schema.festivals.id, festival.id)).limit(1))[0].status).toBe("published");
    const audit = (await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectId, String(festival.id)))).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(["festival.created", "festival.published"]));
  });

  it("keeps organiser pages from owners and anonymous visitors", async () => {
    const anon = new Shopper();
    expect((await anon.get("/organiser/festivals/new", handle)).status).toBe(302);
    const owner = await signIn("amina@silkroad.example", DEMO_PASSWORDS.owner);
    expect((await owner.get("/organiser/review", handle)).status).toBe(403);
    expect((await owner.post("/organiser/festivals/new", festivalForm({ slug: "sneaky-one" }), handle)).status).toBe(403);
  });
});

describe("deal prices", () => {
  const liveDeal = async () => {
    const now = Date.now();
    const rows = await db
      .select({ deal: schema.festivalDeals, enrolment: schema.festivalEnrolments })
      .from(schema.festivalDeals)
      .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
      .where(and(eq(schema.festivalDeals.status, "approved"), eq(schema.festivalEnrolments.status, "approved")));
    const deals = await dealCandidates(rows.map((r) => r.deal.productId));
    const prices = new Map((await db.select().from(schema.products).where(inArray(schema.products.id, rows.map((r) => r.deal.productId)))).map((p) => [p.id, p.priceMinor]));
    const hit = rows.find((r) => unitPriceAt(prices.get(r.deal.productId)!, deals.get(r.deal.productId) ?? [], now).deal?.dealId === r.deal.id)!;
    expect(hit).toBeTruthy();
    return hit;
  };
  const priceNow = async (productId: number, now = Date.now()) => {
    const [p] = await db.select().from(schema.products).where(eq(schema.products.id, productId)).limit(1);
    return unitPriceAt(p.priceMinor, (await dealCandidates([productId])).get(productId) ?? [], now);
  };

  it("never prices a pending or rejected deal, nor a deal on a pending or rejected enrolment, as a deal", async () => {
    const { deal, enrolment } = await liveDeal();
    expect((await priceNow(deal.productId)).deal).not.toBeNull();
    for (const status of ["pending", "rejected"] as const) {
      await transact(db, (tx) => tx.update(schema.festivalDeals).set({ status }).where(eq(schema.festivalDeals.id, deal.id)));
      expect((await priceNow(deal.productId)).deal).toBeNull();
      await transact(db, (tx) => tx.update(schema.festivalDeals).set({ status: "approved" }).where(eq(schema.festivalDeals.id, deal.id)));
      await transact(db, (tx) => tx.update(schema.festivalEnrolments).set({ status }).where(eq(schema.festivalEnrolments.id, enrolment.id)));
      expect((await priceNow(deal.productId)).deal).toBeNull();
      await transact(db, (tx) => tx.update(schema.festivalEnrolments).set({ status: "approved" }).where(eq(schema.festivalEnrolments.id, enrolment.id)));
    }
    expect((await priceNow(deal.productId)).deal).not.toBeNull();
    // …and the shop's pages agree: the product page shows no festival price for a pending deal.
    const product = (await db.select().from(schema.products).where(eq(schema.products.id, deal.productId)).limit(1))[0];
    await transact(db, (tx) => tx.update(schema.festivalDeals).set({ status: "pending" }).where(eq(schema.festivalDeals.id, deal.id)));
    const festival = (await listFestivals("en", Date.now())).find((f) => f.id === enrolment.festivalId)!;
    const page = await html(await new Shopper().get(`/festivals/${festival.slug}`, handle));
    expect(page).not.toContain(`data-deal="${product.slug}"`);
    await transact(db, (tx) => tx.update(schema.festivalDeals).set({ status: "approved" }).where(eq(schema.festivalDeals.id, deal.id)));
    const again = await html(await new Shopper().get(`/festivals/${festival.slug}`, handle));
    expect(again).toContain(`data-deal="${product.slug}"`);
  });

  it("prices a flash deal only inside its slot, exactly at its start and not at its end", async () => {
    const { deal } = await liveDeal();
    const now = Date.now();
    const sale = (await listFestivals("en", now)).flatMap((f) => f.phases.map((p) => ({ ...p, id: f.id }))).find((p) => p.kind === "sale" && p.startsAt <= now && now < p.endsAt)!;
    const start = Math.max(sale.startsAt, now - HOUR);
    const end = Math.min(sale.endsAt, now + HOUR);
    await transact(db, (tx) => tx.update(schema.festivalDeals).set({ flashStartsAt: new Date(start), flashEndsAt: new Date(end) }).where(eq(schema.festivalDeals.id, deal.id)));
    expect((await priceNow(deal.productId, start)).deal?.dealId).toBe(deal.id);
    expect((await priceNow(deal.productId, now)).deal?.endsAt).toBe(end);
    expect((await priceNow(deal.productId, start - 1)).deal).toBeNull();
    expect((await priceNow(deal.productId, end)).deal).toBeNull();
    // A slot later in the sale: right now the product sells at its regular price.
    await transact(db, (tx) => tx.update(schema.festivalDeals).set({ flashStartsAt: new Date(now + 10 * 60_000), flashEndsAt: new Date(Math.min(sale.endsAt, now + 40 * 60_000)) }).where(eq(schema.festivalDeals.id, deal.id)));
    expect((await priceNow(deal.productId, now)).deal).toBeNull();
    await transact(db, (tx) => tx.update(schema.festivalDeals).set({ flashStartsAt: null, flashEndsAt: null }).where(eq(schema.festivalDeals.id, deal.id)));
  });
});

describe("enrolment, offers and review", () => {
  it("lets an owner enrol and offer a deal, refuses bad offers next to the field, and shows the organiser's reason", async () => {
    const o = await organiser();
    const slug = "review-fair-2027";
    const now = Date.now();
    const f = festivalForm({
      slug,
      warmup_start: toLocalInput(now - 2 * HOUR, "Africa/Lagos"),
      warmup_end: toLocalInput(now + 24 * HOUR, "Africa/Lagos"),
      sale_start: toLocalInput(now + 24 * HOUR, "Africa/Lagos"),
      sale_end: toLocalInput(now + 72 * HOUR, "Africa/Lagos"),
    });
    expect((await o.post("/organiser/festivals/new", f, handle)).status).toBe(302);
    expect((await o.post(`/organiser/festivals/${slug}/edit`, { intent: "publish" }, handle)).status).toBe(302);

    const amina = await signIn("amina@silkroad.example", DEMO_PASSWORDS.owner);
    const store = (await db.select().from(schema.stores).innerJoin(schema.users, eq(schema.users.id, schema.stores.ownerId)).where(and(eq(schema.users.email, "amina@silkroad.example"), eq(schema.stores.status, "live"))).limit(1))[0].stores;
    const enrol = await amina.post("/dashboard/festivals", { festival: slug, store: store.slug }, handle);
    expect(enrol.status).toBe(302);
    // Another owner's store cannot be enrolled or opened.
    const kwame = await signIn("kwame@silkroad.example", DEMO_PASSWORDS.owner);
    expect((await kwame.post("/dashboard/festivals", { festival: slug, store: store.slug }, handle)).status).toBe(404);
    expect((await kwame.get(`/dashboard/festivals/${slug}/${store.slug}`, handle)).status).toBe(404);

    const product = (await db.select().from(schema.products).where(and(eq(schema.products.storeId, store.id), eq(schema.products.status, "active"))).limit(1))[0];
    const dealsPage = `/dashboard/festivals/${slug}/${store.slug}`;
    const tooDear = await amina.post(dealsPage, { product: product.id, dealPrice: String(product.priceMinor / 100 + 1), committedStock: "1" }, handle);
    expect(tooDear.status).toBe(400);
    expect(await html(tooDear)).toContain("The deal price must be below the regular price.");
    const tooMany = await amina.post(dealsPage, { product: product.id, dealPrice: "1", committedStock: String(product.stock + 1) }, handle);
    expect(await html(tooMany)).toContain("You cannot commit more than you have in stock.");
    const outside = await amina.post(
      dealsPage,
      { product: product.id, dealPrice: "1", committedStock: "1", flash_start: toLocalInput(now, "Africa/Lagos"), flash_end: toLocalInput(now + HOUR, "Africa/Lagos") },
      handle,
    );
    expect(await html(outside)).toContain("A flash slot must lie inside the main sale.");
    const ok = await amina.post(dealsPage, { product: product.id, dealPrice: "1", committedStock: "1", perCustomerLimit: "2" }, handle);
    expect(ok.status).toBe(302);

    const festival = (await db.select().from(schema.festivals).where(eq(schema.festivals.slug, slug)).limit(1))[0];
    const enrolment = (await db.select().from(schema.festivalEnrolments).where(and(eq(schema.festivalEnrolments.festivalId, festival.id), eq(schema.festivalEnrolments.storeId, store.id))).limit(1))[0];
    const deal = (await db.select().from(schema.festivalDeals).where(eq(schema.festivalDeals.enrolmentId, enrolment.id)).limit(1))[0];
    expect(deal.status).toBe("pending");

    const queue = await html(await o.get("/organiser/review", handle));
    expect(queue).toContain(`data-review="enrolment-${enrolment.id}"`);
    expect(queue).toContain(`data-review="deal-${deal.id}"`);
    const noReason = await o.post("/organiser/review", { subject: "deal", id: String(deal.id), decision: "rejected", reason: "" }, handle);
    expect(noReason.status).toBe(400);
    expect(await html(noReason)).toContain("Give the store a reason for the rejection.");
    expect((await o.post("/organiser/review", { subject: "enrolment", id: String(enrolment.id), decision: "approved" }, handle)).status).toBe(302);
    expect((await o.post("/organiser/review", { subject: "deal", id: String(deal.id), decision: "rejected", reason: "Price too close to cost" }, handle)).status).toBe(302);
    const ownerView = await html(await amina.get(dealsPage, handle));
    expect(ownerView).toContain("Price too close to cost");
    const actions = (await db.select().from(schema.auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["festival.enrolment_approved", "festival.deal_rejected", "festival.deal_offered", "festival.enrolment_requested"]));
  });
});

describe("the organiser's dashboard", () => {
  it("equals a recomputation from the paid orders (what reconcile does) for the seeded data", async () => {
    expect(await reconcileCounters()).toEqual([]);
    const lines = await db
      .select({ orderId: schema.orderLines.orderId, storeId: schema.orderLines.storeId, categoryId: schema.orderLines.categoryId, countryCode: schema.orderLines.countryCode, festivalId: schema.orderLines.festivalId, quantity: schema.orderLines.quantity, lineTotalBaseMinor: schema.orderLines.lineTotalBaseMinor })
      .from(schema.orderLines)
      .innerJoin(schema.orders, eq(schema.orders.id, schema.orderLines.orderId))
      .where(eq(schema.orders.status, "paid"));
    const byOrder = new Map<number, typeof lines>();
    for (const l of lines) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
    const expected = new Map<string, number>();
    for (const group of byOrder.values()) {
      for (const d of deltasForPaidOrder(group)) expected.set(`${d.scope}|${d.scopeKey}|${d.metric}`, (expected.get(`${d.scope}|${d.scopeKey}|${d.metric}`) ?? 0) + d.value);
    }
    const live = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;
    const totals = await festivalTotals(live.id);
    expect(totals.orders).toBeGreaterThan(0);
    for (const metric of ["orders", "units", "gmv"] as const) expect(totals[metric]).toBe(expected.get(`festival|${live.id}|${metric}`));
    // The breakdowns add up to the same totals.
    for (const by of ["store", "country", "category"] as const) {
      const rows = await festivalBreakdown(live.id, by);
      expect(rows.reduce((s, r) => s + r.units, 0)).toBe(totals.units);
      expect(rows.reduce((s, r) => s + r.gmv, 0)).toBe(totals.gmv);
    }
    const o = await organiser();
    const page = await html(await o.get(`/organiser/festivals/${live.slug}`, handle));
    expect(page).toContain(`<bdi dir="ltr">${totals.orders.toLocaleString("en")}</bdi>`);
    expect(page).toContain("<svg");
    const csv = await o.get(`/organiser/festivals/${live.slug}/export`, handle);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = await csv.text();
    const festivalRow = text.split("\r\n").find((l) => l.startsWith("festival,"))!.split(",");
    expect(Number(festivalRow[4])).toBe(totals.orders);
    expect(Math.round(Number(festivalRow[6]) * 100)).toBe(totals.gmv);
  });
});

describe("public festival pages", () => {
  it("lists live, upcoming and past festivals, and renders the counters without JavaScript", async () => {
    const list = await html(await new Shopper().get("/zh/festivals", handle));
    expect(list).toContain("正在进行");
    const live = (await listFestivals("zh", Date.now())).find((f) => f.clock.state === "live")!;
    const page = await html(await new Shopper().get(`/zh/festivals/${live.slug}`, handle));
    expect(page).toContain(`data-counters="${live.slug}"`);
    expect(page).toContain(live.name);
    // Without JavaScript the viewer's zone is unknown: the time is UTC, and labelled so, not "your time".
    const when = page.slice(page.indexOf('class="festival-banner__when"'), page.indexOf("</p>", page.indexOf('class="festival-banner__when"')));
    // The zone is named in the page's language ("协调世界时", not "UTC"), and the time sits in its own isolate.
    expect(when).toMatch(/<span>协调世界时<\/span>: <bdi><time dateTime="[^"]+Z">/);
    // The clock says what it counts to: the sale's end, not just "ends in".
    expect(page).toContain(String((RESOURCES.zh as { festival: { countdown: { saleEnds: string } } }).festival.countdown.saleEnds));
    expect(when).not.toContain("您的当地时间");
    const counters = (await (await new Shopper().get(`/zh/festivals/${live.slug}/counters`, handle)).json()) as { counters: unknown[] };
    expect(counters.counters).toHaveLength(3);
    expect((await new Shopper().get("/festivals/no-such-festival", handle)).status).toBe(404);
  });

  it("streams counters as server-sent events and ends the stream when the client leaves", async () => {
    const live = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;
    const controller = new AbortController();
    const res = await handle(new Request(`http://localhost/festivals/${live.slug}/events`, { signal: controller.signal }));
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("data:")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"metric":"orders"');
    controller.abort();
    await reader.cancel();
  });

  it("has no test clock outside test mode", async () => {
    expect((await new Shopper().get("/test-clock", handle)).status).toBe(404);
    expect((await new Shopper().post("/test-clock", { at: "2030-01-01T00:00:00Z" }, handle)).status).toBe(404);
  });
});
