/**
 * Issue 14, point 10: the organiser's review queue at festival scale. The
 * queue filters by festival, store, country and status from the URL (a GET
 * form); many offers are approved or rejected at once with one reason, each
 * decision stored with who and when and audited; bad batches are refused with
 * translated messages and change nothing; the owner sees each decision and its
 * reason on the dashboard; a decision moves the shared pages' content version.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows, schema } from "~/db.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { appHandler, Shopper } from "./http-client";

let handler: Awaited<ReturnType<typeof appHandler>>;
const organiser = new Shopper();
const amina = new Shopper();
const kwame = new Shopper();

const html = async (res: Response) => (await res.text()).replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
const keysIn = (page: string) => [...page.matchAll(/data-review="([a-z]+-\d+)"/g)].map((m) => m[1]);
const festivalId = async (slug: string) => (await db.select().from(schema.festivals).where(eq(schema.festivals.slug, slug)).limit(1))[0].id;
const contentVersion = async () => (await rows<{ v: number }>(db, sql`select content_version as v from site_state where id = 1`))[0].v;
const dealRows = (ids: number[]) => db.select().from(schema.festivalDeals).where(inArray(schema.festivalDeals.id, ids)).orderBy(schema.festivalDeals.id);
const snapshot = async () =>
  JSON.stringify([await rows(db, sql`select * from festival_deals order by id`), await rows(db, sql`select * from festival_enrolments order by id`), await rows(db, sql`select count(*) as n from audit_log`)]);

/** Pending deals by owner email and festival slug, as SQL sees them (the queue must agree). */
function pendingDeals(where: { email?: string; festival?: string; country?: string }) {
  return rows<{ id: number; festivalSlug: string; storeSlug: string; country: string }>(
    db,
    sql`
    select d.id, f.slug as "festivalSlug", s.slug as "storeSlug", s.country_code as country
    from festival_deals d join festival_enrolments e on e.id = d.enrolment_id join stores s on s.id = e.store_id
    join users u on u.id = s.owner_id join festivals f on f.id = e.festival_id
    where d.status = 'pending' and e.status <> 'rejected'
      and (cast(${where.email ?? null} as text) is null or u.email = ${where.email ?? null})
      and (cast(${where.festival ?? null} as text) is null or f.slug = ${where.festival ?? null})
      and (cast(${where.country ?? null} as text) is null or s.country_code = ${where.country ?? null})
    order by d.id`,
  );
}

const UPCOMING = "new-year-gifts-festival";

