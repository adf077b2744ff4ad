import { parseWithZod } from "@conform-to/zod";
import { AreaHead } from "~/components/area-head";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FestivalForm } from "~/components/festival-form";
import { requestMeta, requireOrganiser } from "~/modules/auth/guards.server";
import { now } from "~/modules/clock/now.server";
import { readClock } from "~/modules/festivals/clock";
import { festivalRecord, saveFestival, setFestivalStatus, slugTaken } from "~/modules/festivals/admin.server";
import { festivalFormValues } from "~/modules/festivals/form-values";
import { festivalSchema } from "~/modules/festivals/schemas";
import { notFound } from "~/modules/http/responses.server";
import { localizePath } from "~/modules/i18n/config";
import { formatDateTime } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  const festival = festivalRecord(params.slug ?? "");
  if (!festival) throw notFound(t);
  const saved = new URL(request.url).searchParams.get("saved");
  const state = readClock(festival.phases, now()).state;
  return {
    title: `${festival.names[lang]?.name ?? festival.slug} · ${t("festivals.organiser.title")}`,
    slug: festival.slug,
    name: festival.names[lang]?.name ?? festival.names.en?.name ?? festival.slug,
    status: festival.status,
    statusLabel: t(`festivals.status.${festival.status}`),
    stateLabel: t(`festival.state.${state}`),
    state,
    saved: saved && ["created", "saved", "published", "cancelled"].includes(saved) ? t(`festivals.form.flash.${saved}`) : null,
    values: festivalFormValues(festival),
    shown: festival.phases.map((p) => ({
      kind: p.kind,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      utcStart: formatDateTime(p.startsAt, lang, "UTC"),
      utcEnd: formatDateTime(p.endsAt, lang, "UTC"),
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  const festival = festivalRecord(params.slug ?? "");
  if (!festival) throw notFound(t);
  const form = await readForm(request, t);
  const intent = form.get("intent");
  const actor = { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(now()) };
  const back = (slug: string, saved: string) => redirect(`${localizePath(`/organiser/festivals/${slug}/edit`, lang)}?saved=${saved}`);
  if (intent === "publish" || intent === "cancel") {
    const done = setFestivalStatus(festival.id, intent === "publish" ? "published" : "cancelled", actor);
    if (!done) return data({ result: null, statusError: t("festivals.errors.statusUnchanged") }, { status: 409 });
    return back(festival.slug, intent === "publish" ? "published" : "cancelled");
  }
  const submission = parseWithZod(form, { schema: festivalSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), statusError: null }, { status: 400 });
  if (slugTaken(submission.value.slug, festival.id)) {
    return data({ result: submission.reply({ fieldErrors: { slug: ["festivals.errors.slugTaken"] } }), statusError: null }, { status: 400 });
  }
  saveFestival(submission.value, actor, festival.id);
  return back(submission.value.slug, "saved");
}

export default function EditFestival() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      <AreaHead back={{ to: localize("/organiser"), label: t("festivals.organiser.title") }} title={d.name} notice={d.saved}>
        <p>
          <span className={`state-pill state-pill--${d.status}`}>{d.statusLabel}</span> <span className={`state-pill state-pill--${d.state}`}>{d.stateLabel}</span>
        </p>
      </AreaHead>
      {actionData?.statusError ? (
        <p className="field-errors" role="alert">
          {actionData.statusError}
        </p>
      ) : null}
      <div className="button-row">
        {d.status === "draft" ? (
          <Form method="post">
            <button type="submit" name="intent" value="publish" className="button">
              {t("festivals.form.publish")}
            </button>
          </Form>
        ) : null}
        {d.status !== "cancelled" ? (
          <Form method="post">
            <button type="submit" name="intent" value="cancel" className="button button--ghost">
              {t("festivals.form.cancelFestival")}
            </button>
          </Form>
        ) : null}
        <Link className="button button--ghost" to={localize(`/organiser/festivals/${d.slug}`)}>
          {t("festivals.organiser.dashboard")}
        </Link>
        {d.status === "published" ? (
          <Link className="button button--ghost" to={localize(`/festivals/${d.slug}`)}>
            {t("festivals.organiser.publicPage")}
          </Link>
        ) : null}
      </div>
      <FestivalForm id={`festival-${d.slug}`} defaultValue={d.values} lastResult={actionData?.result} submitLabel={t("festivals.form.save")} shown={d.shown} />
    </div>
  );
}
