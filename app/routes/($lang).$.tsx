import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";

/** Any other path: a translated 404 in the page's language. */
export function loader({ request }: LoaderFunctionArgs) {
  const { t, lang } = requestContext(request);
  throw notFound(t, lang);
}

export default function NotFoundRoute() {
  return null;
}
