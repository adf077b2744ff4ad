import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImportPage } from "~/components/product-import";
import { requestMeta, requireOrganiser } from "~/modules/auth/guards.server";
import { notFound } from "~/modules/http/responses.server";
import { localizePath } from "~/modules/i18n/config";
import { requestContext } from "~/modules/i18n/request.server";
import { storeOpenToOrganiserImport } from "~/modules/owner/import/import.server";
import { importPageAction, importPageData, type ImportTarget } from "~/modules/owner/import/route.server";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

/** The organiser imports on behalf of a store that applied (pending or live); every import is in the audit log. */
async function target(request: Request, organiser: { id: number }, storeSlug: string, context: { ip?: string } | undefined): Promise<ImportTarget> {
  const { lang, t } = requestContext(request);
  const found = await storeOpenToOrganiserImport(storeSlug, lang);
  if (!found) throw notFound(t);
  return {
    store: found.store,
    storeName: found.name,
    userId: organiser.id,
    asOrganiser: true,
    pagePath: localizePath(`/organiser/stores/${found.store.slug}/import`, lang),
    ip: requestMeta(request, context).ip,
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  return importPageData(request, await target(request, organiser, params.store ?? "", context));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  return importPageAction(request, await target(request, organiser, params.store ?? "", context));
}

export default function OrganiserImport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return <ImportPage {...page} actionData={actionData} busy={busy} />;
}
