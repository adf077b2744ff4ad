/**
 * Store owners through the built app (in-process, the same Remix handler the
 * server uses): listing items in several languages, the shop page showing them
 * with the English fallback marked, onboarding and the organiser's decision,
 * order lines and CSV, the image pipeline, and isolation between owners.
 */
import crypto from "node:crypto";
import sharp from "sharp";
import { and, eq, inArray, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema, transact } from "~/db.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { hashOfRows, storesOf } from "./fixtures";
import { appHandler, ORIGIN, Shopper } from "./http-client";


type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;
const fatima = new Shopper();
const amina = new Shopper();
const organiser = new Shopper();

async function signIn(who: Shopper, email: string, password: string) {
  const res = await who.post("/login", { email, password }, handler);
  expect(res.status, email).toBe(302);
}

const productsOf = (storeIds: number[]) => db.select().from(schema.products).where(inArray(schema.products.storeId, storeIds)).orderBy(schema.products.id);

async function postMultipart(who: Shopper, pathname: string, file: { bytes: Uint8Array; name: string; type: string }) {
  const form = new FormData();
  form.append("image", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const request = new Request(new URL(pathname, ORIGIN), { method: "POST", body: form, redirect: "manual", headers: { Cookie: who.cookieHeader, Origin: ORIGIN, Host: new URL(ORIGIN).host } });
  return handler(request);
}

/** Every row an owner could touch, hashed: a failed attempt must leave it equal. */
const snapshot = () =>
  hashOfRows([
    "select * from stores order by id",
    "select * from store_translations order by store_id, lang",
    "select * from products order by id",
    "select * from product_translations order by product_id, lang",
    ...["product_images", "festival_enrolments", "festival_deals", "orders", "order_lines"].map((t) => `select * from ${t} order by id`),
  ]);

const productForm = (over: Record<string, string> = {}) => ({ name_en: "Blue Fez Bowl", category: "crafts", price: "24.50", stock: "7", ...over });

beforeAll(async () => {
  handler = await appHandler();
  await signIn(fatima, "fatima@silkroad.example", DEMO_PASSWORDS.owner);
  await signIn(amina, "amina@silkroad.example", DEMO_PASSWORDS.owner);
  await signIn(organiser, "organiser@silkroad.example", DEMO_PASSWORDS.organiser);
});

describe("dashboard", () => {
  it("shows the owner's stores, products, languages and festival counters", async () => {
    const res = await fatima.get("/fr/dashboard", handler);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const s of (await storesOf("fatima@silkroad.example"))) expect(html).toContain(`data-store="${s.slug}"`);
    for (const s of (await storesOf("amina@silkroad.example"))) expect(html).not.toContain(`data-store="${s.slug}"`);
    expect(html).toContain("Langues");
    expect(html).toContain("Festivals");
  });
  it("warns about low stock", async () => {
    const [store] = await storesOf("fatima@silkroad.example");
    const product = (await productsOf([store.id])).find((p) => p.status === "active")!;
    await transact(db, (tx) => tx.update(schema.products).set({ stock: 2 }).where(eq(schema.products.id, product.id)));
    const html = await (await fatima.get("/dashboard", handler)).text();
    expect(html).toMatch(/product(s are| is) running low on stock/);
  });
});

