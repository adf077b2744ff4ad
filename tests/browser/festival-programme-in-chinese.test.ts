/**
 * Issue 18's acceptance journey, in Chinese. The organiser, starting at
 * /zh/organiser and getting everywhere by clicking, schedules two sessions on
 * the live festival; a store owner proposes a livestream through the owner's
 * pages (also by clicking) and the organiser approves it. With the test clock
 * inside the proposed session, a shopper opens the festival page, sees it
 * "正在进行" (on now), adds its featured product from the session card and
 * pays with the demo provider; the session's order counter on another open
 * festival page moves by one from the live feed, without a reload.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { toLocalInput } from "~/modules/festivals/clock";
import { LANGS } from "~/modules/i18n/config";
import { festivalOnSale, setUpJourney, signIn, waitForHydration, watchForErrors } from "./harness";

// Test mode with the test clock switched on (never available in production).
const journey = setUpJourney({ NODE_ENV: "test", TEST_CLOCK: "1" });

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A signed-in person in Chinese: the first page is typed, everything after it is clicked. */
async function signInInChinese(firstPage: string, email: string, password: string, viewport = { width: 1280, height: 900 }) {
  const context = await journey.browser.newContext({ locale: "zh-CN", viewport });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await signIn(page, journey.server, firstPage, { email, password });
  return { context, page, errors };
}

interface SessionFields {
  kind: "livestream" | "lecture";
  channel: "main-stage" | "studio" | "lecture-hall";
  /** A store's id, or a speaker's name (the organiser's form only). */
  host: { store: number } | { speaker: string };
  startsAt: number;
  endsAt: number;
  title: string;
  productIds: number[];
}

async function fillSessionForm(page: Page, s: SessionFields, timeZone: string) {
  const form = page.locator("form.session-form");
  await form.locator('select[name="kind"]').selectOption(s.kind);
  await form.locator('select[name="channel"]').selectOption(s.channel);
  if ("speaker" in s.host) {
    await form.getByLabel("指定主讲人").check();
    await form.locator('input[name="speakerName"]').fill(s.host.speaker);
  } else {
    // A store hosts by default; the owner's form offers only her own store.
    await form.locator('select[name="hostStore"]').selectOption(String(s.host.store));
  }
  await form.locator('input[name="start"]').fill(toLocalInput(s.startsAt, timeZone));
  await form.locator('input[name="end"]').fill(toLocalInput(s.endsAt, timeZone));
  await form.locator('input[name="watchUrl"]').fill("https://live.example.org/silk-road?room=7");
  for (const id of s.productIds) await form.locator(`input[name="product_${id}"]`).check();
  for (const lang of LANGS) {
    await form.locator(`input[name="title_${lang}"]`).fill(lang === "zh" ? s.title : `${s.title} (${lang})`);
    await form.locator(`textarea[name="summary_${lang}"]`).fill(`${s.title}: ${lang}.`);
  }
}

