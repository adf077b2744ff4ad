import type { LoaderFunctionArgs } from "@remix-run/node";
import { shopperNotFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";

/** Any other path: a translated 404 in the page's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { t, lang } = requestContext(request);
  throw await shopperNotFound(t, lang);
}

export default function NotFoundRoute() {
  return null;
}
