/**
 * Issue 14, point 9: festivals that are easy to set up. Through the built app
 * (in-process, page cache included): a draft saved in some languages is never
 * shown to shoppers and cannot be published until all six are there; the
 * home time zone is one of the runtime's IANA zones; a festival is duplicated
 * with its phases moved by one amount; a banner upload is checked like a
 * product photo and shows on the (cached) festival page at once.
 */
import crypto from "node:crypto";
import sharp from "sharp";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { db, schema } from "~/db.server";
import { toLocalInput } from "~/modules/festivals/clock";
import { appHandler, ORIGIN, Shopper } from "./http-client";

type Handler = Awaited<ReturnType<typeof appHandler>>;
let handle: Handler;
const o = new Shopper();
beforeAll(async () => {
  handle = await appHandler();
  const res = await o.post("/login", { email: DEMO_ACCOUNTS.find((a) => a.role === "organiser")!.email, password: DEMO_PASSWORDS.organiser }, handle);
  expect(res.status).toBe(302);
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = "Africa/Nairobi";
const LANGS = ["en", "zh", "fr", "ar", "pt", "sw"] as const;
const NAMES: Record<(typeof LANGS)[number], [string, string]> = {
  en: ["Coffee Harvest Days", "Fresh roasts from Ethiopia, Kenya and Rwanda."],
  zh: ["咖啡丰收节", "来自埃塞俄比亚、肯尼亚和卢旺达的新鲜烘焙咖啡。"],
  fr: ["Jours de la récolte du café", "Torréfactions fraîches d’Éthiopie, du Kenya et du Rwanda."],
  ar: ["أيام حصاد القهوة", "تحميص طازج من إثيوبيا وكينيا ورواندا."],
  pt: ["Dias da colheita do café", "Torras frescas da Etiópia, do Quénia e do Ruanda."],
  sw: ["Siku za mavuno ya kahawa", "Kahawa mpya iliyokaangwa kutoka Ethiopia, Kenya na Rwanda."],
};

/** A festival form with the phases in the future, filled in only the languages named. */
function festivalForm(slug: string, langs: readonly (typeof LANGS)[number][], over: Record<string, string> = {}) {
  const start = Math.floor((Date.now() + 30 * DAY) / HOUR) * HOUR;
  const form: Record<string, string> = {
    intent: "save",
    slug,
    timeZone: ZONE,
    targetOrders: "100",
    targetUnits: "300",
    targetGmv: "5000",
    warmup_start: toLocalInput(start, ZONE),
    warmup_end: toLocalInput(start + DAY, ZONE),
    sale_start: toLocalInput(start + DAY, ZONE),
    sale_end: toLocalInput(start + 4 * DAY, ZONE),
  };
  for (const lang of langs) {
    form[`name_${lang}`] = NAMES[lang][0];
    form[`pitch_${lang}`] = NAMES[lang][1];
  }
  return { ...form, ...over };
}

const festivalBySlug = async (slug: string) => (await db.select().from(schema.festivals).where(eq(schema.festivals.slug, slug)).limit(1))[0];
const phasesOf = (id: number) => db.select().from(schema.festivalPhases).where(eq(schema.festivalPhases.festivalId, id)).orderBy(asc(schema.festivalPhases.startsAt));
const textsOf = (id: number) => db.select().from(schema.festivalTranslations).where(eq(schema.festivalTranslations.festivalId, id)).orderBy(asc(schema.festivalTranslations.lang));
const festivalCount = async () => (await db.select().from(schema.festivals)).length;
const anon = () => new Shopper();

/** Everything public a shopper (or a crawler) could reach a festival through. */
async function publicViews(slug: string) {
  const shopper = anon();
  const texts: string[] = [];
  const ownTexts: string[] = [];
  for (const p of ["/", "/zh", "/ar", "/festivals", "/zh/festivals", "/fr/festivals", "/sitemap.xml"]) {
    const res = await shopper.get(p, handle);
    expect(res.status, p).toBe(200);
    texts.push(await res.text());
  }
  const own = await Promise.all(
    [`/festivals/${slug}`, `/zh/festivals/${slug}`, `/festivals/${slug}/counters`, `/festivals/${slug}/events`].map(async (p) => {
      const res = await shopper.get(p, handle);
      // The events feed is a stream that stays open: read its status only.
      if (p.endsWith("/events")) await res.body?.cancel();
      else ownTexts.push(await res.text());
      return res.status;
    }),
  );
  // The listings never name the festival; its own (404) pages carry its slug only in their URLs.
  return { html: texts.join("\n"), ownHtml: ownTexts.join("\n"), own };
}

describe("drafts and publishing", () => {
  const SLUG = "coffee-harvest-days";

  it("saves a draft in two languages, keeps it from shoppers, and refuses to publish it, naming the missing languages", async () => {
    const created = await o.post("/organiser/festivals/new", festivalForm(SLUG, ["en", "zh"]), handle);
    expect(created.status).toBe(302);
    const festival = (await festivalBySlug(SLUG));
    expect(festival.status).toBe("draft");
    expect((await textsOf(festival.id)).map((t) => t.lang)).toEqual(["en", "zh"]);

    const views = await publicViews(SLUG);
    for (const name of [NAMES.en[0], NAMES.zh[0], SLUG]) expect(views.html).not.toContain(name);
    for (const name of [NAMES.en[0], NAMES.zh[0]]) expect(views.ownHtml).not.toContain(name);
    expect(views.own).toEqual([404, 404, 404, 404]);

    const edit = await (await o.get(`/organiser/festivals/${SLUG}/edit`, handle)).text();
    expect(edit).toContain("Still missing before this festival can be published: Français, العربية, Português, and Kiswahili.");

    const refused = await o.post(`/organiser/festivals/${SLUG}/edit`, { intent: "publish" }, handle);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Not published: the name and pitch are missing in Français, العربية, Português, and Kiswahili.");
    const refusedZh = await o.post(`/zh/organiser/festivals/${SLUG}/edit`, { intent: "publish" }, handle);
    expect(refusedZh.status).toBe(409);
    expect(await refusedZh.text()).toContain("未发布：Français、العربية、Português和Kiswahili的名称和简介尚未填写。");
    expect((await festivalBySlug(SLUG)).status).toBe("draft");
    expect((await publicViews(SLUG)).own).toEqual([404, 404, 404, 404]);
  });

  it("a name alone is not enough to publish: the pitch is needed in every language too", async () => {
    const form = festivalForm(SLUG, LANGS, { pitch_sw: "" });
    expect((await o.post(`/organiser/festivals/${SLUG}/edit`, form, handle)).status).toBe(302);
    const refused = await o.post(`/organiser/festivals/${SLUG}/edit`, { intent: "publish" }, handle);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("missing in Kiswahili.");
  });

  it("publishes once all six are filled; then the festival is public, and its languages cannot be emptied", async () => {
    expect((await o.post(`/organiser/festivals/${SLUG}/edit`, festivalForm(SLUG, LANGS), handle)).status).toBe(302);
    const published = await o.post(`/organiser/festivals/${SLUG}/edit`, { intent: "publish" }, handle);
    expect(published.status).toBe(302);
    expect((await festivalBySlug(SLUG)).status).toBe("published");
    const views = await publicViews(SLUG);
    expect(views.own.slice(0, 3)).toEqual([200, 200, 200]);
    expect(views.html).toContain(NAMES.zh[0]);
    expect(views.html).toContain(`/festivals/${SLUG}</loc>`);

    const before = await textsOf((await festivalBySlug(SLUG)).id);
    const emptied = await o.post(`/organiser/festivals/${SLUG}/edit`, festivalForm(SLUG, ["en", "zh", "fr", "ar", "pt"]), handle);
    expect(emptied.status).toBe(400);
    expect(await emptied.text()).toContain("Enter the name in this language.");
    expect(await textsOf((await festivalBySlug(SLUG)).id)).toEqual(before);
  });

  it("needs at least one name in a draft, and a pitch needs its name", async () => {
    const before = await festivalCount();
    const none = await o.post("/organiser/festivals/new", festivalForm("nameless-festival", []), handle);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Enter the festival&#x27;s name in at least one language.");
    const pitchOnly = await o.post("/organiser/festivals/new", festivalForm("pitch-only-festival", ["en"], { pitch_fr: "Sans nom" }), handle);
    expect(pitchOnly.status).toBe(400);
    expect(await pitchOnly.text()).toContain("Enter the name in this language.");
    expect(await festivalCount()).toBe(before);
  });
});

describe("the home time zone", () => {
  it("is a select of IANA zones named in the page's language with their offset, Africa and China first", async () => {
    const zh = await (await o.get("/zh/organiser/festivals/new", handle)).text();
    const from = zh.search(/<select[^>]*name="timeZone"/);
    expect(from).toBeGreaterThan(0);
    const select = zh.slice(from, zh.indexOf("</select>", from));
    expect(select).toMatch(/<option value="Africa\/Nairobi"[^>]*>[^<]*GMT\+3[^<]*东部非洲时间[^<]*Africa\/Nairobi/);
    expect(select).toContain('<optgroup label="非洲与中国">');
    const at = (zone: string) => select.indexOf(`value="${zone}"`);
    for (const zone of ["Africa/Lagos", "Africa/Cairo", "Asia/Shanghai", "Europe/Paris", "America/Sao_Paulo", "UTC"]) expect(at(zone), zone).toBeGreaterThan(0);
    expect(at("Asia/Shanghai")).toBeLessThan(at("Europe/Paris"));
    expect(at("Africa/Lagos")).toBeLessThan(at("America/Sao_Paulo"));
    const options = select.match(/<option /g)!.length;
    expect(options).toBe(Intl.supportedValuesOf("timeZone").length + 1);
  });

  it("refuses a zone that is not a real IANA zone, and stores a real one as the runtime spells it", async () => {
    const before = await festivalCount();
    for (const timeZone of ["Mars/Olympus_Mons", "Africa/Nairobi<script>", "", "GMT+3", "../../etc/passwd"]) {
      const res = await o.post("/organiser/festivals/new", festivalForm("zone-test", ["en"], { timeZone }), handle);
      expect(res.status, timeZone).toBe(400);
      expect(await res.text(), timeZone).toContain("Choose a time zone from the list.");
    }
    expect(await festivalCount()).toBe(before);
    const lower = await o.post("/organiser/festivals/new", festivalForm("zone-test", ["en"], { timeZone: "africa/nairobi" }), handle);
    expect(lower.status).toBe(302);
    expect((await festivalBySlug("zone-test")).timeZone).toBe("Africa/Nairobi");
  });
});

describe("duplicating a festival", () => {
  it("makes a draft copy with the same texts, every phase moved by one amount and its length kept, and lands on its edit page", async () => {
    let past: typeof schema.festivals.$inferSelect | undefined;
    for (const f of await db.select().from(schema.festivals).where(eq(schema.festivals.status, "published"))) {
      if (!past && (await phasesOf(f.id)).every((p) => p.endsAt.getTime() < Date.now())) past = f;
    }
    if (!past) throw new Error("the seed has an ended festival");
    expect(past).toBeTruthy();
    const source = await phasesOf(past.id);
    expect(source.length).toBeGreaterThan(1);
    const year = new Date().getUTCFullYear() + 1;
    const startDate = `${year}-05-04`;
    const before = await festivalCount();

    const bad = await o.post(`/organiser/festivals/${past.slug}/edit`, { intent: "duplicate", startDate: `${year}-02-30` }, handle);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter a valid date.");
    expect(await festivalCount()).toBe(before);

    const res = await o.post(`/organiser/festivals/${past.slug}/edit`, { intent: "duplicate", startDate }, handle);
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    const slug = /\/organiser\/festivals\/([^/]+)\/edit\?saved=duplicated$/.exec(location)![1];
    expect(slug).not.toBe(past.slug);
    expect(slug).toContain(String(year));
    const copy = (await festivalBySlug(slug));
    expect(copy.status).toBe("draft");
    expect(copy.timeZone).toBe(past.timeZone);
    expect(await festivalCount()).toBe(before + 1);

    const copied = await phasesOf(copy.id);
    expect(copied.map((p) => p.kind)).toEqual(source.map((p) => p.kind));
    const shift = copied[0].startsAt.getTime() - source[0].startsAt.getTime();
    expect(shift).toBeGreaterThan(0);
    copied.forEach((p, i) => {
      expect(p.endsAt.getTime() - p.startsAt.getTime(), p.kind).toBe(source[i].endsAt.getTime() - source[i].startsAt.getTime());
      expect(p.startsAt.getTime() - source[i].startsAt.getTime(), p.kind).toBe(shift);
    });
    // The first phase starts on the chosen day, at the time of day the source's did, in the festival's zone.
    expect(toLocalInput(copied[0].startsAt.getTime(), copy.timeZone)).toBe(`${startDate}T${toLocalInput(source[0].startsAt.getTime(), past.timeZone).slice(11)}`);
    const strip = (rows: Awaited<ReturnType<typeof textsOf>>) => rows.map(({ festivalId: _, ...t }) => t);
    expect(strip(await textsOf(copy.id))).toEqual(strip(await textsOf(past.id)));
    expect(await db.select().from(schema.festivalEnrolments).where(eq(schema.festivalEnrolments.festivalId, copy.id))).toEqual([]);

    const page = await (await o.get(location, handle)).text();
    expect(page).toContain("Copy created as a draft");
    expect((await anon().get(`/festivals/${slug}`, handle)).status).toBe(404);
    // A second copy to the same year gets its own slug.
    const again = await o.post(`/organiser/festivals/${past.slug}/edit`, { intent: "duplicate", startDate }, handle);
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).not.toBe(location);
  });
});

describe("the festival banner", () => {
  const SLUG = "coffee-harvest-days";
  async function postBanner(bytes: Uint8Array, name: string, type: string, lang = "") {
    const form = new FormData();
    form.append("banner", new Blob([new Uint8Array(bytes)], { type }), name);
    const request = new Request(new URL(`${lang}/organiser/festivals/${SLUG}/edit`, ORIGIN), {
      method: "POST",
      body: form,
      redirect: "manual",
      headers: { Cookie: o.cookieHeader, Origin: ORIGIN, Host: new URL(ORIGIN).host },
    });
    return handle(request);
  }
  const photo = (width = 1200, height = 500) => sharp({ create: { width, height, channels: 3, background: { r: 180, g: 90, b: 40 } } }).jpeg({ quality: 85 }).toBuffer();
  // Uploads live in the database (app/modules/uploads/storage.server.ts); the seed stores none.
  const uploads = async () => (await db.select({ key: schema.uploadedFiles.key }).from(schema.uploadedFiles).orderBy(asc(schema.uploadedFiles.key))).map((f) => f.key);

  it("refuses what is not a clean photo with a translated message, and stores nothing", async () => {
    const jpeg = await photo();
    const cases: [string, Uint8Array, string, string, string][] = [
      ["page.jpg", new TextEncoder().encode("<!doctype html><script>alert(1)</script>"), "image/jpeg", "/fr", "photo JPEG, PNG ou WebP"],
      ["art.svg", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "image/svg+xml", "", "JPEG, PNG or WebP"],
      ["cut.jpg", jpeg.subarray(0, Math.floor(jpeg.byteLength / 2)), "image/jpeg", "/fr", "Impossible de lire cette photo"],
      ["empty.jpg", new Uint8Array(0), "image/jpeg", "", "Choose"],
    ];
    for (const [name, bytes, type, lang, message] of cases) {
      const res = await postBanner(bytes, name, type, lang);
      expect(res.status, name).toBe(400);
      expect(await res.text(), name).toContain(message);
    }
    const big = await sharp(crypto.randomBytes(1500 * 1500 * 3), { raw: { width: 1500, height: 1500, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    const tooBig = await postBanner(big, "big.png", "image/png", "/fr");
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain("dépasse 5 Mo");
    expect((await festivalBySlug(SLUG)).bannerUrl).toBeNull();
    expect(await uploads()).toEqual([]);
  });

  it("stores a photo as WebP, shows it on the cached festival page and cards at once, and drops the old files when replaced", async () => {
    // The public page is in the page cache before the banner exists.
    const shopper = anon();
    const cached = await (await shopper.get(`/festivals/${SLUG}`, handle)).text();
    expect(cached).not.toContain("festival-banner__image");

    const res = await postBanner(await photo(), "harvest.jpg", "image/jpeg");
    expect(res.status).toBe(302);
    const first = (await festivalBySlug(SLUG));
    expect(first.bannerUrl).toMatch(/^\/uploads\/[a-f0-9]{32}-\d+\.webp$/);
    expect(first.bannerWidth).toBe(1200);
    expect((await uploads()).length).toBe(3);

    const page = await (await shopper.get(`/festivals/${SLUG}`, handle)).text();
    expect(page).toMatch(new RegExp(`<img class="festival-banner__image" src="${first.bannerUrl}"[^>]* alt="Banner of ${NAMES.en[0]}"`));
    const zhList = await (await shopper.get("/zh/festivals", handle)).text();
    expect(zhList).toMatch(new RegExp(`<img class="festival-card__image" src="${first.bannerUrl}"[^>]* alt="${NAMES.zh[0]}的横幅"`));

    expect((await postBanner(await photo(800, 800), "square.jpg", "image/jpeg")).status).toBe(302);
    const second = (await festivalBySlug(SLUG));
    expect(second.bannerUrl).not.toBe(first.bannerUrl);
    expect((await uploads()).length).toBe(3);
    expect((await (await shopper.get(`/festivals/${SLUG}`, handle)).text())).toContain(second.bannerUrl!);

    const removed = await o.post(`/organiser/festivals/${SLUG}/edit`, { intent: "removeBanner" }, handle);
    expect(removed.status).toBe(302);
    expect((await festivalBySlug(SLUG)).bannerUrl).toBeNull();
    expect(await uploads()).toEqual([]);
    expect(await (await shopper.get(`/festivals/${SLUG}`, handle)).text()).not.toContain("festival-banner__image");
  });
});
