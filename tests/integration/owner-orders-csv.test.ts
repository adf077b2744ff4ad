/**
 * Issue 14, point 7: the owner's orders CSV carries the ship-to details of
 * the owner's own lines (name, address lines, city, postcode, country, phone,
 * email), never another owner's lines or addresses, even of the same order;
 * and a cell a spreadsheet would run as a formula is neutralised.
 */
import { and, eq, gte } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { createPendingOrder } from "~/modules/orders/orders.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { appHandler, Shopper } from "./http-client";

let handler: Awaited<ReturnType<typeof appHandler>>;
const amina = new Shopper();
const kwame = new Shopper();

/** A live store of the owner with an active product in stock. */
async function storeWithProduct(email: string) {
  const { stores, users, products } = schema;
  const [row] = await db
    .select({ storeId: stores.id, slug: stores.slug, productId: products.id })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerId))
    .innerJoin(products, eq(products.storeId, stores.id))
    .where(and(eq(users.email, email), eq(stores.status, "live"), eq(products.status, "active"), gte(products.stock, 5)))
    .orderBy(products.id)
    .limit(1);
  return row;
}

/** RFC 4180 rows (quoted cells with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

const aminaAddress = { line1: "=HYPERLINK(\"http://evil.example\",\"x\")", line2: "Flat 4, \"Blue\" door", city: "Mombasa", postalCode: "80100", phone: "+254 712 000 111" };
const kwameAddress = { line1: "99 Secret Kwame Road", line2: "", city: "Kumasi-Hidden", postalCode: "KSI-777", phone: "+233 20 999 8888" };

beforeAll(async () => {
  handler = await appHandler();
  for (const [who, email] of [[amina, "amina@silkroad.example"], [kwame, "kwame@silkroad.example"]] as const) {
    expect((await who.post("/login", { email, password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
  }
});

describe("the owner's orders CSV", () => {
  it("gives the ship-to details of the owner's own lines only, with formula cells neutralised", async () => {
    const mine = await storeWithProduct("amina@silkroad.example");
    const theirs = await storeWithProduct("kwame@silkroad.example");
    expect(mine && theirs).toBeTruthy();
    // One shopper's order with a line from each owner's store, and an order that is only the other owner's.
    const shared = await createPendingOrder({
      lines: [
        { productId: mine.productId, quantity: 1 },
        { productId: theirs.productId, quantity: 2 },
      ],
      email: "-attacker@example.com",
      customerName: "@Zawadi Mwangi",
      shippingAddress: aminaAddress,
      shippingCountry: "KE",
      lang: "en",
      currency: "USD",
      paymentProvider: "demo",
      now: new Date(),
    });
    await createPendingOrder({
      lines: [{ productId: theirs.productId, quantity: 1 }],
      email: "kofi.only@example.com",
      customerName: "Kofi Only-Kwame",
      shippingAddress: kwameAddress,
      shippingCountry: "GH",
      lang: "en",
      currency: "USD",
      paymentProvider: "demo",
      now: new Date(),
    });

    const res = await amina.get(`/dashboard/stores/${mine.slug}/orders/csv`, handler);
    expect(res.status).toBe(200);
    const text = await res.text();
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(["Order", "Date (UTC)", "Status", "Product", "Quantity", "Unit price", "Line total", "Currency", "Customer", "Address line 1", "Address line 2", "City", "Province / region", "Postcode", "Country code", "Phone", "Email", "Discount per unit", "Organiser's part of the discount", "Store's part of the discount", "Store receives"]);
    const storeLines = await db.select().from(schema.orderLines).where(eq(schema.orderLines.storeId, mine.storeId));
    expect(rows).toHaveLength(storeLines.length);

    const row = rows.find((r) => r[0] === shared.number);
    expect(row, "the shared order's line of Amina's store").toBeTruthy();
    const cells = Object.fromEntries(header.map((h, i) => [h, row![i]]));
    expect(cells).toMatchObject({
      Customer: "'@Zawadi Mwangi",
      "Address line 1": `'${aminaAddress.line1}`,
      "Address line 2": aminaAddress.line2,
      City: "Mombasa",
      Postcode: "80100",
      "Country code": "KE",
      Phone: "'+254 712 000 111",
      Email: "'-attacker@example.com",
      Quantity: "1",
    });
    // No cell of the file starts with a character a spreadsheet would run.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    // Only one line of the shared order: Amina's. Kwame's line, order and address never appear.
    expect(rows.filter((r) => r[0] === shared.number)).toHaveLength(1);
    const kwameLines = await db
      .select({ name: schema.orderLines.productName, orderId: schema.orderLines.orderId })
      .from(schema.orderLines)
      .where(and(eq(schema.orderLines.storeId, theirs.storeId)));
    for (const l of kwameLines) expect(rows.some((r) => r[3] === l.name && r[0] === shared.number && r[4] === "2")).toBe(false);
    for (const secret of [kwameAddress.line1, kwameAddress.city, kwameAddress.postalCode, "Kofi Only-Kwame", "kofi.only@example.com", "999 8888"]) expect(text).not.toContain(secret);

    // Kwame's own CSV has both of his lines, and not Amina's store's line.
    const his = parseCsv(await (await kwame.get(`/dashboard/stores/${theirs.slug}/orders/csv`, handler)).text());
    expect(his.some((r) => r.includes("99 Secret Kwame Road"))).toBe(true);
    expect(his.filter((r) => r[0] === shared.number)).toHaveLength(1);
    expect(his.find((r) => r[0] === shared.number)![4]).toBe("2");

    // Another owner asking for Amina's store's CSV gets nothing of it.
    const refused = await kwame.get(`/dashboard/stores/${mine.slug}/orders/csv`, handler);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("Mombasa");
  });
});
