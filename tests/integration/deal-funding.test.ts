/**
 * Issue 18, point 2: who funds a deal's discount. The organiser approves a
 * deal as 50 % funded by the organiser (through the review form); after three
 * paid orders the owner's payout (page and CSV), the organiser's subsidy total
 * (dashboard and CSV) and the order lines agree to the minor unit, and
 * `reconcile` finds no drift. Approval past the festival's subsidy budget is
 * refused with a clear message, single and in bulk (nothing approved beyond it).
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import { checkLineSplits, festivalSubsidies, reconcileSubsidies } from "~/modules/festivals/funding.server";
import { reconcileCounters } from "~/modules/counters/counters.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { buyableProducts, type TestProduct } from "./fixtures";
import { ADDRESS, appHandler, Shopper } from "./http-client";

let handle: Awaited<ReturnType<typeof appHandler>>;
const organiser = new Shopper();
const owner = new Shopper();
// Entities decoded and bidi isolates (around amounts) dropped, to compare with plain sentences.
const html = async (res: Response) => (await res.text()).replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/[\u2066-\u2069]/g, "");
/** A CSV's rows (no quoted commas in the cells read here). */
const csvRows = (text: string) => text.trim().split("\r\n").map((l) => l.split(","));
const major = (cell: string) => Math.round(Number(cell) * 100);

let product: TestProduct;
let dealId: number;
let festivalId: number;
let festivalSlug: string;
let storeSlug: string;
let discount: number;
let committed: number;

const deal = async (id: number) => (await db.select().from(schema.festivalDeals).where(eq(schema.festivalDeals.id, id)).limit(1))[0];
const setBudget = (minor: number) => transact(db, (tx) => tx.update(schema.festivals).set({ subsidyBudgetMinor: minor }).where(eq(schema.festivals.id, festivalId)));

beforeAll(async () => {
  handle = await appHandler();
  // A live deal of a store whose owner can sign in (Amina's, moved to her if no demo owner has one).
  const demoOwners = DEMO_ACCOUNTS.filter((a) => a.role === "owner").map((a) => a.email);
  const owned = await db
    .select({ storeId: schema.stores.id, slug: schema.stores.slug, email: schema.users.email })
    .from(schema.stores)
    .innerJoin(schema.users, eq(schema.users.id, schema.stores.ownerId))
    .where(inArray(schema.users.email, demoOwners));
  const deals = (await buyableProducts()).filter((p) => p.deal && p.stock >= 10);
  product = deals.find((p) => owned.some((o) => o.storeId === p.storeId)) ?? deals[0];
  expect(product).toBeTruthy();
  let ownerEmail = owned.find((o) => o.storeId === product.storeId)?.email;
  if (!ownerEmail) {
    ownerEmail = "amina@silkroad.example";
    const [amina] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, ownerEmail));
    await transact(db, (tx) => tx.update(schema.stores).set({ ownerId: amina.id }).where(eq(schema.stores.id, product.storeId)));
  }
  storeSlug = (await db.select({ slug: schema.stores.slug }).from(schema.stores).where(eq(schema.stores.id, product.storeId)))[0].slug;
  dealId = product.deal!.dealId;
  festivalId = product.deal!.festivalId;
  festivalSlug = (await db.select({ slug: schema.festivals.slug }).from(schema.festivals).where(eq(schema.festivals.id, festivalId)))[0].slug;
  // An odd discount, so that half of it needs rounding: the regular price moves up a cent if needed.
  discount = product.priceMinor - product.deal!.unitMinor;
  if (discount % 2 === 0) {
    discount += 1;
    await transact(db, (tx) => tx.update(schema.products).set({ priceMinor: product.priceMinor + 1 }).where(eq(schema.products.id, product.id)));
  }
  const d = await deal(dealId);
  committed = d.unitsTaken + 20;
  await transact(db, (tx) => tx.update(schema.festivalDeals).set({ status: "pending", committedStock: committed, perCustomerLimit: null, decidedBy: null, decidedAt: null }).where(eq(schema.festivalDeals.id, dealId)));
  expect((await organiser.post("/login", { email: "organiser@silkroad.example", password: DEMO_PASSWORDS.organiser }, handle)).status).toBe(302);
  expect((await owner.post("/login", { email: ownerEmail, password: DEMO_PASSWORDS.owner }, handle)).status).toBe(302);
});

