/**
 * Issue 18, point 1: the festival programme, through the built app. The
 * organiser schedules sessions from the console (overlaps on a channel, times
 * outside the festival and non-https links refused with translated messages);
 * the festival page shows "next", then "on now", then the session as ended as
 * the test clock crosses its start and end; its calendar files parse with a
 * calendar library and keep the festival's zone; an order paid during the
 * session moves its "orders during a session" counter by one, in the live
 * feed too, and reconcile finds no drift.
 */
import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { db, schema } from "~/db.server";
import { toLocalInput } from "~/modules/festivals/clock";
import { listFestivals, type FestivalSummary } from "~/modules/festivals/festivals.server";
import { readCounters, reconcileCounters } from "~/modules/counters/counters.server";
import { festivalWindow } from "~/modules/programme/schedule";
import { dealProduct, type TestProduct } from "./fixtures";
import { ADDRESS, appHandler, Shopper } from "./http-client";

process.env.TEST_CLOCK = "1";
const HOUR = 3_600_000;
const MINUTE = 60_000;
const LANGS = ["en", "zh", "fr", "ar", "pt", "sw"] as const;

let handle: Awaited<ReturnType<typeof appHandler>>;
let festival: FestivalSummary;
let product: TestProduct;
const organiser = new Shopper();

async function moveClock(at: number | null) {
  const res = await new Shopper().post("/test-clock", at === null ? { reset: "1" } : { at: new Date(at).toISOString() }, handle);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  handle = await appHandler();
  festival = (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;
  product = await dealProduct(5);
  expect(product.deal!.festivalId).toBe(festival.id);
  const res = await organiser.post("/login", { email: DEMO_ACCOUNTS.find((a) => a.role === "organiser")!.email, password: DEMO_PASSWORDS.organiser }, handle);
  expect(res.status).toBe(302);
});
afterAll(() => moveClock(null));

function sessionForm(title: string, startsAt: number, endsAt: number, over: Record<string, string> = {}) {
  const form: Record<string, string> = {
    intent: "schedule",
    kind: "livestream",
    channel: "main-stage",
    host: "speaker",
    speakerName: "Amina Diallo",
    start: toLocalInput(startsAt, festival.timeZone),
    end: toLocalInput(endsAt, festival.timeZone),
    watchUrl: "https://live.example.org/harvest?room=1",
    [`product_${product.id}`]: "on",
  };
  for (const lang of LANGS) {
    form[`title_${lang}`] = `${title} (${lang})`;
    form[`summary_${lang}`] = `Tasting, roasting; and questions, ${lang}.`;
  }
  return { ...form, ...over };
}

/** The festival page's HTML between one programme part and the next. */
function part(html: string, name: "on-now" | "next" | "schedule") {
  const start = html.indexOf(`data-programme="${name}"`);
  expect(start).toBeGreaterThan(-1);
  const end = name === "schedule" ? html.indexOf("</ol>", start) : html.indexOf("data-programme=", start + 20);
  return html.slice(start, end);
}

