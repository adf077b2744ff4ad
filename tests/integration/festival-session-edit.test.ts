/**
 * Issue 18: the organiser changes and cancels festival sessions, through the
 * built app, in Chinese. A change is checked like a new session (an overlap
 * on the same channel and a time outside the festival are refused with
 * translated messages; the session never overlaps itself); a cancellation
 * needs a reason, which the hosting store sees, and takes the session off the
 * public programme and its calendar files. Once a session has begun, or once
 * it is cancelled, it can no longer change.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { db, schema } from "~/db.server";
import { toLocalInput } from "~/modules/festivals/clock";
import { listFestivals, type FestivalSummary } from "~/modules/festivals/festivals.server";
import { festivalWindow } from "~/modules/programme/schedule";
import { appHandler, Shopper } from "./http-client";

process.env.TEST_CLOCK = "1";
const HOUR = 3_600_000;
const MINUTE = 60_000;
const LANGS = ["en", "zh", "fr", "ar", "pt", "sw"] as const;
const { festivalSessions: s, festivalSessionTranslations: tr, festivalSessionProducts: sp } = schema;

let handle: Awaited<ReturnType<typeof appHandler>>;
let festival: FestivalSummary;
/** amina's store, approved for the live festival, and two of its deal products. */
let store: { id: number; slug: string };
let products: number[];
const organiser = new Shopper();
const owner = new Shopper();

async function moveClock(at: number | null) {
  const res = await new Shopper().post("/test-clock", at === null ? { reset: "1" } : { at: new Date(at).toISOString() }, handle);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  handle = await appHandler();
  festival = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;
  const [found] = await db
    .select({ id: schema.stores.id, slug: schema.stores.slug })
    .from(schema.stores)
    .innerJoin(schema.users, eq(schema.users.id, schema.stores.ownerId))
    .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.storeId, schema.stores.id))
    .where(
      and(
        eq(schema.users.email, "amina@silkroad.example"),
        eq(schema.festivalEnrolments.festivalId, festival.id),
        eq(schema.festivalEnrolments.status, "approved"),
      ),
    )
    .limit(1);
  store = found;
  const deals = await db
    .select({ productId: schema.festivalDeals.productId })
    .from(schema.festivalDeals)
    .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
    .where(
      and(
        eq(schema.festivalEnrolments.festivalId, festival.id),
        eq(schema.festivalEnrolments.storeId, store.id),
        eq(schema.festivalDeals.status, "approved"),
      ),
    );
  products = deals.map((d) => d.productId).sort((a, b) => a - b);
  expect(products.length).toBeGreaterThanOrEqual(2);
  expect(
    (await organiser.post("/login", { email: "organiser@silkroad.example", password: DEMO_PASSWORDS.organiser }, handle)).status,
  ).toBe(302);
  expect((await owner.post("/login", { email: "amina@silkroad.example", password: DEMO_PASSWORDS.owner }, handle)).status).toBe(
    302,
  );
});
afterAll(() => moveClock(null));

function sessionForm(
  intent: "schedule" | "update",
  title: string,
  startsAt: number,
  endsAt: number,
  over: Record<string, string> = {},
) {
  const form: Record<string, string> = {
    intent,
    kind: "livestream",
    channel: "main-stage",
    host: "store",
    hostStore: String(store.id),
    start: toLocalInput(startsAt, festival.timeZone),
    end: toLocalInput(endsAt, festival.timeZone),
    watchUrl: "https://live.example.org/beads",
    [`product_${products[0]}`]: "on",
  };
  for (const lang of LANGS) {
    form[`title_${lang}`] = `${title} (${lang})`;
    form[`summary_${lang}`] = `Beads and how they are made, ${lang}.`;
  }
  return { ...form, ...over };
}

const row = async (id: number) => (await db.select().from(s).where(eq(s.id, id)))[0];
const title = async (id: number, lang: string) =>
  (
    await db
      .select({ title: tr.title })
      .from(tr)
      .where(and(eq(tr.sessionId, id), eq(tr.lang, lang)))
  )[0]?.title;

