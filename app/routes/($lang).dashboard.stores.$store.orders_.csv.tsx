import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStoreOwner } from "~/modules/auth/guards.server";
import { requestContext } from "~/modules/i18n/request.server";
import { toCsv } from "~/modules/owner/csv";
import { ownerOrderLines } from "~/modules/owner/orders.server";

/**
 * The store's own order lines as CSV, with each line's ship-to details (the
 * owner ships it); `ownerOrderLines` is scoped by the owner in its query, so
 * another store's lines of the same order never appear. Amounts are decimals
 * of the base currency; `toCsv` neutralises cells a spreadsheet would run.
 * The last columns split each line's discount between the organiser and the
 * store, and say what the store receives (what the shopper paid plus the
 * organiser's part), as locked when the order was placed.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { t } = requestContext(request);
  const lines = await ownerOrderLines(user.id, store.id, 100_000);
  const header = ["order", "date", "status", "product", "quantity", "unit_price", "line_total", "currency", "customer", "address_1", "address_2", "city", "region", "postcode", "country", "phone", "email", "discount_per_unit", "organiser_subsidy", "store_discount", "store_receives"].map((k) => t(`owner.csv.${k}`));
  const money = (minor: number) => (minor / 100).toFixed(2);
  const body = toCsv(
    header,
    lines.map((l) => [l.number, new Date(l.createdAt).toISOString(), l.status, l.productName, l.quantity, money(l.unitPriceBaseMinor), money(l.lineTotalBaseMinor), l.baseCurrency, l.customerName,
      l.shipTo.line1,
      l.shipTo.line2,
      l.shipTo.city,
      l.shipTo.region,
      l.shipTo.postalCode,
      l.shippingCountry,
      l.shipTo.phone,
      l.email,
      money(l.discountPerUnitBaseMinor),
      money(l.subsidyBaseMinor),
      money(l.discountPerUnitBaseMinor * l.quantity - l.subsidyBaseMinor),
      money(l.payoutBaseMinor),
    ]),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${store.slug}-orders.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
