import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, Honeypot } from "~/components/forms";
import { signIn } from "~/modules/auth/accounts.server";
import { getOptionalUser, requestMeta } from "~/modules/auth/guards.server";
import { RateLimitedError } from "~/modules/auth/rate-limit.server";
import { homeFor, rateLimited } from "~/modules/auth/routes.server";
import { loginSchema } from "~/modules/auth/schemas";
import { safeRedirect } from "~/modules/http/safe-redirect";
import { forwardRetryAfter } from "~/modules/http/headers";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";

export const headers = forwardRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : [];

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirect(redirectTo, homeFor(user.role, lang)));
  return { title: `${t("auth.login.title")} · ${t("site.name")}`, redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang, t } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  try {
    const result = await signIn(submission.value.email, submission.value.password, requestMeta(request, context));
    if (!result.ok) {
      return data(
        { result: submission.reply({ formErrors: ["auth.errors.invalidCredentials"], hideFields: ["password"] }) },
        { status: 400 },
      );
    }
    return redirect(safeRedirect(submission.value.redirectTo, homeFor(result.user.role, lang)), {
      headers: { "Set-Cookie": result.setCookie },
    });
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimited(error, (o) => submission.reply({ ...o, hideFields: ["password"] }));
    throw error;
  }
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    defaultValue: { redirectTo },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <div className="container narrow stack">
      <header className="page-head">
        <h1>{t("auth.login.title")}</h1>
        <p>{t("auth.login.intro")}</p>
      </header>
      <Form method="post" className="form-card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.website.errors ?? [])]} />
        <Field label={t("auth.fields.email")} field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <Field label={t("auth.fields.password")} field={fields.password} type="password" inputProps={{ autoComplete: "current-password" }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Honeypot />
        <button type="submit" className="button" disabled={busy}>
          {t("auth.login.submit")}
        </button>
      </Form>
      <p>
        {t("auth.login.noAccount")} <Link to={localize(redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : "/signup")}>{t("auth.signup.title")}</Link>
      </p>
    </div>
  );
}
