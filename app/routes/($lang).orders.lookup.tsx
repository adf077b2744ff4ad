import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
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
import { formText } from "~/modules/http/form";

export const headers = forwardRetryAfter;

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export function loader({ request }: LoaderFunctionArgs) {
  const { t } = requestContext(request);
  return { title: `${t("checkout.lookup.title")} · ${t("site.name")}` };
}

type Result = {
  errors: { number?: string; email?: string };
  notFound?: boolean;
  /** Throttled: how long to wait, formatted for the page's language. */
  retryIn?: string;
  values: { number: string; email: string };
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang, t } = requestContext(request);
  const form = await readForm(request, t);
  const values = { number: formText(form.get("number")), email: formText(form.get("email")) };
  const parsed = lookupSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Result["errors"] = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as "number" | "email"] ??= issue.message;
    return data<Result>({ errors, values }, { status: 400 });
  }
  let order;
  try {
    order = lookUpOrder(parsed.data.number, parsed.data.email, requestMeta(request, context).ip);
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    const retryAfter = error.retryAfterSeconds;
    return data<Result>(
      { errors: {}, retryIn: formatDuration(retryAfter * 1000, lang), values },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  // The same answer whether the number or the email is wrong.
  if (!order) return data<Result>({ errors: {}, notFound: true, values }, { status: 404 });
  return redirect(orderPath(order, lang), 303);
}

export default function OrderLookup() {
  useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = result?.errors ?? {};
  return (
    <div className="container narrow stack">
      <h1>{t("checkout.lookup.title")}</h1>
      <p>{t("checkout.lookup.intro")}</p>
      {result?.retryIn ? (
        <p className="notice notice--error" role="alert" data-testid="lookup-limited">
          {t("checkout.lookup.rateLimited", { time: result.retryIn })}
        </p>
      ) : result?.notFound ? (
        <p className="notice notice--error" role="alert">
          {t("checkout.lookup.notFound")}
        </p>
      ) : null}
      <Form method="post" className="checkout-form">
        {(["number", "email"] as const).map((name) => (
          <div key={name} className={`field${errors[name] ? " field--error" : ""}`}>
            <label htmlFor={`lookup-${name}`}>{t(`checkout.lookup.${name}`)}</label>
            <input
              id={`lookup-${name}`}
              name={name}
              type={name === "email" ? "email" : "text"}
              dir="ltr"
              autoComplete={name === "email" ? "email" : "off"}
              defaultValue={result?.values[name] ?? ""}
              required
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `lookup-${name}-error` : undefined}
            />
            {errors[name] ? (
              <p className="field__error" id={`lookup-${name}-error`}>
                {t(errors[name])}
              </p>
            ) : null}
          </div>
        ))}
        <button type="submit" className="button">
          {t("checkout.lookup.submit")}
        </button>
      </Form>
    </div>
  );
}
