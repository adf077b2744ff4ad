import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { AreaHead } from "~/components/area-head";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImageUploadField } from "~/components/owner";
import { FestivalForm } from "~/components/festival-form";
import { requestMeta, requireOrganiser } from "~/modules/auth/guards.server";
import { now } from "~/modules/clock/now.server";
import { fromLocalInput, readClock, toLocalInput } from "~/modules/festivals/clock";
import { cancelFestival, duplicateFestival, festivalRecord, publishFestival, saveFestival, setFestivalBanner } from "~/modules/festivals/admin.server";
import { festivalFormValues } from "~/modules/festivals/form-values";
import { duplicateSchema, festivalSchema, missingLanguages, publishedFestivalSchema } from "~/modules/festivals/schemas";
import { zoneGroups } from "~/modules/festivals/zones";
import { notFound } from "~/modules/http/responses.server";
import { LANG_NAMES, localizePath, type Lang } from "~/modules/i18n/config";
import { formatDateTime, formatList } from "~/modules/i18n/format";
import { useLocalizedPath } from "~/modules/i18n/hooks";
import { readForm } from "~/modules/http/form.server";
import { requestContext } from "~/modules/i18n/request.server";
import { ImageRejected, prepareImage, removeImage, srcSetFor, storeImage, type ImageError } from "~/modules/uploads/images.server";
import { readImageUpload } from "~/modules/uploads/upload-form.server";

// A navigation into the back office first downloads its strings.
export { backOfficeClientLoader as clientLoader } from "~/modules/i18n/back-office-strings";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

const FLASHES = ["created", "saved", "published", "cancelled", "duplicated", "banner", "bannerRemoved"] as const;
const DAY = 86_400_000;

/** "English, Kiswahili": the languages a festival lacks, in the page's language. */
const languageList = (missing: Lang[], lang: Lang) => formatList(missing.map((l) => LANG_NAMES[l]), lang);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  const festival = await festivalRecord(params.slug ?? "");
  if (!festival) throw notFound(t);
  const at = now();
  const saved = new URL(request.url).searchParams.get("saved");
  const state = readClock(festival.phases, at).state;
  const missing = missingLanguages(festival.names);
  const first = festival.phases[0];
  // A copy's suggested start: the same day of the year after the source's first phase, or a week from today if that has passed.
  const suggested = first ? Math.max(first.startsAt + 364 * DAY, at + 7 * DAY) : at + 7 * DAY;
  return {
    title: `${festival.names[lang]?.name ?? festival.slug} · ${t("festivals.organiser.title")}`,
    slug: festival.slug,
    name: festival.names[lang]?.name ?? festival.names.en?.name ?? Object.values(festival.names)[0]?.name ?? festival.slug,
    status: festival.status,
    statusLabel: t(`festivals.status.${festival.status}`),
    stateLabel: t(`festival.state.${state}`),
    state,
    saved: saved && (FLASHES as readonly string[]).includes(saved) ? t(`festivals.form.flash.${saved}`) : null,
    values: festivalFormValues(festival),
    zones: zoneGroups(lang, at, festival.timeZone),
    missing: missing.length ? t("festivals.form.missingLanguages", { languages: languageList(missing, lang) }) : null,
    banner: festival.banner ? { ...festival.banner, srcSet: srcSetFor(festival.banner.url) ?? null } : null,
    duplicate: {
      firstPhase: first ? t(`festivals.phase.${first.kind}`) : "",
      startDate: toLocalInput(suggested, festival.timeZone).slice(0, 10),
    },
    shown: festival.phases.map((p) => ({
      kind: p.kind,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      utcStart: formatDateTime(p.startsAt, lang, "UTC"),
      utcEnd: formatDateTime(p.endsAt, lang, "UTC"),
    })),
  };
}