describe("listing an item", () => {
  it("creates a draft, refuses bad input next to the field, publishes, and the shop shows it with the fallback marked", async () => {
    const [store] = await storesOf("fatima@silkroad.example");
    const bad = await fatima.post(`/fr/dashboard/stores/${store.slug}/products/new`, productForm({ price: "gratuit", name_en: "" }), handler);
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Saisissez le nom du produit en anglais.");
    expect(badHtml).toContain("Saisissez un prix en dollars américains");

    const before = await (await fatima.get("/", handler)).text();
    const created = await fatima.post(
      `/fr/dashboard/stores/${store.slug}/products/new`,
      productForm({ name_fr: "Bol fassi bleu", description_fr: "Tourné **à la main** à Fès.", description_en: "Thrown **by hand** in Fez.", originNote_en: "Fez, Morocco" }),
      handler,
    );
    expect(created.status).toBe(302);
    const editPath = created.headers.get("Location")!.split("?")[0];
    const id = Number(editPath.split("/").pop());
    const [product] = await db.select().from(schema.products).where(eq(schema.products.id, id));
    expect(product).toMatchObject({ status: "draft", priceMinor: 2450, stock: 7, storeId: store.id, currency: "USD" });
    expect((await fatima.get(`/products/${product.slug}`, handler)).status).toBe(404);

    const published = await fatima.post(editPath, { intent: "publish" }, handler);
    expect(published.status).toBe(302);
    const fr = await (await fatima.get(`/fr/products/${product.slug}`, handler)).text();
    expect(fr).toContain("Bol fassi bleu");
    expect(fr).toContain("<strong>à la main</strong>");
    const en = await (await fatima.get(`/products/${product.slug}`, handler)).text();
    expect(en).toContain("Blue Fez Bowl");
    const ar = await (await fatima.get(`/ar/products/${product.slug}`, handler)).text();
    expect(ar).toContain("Blue Fez Bowl");
    expect(ar).toContain('class="fallback-note"');
    expect(fr).not.toContain('class="fallback-note"');

    // Editing keeps what was stored when the new input is bad.
    const badEdit = await fatima.post(editPath, productForm({ name_fr: "Bol", stock: "-4" }), handler);
    expect(badEdit.status).toBe(400);
    expect((await db.select().from(schema.products).where(eq(schema.products.id, id)))[0].stock).toBe(7);

    for (const intent of ["unpublish", "archive", "restore"]) expect((await fatima.post(editPath, { intent }, handler)).status, intent).toBe(302);
    expect((await fatima.post(editPath, { intent: "unpublish" }, handler)).status).toBe(409);
    void before;
  });
});

describe("onboarding", () => {
  it("applies with a pending store; the organiser approves, then suspends with a reason the owner sees", async () => {
    const bad = await fatima.post("/dashboard/stores/new", { name: "Dar Zellige", country: "FR", city: "Fès", category: "crafts" }, handler);
    expect(bad.status).toBe(400);
    const res = await fatima.post(
      "/fr/dashboard/stores/new",
      { name: "Dar Zellige", country: "MA", city: "Fès", category: "crafts", story_fr: "Un atelier familial de zellige à Fès depuis trois générations." },
      handler,
    );
    expect(res.status).toBe(302);
    const store = (await storesOf("fatima@silkroad.example")).find((s) => s.slug.startsWith("dar-zellige-"))!;
    expect(store.status).toBe("pending");
    expect((await fatima.get(`/stores/${store.slug}`, handler)).status).toBe(404);
    expect(await (await fatima.get("/fr/dashboard", handler)).text()).toContain("En cours d'examen");

    expect((await fatima.get("/organiser/stores", handler)).status).toBe(403);
    expect((await fatima.post("/organiser/stores", { store: store.slug, decision: "approve" }, handler)).status).toBe(403);
    expect((await db.select().from(schema.stores).where(eq(schema.stores.id, store.id)))[0].status).toBe("pending");

    const list = await (await organiser.get("/organiser/stores", handler)).text();
    expect(list).toContain("Dar Zellige");
    expect((await organiser.post("/organiser/stores", { store: store.slug, decision: "approve" }, handler)).status).toBe(302);
    expect((await db.select().from(schema.stores).where(eq(schema.stores.id, store.id)))[0].status).toBe("live");
    expect((await fatima.get(`/stores/${store.slug}`, handler)).status).toBe(200);

    const noReason = await organiser.post("/organiser/stores", { store: store.slug, decision: "suspend" }, handler);
    expect(noReason.status).toBe(400);
    await organiser.post("/organiser/stores", { store: store.slug, decision: "suspend", reason: "Photos de produits manquantes." }, handler);
    expect((await db.select().from(schema.stores).where(eq(schema.stores.id, store.id)))[0].status).toBe("suspended");
    expect(await (await fatima.get("/fr/dashboard", handler)).text()).toContain("Photos de produits manquantes.");
  });
});

