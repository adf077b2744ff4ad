import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db, transact } from "~/db.server";
import { audit } from "~/modules/auth/audit.server";
import { getOptionalUser, requestMeta } from "~/modules/auth/guards.server";
import { destroySession } from "~/modules/auth/session.server";
import { localizePath } from "~/modules/i18n/config";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

/** GET only shows the button: no GET route changes data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const user = await getOptionalUser(request);
  if (!user) throw redirect(localizePath("/", lang));
  return { title: `${t("auth.logout.title")} · ${t("site.name")}`, name: user.name };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang, t } = requestContext(request);
  // Nothing in the body is used, but a body no form could carry is still a 400, like everywhere else.
  await readForm(request, t);
  const user = await getOptionalUser(request);
  const setCookie = await transact(db, async (tx) => {
    if (user) await audit(tx, { action: "auth.sign_out", userId: user.id, ip: requestMeta(request, context).ip });
    return destroySession(tx, request);
  });
  return redirect(localizePath("/", lang), { headers: { "Set-Cookie": setCookie } });
}

export default function Logout() {
  const { name } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container narrow stack">
      <header className="page-head">
        <h1>{t("auth.logout.title")}</h1>
        <p>{t("auth.logout.confirm", { name })}</p>
      </header>
      <Form method="post">
        <button type="submit" className="button">
          {t("auth.logout.submit")}
        </button>
      </Form>
    </div>
  );
}
