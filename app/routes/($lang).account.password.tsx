import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import { changePassword } from "~/modules/auth/accounts.server";
import { requestMeta, requireUser } from "~/modules/auth/guards.server";
import { changePasswordSchema, PASSWORD_MIN } from "~/modules/auth/schemas";
import { safeRedirect } from "~/modules/http/safe-redirect";
import { localizePath } from "~/modules/i18n/config";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { t } = requestContext(request);
  const url = new URL(request.url);
  return {
    title: `${t("auth.password.title")} · ${t("site.name")}`,
    redirectTo: url.searchParams.get("redirectTo") ?? "",
    changed: url.searchParams.get("changed") === "1",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { lang, t } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: changePasswordSchema });
  const hidden = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: hidden }) }, { status: 400 });
  const result = await changePassword(user, submission.value.currentPassword, submission.value.newPassword, requestMeta(request, context));
  if (!result.ok) {
    return data({ result: submission.reply({ fieldErrors: { currentPassword: ["auth.errors.wrongPassword"] }, hideFields: hidden }) }, { status: 400 });
  }
  return redirect(safeRedirect(submission.value.redirectTo, `${localizePath("/account/password", lang)}?changed=1`));
}

export default function ChangePassword() {
  const { redirectTo, changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <div className="container narrow stack">
      <header className="page-head">
        <h1>{t("auth.password.title")}</h1>
        {changed ? (
          <p className="notice notice--success" role="status">
            {t("auth.password.changed")}
          </p>
        ) : (
          <p>{t("auth.password.intro")}</p>
        )}
      </header>
      <Form method="post" className="form-card" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label={t("auth.fields.currentPassword")} field={fields.currentPassword} type="password" inputProps={{ autoComplete: "current-password" }} />
        <Field
          label={t("auth.fields.newPassword")}
          field={fields.newPassword}
          type="password"
          hint={t("auth.fields.passwordHint", { count: PASSWORD_MIN })}
          inputProps={{ autoComplete: "new-password" }}
        />
        <Field label={t("auth.fields.confirmPassword")} field={fields.confirmPassword} type="password" inputProps={{ autoComplete: "new-password" }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button type="submit" className="button" disabled={busy}>
          {t("auth.password.submit")}
        </button>
      </Form>
    </div>
  );
}