describe("approving a deal with the organiser paying part of its discount", () => {
  it("is refused past the festival's subsidy budget, with a message saying why and by how much", async () => {
    await setBudget(0);
    const res = await organiser.post("/organiser/review", { subject: "deal", id: dealId, decision: "approved", reason: "", funder: "shared", share: 50 }, handle);
    expect(res.status).toBe(400);
    const page = await html(res);
    expect(page).toContain("Not approved: the organiser's share would take the festival past its subsidy budget. Nothing was approved.");
    const exposure = Math.floor((discount * committed * 50) / 100);
    expect(page).toContain(`Subsidy budget $0.00; with this approval the approved deals could cost up to`);
    expect(exposure).toBeGreaterThan(0);
    expect((await deal(dealId)).status).toBe("pending");
    // A share that is not a whole percentage from 1 to 99 is a translated message too, never a 500.
    const bad = await organiser.post("/zh/organiser/review", { subject: "deal", id: dealId, decision: "approved", reason: "", funder: "shared", share: "150" }, handle);
    expect(bad.status).toBe(400);
    expect(await html(bad)).toContain("共同承担时，请输入主办方承担比例");
  });

  it("records the share and the discount when the budget holds it, and locks each paid line's split", async () => {
    const exposure = Math.floor((discount * committed * 50) / 100);
    const { committed: before } = await festivalSubsidies(festivalId);
    await setBudget(before + exposure);
    const res = await organiser.post("/organiser/review", { subject: "deal", id: dealId, decision: "approved", reason: "", funder: "shared", share: 50 }, handle);
    expect(res.status).toBe(302);
    const approved = await deal(dealId);
    expect(approved).toMatchObject({ status: "approved", organiserSharePct: 50, fundedDiscountMinor: discount });
    expect((await festivalSubsidies(festivalId)).committed).toBe(before + exposure);
    const review = await html(await organiser.get(`/organiser/review?festival=${festivalSlug}&status=approved`, handle));
    expect(review).toContain("Discount shared: the organiser pays 50 %");

    // Three paid orders through checkout and the demo payment: 1, 2 and 3 units.
    const paidBefore = (await festivalSubsidies(festivalId)).paid;
    const numbers: string[] = [];
    for (const quantity of [1, 2, 3]) {
      const shopper = new Shopper();
      await shopper.post("/cart", { intent: "add", slug: product.slug, quantity }, handle);
      const placed = await shopper.post("/checkout", { ...ADDRESS, email: `funding-${quantity}@example.com` }, handle);
      expect(placed.status).toBe(303);
      const paid = await shopper.post(placed.headers.get("Location")!, { outcome: "pay" }, handle);
      expect(paid.status).toBeLessThan(400);
      numbers.push(placed.headers.get("Location")!.split("/")[3].split("?")[0]);
    }
    const orders = await db.select().from(schema.orders).where(inArray(schema.orders.number, numbers));
    expect(orders.map((o) => o.status)).toEqual(["paid", "paid", "paid"]);
    const lines = await db.select().from(schema.orderLines).where(and(inArray(schema.orderLines.orderId, orders.map((o) => o.id)), eq(schema.orderLines.productId, product.id)));
    expect(lines.map((l) => l.quantity).sort()).toEqual([1, 2, 3]);
    for (const l of lines) {
      expect(l.dealId).toBe(dealId);
      expect(l.discountPerUnitBaseMinor).toBe(discount);
      // Rounded down per line; the store funds the remainder.
      expect(l.subsidyBaseMinor).toBe(Math.floor((discount * l.quantity * 50) / 100));
      expect(l.lineTotalBaseMinor + l.subsidyBaseMinor + (discount * l.quantity - l.subsidyBaseMinor)).toBe((l.unitPriceBaseMinor + discount) * l.quantity);
    }
    const subsidy = lines.reduce((n, l) => n + l.subsidyBaseMinor, 0);
    const payout = lines.reduce((n, l) => n + l.lineTotalBaseMinor + l.subsidyBaseMinor, 0);
    // 1, 2 and 3 units of an odd discount at 50 %: the odd quantities each lose half a cent to rounding.
    expect(subsidy).toBe(Math.floor(discount / 2) + discount + Math.floor((discount * 3) / 2));

    // The organiser: the festival's subsidies so far, on the dashboard and in the CSV.
    const totals = await festivalSubsidies(festivalId);
    expect(totals.paid).toBe(paidBefore + subsidy);
    const dashboard = await html(await organiser.get(`/organiser/festivals/${festivalSlug}`, handle));
    expect(dashboard).toContain("data-subsidies");
    expect(dashboard).toContain(`data-subsidised-deal="${dealId}"`);
    // In Chinese the deal is named in Chinese (the CSV below keeps English).
    const [zhName] = await db
      .select({ name: schema.productTranslations.name })
      .from(schema.productTranslations)
      .where(and(eq(schema.productTranslations.productId, product.id), eq(schema.productTranslations.lang, "zh")));
    const zhDashboard = await html(await organiser.get(`/zh/organiser/festivals/${festivalSlug}`, handle));
    expect(zhDashboard).toMatch(new RegExp(`data-subsidised-deal="${dealId}"><th scope="row">${zhName.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</th>`));
    const results = csvRows(await (await organiser.get(`/organiser/festivals/${festivalSlug}/export`, handle)).text());
    const header = results[0];
    const festivalRow = results.find((r) => r[0] === "festival")!;
    expect(major(festivalRow[header.indexOf("subsidy_paid_usd")])).toBe(totals.paid);
    expect(major(festivalRow[header.indexOf("subsidy_budget_usd")])).toBe(before + exposure);
    const dealRow = results.find((r) => r[0] === "subsidised_deal" && r[1] === String(dealId))!;
    expect(dealRow[header.indexOf("organiser_share_pct")]).toBe("50");
    expect(major(dealRow[header.indexOf("subsidy_max_usd")])).toBe(exposure);

    // The owner: what the store receives per line and in total, on the page and in the CSV.
    const ownerCsv = csvRows(await (await owner.get(`/dashboard/stores/${storeSlug}/orders/csv`, handle)).text());
    const mine = ownerCsv.filter((r) => numbers.includes(r[0]) && r[3] !== undefined);
    const receives = ownerCsv[0].indexOf("Store receives");
    const organiserPart = ownerCsv[0].indexOf("Organiser's part of the discount");
    expect(mine).toHaveLength(3);
    expect(mine.reduce((n, r) => n + major(r[receives]), 0)).toBe(payout);
    expect(mine.reduce((n, r) => n + major(r[organiserPart]), 0)).toBe(subsidy);
    const ownerPage = await html(await owner.get(`/dashboard/stores/${storeSlug}/orders`, handle));
    expect(ownerPage).toContain("data-payout");
    expect(ownerPage).toContain("data-line-payout");

    expect(await reconcileSubsidies()).toEqual([]);
    expect(await checkLineSplits()).toEqual([]);
    expect(await reconcileCounters()).toEqual([]);
  });

  it("refuses a whole batch that would pass the budget, and approves it when the store pays", async () => {
    // Two other deals of the same festival, pending again.
    const others = (
      await db
        .select({ id: schema.festivalDeals.id })
        .from(schema.festivalDeals)
        .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
        .where(and(eq(schema.festivalEnrolments.festivalId, festivalId), eq(schema.festivalEnrolments.status, "approved"), ne(schema.festivalDeals.id, dealId)))
        .limit(2)
    ).map((r) => r.id);
    expect(others).toHaveLength(2);
    await transact(db, (tx) => tx.update(schema.festivalDeals).set({ status: "pending", decidedBy: null, decidedAt: null }).where(inArray(schema.festivalDeals.id, others)));
    const form = { intent: "bulk", festival: festivalSlug, decision: "approved", reason: "", funder: "organiser", [`pick_deal_${others[0]}`]: "1", [`pick_deal_${others[1]}`]: "1" };
    const refused = await organiser.post(`/organiser/review?festival=${festivalSlug}`, form, handle);
    expect(refused.status).toBe(400);
    expect(await html(refused)).toContain("Nothing was approved.");
    const after = await db.select().from(schema.festivalDeals).where(inArray(schema.festivalDeals.id, others));
    expect(after.map((d) => [d.status, d.organiserSharePct])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
    const storePaid = await organiser.post(`/organiser/review?festival=${festivalSlug}`, { ...form, funder: "store" }, handle);
    expect(storePaid.status).toBe(302);
    const approved = await db.select().from(schema.festivalDeals).where(inArray(schema.festivalDeals.id, others));
    expect(approved.map((d) => [d.status, d.organiserSharePct, d.fundedDiscountMinor])).toEqual([
      ["approved", 0, 0],
      ["approved", 0, 0],
    ]);
  });

  it("keeps the festival's budget from dropping below what approved deals may cost", async () => {
    const page = await html(await organiser.get(`/organiser/festivals/${festivalSlug}/edit`, handle));
    expect(page).toContain('name="subsidyBudget"');
    const fields = Object.fromEntries([...page.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const textareas = Object.fromEntries([...page.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1], m[2]]));
    const { timeZone } = (await db.select({ timeZone: schema.festivals.timeZone }).from(schema.festivals).where(eq(schema.festivals.id, festivalId)))[0];
    expect(timeZone).toBe("Asia/Shanghai");
    const res = await organiser.post(`/organiser/festivals/${festivalSlug}/edit`, { ...fields, ...textareas, timeZone: "Asia/Shanghai", intent: "save", subsidyBudget: "0" }, handle);
    expect(res.status).toBe(400);
    expect(await html(res)).toContain("The budget cannot be lower than what the approved deals may already cost.");
    const bad = await organiser.post(`/organiser/festivals/${festivalSlug}/edit`, { ...fields, ...textareas, timeZone: "Asia/Shanghai", intent: "save", subsidyBudget: "12.345" }, handle);
    expect(bad.status).toBe(400);
  });
});
