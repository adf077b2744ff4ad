/**
 * The organiser changes or cancels one session of a festival's programme,
 * before it starts: the session form (the same schema as scheduling, the
 * session itself left out of the overlap check) and a cancel form with a
 * reason the hosting store sees. Both are checked again in the transaction.
 */
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AreaHead } from "~/components/area-head";
import { ErrorList } from "~/components/forms";
import { SessionListItem } from "~/components/programme";
import { SessionForm } from "~/components/session-form";
import { requestMeta, requireOrganiser } from "~/modules/auth/guards.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { festivalRecord } from "~/modules/festivals/admin.server";
import { readForm } from "~/modules/http/form.server";
import { notFound } from "~/modules/http/responses.server";
import { localizePath } from "~/modules/i18n/config";
import { timeZoneName } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { changeRefusalKey, sessionErrorFields } from "~/modules/programme/errors";
import { presentSessions } from "~/modules/programme/present.server";
import {
  allFestivalSessions,
  cancelSession,
  festivalChoices,
  storedSession,
  updateSession,
  type ChangeRefusal,
} from "~/modules/programme/programme.server";
import { sessionCancelSchema, sessionFormValues, sessionSchema } from "~/modules/programme/schemas";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : [];

async function load(request: Request, params: { slug?: string; session?: string }) {
  const { lang, t, currency } = requestContext(request);
  const festival = await festivalRecord(params.slug ?? "");
  const sessionId = /^\d{1,9}$/.test(params.session ?? "") ? Number(params.session) : 0;
  if (!festival || !sessionId) throw notFound(t);
  const sessions = await allFestivalSessions(festival.id, lang);
  const row = sessions.find((s) => s.id === sessionId);
  const stored = row ? await storedSession(festival.id, sessionId) : null;
  if (!row || !stored) throw notFound(t);
  const choices = await festivalChoices(festival.id, lang);
  // The festival's other approved sessions: this one never overlaps itself.
  const others = sessions
    .filter((s) => s.status === "approved" && s.id !== sessionId)
    .map((s) => ({ id: s.id, channel: s.channel, startsAt: s.startsAt, endsAt: s.endsAt }));
  return { lang, t, currency, festival, row, stored, choices, others };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t, currency, festival, row, stored, choices, others } = await load(request, params);
  const at = now();
  const [shown] = await presentSessions([row], festival, await presenter(lang, currency), t, at);
  const name = festival.names[lang]?.name ?? festival.names.en?.name ?? festival.slug;
  return {
    title: `${t("programme.organiser.editTitle")} · ${t("programme.organiser.title", { name })}`,
    slug: festival.slug,
    session: {
      ...shown,
      status: stored.status,
      statusLabel: t(`programme.organiser.status.${stored.status}`),
      reason: stored.reason,
    },
    editable: (stored.status === "approved" || stored.status === "pending") && stored.startsAt > at,
    values: sessionFormValues(stored, festival.timeZone),
    timeZone: festival.timeZone,
    zoneLabel: timeZoneName(festival.timeZone, lang, stored.startsAt),
    phases: festival.phases,
    stores: choices.stores,
    products: choices.products,
    others,
  };
}

type ActionData = { form: "update" | "cancel"; result: SubmissionResult<string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const { lang, t, festival, row, choices, others } = await load(request, params);
  const actor = { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(now()) };
  const back = (done: "updated" | "cancelled") =>
    redirect(`${localizePath(`/organiser/festivals/${festival.slug}/programme`, lang)}?done=${done}`);
  const form = await readForm(request, t);
  const refused = (
    which: ActionData["form"],
    submission: {
      reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>;
    },
    errors: ChangeRefusal,
  ) => {
    if (typeof errors === "string")
      return data<ActionData>(
        { form: which, result: submission.reply({ formErrors: [changeRefusalKey(errors)] }) },
        { status: errors === "notFound" ? 404 : 409 },
      );
    const fieldErrors: Record<string, string[]> = {};
    for (const [name, message] of sessionErrorFields(errors)) (fieldErrors[name] ??= []).push(message);
    return data<ActionData>({ form: which, result: submission.reply({ fieldErrors }) }, { status: 400 });
  };
  if (form.get("intent") === "cancel") {
    const submission = parseWithZod(form, { schema: sessionCancelSchema });
    if (submission.status !== "success") return data<ActionData>({ form: "cancel", result: submission.reply() }, { status: 400 });
    const cancelled = await cancelSession(festival, row.id, submission.value.reason, actor);
    return cancelled.ok ? back("cancelled") : refused("cancel", submission, cancelled.errors);
  }
  const submission = parseWithZod(form, {
    schema: sessionSchema({
      timeZone: festival.timeZone,
      phases: festival.phases,
      productIds: choices.products.map((p) => p.id),
      storeIds: choices.stores.map((s) => s.id),
      speakerAllowed: true,
      others,
      now: actor.now.getTime(),
    }),
  });
  if (submission.status !== "success") return data<ActionData>({ form: "update", result: submission.reply() }, { status: 400 });
  const updated = await updateSession(festival, row.id, submission.value, actor);
  return updated.ok ? back("updated") : refused("update", submission, updated.errors);
}

function CancelForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "cancel-session",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sessionCancelSchema }),
  });
  const { key: areaKey, ...area } = getTextareaProps(fields.reason, { ariaAttributes: true });
  return (
    <Form method="post" className="form-card stack" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="cancel" />
      <p className="field-hint">{t("programme.organiser.cancelIntro")}</p>
      <div className={`field${fields.reason.errors?.length ? " field--invalid" : ""}`}>
        <label htmlFor={fields.reason.id}>{t("programme.organiser.cancelReason")}</label>
        <textarea key={areaKey} {...area} rows={2} />
        <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--ghost" disabled={busy}>
          {t("programme.organiser.cancelSubmit")}
        </button>
      </div>
    </Form>
  );
}

export default function EditSession() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const s = d.session;
  return (
    <div className="container stack organiser-programme">
      <AreaHead
        back={{ to: localize(`/organiser/festivals/${d.slug}/programme`), label: t("programme.organiser.backToProgramme") }}
        title={t("programme.organiser.editTitle")}
      />
      <ol className="session-schedule">
        <SessionListItem session={s} pill={{ tone: s.status, label: s.statusLabel }} marker="admin-session" reason={s.reason} />
      </ol>
      {d.editable ? (
        <>
          <SessionForm
            id={`session-edit-${s.id}`}
            intent="update"
            timeZone={d.timeZone}
            zoneLabel={d.zoneLabel}
            phases={d.phases}
            stores={d.stores}
            products={d.products}
            others={d.others}
            speakerAllowed
            defaultValue={d.values}
            lastResult={actionData?.form === "update" ? actionData.result : undefined}
            submitLabel={t("programme.organiser.save")}
          />
          <section aria-labelledby="cancel-title" className="stack">
            <h2 id="cancel-title">{t("programme.organiser.cancelTitle")}</h2>
            <CancelForm lastResult={actionData?.form === "cancel" ? actionData.result : undefined} />
          </section>
        </>
      ) : (
        <>
          <ErrorList errors={actionData?.result.error?.[""] ?? undefined} />
          <p className="notice" role="status">
            {t("programme.organiser.closed")}
          </p>
        </>
      )}
    </div>
  );
}