type ActionData = {
  result: SubmissionResult<string[]> | null;
  statusError?: string | null;
  imageError?: ImageError | null;
  duplicateError?: string | null;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const { lang, t } = requestContext(request);
  const festival = await festivalRecord(params.slug ?? "");
  if (!festival) throw notFound(t);
  const actor = { userId: user.id, ip: requestMeta(request, context).ip, now: new Date(now()) };
  const back = (slug: string, saved: (typeof FLASHES)[number], hash = "") => redirect(`${localizePath(`/organiser/festivals/${slug}/edit`, lang)}?saved=${saved}${hash}`);
  const fail = (status: number, d: Partial<ActionData>) => data<ActionData>({ result: null, ...d }, { status });

  // The banner comes as the only multipart form on the page.
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readImageUpload(request, "banner");
    if (!upload.file) return fail(400, { imageError: upload.error });
    try {
      const stored = await storeImage(await prepareImage(new Uint8Array(await upload.file.arrayBuffer())));
      const { orphaned } = await setFestivalBanner(festival.id, stored, actor);
      if (orphaned) await removeImage(orphaned);
    } catch (e) {
      if (e instanceof ImageRejected) return fail(400, { imageError: e.reason });
      throw e;
    }
    return back(festival.slug, "banner", "#banner");
  }

  const form = await readForm(request, t);
  const intent = form.get("intent");
  if (intent === "publish") {
    const published = await publishFestival(festival.id, actor);
    if (published.ok) return back(festival.slug, "published");
    const statusError =
      published.reason === "missingLanguages" ? t("festivals.errors.publishMissingLanguages", { languages: languageList(published.missing, lang) }) : t("festivals.errors.statusUnchanged");
    return fail(409, { statusError });
  }
  if (intent === "cancel") {
    if (!(await cancelFestival(festival.id, actor))) return fail(409, { statusError: t("festivals.errors.statusUnchanged") });
    return back(festival.slug, "cancelled");
  }
  if (intent === "removeBanner") {
    const { orphaned } = await setFestivalBanner(festival.id, null, actor);
    if (orphaned) await removeImage(orphaned);
    return back(festival.slug, "bannerRemoved", "#banner");
  }
  if (intent === "duplicate") {
    const parsed = duplicateSchema.safeParse({ intent, startDate: form.get("startDate") ?? undefined });
    if (!parsed.success) return fail(400, { duplicateError: t(parsed.error.issues[0]?.message ?? "festivals.errors.startDateInvalid") });
    const first = festival.phases[0];
    if (!first) return fail(400, { duplicateError: t("festivals.errors.startDateInvalid") });
    // The first phase starts on the chosen day at the time of day it started before, in the festival's zone.
    const start = fromLocalInput(`${parsed.data.startDate}T${toLocalInput(first.startsAt, festival.timeZone).slice(11)}`, festival.timeZone);
    if (!start.ok) return fail(400, { duplicateError: t(start.error === "nonexistent" ? "festivals.errors.timeSkipped" : "festivals.errors.startDateInvalid") });
    const slug = await duplicateFestival(festival.id, start.instant, Number(parsed.data.startDate.slice(0, 4)), actor);
    return back(slug, "duplicated");
  }

  // Saving: a published festival keeps all six languages, a draft may lack some.
  const submission = parseWithZod(form, { schema: festival.status === "published" ? publishedFestivalSchema : festivalSchema });
  if (submission.status !== "success") return fail(400, { result: submission.reply() });
  const saved = await saveFestival(submission.value, actor, festival.id);
  if (!saved.ok) {
    const field = saved.reason === "slugTaken" ? "slug" : "subsidyBudget";
    return fail(400, { result: submission.reply({ fieldErrors: { [field]: [`festivals.errors.${saved.reason}`] } }) });
  }
  return back(submission.value.slug, "saved");
}

