import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStoreOwner } from "~/modules/auth/guards.server";
import { requestContext } from "~/modules/i18n/request.server";
import { toCsv } from "~/modules/owner/csv";
import { ownerOrderLines } from "~/modules/owner/orders.server";

/** The store's own order lines as CSV (amounts in the base currency's minor units and as decimals). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, store } = await requireStoreOwner(request, params.store ?? "");
  const { t } = requestContext(request);
  const lines = ownerOrderLines(user.id, store.id, 100_000);
  const header = ["order", "date", "status", "product", "quantity", "unit_price", "line_total", "currency", "customer", "ship_to"].map((k) => t(`owner.csv.${k}`));
  const money = (minor: number) => (minor / 100).toFixed(2);
  const body = toCsv(
    header,
    lines.map((l) => [l.number, new Date(l.createdAt).toISOString(), l.status, l.productName, l.quantity, money(l.unitPriceBaseMinor), money(l.lineTotalBaseMinor), l.baseCurrency, l.customerName, l.shippingCountry]),
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
