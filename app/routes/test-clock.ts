/**
 * The test clock: POST `at=<ISO instant>` (or `reset=1`) to move the app's
 * "now". Exists only when the server runs with NODE_ENV=test and
 * TEST_CLOCK=1; everywhere else it is a plain 404.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { now, setTestClock, testClockEnabled } from "~/modules/clock/now.server";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { formText } from "~/modules/http/form";

const notFound = () => new Response("Not found", { status: 404 });

export function loader() {
  if (!testClockEnabled()) throw notFound();
  return Response.json({ now: new Date(now()).toISOString() }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (!testClockEnabled()) throw notFound();
  const form = await readForm(request, requestContext(request).t);
  if (form.get("reset")) {
    await setTestClock(null);
  } else {
    const at = Date.parse(formText(form.get("at")));
    if (Number.isNaN(at)) return Response.json({ error: "at must be an ISO instant" }, { status: 400 });
    await setTestClock(at);
  }
  return Response.json({ now: new Date(now()).toISOString() }, { headers: { "Cache-Control": "no-store" } });
}
