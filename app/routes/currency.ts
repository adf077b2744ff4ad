import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { currencyCookie, PRESENTMENT_CURRENCIES } from "~/modules/money/currency";
import { secureCookies } from "~/env.server";

/** Where to go back to: a same-site path only (never "//host" or a full URL). */
const schema = z.object({
  currency: z.enum(PRESENTMENT_CURRENCIES),
  back: z.string().regex(/^\/(?![/\\])[^\s]*$/).max(2000).catch("/"),
});

/** The currency switcher posts here; the cookie is set and the shopper sent back (Post/Redirect/Get). */
export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(form);
  const back = typeof form.back === "string" && /^\/(?![/\\])[^\s]*$/.test(form.back) ? form.back : "/";
  if (!parsed.success) return redirect(back, 303);
  return redirect(parsed.data.back, { status: 303, headers: { "Set-Cookie": currencyCookie(parsed.data.currency, secureCookies()) } });
}

export function loader() {
  return redirect("/");
}
