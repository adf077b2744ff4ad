import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { TextareaField } from "~/components/owner";
import { requireOrganiser } from "~/modules/auth/guards.server";
import { localizePath } from "~/modules/i18n/config";
import { countryName, formatDate } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { notFound } from "~/modules/http/responses.server";
import { decideStore, storesForReview } from "~/modules/owner/review.server";
import { storeDecisionSchema } from "~/modules/owner/schemas";
import { formText } from "~/modules/http/form";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

const FILTERS = ["pending", "suspended", "live", "all"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  const raw = new URL(request.url).searchParams.get("show");
  const filter = (FILTERS as readonly string[]).includes(raw ?? "") ? (raw as (typeof FILTERS)[number]) : "pending";
  return {
    title: `${t("owner.review.title")} · ${t("site.name")}`,
    filter,
    stores: (await storesForReview(lang, filter)).map((s) => ({
      ...s,
      statusLabel: t(`owner.status.${s.status}`),
      country: countryName(s.countryCode, lang),
      applied: formatDate(s.createdAt, lang),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  const submission = parseWithZod(await readForm(request, t), { schema: storeDecisionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), store: formText(submission.payload.store) }, { status: 400 });
  if (!(await decideStore(organiser.id, submission.value.store, submission.value.decision, submission.value.reason))) throw notFound(t);
  const show = new URL(request.url).searchParams.get("show") ?? "pending";
  return redirect(`${localizePath("/organiser/stores", lang)}?show=${encodeURIComponent(show)}&done=${submission.value.decision}`);
}

function Decision({ slug, status }: { slug: string; status: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const mine = actionData?.store === slug;
  const [form, fields] = useForm({
    id: `decide-${slug}`,
    lastResult: mine ? actionData?.result : undefined,
    defaultValue: { store: slug },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: storeDecisionSchema }),
  });
  return (
    <Form method="post" className="review-form" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="store" value={slug} />
      <TextareaField label={t("owner.review.reason")} field={fields.reason} rows={2} hint={t("owner.review.reasonHint")} />
      <div className="owner-actions">
        {status !== "live" ? (
          <button type="submit" name="decision" value="approve" className="button" disabled={busy}>
            {t("owner.review.approve")}
          </button>
        ) : null}
        {status !== "suspended" ? (
          <button type="submit" name="decision" value="suspend" className="button button--ghost" disabled={busy}>
            {t("owner.review.suspend")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

export default function ReviewStores() {
  const { stores, filter } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <div className="container stack">
      <nav className="breadcrumb" aria-label={t("nav.breadcrumb")}>
        <Link to={localize("/organiser")}>{t("festivals.organiser.title")}</Link>
      </nav>
      <header className="page-head">
        <h1>{t("owner.review.title")}</h1>
        <p>{t("owner.review.intro")}</p>
      </header>
      {done === "approve" || done === "suspend" ? (
        <p className="owner-note owner-note--ok" role="status">
          {t(`owner.review.done.${done}`)}
        </p>
      ) : null}
      <nav aria-label={t("owner.review.filter")} className="owner-filter">
        {FILTERS.map((f) => (
          <Link key={f} to={`?show=${f}`} aria-current={f === filter ? "page" : undefined} className="owner-chip">
            {t(`owner.review.show.${f}`)}
          </Link>
        ))}
      </nav>
      {stores.length ? null : <p>{t("owner.review.none")}</p>}
      {stores.map((s) => (
        <article key={s.slug} className="owner-panel" aria-labelledby={`rs-${s.slug}`}>
          <header className="owner-panel__head">
            <div>
              <h2 id={`rs-${s.slug}`}>{s.name}</h2>
              <p>
                {s.city} · {s.country} · {s.ownerName ?? "—"} {s.ownerEmail ? `<${s.ownerEmail}>` : ""} · {t("owner.review.applied", { date: s.applied })}
              </p>
            </div>
            <span className={`state-pill state-pill--${s.status}`}>{s.statusLabel}</span>
          </header>
          {s.story ? <p className="owner-story">{s.story}</p> : null}
          {s.statusReason ? (
            <p className="owner-note owner-note--reason">
              <strong>{t("owner.dashboard.reason")}</strong> {s.statusReason}
            </p>
          ) : null}
          {s.status === "suspended" ? null : (
            <p>
              <Link to={localize(`/organiser/stores/${s.slug}/import`)}>{t("owner.import.title")}</Link>
            </p>
          )}
          <Decision slug={s.slug} status={s.status} />
        </article>
      ))}
    </div>
  );
}
