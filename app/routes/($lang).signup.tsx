import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, Honeypot } from "~/components/forms";
import { signUp } from "~/modules/auth/accounts.server";
import { getOptionalUser, requestMeta } from "~/modules/auth/guards.server";
import { RateLimitedError } from "~/modules/auth/rate-limit.server";
import { homeFor, rateLimited } from "~/modules/auth/routes.server";
import { PASSWORD_MIN, signupSchema } from "~/modules/auth/schemas";
import { safeRedirect } from "~/modules/http/safe-redirect";
import { forwardRetryAfter } from "~/modules/http/headers";
import { LANG_NAMES, LANGS } from "~/modules/i18n/config";
import { useLang, useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";

export const headers = forwardRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "description", content: data.description }] : [];

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, t } = requestContext(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirect(redirectTo, homeFor(user.role, lang)));
  return { title: `${t("auth.signup.title")} · ${t("site.name")}`, description: t("auth.signup.intro"), redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang, t } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: signupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  try {
    const result = await signUp(submission.value, requestMeta(request, context));
    if (!result.ok) {
      return data({ result: submission.reply({ fieldErrors: { email: ["auth.errors.emailTaken"] }, hideFields: ["password"] }) }, { status: 400 });
    }
    return redirect(safeRedirect(submission.value.redirectTo, homeFor("owner", lang)), { headers: { "Set-Cookie": result.setCookie } });
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimited(error, (o) => submission.reply({ ...o, hideFields: ["password"] }));
    throw error;
  }
}

export default function Signup() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLang();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    defaultValue: { preferredLang: lang },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  const langSelect = getSelectProps(fields.preferredLang, { ariaAttributes: true });
  return (
    <div className="container narrow stack">
      <header className="page-head">
        <h1>{t("auth.signup.title")}</h1>
        <p>{t("auth.signup.intro")}</p>
      </header>
      <Form method="post" className="form-card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={[...(form.errors ?? []), ...(fields.website.errors ?? [])]} />
        <Field label={t("auth.fields.name")} field={fields.name} inputProps={{ autoComplete: "name" }} />
        <Field label={t("auth.fields.email")} field={fields.email} type="email" inputProps={{ autoComplete: "email" }} />
        <Field
          label={t("auth.fields.newPassword")}
          field={fields.password}
          type="password"
          hint={t("auth.fields.passwordHint", { count: PASSWORD_MIN })}
          inputProps={{ autoComplete: "new-password" }}
        />
        <div className="field">
          <label htmlFor={fields.preferredLang.id}>{t("auth.fields.preferredLang")}</label>
          <select {...langSelect} key={langSelect.key}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
          <ErrorList id={fields.preferredLang.errorId} errors={fields.preferredLang.errors} />
        </div>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Honeypot />
        <button type="submit" className="button" disabled={busy}>
          {t("auth.signup.submit")}
        </button>
      </Form>
      <p>
        {t("auth.signup.haveAccount")} <Link to={localize("/login")}>{t("auth.login.title")}</Link>
      </p>
    </div>
  );
}
