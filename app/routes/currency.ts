import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { formValues, readForm } from "~/modules/http/form.server";
import { safeRedirect } from "~/modules/http/safe-redirect";
import { requestContext } from "~/modules/i18n/request.server";
import { currencyCookie, PRESENTMENT_CURRENCIES } from "~/modules/money/currency";

const schema = z.object({ currency: z.enum(PRESENTMENT_CURRENCIES) });

/** The currency switcher posts here; the cookie is set and the shopper sent back (Post/Redirect/Get). */
export async function action({ request }: ActionFunctionArgs) {
  const form = formValues(await readForm(request, requestContext(request).t));
  // Where to go back to: a same-site path only (never "//host", "/\thost" or a full URL).
  const back = safeRedirect(form.back, "/");
  const parsed = schema.safeParse(form);
  if (!parsed.success) return redirect(back, 303);
  const secure = process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1";
  return redirect(back, { status: 303, headers: { "Set-Cookie": currencyCookie(parsed.data.currency, secure) } });
}

export function loader() {
  return redirect("/");
}