describe("orders", () => {
  it("lists and exports only this store's lines", async () => {
    const stores = await storesOf("amina@silkroad.example");
    const withLines = new Set((await db.selectDistinct({ storeId: schema.orderLines.storeId }).from(schema.orderLines)).map((l) => l.storeId));
    const store = stores.find((s) => withLines.has(s.id)) ?? stores[0];
    const mine = await db.select().from(schema.orderLines).where(eq(schema.orderLines.storeId, store.id));
    const page = await amina.get(`/sw/dashboard/stores/${store.slug}/orders`, handler);
    expect(page.status).toBe(200);
    const csv = await amina.get(`/dashboard/stores/${store.slug}/orders/csv`, handler);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = await csv.text();
    const rows = text.trim().split("\r\n");
    expect(rows.length - 1).toBe(mine.length);
    const orderIds = [...new Set(mine.map((l) => l.orderId))];
    const others = orderIds.length ? await db.select().from(schema.orderLines).where(and(inArray(schema.orderLines.orderId, orderIds), ne(schema.orderLines.storeId, store.id))) : [];
    for (const o of others) expect(text).not.toContain(o.productName);
  });
});

const photo = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withMetadata({ exif: { IFD0: { Copyright: "secret-gps-owner", Artist: "Fatima" } } })
    .jpeg({ quality: 85 })
    .toBuffer();

