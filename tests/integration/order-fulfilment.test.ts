/**
 * Issue 14, point 7: an owner sees the shipping details of their own order
 * lines and marks a line shipped (carrier, tracking number) then delivered,
 * each change audited; the shopper's order shows the line's state and
 * tracking. The other owners cannot see that line nor change it, through
 * their own store's page or hers, and nothing changes when they try.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, rows, schema } from "~/db.server";
import { tFor } from "~/modules/i18n/i18n.server";
import { presentOrder } from "~/modules/orders/present.server";
import { orderByNumber } from "~/modules/orders/view.server";
import { DEMO_PASSWORDS } from "../../db/seed/demo-accounts";
import { appHandler, Shopper } from "./http-client";

type Handler = Awaited<ReturnType<typeof appHandler>>;
let handler: Handler;
const owners = { amina: new Shopper(), kwame: new Shopper(), fatima: new Shopper() };

const fulfilment = async (lineId: number) => (await db.select().from(schema.orderLineFulfilments).where(eq(schema.orderLineFulfilments.lineId, lineId)).limit(1))[0];
const audits = async (lineId: number) =>
  (
    await db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.subjectType, "order_line"), eq(schema.auditLog.subjectId, String(lineId))))
  ).map((r) => r.action);

beforeAll(async () => {
  handler = await appHandler();
  for (const [name, shopper] of Object.entries(owners)) {
    expect((await shopper.post("/login", { email: `${name}@silkroad.example`, password: DEMO_PASSWORDS.owner }, handler)).status).toBe(302);
  }
});

describe("shipping an order line", () => {
  it("shows the owner her line's shipping details, ships and delivers it with an audit, and the shopper sees the tracking", async () => {
    const [line] = await rows<{ id: number; number: string; email: string; address: string; store: string; customer: string }>(db, sql`
      select l.id, o.number, o.email, o.shipping_address as address, s.slug as store, o.customer_name as customer
      from order_lines l join orders o on o.id = l.order_id join stores s on s.id = l.store_id join users u on u.id = s.owner_id
      where u.email = 'amina@silkroad.example' and o.status = 'paid' order by l.id limit 1`);
    expect(line).toBeTruthy();
    const address = JSON.parse(line.address) as Record<string, string>;
    const url = `/dashboard/stores/${line.store}/orders`;

    const page = await (await owners.amina.get(url, handler)).text();
    const card = page.match(new RegExp(`data-line="${line.id}"[\\s\\S]*?</li>`))?.[0] ?? "";
    expect(card).toContain(line.email);
    expect(card).toContain(address.line1.replace(/&/g, "&amp;").replace(/'/g, "&#x27;"));
    expect(card).toContain(line.customer.replace(/'/g, "&#x27;"));
    expect(card).toContain('data-fulfilment="unshipped"');

    // A bad tracking number: a message beside the field, nothing stored.
    const bad = await owners.amina.post(url, { intent: "ship", line: line.id, carrier: "DHL", trackingNumber: "!" }, handler);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter the tracking number: 3 to 60 letters, digits, spaces or hyphens.");
    expect(await fulfilment(line.id)).toBeUndefined();

    const shipped = await owners.amina.post(url, { intent: "ship", line: line.id, carrier: "DHL Express", trackingNumber: "JD014600006281230" }, handler);
    expect(shipped.status).toBe(302);
    expect(await fulfilment(line.id)).toMatchObject({ status: "shipped", carrier: "DHL Express", trackingNumber: "JD014600006281230" });
    // Shipping twice (a second tab) changes nothing and says so.
    expect((await owners.amina.post(url, { intent: "ship", line: line.id, carrier: "Other", trackingNumber: "XYZ123" }, handler)).status).toBe(409);
    expect((await fulfilment(line.id))?.carrier).toBe("DHL Express");

    const t = tFor("en");
    let shopperView = (await presentOrder((await orderByNumber(line.number))!, "en", t)).lines.find((l) => l.id === line.id)!;
    expect(shopperView.shipping).toMatchObject({ status: "shipped", tracking: "DHL Express · tracking JD014600006281230" });

    expect((await owners.amina.post(url, { intent: "deliver", line: line.id }, handler)).status).toBe(302);
    expect((await fulfilment(line.id))?.status).toBe("delivered");
    expect(await audits(line.id)).toEqual(["order_line.shipped", "order_line.delivered"]);
    shopperView = (await presentOrder((await orderByNumber(line.number))!, "zh", tFor("zh"))).lines.find((l) => l.id === line.id)!;
    expect(shopperView.shipping).toMatchObject({ status: "delivered", label: "已送达" });
  });

  it("keeps another owner's line out of sight and out of reach, and changes nothing when they try", async () => {
    const [line] = await rows<{ id: number; store: string; orderId: number }>(db, sql`
      select l.id, s.slug as store, l.order_id as "orderId"
      from order_lines l join orders o on o.id = l.order_id join stores s on s.id = l.store_id join users u on u.id = s.owner_id
      left join order_line_fulfilments f on f.line_id = l.id
      where u.email = 'amina@silkroad.example' and o.status = 'paid' and f.line_id is null order by l.id desc limit 1`);
    expect(line).toBeTruthy();
    const before = JSON.stringify(await rows(db, sql`select * from order_line_fulfilments order by line_id`));
    const auditCount = async () => (await rows<{ n: number }>(db, sql`select count(*) as n from audit_log where subject_type = 'order_line'`))[0].n;
    const auditsBefore = await auditCount();
    let attempts = 0;
    for (const name of ["kwame", "fatima"] as const) {
      const other = owners[name];
      const ownStores = await rows<{ slug: string }>(db, sql`select s.slug from stores s join users u on u.id = s.owner_id where u.email = ${`${name}@silkroad.example`}`);
      for (const { slug } of ownStores) {
        for (const lang of ["", "/fr"]) {
          const own = `${lang}/dashboard/stores/${slug}/orders`;
          // Their own orders page never lists her line.
          const page = await (await other.get(own, handler)).text();
          expect(page).not.toContain(`data-line="${line.id}"`);
          // Her line id posted to their own store's page, as a form and as a script would.
          for (const path of [own, `${own}.data`]) {
            const bodies: Record<string, string | number>[] = [
              { intent: "ship", line: line.id, carrier: "DHL", trackingNumber: "ABC12345" },
              { intent: "deliver", line: line.id },
            ];
            for (const body of bodies) {
              const res = await other.post(path, body, handler);
              expect([403, 404, 409]).toContain(res.status);
              attempts++;
            }
          }
        }
      }
      // Her store's page: refused before anything is read.
      for (const path of [`/dashboard/stores/${line.store}/orders`, `/zh/dashboard/stores/${line.store}/orders`]) {
        expect([403, 404]).toContain((await other.get(path, handler)).status);
        const res = await other.post(path, { intent: "ship", line: line.id, carrier: "DHL", trackingNumber: "ABC12345" }, handler);
        expect([403, 404]).toContain(res.status);
        attempts++;
      }
    }
    expect(attempts).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(await rows(db, sql`select * from order_line_fulfilments order by line_id`))).toBe(before);
    expect(await auditCount()).toBe(auditsBefore);
    // The same request by the line's owner works: the refusals were about ownership.
    expect((await owners.amina.post(`/dashboard/stores/${line.store}/orders`, { intent: "ship", line: line.id, carrier: "DHL", trackingNumber: "ABC12345" }, handler)).status).toBe(302);
  });
});
