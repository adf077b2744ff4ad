import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { AreaHead } from "~/components/area-head";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestMeta, requireOwner } from "~/modules/auth/guards.server";
import { now } from "~/modules/clock/now.server";
import { registrationClosedAt } from "~/modules/festivals/clock";
import { enrolStore, ownerFestivals } from "~/modules/festivals/enrolment.server";
import { findPublishedFestival } from "~/modules/festivals/public.server";
import { localizePath } from "~/modules/i18n/config";
import { formatDateTime } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { formText } from "~/modules/http/form";
import { BidiText } from "~/components/value";
import { isolate } from "~/modules/i18n/isolate";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOwner(request);
  const { lang, t } = requestContext(request);
  const at = now();
  const done = new URL(request.url).searchParams.get("enrolled");
  const { festivals } = await ownerFestivals(user.id, lang, at);
  const closedText = (f: { phases: Parameters<typeof registrationClosedAt>[0]; timeZone: string }) => {
    const closedAt = registrationClosedAt(f.phases, at);
    return closedAt === null ? t("festivals.errors.registrationClosed") : t("festivals.errors.registrationClosedOn", { date: formatDateTime(closedAt, lang, f.timeZone) });
  };
  return {
    title: `${t("festivals.owner.title")} · ${t("site.name")}`,
    done: done ? t("festivals.owner.enrolled") : null,
    festivals: festivals.map(({ festival: f, open, enrolments }) => ({
      slug: f.slug,
      name: f.name,
      state: f.clock.state,
      stateLabel: t(`festival.state.${f.clock.state}`),
      open,
      closed: open ? null : closedText(f),
      sale: f.clock.sale ? `${isolate(formatDateTime(f.clock.sale.startsAt, lang, f.timeZone))} – ${isolate(formatDateTime(f.clock.sale.endsAt, lang, f.timeZone))}` : "",
      stores: enrolments.map(({ store, enrolment }) => ({
        slug: store.slug,
        name: store.name,
        live: store.status === "live",
        status: enrolment?.status ?? null,
        statusLabel: enrolment ? t(`festivals.decision.${enrolment.status}`) : null,
        reason: enrolment?.reason ?? null,
      })),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOwner(request);
  const { lang, t } = requestContext(request);
  const form = await readForm(request, t);
  const at = now();
  const festivalSlug = formText(form.get("festival"));
  const result = await enrolStore(user.id, formText(form.get("store")), festivalSlug, at, requestMeta(request, context).ip);
  if (result === "enrolled" || result === "already") return redirect(`${localizePath("/dashboard/festivals", lang)}?enrolled=1`);
  const key = `${festivalSlug}|${formText(form.get("store"))}`;
  if (result !== "closed") return data({ error: t("festivals.errors.enrolNotFound"), key }, { status: 404 });
  // Say when it closed: "closed" alone reads like a fault when the button was there a moment ago.
  const festival = await findPublishedFestival(festivalSlug, lang, at);
  const closedAt = festival ? registrationClosedAt(festival.phases, at) : null;
  const error =
    festival && closedAt !== null ? t("festivals.errors.registrationClosedOn", { date: formatDateTime(closedAt, lang, festival.timeZone) }) : t("festivals.errors.registrationClosed");
  return data({ error, key }, { status: 409 });
}

export default function OwnerFestivals() {
  const { festivals, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  return (
    <div className="container stack">
      <AreaHead back={{ to: localize("/dashboard"), label: t("owner.dashboard.title") }} title={t("festivals.owner.title")} notice={done}>
        <p>{t("festivals.owner.intro")}</p>
      </AreaHead>
      {festivals.length ? (
        festivals.map((f) => (
          <section key={f.slug} className="owner-festival" aria-labelledby={`f-${f.slug}`}>
            <h2 id={`f-${f.slug}`}>
              {f.name} <span className={`state-pill state-pill--${f.state}`}>{f.stateLabel}</span>
            </h2>
            <p className="muted">
              {t("festivals.phase.sale")}: <BidiText text={f.sale} />
            </p>
            <ul className="owner-stores">
              {f.stores.map((s) => (
                <li key={s.slug} className="owner-store" data-enrol={`${f.slug}|${s.slug}`}>
                  <div>
                    <h3>{s.name}</h3>
                    {s.status ? (
                      <p>
                        <span className={`state-pill state-pill--${s.status}`}>{s.statusLabel}</span>
                        {s.reason ? <span className="owner-store__reason"> {t("festivals.owner.reason", { reason: s.reason })}</span> : null}
                      </p>
                    ) : null}
                    {actionData && actionData.key === `${f.slug}|${s.slug}` ? (
                      <p className="field-errors" role="alert">
                        {actionData.error}
                      </p>
                    ) : null}
                  </div>
                  {s.status ? (
                    s.status !== "rejected" ? (
                      <Link className="button button--ghost" to={localize(`/dashboard/festivals/${f.slug}/${s.slug}`)}>
                        {t("festivals.owner.manageDeals")}
                      </Link>
                    ) : null
                  ) : f.open && s.live ? (
                    <Form method="post">
                      <input type="hidden" name="festival" value={f.slug} />
                      <input type="hidden" name="store" value={s.slug} />
                      <button type="submit" className="button">
                        {t("festivals.owner.enrol")}
                      </button>
                    </Form>
                  ) : (
                    <span className="muted">{s.live ? f.closed : t("festivals.owner.storeNotLive")}</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p className="muted">{t("festivals.owner.none")}</p>
      )}
    </div>
  );
}