describe("the festival programme", () => {
  let startsAt = 0;
  let endsAt = 0;
  let sessionId = 0;
  const path = () => `/zh/organiser/festivals/${festival.slug}/programme`;

  it("is reached from the organiser console and refuses overlaps, times outside the festival and links that are not https, in Chinese", async () => {
    const console_ = await (await organiser.get("/zh/organiser", handle)).text();
    expect(console_).toContain(`href="${path()}"`);
    expect((await organiser.get(path(), handle)).status).toBe(200);

    const window = festivalWindow(festival.phases)!;
    startsAt = Math.ceil((Date.now() + HOUR) / MINUTE) * MINUTE;
    endsAt = startsAt + HOUR;
    expect(endsAt).toBeLessThan(window.endsAt);
    const created = await organiser.post(path(), sessionForm("Harvest live", startsAt, endsAt), handle);
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toContain("done=scheduled");
    const [row] = await db
      .select({ id: schema.festivalSessions.id, status: schema.festivalSessions.status })
      .from(schema.festivalSessions)
      .where(and(eq(schema.festivalSessions.festivalId, festival.id), eq(schema.festivalSessions.startsAt, new Date(startsAt))));
    expect(row.status).toBe("approved");
    sessionId = row.id;

    const overlap = await organiser.post(path(), sessionForm("Clash", startsAt + 30 * MINUTE, endsAt + HOUR), handle);
    expect(overlap.status).toBe(400);
    expect(await overlap.text()).toContain("该频道在此时间已有其他场次。");
    // Another channel at the same time is fine.
    const studio = await organiser.post(path(), sessionForm("Studio talk", startsAt + 30 * MINUTE, endsAt + HOUR, { channel: "studio", kind: "lecture" }), handle);
    expect(studio.status).toBe(302);

    const outside = await organiser.post(path(), sessionForm("Too late", window.endsAt + HOUR, window.endsAt + 2 * HOUR), handle);
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain("场次必须在购物节期间举行。");

    const insecure = await organiser.post(path(), sessionForm("Plain link", endsAt + 2 * HOUR, endsAt + 3 * HOUR, { watchUrl: "http://live.example.org/" }), handle);
    expect(insecure.status).toBe(400);
    expect(await insecure.text()).toContain("请输入完整的 https:// 地址。");
  });

  it("moves the session from next to on now to ended as the clock crosses its start and end", async () => {
    const page = async () => (await (await new Shopper().get(`/zh/festivals/${festival.slug}`, handle)).text());
    const title = "Harvest live (zh)";
    let html = await page();
    expect(part(html, "next")).toContain(title);
    expect(part(html, "on-now")).not.toContain(title);
    expect(part(html, "next")).toContain("距开始还有");

    await moveClock(startsAt + MINUTE);
    html = await page();
    const onNow = part(html, "on-now");
    expect(onNow).toContain(title);
    expect(onNow).toContain("距结束还有");
    // The card lets a shopper add the featured product.
    expect(onNow).toContain(`name="slug" value="${product.slug}"`);
    expect(part(html, "next")).not.toContain(title);

    await moveClock(endsAt);
    html = await page();
    expect(part(html, "on-now")).not.toContain(title);
    expect(part(html, "next")).not.toContain(title);
    expect(part(html, "schedule")).toMatch(new RegExp(`session-schedule__item--ended" data-schedule-session="${sessionId}"`));
    await moveClock(null);
  });

  it("shows the session on the product page it features", async () => {
    const html = await (await new Shopper().get(`/zh/products/${product.slug}`, handle)).text();
    expect(html).toContain("购物节节目");
    expect(html).toContain("Harvest live (zh)");
  });

  it("gives calendar files that parse and keep the festival's zone", async () => {
    for (const url of [`/zh/festivals/${festival.slug}/sessions/${sessionId}.ics`, `/zh/festivals/${festival.slug}/programme.ics`]) {
      const res = await new Shopper().get(url, handle);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toContain("text/calendar");
      const text = await res.text();
      expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
      const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
      for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
      const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      const event = events.find((e) => e.uid.startsWith(`festival-session-${sessionId}@`))!;
      expect(event.summary).toBe("Harvest live (zh)");
      expect(event.startDate.zone?.tzid).toBe(festival.timeZone);
      expect(event.startDate.toJSDate().getTime()).toBe(startsAt);
      expect(event.endDate.toJSDate().getTime()).toBe(endsAt);
    }
    expect((await new Shopper().get(`/festivals/${festival.slug}/sessions/999999.ics`, handle)).status).toBe(404);
  });

  it("counts an order paid during the session in its counter, in the same transaction, and reconcile agrees", async () => {
    const before = (await readCounters("session", [String(sessionId)])).get(String(sessionId))!;
    await moveClock(startsAt + 2 * MINUTE);
    const shopper = new Shopper();
    await shopper.post("/cart", { intent: "add", slug: product.slug, quantity: 2 }, handle);
    const payUrl = (await shopper.post("/checkout", ADDRESS, handle)).headers.get("Location")!;
    expect(payUrl).toMatch(/\/pay\/demo\//);
    expect((await shopper.post(payUrl, { outcome: "pay" }, handle)).status).toBe(303);
    const after = (await readCounters("session", [String(sessionId)])).get(String(sessionId))!;
    expect(after.orders).toBe(before.orders + 1);
    expect(after.units).toBe(before.units + 2);
    // The live feed's polling answer carries it.
    const live = (await (await new Shopper().get(`/festivals/${festival.slug}/counters`, handle)).json()) as { sessions: Record<string, string> };
    expect(live.sessions[String(sessionId)]).toBe(String(after.orders));
    await moveClock(endsAt + MINUTE);
    // After the session an order of the same product does not count for it.
    const later = new Shopper();
    await later.post("/cart", { intent: "add", slug: product.slug }, handle);
    // Another shopper (a deal's per-customer limit counts by email).
    const laterPay = (await later.post("/checkout", { ...ADDRESS, email: "after.the.session@example.com" }, handle)).headers.get("Location")!;
    expect(laterPay).toMatch(/\/pay\/demo\//);
    expect((await later.post(laterPay, { outcome: "pay" }, handle)).status).toBe(303);
    expect((await readCounters("session", [String(sessionId)])).get(String(sessionId))!.orders).toBe(after.orders);
    await moveClock(null);
    expect((await reconcileCounters()).filter((d) => d.scope === "session")).toEqual([]);
    expect(await reconcileCounters()).toEqual([]);
  });
});
