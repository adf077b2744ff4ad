/**
 * The visitor's own header data (cart count, signed-in name), fetched by the
 * browser after hydration so that shared pages can be the same for everyone.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalFor } from "~/modules/http/personal.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return Response.json(await personalFor(request), { headers: { "Cache-Control": "private, no-store" } });
}