describe("image uploads", () => {
  let editPath = "";
  let productId = 0;
  beforeAll(async () => {
    const [store] = await storesOf("fatima@silkroad.example");
    const p = (await productsOf([store.id]))[0];
    productId = p.id;
    editPath = `/fr/dashboard/stores/${store.slug}/products/${p.id}`;
  });
  // Uploads live in the database (app/modules/uploads/storage.server.ts); the seed stores none.
  const storedUploads = async () => (await db.select({ key: schema.uploadedFiles.key }).from(schema.uploadedFiles)).map((f) => f.key);
  const imagesOf = () => db.select().from(schema.productImages).where(eq(schema.productImages.productId, productId)).orderBy(schema.productImages.position);

  it("refuses what is not a clean photo, with a clear message, and stores nothing", async () => {
    const jpeg = await photo();
    const noise = await sharp(crypto.randomBytes(1500 * 1500 * 3), { raw: { width: 1500, height: 1500, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(noise.byteLength).toBeGreaterThan(6 * 1024 * 1024);
    const cases: [string, Uint8Array, string, string][] = [
      ["html.jpg", new TextEncoder().encode("<!doctype html><html><body><script>alert(1)</script></body></html>"), "image/jpeg", "photo JPEG, PNG ou WebP. Choisissez un fichier photo."],
      ["art.svg", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'), "image/svg+xml", "photo JPEG, PNG ou WebP. Choisissez un fichier photo."],
      ["big.png", noise, "image/png", "dépasse 5 Mo"],
      ["cut.jpg", jpeg.subarray(0, Math.floor(jpeg.byteLength / 2)), "image/jpeg", "Impossible de lire cette photo"],
      ["poly.jpg", Buffer.concat([jpeg, Buffer.from("<html><script>alert(document.cookie)</script></html>")]), "image/jpeg", "contient autre chose que"],
    ];
    const before = (await imagesOf()).length;
    for (const [name, bytes, type, message] of cases) {
      const res = await postMultipart(fatima, editPath, { bytes, name, type });
      expect(res.status, name).toBe(400);
      expect(await res.text(), name).toContain(message);
    }
    expect((await imagesOf()).length).toBe(before);
    expect(await storedUploads()).toEqual([]);
  });

  it("stores a valid photo re-encoded to WebP under a new name, without its metadata, served with long caching and nosniff", async () => {
    const res = await postMultipart(fatima, editPath, { bytes: await photo(), name: "my-photo.jpg", type: "image/jpeg" });
    expect(res.status).toBe(302);
    const added = (await imagesOf()).at(-1)!;
    expect(added.url).toMatch(/^\/uploads\/[a-f0-9]{32}-\d+\.webp$/);
    expect(added.url).not.toContain("my-photo");
    const served = await fatima.get(added.url, handler);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Cache-Control")).toContain("immutable");
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from("secret-gps-owner"))).toBe(false);
    expect((await storedUploads()).length).toBe(3);
    expect((await fatima.get("/uploads/..%2f..%2fpackage.json", handler)).status).toBe(404);
  });

  it("chooses the cover and reorders", async () => {
    const images = await imagesOf();
    const last = images.at(-1)!;
    expect((await fatima.post(editPath, { intent: "cover", image: last.id }, handler)).status).toBe(302);
    expect((await imagesOf()).find((i) => i.isCover)!.id).toBe(last.id);
    expect((await fatima.post(editPath, { intent: "up", image: last.id }, handler)).status).toBe(302);
    const after = await imagesOf();
    if (images.length > 1) expect(after.at(-2)!.id).toBe(last.id);
    expect(after.filter((i) => i.isCover).length).toBe(1);
  });
});

describe("isolation between owners", () => {
  it("refuses 50+ attempts per owner route on another owner's rows, and changes nothing", async () => {
    const own = await storesOf("fatima@silkroad.example");
    const foreign = await storesOf("amina@silkroad.example");
    const ownProducts = await productsOf(own.map((s) => s.id));
    const foreignProducts = await productsOf(foreign.map((s) => s.id));
    const foreignImages = await db.select().from(schema.productImages).where(inArray(schema.productImages.productId, foreignProducts.map((p) => p.id))).orderBy(schema.productImages.id);
    const ownStore = own[0];
    const ownProduct = ownProducts.find((p) => p.storeId === ownStore.id)!;
    const langs = ["", "/fr", "/ar", "/zh", "/pt", "/sw"];
    const storeOf = (p: { storeId: number }) => foreign.find((s) => s.id === p.storeId)!;
    const before = await snapshot();
    const counts: Record<string, number> = {};
    const attempt = (route: string, res: Response) => {
      counts[route] = (counts[route] ?? 0) + 1;
      expect([403, 404], `${route} ${res.url}`).toContain(res.status);
    };
    const pick = <T,>(list: T[], i: number) => list[i % list.length];

    for (let i = 0; i < 60; i++) {
      const lang = pick(langs, i);
      const fp = pick(foreignProducts, i);
      const fs_ = storeOf(fp);
      // Store-level pages of a foreign store.
      attempt("products.new GET", await fatima.get(`${lang}/dashboard/stores/${fs_.slug}/products/new`, handler));
      attempt("products.new POST", await fatima.post(`${lang}/dashboard/stores/${fs_.slug}/products/new`, productForm(), handler));
      attempt("orders GET", await fatima.get(`${lang}/dashboard/stores/${fs_.slug}/orders`, handler));
      attempt("orders.csv GET", await fatima.get(`${lang}/dashboard/stores/${fs_.slug}/orders/csv`, handler));
      // Product pages: foreign store + foreign product, own store + foreign product, foreign store + own product.
      const variants = [`${fs_.slug}/products/${fp.id}`, `${ownStore.slug}/products/${fp.id}`, `${fs_.slug}/products/${ownProduct.id}`];
      const v = pick(variants, i);
      attempt("product GET", await fatima.get(`${lang}/dashboard/stores/${v}`, handler));
      attempt("product save POST", await fatima.post(`${lang}/dashboard/stores/${v}`, productForm({ name_en: "Hijacked" }), handler));
      attempt("product status POST", await fatima.post(`${lang}/dashboard/stores/${v}`, { intent: pick(["publish", "unpublish", "archive", "restore"], i) }, handler));
      // Images: a foreign image id in the hidden field of the owner's own product, and in foreign URLs.
      const fi = pick(foreignImages, i);
      const imageTarget = pick([`${ownStore.slug}/products/${ownProduct.id}`, `${fs_.slug}/products/${fi.productId}`, `${ownStore.slug}/products/${fi.productId}`], i);
      attempt("image POST", await fatima.post(`${lang}/dashboard/stores/${imageTarget}`, { intent: pick(["cover", "up", "down", "delete"], i), image: fi.id }, handler));
      if (i < 52) {
        const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#fff" } }).jpeg().toBuffer();
        attempt("image upload POST", await postMultipart(fatima, `${lang}/dashboard/stores/${pick([variants[0], variants[1], variants[2]], i)}`, { bytes: jpeg, name: "x.jpg", type: "image/jpeg" }));
      }
      // Organiser-only store review.
      attempt("organiser.stores GET", await fatima.get(`${lang}/organiser/stores`, handler));
      attempt("organiser.stores POST", await fatima.post(`${lang}/organiser/stores`, { store: fs_.slug, decision: "suspend", reason: "hostile" }, handler));
    }
    for (const [route, n] of Object.entries(counts)) expect(n, route).toBeGreaterThanOrEqual(50);
    expect(await snapshot()).toBe(before);
  }, 120_000);
});
