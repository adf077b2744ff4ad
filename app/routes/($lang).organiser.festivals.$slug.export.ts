/** A festival's results as CSV, for the organiser. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestMeta, requireOrganiser } from "~/modules/auth/guards.server";
import { db, transact } from "~/db.server";
import { audit } from "~/modules/auth/audit.server";
import { now } from "~/modules/clock/now.server";
import { toCsv } from "~/modules/festivals/dashboard.server";
import { resultsCsvRows } from "~/modules/festivals/dashboard-view.server";
import { listFestivals } from "~/modules/festivals/festivals.server";
import { notFound } from "~/modules/http/responses.server";
import { BASE_CURRENCY } from "~/modules/money/money";
import { requestContext } from "~/modules/i18n/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrganiser(request);
  const { t } = requestContext(request);
  const at = now();
  const festival = (await listFestivals("en", at)).find((f) => f.slug === params.slug);
  if (!festival) throw notFound(t);
  await transact(db, (tx) =>
    audit(tx, { action: "festival.results_exported", userId: user.id, subjectType: "festival", subjectId: festival.id, ip: requestMeta(request, context).ip, now: new Date(at) }),
  );
  const csv = toCsv(await resultsCsvRows(festival, BASE_CURRENCY, at));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${festival.slug}-results.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
