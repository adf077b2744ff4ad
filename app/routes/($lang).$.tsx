import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/http/responses.server";
import { requestContext } from "~/modules/i18n/request.server";

/** Any other path: a translated 404 in the page's language. */
export function loader({ request }: LoaderFunctionArgs) {
  throw notFound(requestContext(request).t);
}

export default function NotFoundRoute() {
  return null;
}
