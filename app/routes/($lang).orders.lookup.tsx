import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestMeta } from "~/modules/auth/guards.server";
import { RateLimitedError } from "~/modules/auth/rate-limit.server";
import { forwardRetryAfter } from "~/modules/http/headers";
import { formatDuration } from "~/modules/i18n/format";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { lookupSchema } from "~/modules/orders/checkout-schema";
import { orderPath } from "~/modules/orders/links.server";
import { lookUpOrder } from "~/modules/orders/lookup.server";
import { Field } from "~/components/forms";

export const headers = forwardRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export function loader({ request }: LoaderFunctionArgs) {
  const { t } = requestContext(request);
  return { title: `${t("checkout.lookup.title")} · ${t("site.name")}` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang, t } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: lookupSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  let order;
  try {
    order = await lookUpOrder(submission.value.number, submission.value.email, requestMeta(request, context).ip);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    const retryAfter = error.retryAfterSeconds;
    // Throttled: how long to wait, formatted for the page's language.
    const retryIn = formatDuration(retryAfter * 1000, lang);
    return data(
      { result: submission.reply({ formErrors: [t("checkout.lookup.rateLimited", { time: retryIn })] }), limited: true },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  // The same answer whether the number or the email is wrong.
  if (!order) return data({ result: submission.reply({ formErrors: [t("checkout.lookup.notFound")] }) }, { status: 404 });
  return redirect(orderPath(order, lang), 303);
}

export default function OrderLookup() {
  useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "lookup",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: lookupSchema }),
  });
  return (
    <div className="container narrow stack">
      <h1>{t("checkout.lookup.title")}</h1>
      <p>{t("checkout.lookup.intro")}</p>
      {form.errors?.length ? (
        // Messages from the server arrive translated (not-found, throttled with the wait in the page's language).
        <p className="notice notice--error" role="alert" id={form.errorId} data-testid={actionData && "limited" in actionData ? "lookup-limited" : undefined}>
          {form.errors.join(" ")}
        </p>
      ) : null}
      <Form method="post" className="checkout-form" {...getFormProps(form)}>
        <Field label={t("checkout.lookup.number")} field={fields.number} inputProps={{ dir: "ltr", autoComplete: "off" }} />
        <Field label={t("checkout.lookup.email")} field={fields.email} type="email" inputProps={{ dir: "ltr", autoComplete: "email" }} />
        <button type="submit" className="button" disabled={busy}>
          {t("checkout.lookup.submit")}
        </button>
      </Form>
    </div>
  );
}