describe("the festival programme, in Chinese", () => {
  it("the organiser schedules two sessions and approves a store's proposal by clicking; a shopper buys from the session on now and its counter moves live", async () => {
    const festival = (await festivalOnSale(journey.server, 12 * HOUR))!;
    expect(festival).toBeTruthy();
    // Two stores approved for the festival with approved deals: one hosts an organiser's session, amina's proposes one.
    const dealProducts = (owner: SQL) =>
      journey.server.query<{ storeId: number; storeSlug: string; productId: number; productSlug: string }>(
        sql`SELECT s.id AS "storeId", s.slug AS "storeSlug", p.id AS "productId", p.slug AS "productSlug"
         FROM festival_deals d JOIN festival_enrolments e ON e.id = d.enrolment_id JOIN products p ON p.id = d.product_id
         JOIN stores s ON s.id = p.store_id JOIN users u ON u.id = s.owner_id
         WHERE e.festival_id = ${festival.id} AND e.status = 'approved' AND d.status = 'approved' AND p.status = 'active' AND p.stock >= 10
           AND ${owner}
         ORDER BY s.id, p.id`,
      );
    const [hosted] = await dealProducts(sql`u.email NOT LIKE 'amina@%'`);
    const [proposed] = await dealProducts(sql`u.email = ${"amina@silkroad.example"}`);
    expect(hosted && proposed).toBeTruthy();

    const base = Math.ceil((Date.now() + 2 * HOUR) / (15 * MINUTE)) * (15 * MINUTE);
    const stage: SessionFields = {
      kind: "livestream",
      channel: "main-stage",
      host: { store: hosted.storeId },
      startsAt: base,
      endsAt: base + HOUR,
      title: "埃塞俄比亚咖啡直播",
      productIds: [hosted.productId],
    };
    const lecture: SessionFields = {
      kind: "lecture",
      channel: "lecture-hall",
      host: { speaker: "Wanjiru Kamau" },
      startsAt: base,
      endsAt: base + 2 * HOUR,
      title: "丝路电商讲座：走进非洲",
      productIds: [],
    };
    const proposal: SessionFields = {
      kind: "livestream",
      channel: "studio",
      host: { store: proposed.storeId },
      startsAt: base + 3 * HOUR,
      endsAt: base + 4 * HOUR,
      title: "马赛珠饰直播",
      productIds: [proposed.productId],
    };

    // ── The organiser: /zh/organiser → the live festival's programme, by clicking.
    const organiser = await signInInChinese("/zh/organiser", "organiser@silkroad.example", DEMO_PASSWORDS.organiser);
    const o = organiser.page;
    const programmePath = `/zh/organiser/festivals/${festival.slug}/programme`;
    await o.locator(`[data-festival="${festival.slug}"] [data-link="programme"]`).click();
    await o.waitForURL((url) => url.pathname === programmePath);
    await waitForHydration(o);
    for (const session of [stage, lecture]) {
      await fillSessionForm(o, session, festival.timeZone);
      await o.getByRole("button", { name: "安排该场次" }).click();
      await o.waitForURL((url) => url.searchParams.get("done") === "scheduled");
      await expect.poll(() => o.locator(".notice").textContent()).toBe("场次已安排。");
      await expect.poll(() => o.locator("[data-admin-session]", { hasText: session.title }).count()).toBe(1);
      // The flash stays in the URL: the next submission's redirect must be told apart.
      await o.locator(".breadcrumb a").click();
      await o.waitForURL((url) => url.pathname === `/zh/organiser/festivals/${festival.slug}`);
      await o.getByRole("link", { name: "节目单", exact: true }).click();
      await o.waitForURL((url) => url.pathname === programmePath && !url.search);
      await waitForHydration(o);
    }

    // ── The owner proposes a livestream of her store, by clicking from /zh/dashboard.
    const owner = await signInInChinese("/zh/dashboard", "amina@silkroad.example", DEMO_PASSWORDS.owner, { width: 390, height: 844 });
    const w = owner.page;
    await w.locator('[data-link="festivals"]').click();
    await w.waitForURL((url) => url.pathname === "/zh/dashboard/festivals");
    await w.locator(`[data-enrol="${festival.slug}|${proposed.storeSlug}"] a`).click();
    await w.waitForURL((url) => url.pathname === `/zh/dashboard/festivals/${festival.slug}/${proposed.storeSlug}`);
    await w.locator('[data-link="propose-session"]').click();
    await w.waitForURL((url) => url.pathname === `/zh/dashboard/festivals/${festival.slug}/${proposed.storeSlug}/sessions`);
    await waitForHydration(w);
    await fillSessionForm(w, proposal, festival.timeZone);
    await w.getByRole("button", { name: "提交审核" }).click();
    await w.waitForURL((url) => url.searchParams.has("sent"));
    await expect
      .poll(() => w.locator("[data-own-proposal]", { hasText: proposal.title }).locator(".state-pill").textContent())
      .toBe("待审核");

    // ── The organiser finds it among the proposals (back to the festival, then its programme) and approves it.
    await o.locator(".breadcrumb a").click();
    await o.waitForURL((url) => url.pathname === `/zh/organiser/festivals/${festival.slug}`);
    await o.getByRole("link", { name: "节目单", exact: true }).click();
    await o.waitForURL((url) => url.pathname === programmePath);
    await waitForHydration(o);
    const pending = o.locator("[data-proposal]", { hasText: proposal.title });
    await expect.poll(() => pending.count()).toBe(1);
    await pending.getByRole("button", { name: "批准" }).click();
    await o.waitForURL((url) => url.searchParams.get("done") === "approved");
    await expect.poll(() => o.locator(".notice").textContent()).toBe("申请已批准并加入节目单。");
    const rows = await journey.server.query<{ id: number; status: string; title: string }>(
      sql`SELECT s.id, s.status, t.title FROM festival_sessions s JOIN festival_session_translations t ON t.session_id = s.id AND t.lang = 'zh' WHERE s.festival_id = ${festival.id} ORDER BY s.id`,
    );
    expect(rows.map((r) => [r.title, r.status])).toEqual([
      [stage.title, "approved"],
      [lecture.title, "approved"],
      [proposal.title, "approved"],
    ]);
    const sessionId = rows[2].id;
    await w.reload();
    await expect
      .poll(() => w.locator("[data-own-proposal]", { hasText: proposal.title }).locator(".state-pill").textContent())
      .toBe("已批准");

    // ── The test clock moves inside the proposed session.
    const set = await fetch(`${journey.server.url}/test-clock`, {
      method: "POST",
      headers: { Origin: journey.server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ at: new Date(proposal.startsAt + 10 * MINUTE).toISOString() }),
    });
    expect(set.status).toBe(200);

    // ── A festival page left open (a second shopper's phone): the session's counter, followed live.
    const contexts: BrowserContext[] = [];
    const open = async () => {
      const context = await journey.browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 } });
      contexts.push(context);
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${journey.server.url}/zh/festivals/${festival.slug}`);
      await waitForHydration(page);
      return { page, errors };
    };
    const watcher = await open();
    const counter = watcher.page.locator(`[data-programme="on-now"] [data-session-orders="${sessionId}"]`);
    await expect.poll(() => counter.count()).toBe(1);
    const before = Number((await counter.textContent())!.replace(/\D/g, ""));
    expect(before).toBe(0);
    // Marks the document: a reload would lose the mark.
    const marker = await watcher.page.evaluate(() => ((window as unknown as { __same: number }).__same = Math.random()));

    // ── The shopper: the festival page shows the session on now, in Chinese; she adds its featured product from the card.
    const shopper = await open();
    const s = shopper.page;
    const onNow = s.locator('[data-programme="on-now"]');
    expect(await onNow.locator("h3").first().textContent()).toBe("正在进行");
    const card = onNow.locator(`[data-session="${sessionId}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator(".state-pill").textContent()).toBe("正在进行");
    expect(await card.locator("h3").textContent()).toBe(proposal.title);
    expect(await card.locator(".session-card__countdown").textContent()).toContain("距结束还有");
    // The other two sessions have ended by the test clock; the schedule still lists all three.
    expect(await onNow.locator("[data-session]").count()).toBe(1);
    await expect.poll(() => s.locator("[data-schedule-session]").count()).toBe(3);
    await card
      .locator(`[data-session-product="${proposed.productSlug}"] [data-testid="add-to-cart"] button[type="submit"]`)
      .click();
    await expect.poll(() => card.locator(".add-to-cart__status").textContent()).toContain("已加入购物车");
    await expect.poll(() => s.locator('[data-testid="cart-count"]').textContent()).toBe("1");

    // Cart → checkout → the demo provider → the confirmation, all by clicking.
    await s.locator('[data-testid="cart-link"]').click();
    await s.waitForURL("**/zh/cart");
    await expect.poll(() => s.locator(".cart-line").count()).toBe(1);
    await s.locator('[data-testid="to-checkout"]').click();
    await s.waitForURL(/\/zh\/checkout/);
    await s.fill("#checkout-email", "zhou.min@example.com");
    await s.fill("#checkout-name", "周敏");
    await s.fill("#checkout-phone", "139 1234 5678");
    await s.fill("#checkout-province", "浙江省");
    await s.fill("#checkout-city", "杭州");
    await s.fill("#checkout-district", "西湖区");
    await s.fill("#checkout-line1", "文三路 100 号");
    await s.locator('[data-testid="place-order"]').click();
    await s.waitForURL("**/zh/pay/demo/**");
    expect(await s.locator('[data-testid="demo-label"]').textContent()).toContain("演示支付页面");
    await s.locator('[data-testid="demo-pay"]').click();
    await s.waitForURL("**/zh/orders/**");
    expect(await s.locator('[data-testid="order-status"]').textContent()).toBe("已付款");

    // ── The open page's counter moved by one, from the live feed (no reload: the same document throughout).
    await expect.poll(() => counter.textContent(), { timeout: 15_000 }).toBe(String(before + 1));
    expect(await watcher.page.evaluate(() => (window as unknown as { __same?: number }).__same)).toBe(marker);
    const [stored] = await journey.server.query<{ value: number }>(
      sql`SELECT SUM(value) AS value FROM progress_counters WHERE scope = 'session' AND scope_key = ${String(sessionId)} AND metric = 'orders'`,
    );
    expect(stored.value).toBe(before + 1);

    await fetch(`${journey.server.url}/test-clock`, {
      method: "POST",
      headers: { Origin: journey.server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ reset: "1" }),
    });
    for (const errors of [organiser.errors, owner.errors, watcher.errors, shopper.errors]) expect(errors).toEqual([]);
    await Promise.all([organiser.context.close(), owner.context.close(), ...contexts.map((c) => c.close())]);
  }, 240_000);
});
