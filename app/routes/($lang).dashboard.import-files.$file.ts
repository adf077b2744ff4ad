/**
 * The bulk import's template and example file, in the URL's language
 * (`/fr/dashboard/import-files/template.csv`, `…/example.csv`), for a signed-in owner or organiser.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/guards.server";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";
import { exampleCsv, templateCsv } from "~/modules/owner/import/examples";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lang, t } = requestContext(request);
  const kind = params.file === "template.csv" ? "template" : params.file === "example.csv" ? "example" : null;
  if (!kind) throw notFound(t);
  const body = kind === "template" ? templateCsv(lang) : exampleCsv(lang);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="products-${kind}-${lang}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
