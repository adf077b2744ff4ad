/**
 * A store proposes a festival session (a livestream or a lecture it hosts),
 * as it offers deals: sent for the organiser's review, shown here with the
 * decision and its reason. Only a store approved for the festival may propose.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AreaHead } from "~/components/area-head";
import { SessionForm } from "~/components/session-form";
import { SessionListItem } from "~/components/programme";
import { requestMeta, requireStoreOwner } from "~/modules/auth/guards.server";
import { presenter } from "~/modules/catalog/present.server";
import { now } from "~/modules/clock/now.server";
import { ownerEnrolment } from "~/modules/festivals/enrolment.server";
import { readForm } from "~/modules/http/form.server";
import { notFound } from "~/modules/http/responses.server";
import { localizePath } from "~/modules/i18n/config";
import { timeZoneName } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { requestContext } from "~/modules/i18n/request.server";
import { sessionErrorFields } from "~/modules/programme/errors";
import { presentSessions } from "~/modules/programme/present.server";
import { festivalChoices, scheduleSession, storeProposals } from "~/modules/programme/programme.server";
import { sessionSchema } from "~/modules/programme/schemas";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

/** What the page and its action share, for an owner already checked by `requireStoreOwner`. */
async function load(request: Request, user: { id: number }, params: { slug?: string; store?: string }) {
  const { lang, t, currency } = requestContext(request);
  const detail = await ownerEnrolment(user.id, params.slug ?? "", params.store ?? "", lang, now());
  if (!detail) throw notFound(t);
  const choices = await festivalChoices(detail.festival.id, lang);
  const store = { id: detail.store.id, name: detail.store.name };
  const products = choices.products.filter((p) => p.storeId === detail.store.id);
  return { lang, t, currency, detail, store, products, approved: detail.enrolment.status === "approved" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t, currency, detail, store, products, approved } = await load(request, user, params);
  const at = now();
  const proposals = await storeProposals(detail.festival.id, detail.store.id, lang);
  const shown = await presentSessions(proposals, detail.festival, await presenter(lang, currency), t, at);
  return {
    title: `${t("programme.owner.title")} · ${detail.festival.name}`,
    heading: `${t("programme.owner.title")} · ${detail.festival.name}`,
    back: `/dashboard/festivals/${detail.festival.slug}/${detail.store.slug}`,
    backLabel: `${detail.festival.name} · ${detail.store.name}`,
    sent: new URL(request.url).searchParams.has("sent") ? t("programme.owner.sent") : null,
    approved,
    timeZone: detail.festival.timeZone,
    zoneLabel: timeZoneName(detail.festival.timeZone, lang, at),
    phases: detail.festival.phases,
    stores: [store],
    products: products.map((p) => ({ id: p.id, name: p.name })),
    proposals: shown.map((s, i) => ({ ...s, statusLabel: t(`programme.organiser.status.${proposals[i].status}`), status: proposals[i].status, reason: proposals[i].reason })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireStoreOwner(request, params.store ?? "");
  const { lang, t, detail, store, products, approved } = await load(request, user, params);
  if (!approved) throw notFound(t);
  const form = await readForm(request, t);
  const at = now();
  const submission = parseWithZod(form, {
    schema: sessionSchema({ timeZone: detail.festival.timeZone, phases: detail.festival.phases, productIds: products.map((p) => p.id), storeIds: [store.id], speakerAllowed: false, now: at }),
  });
  if (submission.status !== "success") return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply() }, { status: 400 });
  const proposed = await scheduleSession(detail.festival, submission.value, { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(at) }, "proposal");
  if (!proposed.ok) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [name, message] of sessionErrorFields(proposed.errors)) (fieldErrors[name] ??= []).push(message);
    return data<{ result: SubmissionResult<string[]> }>({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirect(`${localizePath(`/dashboard/festivals/${detail.festival.slug}/${detail.store.slug}/sessions`, lang)}?sent=1`);
}

export default function ProposeSession() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      <AreaHead back={{ to: localize(d.back), label: d.backLabel }} title={d.heading} notice={d.sent} />
      <p className="field-hint">{t("programme.owner.intro")}</p>
      <section aria-labelledby="proposals-title" className="stack">
        <h2 id="proposals-title">{t("programme.owner.yours")}</h2>
        {d.proposals.length ? (
          <ol className="session-schedule">
            {d.proposals.map((s) => (
              <SessionListItem key={s.id} session={s} pill={{ tone: s.status, label: s.statusLabel }} marker="own-proposal" reason={s.reason} />
            ))}
          </ol>
        ) : (
          <p className="muted">{t("programme.none")}</p>
        )}
      </section>
      {d.approved ? (
        <SessionForm
          id="propose-session"
          intent="propose"
          timeZone={d.timeZone}
          zoneLabel={d.zoneLabel}
          phases={d.phases}
          stores={d.stores}
          products={d.products}
          others={[]}
          speakerAllowed={false}
          lastResult={actionData?.result}
          submitLabel={t("programme.owner.submit")}
        />
      ) : (
        <p className="notice">{t("programme.owner.notApproved")}</p>
      )}
    </div>
  );
}