beforeAll(async () => {
  handler = await appHandler();
  expect((await organiser.post("/login", { email: "organiser@silkroad.example", password: DEMO_PASSWORDS.organiser }, handler)).status).toBe(302);
  expect((await amina.post("/login", { email: "amina@silkroad.example", password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
  expect((await kwame.post("/login", { email: "kwame@silkroad.example", password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
});

describe("the review queue's filters", () => {
  it("narrows by festival, country, store and status, as the database counts them", async () => {
    const festivalOnly = keysIn(await html(await organiser.get(`/organiser/review?festival=${UPCOMING}`, handler)));
    const pendingEnrolments = await db
      .select()
      .from(schema.festivalEnrolments)
      .where(and(eq(schema.festivalEnrolments.festivalId, (await festivalId(UPCOMING))), eq(schema.festivalEnrolments.status, "pending")));
    expect(festivalOnly.sort()).toEqual([...pendingEnrolments.map((e) => `enrolment-${e.id}`), ...(await pendingDeals({ festival: UPCOMING })).map((d) => `deal-${d.id}`)].sort());

    const kenya = keysIn(await html(await organiser.get(`/organiser/review?festival=${UPCOMING}&country=KE`, handler)));
    const kenyanDeals = await pendingDeals({ festival: UPCOMING, country: "KE" });
    expect(kenyanDeals.length).toBeGreaterThan(1);
    expect(kenya.filter((k) => k.startsWith("deal-")).sort()).toEqual(kenyanDeals.map((d) => `deal-${d.id}`).sort());

    const store = kenyanDeals[0].storeSlug;
    const byStore = keysIn(await html(await organiser.get(`/organiser/review?store=${store}`, handler)));
    expect(byStore.filter((k) => k.startsWith("deal-")).sort()).toEqual((await pendingDeals({})).filter((d) => d.storeSlug === store).map((d) => `deal-${d.id}`).sort());

    // Decided ones, with their status: the seeded rejections of the upcoming festival.
    const rejected = await html(await organiser.get(`/organiser/review?festival=${UPCOMING}&status=rejected`, handler));
    const rejectedDeals = await rows<{ id: number }>(db, sql`select d.id from festival_deals d join festival_enrolments e on e.id = d.enrolment_id where e.festival_id = ${(await festivalId(UPCOMING))} and d.status = 'rejected'`);
    expect(rejectedDeals.length).toBeGreaterThan(0);
    expect(keysIn(rejected).filter((k) => k.startsWith("deal-")).sort()).toEqual(rejectedDeals.map((d) => `deal-${d.id}`).sort());
    expect([...rejected.matchAll(/data-status="([a-z]+)"/g)].every((m) => m[1] === "rejected")).toBe(true);
    expect(rejected).toContain("Deal prices must be at least 10% below the regular price.");
  });

  it("says so when nothing matches, leaves out what it does not understand, and 404s an unknown festival", async () => {
    const none = await organiser.get(`/zh/organiser/review?festival=${UPCOMING}&country=ZZ`, handler);
    expect(none.status).toBe(200);
    const page = await html(none);
    expect(keysIn(page)).toEqual([]);
    expect(page).toContain("没有符合这些筛选条件的申请。");

    const odd = await organiser.get(`/organiser/review?status=maybe&page=-3&store=no-such-store`, handler);
    expect(odd.status).toBe(200);
    const oddPage = await html(odd);
    expect(oddPage).toContain("Some filters were not understood and were left out.");
    // The pending queue, as with no filter.
    expect(keysIn(oddPage).length).toBe(keysIn(await html(await organiser.get("/organiser/review", handler))).length);

    expect((await organiser.get("/organiser/review?festival=no-such-festival", handler)).status).toBe(404);
  });

  it("pages a long queue: every application once, across the pages", async () => {
    const first = await html(await organiser.get("/organiser/review?status=all", handler));
    const totalText = (/data-review-total="">([\s\S]*?)<\/p>/.exec(first)?.[1] ?? "").replace(/<[^>]+>/g, "");
    const total = Number(/[\d,]+/.exec(totalText)?.[0].replace(/,/g, ""));
    const [{ n: all }] = await rows<{ n: number }>(
      db,
      sql`
      select (select count(*) from festival_enrolments) +
             (select count(*) from festival_deals d join festival_enrolments e on e.id = d.enrolment_id where not (d.status = 'pending' and e.status = 'rejected')) as n`,
    );
    expect(total).toBe(all);
    expect(all).toBeGreaterThan(50);
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(all / 50); page++) {
      for (const key of keysIn(await html(await organiser.get(`/organiser/review?status=all&page=${page}`, handler)))) {
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    expect(seen.size).toBe(all);
  });
});

describe("decisions on many offers at once", () => {
  it("refuses an empty selection, a rejection without a reason, unknown ids and ids of another festival, changing nothing", async () => {
    const before = await snapshot();
    const [deal] = await pendingDeals({ festival: UPCOMING });
    const url = `/organiser/review?festival=${UPCOMING}`;
    const cases: [Record<string, string>, number, string][] = [
      [{ intent: "bulk", festival: UPCOMING, decision: "approved" }, 400, "Select at least one application."],
      [{ intent: "bulk", festival: UPCOMING, decision: "rejected", [`pick_deal_${deal.id}`]: "1" }, 400, "Give the store a reason for the rejection."],
      [{ intent: "bulk", festival: UPCOMING, decision: "approved", [`pick_deal_${deal.id}`]: "1", pick_deal_999999: "1" }, 400, "Some of the selected applications do not exist; nothing was changed."],
      [{ intent: "bulk", festival: UPCOMING, decision: "maybe", [`pick_deal_${deal.id}`]: "1" }, 400, "Choose to approve or to reject."],
    ];
    // A deal of another festival, sent from the upcoming festival's queue.
    const [other] = await rows<{ id: number }>(db, sql`select d.id from festival_deals d join festival_enrolments e on e.id = d.enrolment_id where e.festival_id <> ${(await festivalId(UPCOMING))} limit 1`);
    cases.push([{ intent: "bulk", festival: UPCOMING, decision: "approved", [`pick_deal_${deal.id}`]: "1", [`pick_deal_${other.id}`]: "1" }, 400, "Some of the selected applications belong to another festival; nothing was changed."]);
    for (const [form, status, message] of cases) {
      const res = await organiser.post(url, form, handler);
      expect(res.status, message).toBe(status);
      expect(await html(res)).toContain(message);
    }
    // Translated, in Arabic.
    const ar = await organiser.post(`/ar${url}`, { intent: "bulk", festival: UPCOMING, decision: "approved" }, handler);
    expect(ar.status).toBe(400);
    expect(await html(ar)).toContain("حدّد طلبًا واحدًا على الأقل.");
    expect(await snapshot()).toBe(before);
  });

  it("rejects the selected offers with one reason, stores who and when, audits each, and the owner sees it", async () => {
    const deals = await pendingDeals({ email: "amina@silkroad.example", festival: UPCOMING });
    expect(deals.length).toBeGreaterThanOrEqual(3);
    const picked = deals.slice(0, 3).map((d) => d.id);
    const [{ id: organiserId }] = await db.select().from(schema.users).where(eq(schema.users.email, "organiser@silkroad.example")).limit(1);
    const version = await contentVersion();
    const reason = "Deal prices must be at least 15% below the regular price for the New Year sale.";
    const res = await organiser.post(
      `/organiser/review?festival=${UPCOMING}&country=KE`,
      { intent: "bulk", festival: UPCOMING, decision: "rejected", reason, ...Object.fromEntries(picked.map((id) => [`pick_deal_${id}`, "1"])) },
      handler,
    );
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("Location")!, "http://x");
    expect(Object.fromEntries(location.searchParams)).toEqual({ festival: UPCOMING, country: "KE", done: "rejected", count: "3" });
    expect(await html(await organiser.get(`${location.pathname}${location.search}`, handler))).toContain("Rejected: 3; the owners will see your reason.");

    for (const row of await dealRows(picked)) {
      expect(row).toMatchObject({ status: "rejected", reason, decidedBy: organiserId });
      expect(row.decidedAt).toBeInstanceOf(Date);
    }
    const audits = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "festival.deal_rejected"), inArray(schema.auditLog.subjectId, picked.map(String))));
    expect(audits).toHaveLength(3);
    for (const a of audits) expect(a).toMatchObject({ userId: organiserId, detail: { reason, batch: 3 } });
    // Shared pages that show deals are dropped: the content version moved.
    expect(await contentVersion()).toBeGreaterThan(version);

    // The owner's dashboard shows each offer's decision and the reason; another owner's does not.
    const dashboard = await html(await amina.get("/dashboard", handler));
    for (const id of picked) {
      const row = new RegExp(`data-offer="${id}" data-offer-status="rejected"[\\s\\S]*?</tr>`).exec(dashboard)?.[0] ?? "";
      expect(row, `offer ${id}`).toContain(reason);
    }
    expect(await html(await kwame.get("/dashboard", handler))).not.toContain(reason);

    // Deciding them again (a second tab): refused, nothing changes.
    const before = await snapshot();
    const again = await organiser.post(`/organiser/review?festival=${UPCOMING}`, { intent: "bulk", festival: UPCOMING, decision: "approved", [`pick_deal_${picked[0]}`]: "1" }, handler);
    expect(again.status).toBe(409);
    expect(await html(again)).toContain("Some of the selected applications were already decided (perhaps by another organiser); nothing was changed.");
    expect(await snapshot()).toBe(before);
  });

  it("approves several offers of different stores at once, each with its own audit row", async () => {
    const deals = (await pendingDeals({ festival: UPCOMING })).filter((d) => d.country !== "KE");
    const picked = [...new Map(deals.map((d) => [d.storeSlug, d.id])).values()].slice(0, 3);
    expect(picked).toHaveLength(3);
    const res = await organiser.post(`/organiser/review`, { intent: "bulk", decision: "approved", ...Object.fromEntries(picked.map((id) => [`pick_deal_${id}`, "1"])) }, handler);
    expect(res.status).toBe(302);
    expect((await dealRows(picked)).map((r) => [r.status, r.reason])).toEqual(picked.map(() => ["approved", null]));
    expect(await db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, "festival.deal_approved"), inArray(schema.auditLog.subjectId, picked.map(String))))).toHaveLength(3);
  });
});
