import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AreaHead } from "~/components/area-head";
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
import { allFestivalSessions, decideSession, festivalChoices, scheduleSession } from "~/modules/programme/programme.server";
import { presentSessions } from "~/modules/programme/present.server";
import { sessionErrorFields } from "~/modules/programme/errors";
import { sessionDecisionSchema, sessionSchema } from "~/modules/programme/schemas";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

const FLASHES = ["scheduled", "approved", "rejected", "updated", "cancelled"] as const;

async function load(request: Request, slug: string) {
  const { lang, t, currency } = requestContext(request);
  const festival = await festivalRecord(slug);
  if (!festival) throw notFound(t);
  const choices = await festivalChoices(festival.id, lang);
  const sessions = await allFestivalSessions(festival.id, lang);
  return { lang, t, currency, festival, choices, sessions };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t, currency, festival, choices, sessions } = await load(request, params.slug ?? "");
  const at = now();
  const name = festival.names[lang]?.name ?? festival.names.en?.name ?? festival.slug;
  const shown = await presentSessions(sessions, festival, await presenter(lang, currency), t, at);
  const flash = new URL(request.url).searchParams.get("done");
  return {
    title: `${t("programme.organiser.title", { name })} · ${t("festivals.organiser.title")}`,
    heading: t("programme.organiser.title", { name }),
    slug: festival.slug,
    flash: flash && (FLASHES as readonly string[]).includes(flash) ? t(`programme.organiser.flash.${flash}`) : null,
    timeZone: festival.timeZone,
    zoneLabel: timeZoneName(festival.timeZone, lang, festival.phases[0]?.startsAt ?? at),
    phases: festival.phases,
    stores: choices.stores,
    products: choices.products,
    others: sessions.filter((s) => s.status === "approved").map((s) => ({ id: s.id, channel: s.channel, startsAt: s.startsAt, endsAt: s.endsAt })),
    sessions: shown.map((s, i) => ({
      ...s,
      status: sessions[i].status,
      statusLabel: t(`programme.organiser.status.${sessions[i].status}`),
      reason: sessions[i].reason,
      // Changed or cancelled only before it starts (the counters count from its window).
      editable: (sessions[i].status === "approved" || sessions[i].status === "pending") && sessions[i].startsAt > at,
    })),
  };
}

type ActionData = { result: SubmissionResult<string[]> | null; decision?: { session: number; error: string } };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const { lang, t, festival, choices, sessions } = await load(request, params.slug ?? "");
  const actor = { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(now()) };
  const back = (done: (typeof FLASHES)[number]) => redirect(`${localizePath(`/organiser/festivals/${festival.slug}/programme`, lang)}?done=${done}`);
  const form = await readForm(request, t);
  if (form.get("intent") === "decide") {
    const parsed = sessionDecisionSchema.safeParse(Object.fromEntries(form));
    const session = Number(form.get("session")) || 0;
    if (!parsed.success) return data<ActionData>({ result: null, decision: { session, error: t(parsed.error.issues[0]?.message ?? "programme.errors.decisionRequired") } }, { status: 400 });
    const decided = await decideSession(festival, parsed.data.session, parsed.data.decision, parsed.data.reason, actor);
    if (!decided.ok) {
      const error = decided.errors === "notPending" ? "programme.errors.notPending" : sessionErrorFields(decided.errors)[0]?.[1] ?? "programme.errors.notPending";
      return data<ActionData>({ result: null, decision: { session: parsed.data.session, error: t(error) } }, { status: 409 });
    }
    return back(parsed.data.decision);
  }
  const context_ = {
    timeZone: festival.timeZone,
    phases: festival.phases,
    productIds: choices.products.map((p) => p.id),
    storeIds: choices.stores.map((s) => s.id),
    speakerAllowed: true,
    others: sessions.filter((s) => s.status === "approved").map((s) => ({ id: s.id, channel: s.channel, startsAt: s.startsAt, endsAt: s.endsAt })),
    now: actor.now.getTime(),
  };
  const submission = parseWithZod(form, { schema: sessionSchema(context_) });
  if (submission.status !== "success") return data<ActionData>({ result: submission.reply() }, { status: 400 });
  const scheduled = await scheduleSession(festival, submission.value, actor, "organiser");
  if (!scheduled.ok) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [name, message] of sessionErrorFields(scheduled.errors)) (fieldErrors[name] ??= []).push(message);
    return data<ActionData>({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return back("scheduled");
}

export default function OrganiserProgramme() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const pending = d.sessions.filter((s) => s.status === "pending");
  return (
    <div className="container stack organiser-programme">
      <AreaHead back={{ to: localize(`/organiser/festivals/${d.slug}`), label: t("festivals.dashboard.title") }} title={d.heading} notice={d.flash} />
      <section aria-labelledby="proposals-title" className="stack">
        <h2 id="proposals-title">{t("programme.organiser.proposals")}</h2>
        {pending.length ? (
          <ol className="session-schedule">
            {pending.map((s) => (
              <SessionListItem key={s.id} session={s} pill={{ tone: s.status, label: s.statusLabel }} marker="proposal">
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="session" value={s.id} />
                  <div className="field">
                    <label htmlFor={`reason-${s.id}`}>{t("programme.organiser.reason")}</label>
                    <textarea id={`reason-${s.id}`} name="reason" rows={2} />
                  </div>
                  {actionData?.decision?.session === s.id ? (
                    <p className="field-errors" role="alert">
                      {actionData.decision.error}
                    </p>
                  ) : null}
                  <div className="button-row">
                    <button type="submit" name="decision" value="approved" className="button">
                      {t("programme.organiser.approve")}
                    </button>
                    <button type="submit" name="decision" value="rejected" className="button button--ghost">
                      {t("programme.organiser.reject")}
                    </button>
                  </div>
                </Form>
              </SessionListItem>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("programme.organiser.noProposals")}</p>
        )}
      </section>
      <section aria-labelledby="sessions-title" className="stack">
        <h2 id="sessions-title">{t("programme.schedule")}</h2>
        {d.sessions.length ? (
          <ol className="session-schedule">
            {d.sessions.map((s) => (
              <SessionListItem key={s.id} session={s} pill={{ tone: s.status, label: s.statusLabel }} marker="admin-session" reason={s.reason}>
                {s.editable ? (
                  <p className="session-schedule__actions">
                    <Link to={localize(`/organiser/festivals/${d.slug}/programme/${s.id}`)} data-link="edit-session">
                      {t("programme.organiser.edit")}
                    </Link>
                  </p>
                ) : null}
              </SessionListItem>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("programme.none")}</p>
        )}
        <p>
          <Link to={localize(`/festivals/${d.slug}#programme`)}>{t("festivals.organiser.publicPage")}</Link>
        </p>
      </section>
      <section aria-labelledby="schedule-form-title" className="stack">
        <h2 id="schedule-form-title">{t("programme.organiser.schedule")}</h2>
        <SessionForm
          id={`session-${d.slug}`}
          intent="schedule"
          timeZone={d.timeZone}
          zoneLabel={d.zoneLabel}
          phases={d.phases}
          stores={d.stores}
          products={d.products}
          others={d.others}
          speakerAllowed
          lastResult={actionData?.result}
          submitLabel={t("programme.organiser.submit")}
        />
      </section>
    </div>
  );
}
