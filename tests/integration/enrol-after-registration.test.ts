/**
 * Issue 14, point 4: a festival whose registration phase has ended (the
 * seed's live festival: registration closed days before its sale) refuses an
 * enrolment posted by hand, with a translated message that says when it
 * closed, and stores nothing. The owner's page offers no enrol button for it.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import { registrationOpen } from "~/modules/festivals/clock";
import { listFestivals } from "~/modules/festivals/festivals.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { rowCount, userIdOf } from "./fixtures";
import { appHandler, Shopper } from "./http-client";

type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;
const amina = new Shopper();

const count = () => rowCount("festival_enrolments");

beforeAll(async () => {
  handler = await appHandler();
  expect((await amina.post("/login", { email: "amina@silkroad.example", password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
});

describe("enrolling after registration closed", () => {
  it("refuses the posted form in English and Chinese, says when registration closed, and stores nothing", async () => {
    const live = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;
    const registration = live.phases.find((p) => p.kind === "registration")!;
    // The seed's live festival: the sale is on, its registration phase is over.
    expect(registration.endsAt).toBeLessThan(Date.now());
    expect(registrationOpen(live.phases, Date.now())).toBe(false);
    const aminaId = await userIdOf("amina@silkroad.example");
    const stores = await db.select().from(schema.stores).where(and(eq(schema.stores.ownerId, aminaId), eq(schema.stores.status, "live"))).orderBy(schema.stores.id);
    const enrolled = new Set((await db.select({ storeId: schema.festivalEnrolments.storeId }).from(schema.festivalEnrolments).where(eq(schema.festivalEnrolments.festivalId, live.id))).map((r) => r.storeId));
    // Make sure one of her live stores is not in the festival, so the refusal is about the date, not "already enrolled".
    const store = stores.find((s) => !enrolled.has(s.id)) ?? stores[0];
    expect(stores.some((s) => s.id !== store.id && enrolled.has(s.id))).toBe(true);
    await transact(db, async (tx) => {
      await tx.delete(schema.festivalDeals).where(sql`enrolment_id in (select id from festival_enrolments where festival_id = ${live.id} and store_id = ${store.id})`);
      await tx.delete(schema.festivalEnrolments).where(and(eq(schema.festivalEnrolments.festivalId, live.id), eq(schema.festivalEnrolments.storeId, store.id)));
    });
    const before = await count();

    const en = await amina.post("/dashboard/festivals?index", { festival: live.slug, store: store.slug }, handler);
    expect(en.status).toBe(409);
    const enPage = await en.text();
    expect(enPage).toContain("Registration for this festival closed on");
    expect(enPage).toContain("stores can no longer enrol");

    const zh = await amina.post("/zh/dashboard/festivals?index", { festival: live.slug, store: store.slug }, handler);
    expect(zh.status).toBe(409);
    expect(await zh.text()).toContain("本购物节的报名已于");
    expect(await count()).toBe(before);

    // A single-fetch post (the form submitted with JavaScript) is refused the same way.
    const js = await amina.post("/dashboard/festivals.data?index", { festival: live.slug, store: store.slug }, handler);
    expect(js.status).toBe(409);
    expect(await count()).toBe(before);

    // The page (which lists the festival: her other store is in it) offers no enrol button for that store.
    const page = await (await amina.get("/dashboard/festivals", handler)).text();
    const item = page.match(new RegExp(`data-enrol="${live.slug}\\|${store.slug}"[\\s\\S]*?</li>`))?.[0] ?? "";
    expect(item).not.toBe("");
    expect(item).not.toContain('type="submit"');
    expect(item).toContain("Registration for this festival closed on");
  });

  it("still enrols while a festival's registration phase is open", async () => {
    const open = (await listFestivals("en", Date.now())).find((f) => registrationOpen(f.phases, Date.now()))!;
    expect(open).toBeTruthy();
    const aminaId = await userIdOf("amina@silkroad.example");
    const [store] = await db.select().from(schema.stores).where(and(eq(schema.stores.ownerId, aminaId), eq(schema.stores.status, "live"))).orderBy(schema.stores.id).limit(1);
    await transact(db, async (tx) => {
      await tx.delete(schema.festivalDeals).where(sql`enrolment_id in (select id from festival_enrolments where festival_id = ${open.id} and store_id = ${store.id})`);
      await tx.delete(schema.festivalEnrolments).where(and(eq(schema.festivalEnrolments.festivalId, open.id), eq(schema.festivalEnrolments.storeId, store.id)));
    });
    const res = await amina.post("/dashboard/festivals?index", { festival: open.slug, store: store.slug }, handler);
    expect(res.status).toBe(302);
    const [enrolment] = await db.select().from(schema.festivalEnrolments).where(and(eq(schema.festivalEnrolments.festivalId, open.id), eq(schema.festivalEnrolments.storeId, store.id))).limit(1);
    expect(enrolment?.status).toBe("pending");
  });
});