export default function EditFestival() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const localize = useLocalizedPath();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="container stack">
      <AreaHead back={{ to: localize("/organiser"), label: t("festivals.organiser.title") }} title={d.name} notice={d.saved}>
        <p>
          <span className={`state-pill state-pill--${d.status}`}>{d.statusLabel}</span> <span className={`state-pill state-pill--${d.state}`}>{d.stateLabel}</span>
        </p>
      </AreaHead>
      {d.missing && d.status === "draft" ? (
        <p className="notice notice--warning" data-missing-languages="">
          {d.missing}
        </p>
      ) : null}
      {actionData?.statusError ? (
        <p className="field-errors" role="alert" data-status-error="">
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
        {d.status === "published" ? (
          <Link className="button button--ghost" to={localize(`/organiser/festivals/${d.slug}`)}>
            {t("festivals.organiser.dashboard")}
          </Link>
        ) : null}
        {d.status === "published" ? (
          <Link className="button button--ghost" to={localize(`/festivals/${d.slug}`)}>
            {t("festivals.organiser.publicPage")}
          </Link>
        ) : null}
      </div>
      <FestivalForm
        // A new form for another festival (after duplicating, the page moves to the copy without a reload).
        key={d.slug}
        id={`festival-${d.slug}`}
        defaultValue={d.values}
        lastResult={actionData?.result}
        submitLabel={t(d.status === "draft" ? "festivals.form.saveDraft" : "festivals.form.save")}
        shown={d.shown}
        zones={d.zones}
        allLanguages={d.status === "published"}
      />
      <section id="banner" aria-labelledby="banner-title" className="form-card stack">
        <h2 id="banner-title">{t("festivals.banner.title")}</h2>
        <p className="field-hint">{t("festivals.banner.hint")}</p>
        {d.banner ? (
          <img
            className="festival-banner__image festival-banner__image--preview"
            src={d.banner.url}
            srcSet={d.banner.srcSet ?? undefined}
            sizes="(min-width: 72rem) 70rem, 100vw"
            width={d.banner.width || undefined}
            height={d.banner.height || undefined}
            alt={t("festivals.banner.alt", { name: d.name })}
          />
        ) : (
          <p className="muted">{t("festivals.banner.none")}</p>
        )}
        {/* Keyed by the banner shown: after an upload the form is new, so the file just sent is no longer chosen. */}
        <Form method="post" encType="multipart/form-data" className="owner-upload" key={d.banner?.url ?? "none"}>
          <ImageUploadField id="banner-upload" name="banner" label={t("festivals.banner.choose")} error={actionData?.imageError} />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {t("festivals.banner.upload")}
            </button>
          </div>
        </Form>
        {d.banner ? (
          <Form method="post">
            <button type="submit" name="intent" value="removeBanner" className="button button--ghost">
              {t("festivals.banner.remove")}
            </button>
          </Form>
        ) : null}
      </section>
      <section id="duplicate" aria-labelledby="duplicate-title" className="form-card stack">
        <h2 id="duplicate-title">{t("festivals.duplicate.title")}</h2>
        <p className="field-hint">{t("festivals.duplicate.intro")}</p>
        <Form method="post" className="stack">
          <div className={`field${actionData?.duplicateError ? " field--invalid" : ""}`}>
            <label htmlFor="duplicate-start">{t("festivals.duplicate.startDate", { phase: d.duplicate.firstPhase })}</label>
            <input
              id="duplicate-start"
              type="date"
              name="startDate"
              required
              defaultValue={d.duplicate.startDate}
              aria-invalid={actionData?.duplicateError ? true : undefined}
              aria-describedby={actionData?.duplicateError ? "duplicate-start-error" : undefined}
            />
            {actionData?.duplicateError ? (
              <ul id="duplicate-start-error" className="field-errors" role="alert">
                <li>{actionData.duplicateError}</li>
              </ul>
            ) : null}
          </div>
          <div className="button-row">
            <button type="submit" name="intent" value="duplicate" className="button">
              {t("festivals.duplicate.submit")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