describe("the organiser changes and cancels sessions", () => {
  const programme = () => `/zh/organiser/festivals/${festival.slug}/programme`;
  const edit = (id: number) => `${programme()}/${id}`;
  let start = 0;
  let a = 0;
  let b = 0;

  it("schedules two sessions on one channel and links each to its edit page", async () => {
    start = Math.ceil((Date.now() + 2 * HOUR) / MINUTE) * MINUTE;
    expect(start + 6 * HOUR).toBeLessThan(festivalWindow(festival.phases)!.endsAt);
    for (const [name, from] of [
      ["Bead livestream", start],
      ["Second bead livestream", start + 3 * HOUR],
    ] as const) {
      const res = await organiser.post(programme(), sessionForm("schedule", name, from, from + HOUR), handle);
      expect(res.status).toBe(302);
    }
    const rows = await db.select({ id: s.id }).from(s).where(eq(s.festivalId, festival.id)).orderBy(s.startsAt);
    [a, b] = rows.map((r) => r.id);
    const html = await (await organiser.get(programme(), handle)).text();
    expect(html).toContain(`href="${edit(a)}"`);
    expect(html).toContain(`href="${edit(b)}"`);
    const page = await organiser.get(edit(a), handle);
    expect(page.status).toBe(200);
    const form = await page.text();
    expect(form).toContain("编辑场次");
    expect(form).toContain('value="Bead livestream (zh)"');
    expect(form).toContain(`value="${toLocalInput(start, festival.timeZone)}"`);
  });

  it("refuses a change that overlaps another session on the channel, or leaves the festival, with messages in Chinese", async () => {
    const overlap = await organiser.post(
      edit(a),
      sessionForm("update", "Moved", start + 3 * HOUR + 30 * MINUTE, start + 5 * HOUR),
      handle,
    );
    expect(overlap.status).toBe(400);
    expect(await overlap.text()).toContain("该频道在此时间已有其他场次。");

    const window = festivalWindow(festival.phases)!;
    const outside = await organiser.post(
      edit(a),
      sessionForm("update", "Moved", window.endsAt + HOUR, window.endsAt + 2 * HOUR),
      handle,
    );
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain("场次必须在购物节期间举行。");

    const backwards = await organiser.post(edit(a), sessionForm("update", "Moved", start + HOUR, start), handle);
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain("场次的结束时间必须晚于开始时间。");

    // Nothing changed.
    expect((await row(a)).startsAt.getTime()).toBe(start);
    expect(await title(a, "zh")).toBe("Bead livestream (zh)");
  });

  it("saves a change: window, channel, texts and featured products; the session does not overlap itself", async () => {
    // Moved by half an hour over its own old window: no clash with itself.
    const changed = await organiser.post(
      edit(a),
      sessionForm("update", "Beads, live", start + 30 * MINUTE, start + 90 * MINUTE, {
        [`product_${products[0]}`]: "",
        [`product_${products[1]}`]: "on",
      }),
      handle,
    );
    expect(changed.status).toBe(302);
    expect(changed.headers.get("Location")).toBe(`${programme()}?done=updated`);
    const stored = await row(a);
    expect([stored.startsAt.getTime(), stored.endsAt.getTime(), stored.status]).toEqual([
      start + 30 * MINUTE,
      start + 90 * MINUTE,
      "approved",
    ]);
    expect(await title(a, "zh")).toBe("Beads, live (zh)");
    expect((await db.select({ productId: sp.productId }).from(sp).where(eq(sp.sessionId, a))).map((p) => p.productId)).toEqual([
      products[1],
    ]);
    // Another channel at the other session's time is fine.
    const studio = await organiser.post(
      edit(a),
      sessionForm("update", "Beads, live", start + 3 * HOUR, start + 4 * HOUR, { channel: "studio" }),
      handle,
    );
    expect(studio.status).toBe(302);
    expect(await organiser.get(`${programme()}?done=updated`, handle).then((r) => r.text())).toContain("场次已更新。");
    const pub = await (await new Shopper().get(`/zh/festivals/${festival.slug}`, handle)).text();
    expect(pub).toContain("Beads, live (zh)");
    expect(pub).not.toContain("Bead livestream (zh)");
  });

  it("cancels only with a reason; the session leaves the programme and its calendar files, and the store sees why", async () => {
    const noReason = await organiser.post(edit(a), { intent: "cancel", reason: " " }, handle);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("请说明取消该场次的理由（至少 3 个字符）。");
    expect((await row(a)).status).toBe("approved");
    expect((await new Shopper().get(`/zh/festivals/${festival.slug}/sessions/${a}.ics`, handle)).status).toBe(200);

    const cancelled = await organiser.post(edit(a), { intent: "cancel", reason: "主播行程有变" }, handle);
    expect(cancelled.status).toBe(302);
    expect(cancelled.headers.get("Location")).toBe(`${programme()}?done=cancelled`);
    expect(await row(a)).toMatchObject({ status: "cancelled", reason: "主播行程有变" });

    const pub = await (await new Shopper().get(`/zh/festivals/${festival.slug}`, handle)).text();
    expect(pub).not.toContain("Beads, live (zh)");
    expect(pub).toContain("Second bead livestream (zh)");
    expect((await new Shopper().get(`/zh/festivals/${festival.slug}/sessions/${a}.ics`, handle)).status).toBe(404);
    expect(await (await new Shopper().get(`/zh/festivals/${festival.slug}/programme.ics`, handle)).text()).not.toContain(
      "Beads, live",
    );

    const admin = await (await organiser.get(programme(), handle)).text();
    expect(admin).toContain("已取消");
    expect(admin).not.toContain(`href="${edit(a)}"`);
    const own = await (await owner.get(`/zh/dashboard/festivals/${festival.slug}/${store.slug}/sessions`, handle)).text();
    expect(own).toMatch(new RegExp(`data-own-proposal="${a}"[^]*?已取消[^]*?主播行程有变`));

    // A cancelled session changes no more.
    const again = await organiser.post(
      edit(a),
      sessionForm("update", "Back again", start + 30 * MINUTE, start + 90 * MINUTE),
      handle,
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("该场次已被取消或拒绝，无法再更改。");
    expect(await title(a, "zh")).toBe("Beads, live (zh)");
  });

  it("refuses to change or cancel a session that has begun", async () => {
    await moveClock(start + 3 * HOUR + 5 * MINUTE);
    const page = await (await organiser.get(edit(b), handle)).text();
    expect(page).toContain("该场次已无法更改");
    expect(page).not.toContain('name="intent" value="update"');
    const change = await organiser.post(edit(b), sessionForm("update", "Too late", start + 5 * HOUR, start + 6 * HOUR), handle);
    expect(change.status).toBe(409);
    expect(await change.text()).toContain("该场次已经开始，无法再更改或取消。");
    const cancel = await organiser.post(edit(b), { intent: "cancel", reason: "Too late to cancel" }, handle);
    expect(cancel.status).toBe(409);
    expect(await row(b)).toMatchObject({ status: "approved", startsAt: new Date(start + 3 * HOUR) });
    await moveClock(null);
  });

  it("is the organiser's only: a store owner is turned away, and an unknown session is a 404", async () => {
    const asOwner = await owner.get(edit(b), handle);
    expect([302, 403, 404]).toContain(asOwner.status);
    const ownerPost = await owner.post(edit(b), { intent: "cancel", reason: "Not mine to cancel" }, handle);
    expect([302, 403, 404]).toContain(ownerPost.status);
    expect((await row(b)).status).toBe("approved");
    expect((await organiser.get(`${programme()}/999999`, handle)).status).toBe(404);
    expect((await organiser.get(`${programme()}/abc`, handle)).status).toBe(404);
    const other = (await listFestivals("en", Date.now())).find((f) => f.id !== festival.id)!;
    expect((await organiser.get(`/zh/organiser/festivals/${other.slug}/programme/${b}`, handle)).status).toBe(404);
  });
});
