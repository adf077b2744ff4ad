import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ImportPage } from "~/components/product-import";
import { requestMeta, requireStoreOwner } from "~/modules/auth/guards.server";
import { localizePath } from "~/modules/i18n/config";
import { requestContext } from "~/modules/i18n/request.server";
import { importPageAction, importPageData, type ImportTarget } from "~/modules/owner/import/route.server";
import { ownedStoreName } from "~/modules/owner/stores.server";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

type Owned = Awaited<ReturnType<typeof requireStoreOwner>>;

async function target(request: Request, { user, store }: Owned, context: { ip?: string } | undefined): Promise<ImportTarget> {
  const { lang } = requestContext(request);
  const storeName = (await ownedStoreName(user.id, store.id, lang)) ?? store.slug;
  return {
    store,
    storeName,
    userId: user.id,
    asOrganiser: false,
    pagePath: localizePath(`/dashboard/stores/${store.slug}/products/import`, lang),
    ip: requestMeta(request, context).ip,
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const owned = await requireStoreOwner(request, params.store ?? "");
  return importPageData(request, await target(request, owned, context));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const owned = await requireStoreOwner(request, params.store ?? "");
  return importPageAction(request, await target(request, owned, context));
}

export default function OwnerImport() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return <ImportPage {...page} actionData={actionData} busy={busy} />;
}
