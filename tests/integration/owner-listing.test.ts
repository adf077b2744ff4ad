/**
 * Listing with less friction (issue #14, point 8) through the built app:
 * photos sent with a new product (refused ones keep the other fields and
 * leave no files or rows), the private preview of a draft, the languages each
 * product has filled, and one discount applied to several deal offers within
 * the single offer's rules.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { rowCount, storesOf } from "./fixtures";
import { appHandler, ORIGIN, Shopper } from "./http-client";


type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;
const amina = new Shopper();
const kwame = new Shopper();
const anonymous = new Shopper();

const liveStoreOf = async (email: string) => (await storesOf(email)).find((s) => s.status === "live")!;
const productCount = () => rowCount("products");
// Uploads live in the database (app/modules/uploads/storage.server.ts).
const uploadedFiles = async () => (await db.select({ key: schema.uploadedFiles.key }).from(schema.uploadedFiles)).length;

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures");
const png = fs.readFileSync(path.join(FIXTURES, "photo-4x3.png"));
const jpeg = fs.readFileSync(path.join(FIXTURES, "photo-3x4.jpg"));

async function postNewProduct(who: Shopper, storeSlug: string, fields: Record<string, string>, photos: { bytes: Uint8Array; name: string; type: string }[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const p of photos) form.append("photos", new Blob([new Uint8Array(p.bytes)], { type: p.type }), p.name);
  const request = new Request(new URL(`/pt/dashboard/stores/${storeSlug}/products/new`, ORIGIN), {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { Cookie: who.cookieHeader, Origin: ORIGIN, Host: new URL(ORIGIN).host },
  });
  return handler(request);
}

const fields = { name_en: "Makuti Palm Tray", name_pt: "Tabuleiro de palma makuti", description_pt: "Entrançado à mão em Lamu.", category: "crafts", price: "18.00", stock: "6" };

beforeAll(async () => {
  handler = await appHandler();
  for (const [who, email] of [
    [amina, "amina@silkroad.example"],
    [kwame, "kwame@silkroad.example"],
  ] as const) {
    expect((await who.post("/login", { email, password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
  }
});

describe("photos with a new product", () => {
  it("stores every photo in the order sent, the first as the cover, in the same step", async () => {
    const store = await liveStoreOf("amina@silkroad.example");
    const res = await postNewProduct(amina, store.slug, fields, [
      { bytes: png, name: "wide.png", type: "image/png" },
      { bytes: jpeg, name: "tall.jpg", type: "image/jpeg" },
    ]);
    expect(res.status).toBe(302);
    const id = Number(/products\/(\d+)/.exec(res.headers.get("Location")!)![1]);
    const images = await db.select().from(schema.productImages).where(eq(schema.productImages.productId, id)).orderBy(schema.productImages.position);
    expect(images.map((i) => [i.position, i.isCover, i.width > i.height])).toEqual([
      [0, true, true],
      [1, false, false],
    ]);
    for (const i of images) expect(i.url).toMatch(/^\/uploads\/[a-f0-9]{32}-\d+\.webp$/);
  });

  it("refuses a file that is not a photo, says which one, keeps the other fields, and leaves no product, row or file", async () => {
    const store = await liveStoreOf("amina@silkroad.example");
    const before = { products: await productCount(), files: await uploadedFiles() };
    const res = await postNewProduct(amina, store.slug, fields, [
      { bytes: png, name: "good.png", type: "image/png" },
      { bytes: new TextEncoder().encode("<!doctype html><script>alert(1)</script>"), name: "trap.jpg", type: "image/jpeg" },
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Fotografia 2 (trap.jpg):");
    expect(html).toContain("escolha as fotografias de novo");
    // The other fields come back filled.
    expect(html).toContain('value="Tabuleiro de palma makuti"');
    expect(html).toContain('value="18.00"');
    expect(html).toContain("Entrançado à mão em Lamu.");
    expect({ products: await productCount(), files: await uploadedFiles() }).toEqual(before);
  });

  it("refuses more photos than the form takes, and a bad field with a photo stores nothing", async () => {
    const store = await liveStoreOf("amina@silkroad.example");
    const before = { products: await productCount(), files: await uploadedFiles() };
    const five = Array.from({ length: 5 }, (_, i) => ({ bytes: png, name: `p${i}.png`, type: "image/png" }));
    const tooMany = await postNewProduct(amina, store.slug, fields, five);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("Fotografias a mais de uma vez");
    const badPrice = await postNewProduct(amina, store.slug, { ...fields, price: "grátis" }, [{ bytes: png, name: "ok.png", type: "image/png" }]);
    expect(badPrice.status).toBe(400);
    expect(await badPrice.text()).toContain('value="Tabuleiro de palma makuti"');
    expect({ products: await productCount(), files: await uploadedFiles() }).toEqual(before);
  });

  it("still refuses a repeated text field (only the photos may repeat)", async () => {
    const store = await liveStoreOf("amina@silkroad.example");
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("name_en", "Twice");
    const res = await handler(
      new Request(new URL(`/dashboard/stores/${store.slug}/products/new`, ORIGIN), { method: "POST", body: form, redirect: "manual", headers: { Cookie: amina.cookieHeader, Origin: ORIGIN, Host: "localhost" } }),
    );
    expect(res.status).toBe(400);
  });
});

describe("the preview of a draft", () => {
  it("renders the shop page for its owner only, marked, private and never cached; publishing it puts it in the shop", async () => {
    const store = await liveStoreOf("amina@silkroad.example");
    const created = await postNewProduct(amina, store.slug, { ...fields, name_pt: "Tabuleiro para pré-visualizar" }, [
      { bytes: png, name: "a.png", type: "image/png" },
      { bytes: jpeg, name: "b.jpg", type: "image/jpeg" },
    ]);
    const editPath = new URL(created.headers.get("Location")!, ORIGIN).pathname;
    const id = Number(/products\/(\d+)/.exec(editPath)![1]);
    const [{ slug }] = await db.select({ slug: schema.products.slug }).from(schema.products).where(eq(schema.products.id, id));
    const preview = `${editPath}/preview`;

    const own = await amina.get(preview, handler);
    expect(own.status).toBe(200);
    expect(own.headers.get("Cache-Control")).toBe("private, no-store");
    const html = await own.text();
    expect(html).toContain("Tabuleiro para pré-visualizar");
    expect(html).toContain('data-testid="preview-banner"');
    expect(html).toContain("noindex");
    expect(html.match(/class="gallery__slide"/g)?.length).toBe(2);
    expect(html).not.toContain('data-testid="add-to-cart"');

    // Another owner (under either store's URL) and a visitor get nothing.
    expect((await kwame.get(preview, handler)).status).toBe(404);
    const kwameStore = await liveStoreOf("kwame@silkroad.example");
    expect((await kwame.get(`/pt/dashboard/stores/${kwameStore.slug}/products/${id}/preview`, handler)).status).toBe(404);
    expect((await anonymous.get(preview, handler)).status).toBe(302);
    // Nor does the shop show the draft.
    expect((await anonymous.get(`/pt/products/${slug}`, handler)).status).toBe(404);

    expect((await amina.post(editPath, { intent: "publish" }, handler)).status).toBe(302);
    const shop = await anonymous.get(`/pt/products/${slug}`, handler);
    expect(shop.status).toBe(200);
    const page = await shop.text();
    expect(page.match(/class="gallery__slide"/g)?.length).toBe(2);
    expect(page).toContain('href="#photo-2"');
  });
});

describe("translation status in the product list", () => {
  it("marks each language named and described, named only, or missing", async () => {
    const store = await liveStoreOf("amina@silkroad.example");
    const res = await postNewProduct(amina, store.slug, { ...fields, name_en: "Status Tray", description_en: "", name_fr: "Plateau" }, []);
    const id = Number(/products\/(\d+)/.exec(res.headers.get("Location")!)![1]);
    const html = await (await amina.get("/pt/dashboard", handler)).text();
    const row = html.slice(html.indexOf(`/products/${id}"`));
    const states = [...row.slice(0, row.indexOf("</tr>")).matchAll(/data-lang="(\w+)" data-state="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(states).toEqual(["en:partial", "zh:missing", "fr:partial", "ar:missing", "pt:done", "sw:missing"]);
  });
});

describe("one discount for several deal offers", () => {
  /** The first festival (by id) whose registration phase is open now. */
  const openFestival = async () => {
    const now = new Date();
    const [festival] = await db
      .select({ id: schema.festivals.id, slug: schema.festivals.slug })
      .from(schema.festivals)
      .innerJoin(schema.festivalPhases, eq(schema.festivalPhases.festivalId, schema.festivals.id))
      .where(and(eq(schema.festivalPhases.kind, "registration"), lte(schema.festivalPhases.startsAt, now), gt(schema.festivalPhases.endsAt, now)))
      .orderBy(schema.festivals.id)
      .limit(1);
    return festival;
  };

  it("applies the percentage to each ticked product, within the deal rules, and refuses what breaks them", async () => {
    const store = await liveStoreOf("amina@silkroad.example");
    const festival = await openFestival();
    expect((await amina.post("/dashboard/festivals", { festival: festival.slug, store: store.slug }, handler)).status).toBe(302);
    const [enrolment] = await db
      .select()
      .from(schema.festivalEnrolments)
      .where(and(eq(schema.festivalEnrolments.storeId, store.id), eq(schema.festivalEnrolments.festivalId, festival.id)));
    const listed = (
      await db
        .select()
        .from(schema.products)
        .where(and(eq(schema.products.storeId, store.id), eq(schema.products.status, "active")))
        .orderBy(schema.products.id)
    )
      .filter((p) => p.stock >= 3)
      .slice(0, 2);
    expect(listed.length).toBe(2);
    const dealsPath = `/pt/dashboard/festivals/${festival.slug}/${store.slug}`;
    const dealsOf = () =>
      db.select().from(schema.festivalDeals).where(and(eq(schema.festivalDeals.enrolmentId, enrolment.id), inArray(schema.festivalDeals.productId, listed.map((p) => p.id)))).orderBy(schema.festivalDeals.id);
    const before = JSON.stringify(await dealsOf());

    // Nothing ticked; a percentage out of range; more units than the stock.
    const none = await amina.post(dealsPath, { intent: "bulk", percent: "20" }, handler);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Marque pelo menos um produto.");
    const tooMuch = await amina.post(dealsPath, { intent: "bulk", percent: "95", [`pick_${listed[0].id}`]: "on", [`units_${listed[0].id}`]: "1" }, handler);
    expect(tooMuch.status).toBe(400);
    expect(await tooMuch.text()).toContain("percentagem inteira de 1 a 90");
    const aboveStock = await amina.post(dealsPath, { intent: "bulk", percent: "20", [`pick_${listed[0].id}`]: "on", [`units_${listed[0].id}`]: String(listed[0].stock + 1) }, handler);
    expect(aboveStock.status).toBe(400);
    // Another owner's product in a pick field is not one of this store's: ignored, and nothing ticked remains.
    const [kwameProduct] = await db.select().from(schema.products).where(eq(schema.products.storeId, (await liveStoreOf("kwame@silkroad.example")).id)).orderBy(schema.products.id).limit(1);
    expect((await amina.post(dealsPath, { intent: "bulk", percent: "20", [`pick_${kwameProduct.id}`]: "on", [`units_${kwameProduct.id}`]: "1" }, handler)).status).toBe(400);
    expect(JSON.stringify(await dealsOf())).toBe(before);

    const ok = await amina.post(
      dealsPath,
      { intent: "bulk", percent: "20", perCustomerLimit: "2", ...Object.fromEntries(listed.flatMap((p) => [[`pick_${p.id}`, "on"], [`units_${p.id}`, "3"]])) },
      handler,
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toContain("saved=2");
    const deals = await dealsOf();
    expect(deals.map((d) => [d.productId, d.dealPriceMinor, d.committedStock, d.perCustomerLimit, d.status]).sort()).toEqual(
      listed.map((p) => [p.id, Math.round((p.priceMinor * 80) / 100), 3, 2, "pending"]).sort(),
    );
  });

  it("shows each offer's decision and reason on the owner's dashboard", async () => {
    const store = await liveStoreOf("amina@silkroad.example");
    const festival = await openFestival();
    const [enrolment] = await db
      .select()
      .from(schema.festivalEnrolments)
      .where(and(eq(schema.festivalEnrolments.storeId, store.id), eq(schema.festivalEnrolments.festivalId, festival.id)));
    const [deal] = await db.select().from(schema.festivalDeals).where(eq(schema.festivalDeals.enrolmentId, enrolment.id)).orderBy(schema.festivalDeals.id).limit(1);
    await transact(db, (tx) => tx.update(schema.festivalDeals).set({ status: "rejected", reason: "Preço de oferta demasiado próximo do normal." }).where(eq(schema.festivalDeals.id, deal.id)));
    const html = await (await amina.get("/pt/dashboard", handler)).text();
    expect(html).toContain('data-offer-status="rejected"');
    expect(html).toContain("Preço de oferta demasiado próximo do normal.");
    // Not another owner's.
    expect(await (await kwame.get("/pt/dashboard", handler)).text()).not.toContain("Preço de oferta demasiado próximo do normal.");
  });
});

// sharp is loaded by the app's upload pipeline in this process too; keep the fixtures honest.
it("fixtures are the small valid photos they claim to be", async () => {
  expect((await sharp(png).metadata()).format).toBe("png");
  expect((await sharp(jpeg).metadata()).format).toBe("jpeg");
});
