/**
 * The organiser's festival form (create and edit): one zod schema
 * (festivalSchema) checks it in the browser and again in the action.
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import { LANG_NAMES, LANGS } from "~/modules/i18n/config";
import { PHASE_KINDS_ORDERED } from "~/modules/festivals/phase-kinds";
import { festivalSchemaFor } from "~/modules/festivals/schemas";
import type { ZoneGroup } from "~/modules/festivals/zones";
import { useViewerZone, ViewerTime, ViewerZoneLabel } from "./festival";
import { Value } from "./value";

type F = FieldMetadata<string | undefined>;

function Input({ label, field, type = "text", hint }: { label: string; field: F; type?: "text" | "datetime-local" | "number"; hint?: string }) {
  const props = getInputProps(field, { type: type as "text", ariaAttributes: true });
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <input {...props} key={props.key} inputMode={type === "number" ? "decimal" : undefined} />
      {hint ? <p className="field-hint">{hint}</p> : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

function TextArea({ label, field, lang }: { label: string; field: F; lang: string }) {
  const props = getTextareaProps(field, { ariaAttributes: true });
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <textarea {...props} key={props.key} rows={3} lang={lang} dir={lang === "ar" ? "rtl" : "ltr"} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** The home time zone, picked from every IANA zone (named in the page's language, with its offset); a plain <select>, so it works without JavaScript. */
function ZoneSelect({ label, field, zones, hint }: { label: string; field: F; zones: ZoneGroup[]; hint: string }) {
  const { t } = useTranslation();
  const props = getSelectProps(field, { ariaAttributes: true });
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <select {...props} key={props.key} className="zone-select">
        {zones.map((g) => (
          <optgroup key={g.group} label={t(`festivals.form.zoneGroup.${g.group}`)}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p className="field-hint">{hint}</p>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export interface PhaseShown {
  kind: string;
  startsAt: number;
  endsAt: number;
  utcStart: string;
  utcEnd: string;
}

export function FestivalForm({
  id,
  defaultValue,
  lastResult,
  submitLabel,
  shown = [],
  zones,
  allLanguages,
}: {
  id: string;
  defaultValue: Record<string, string>;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  shown?: PhaseShown[];
  zones: ZoneGroup[];
  /** A published festival keeps all six languages; a draft may lack some. */
  allLanguages: boolean;
}) {
  const { t } = useTranslation();
  const viewerZone = useViewerZone();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id,
    lastResult: lastResult ?? undefined,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: festivalSchemaFor({ allLanguages }) }),
  });
  const field = (name: string) => (fields as unknown as Record<string, F>)[name];
  return (
    <Form method="post" className="form-card festival-form" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <fieldset>
        <legend>{t("festivals.form.basics")}</legend>
        <Input label={t("festivals.form.slug")} field={field("slug")} hint={t("festivals.form.slugHint")} />
        <ZoneSelect label={t("festivals.form.timeZone")} field={field("timeZone")} zones={zones} hint={t("festivals.form.timeZoneHint")} />
      </fieldset>
      <fieldset>
        <legend>{t("festivals.form.phases")}</legend>
        <p className="field-hint">{t("festivals.form.phasesHint")}</p>
        {PHASE_KINDS_ORDERED.map((kind) => {
          const s = shown.find((p) => p.kind === kind);
          return (
            <div key={kind} className="phase-fields">
              <h2>
                {t(`festivals.phase.${kind}`)} {kind === "sale" ? <small>({t("festivals.form.required")})</small> : <small>({t("festivals.form.optional")})</small>}
              </h2>
              <div className="phase-fields__pair">
                <Input label={t("festivals.form.start")} field={field(`${kind}_start`)} type="datetime-local" />
                <Input label={t("festivals.form.end")} field={field(`${kind}_end`)} type="datetime-local" />
              </div>
              {s ? (
                <p className="field-hint phase-fields__shown">
                  UTC: <Value>{s.utcStart}</Value> – <Value>{s.utcEnd}</Value>
                  {/* The viewer's own zone, once the browser says which it is (without JavaScript, UTC above is all there is). */}
                  {viewerZone ? (
                    <>
                      <br />
                      <ViewerZoneLabel />: <ViewerTime instant={s.startsAt} utcText={s.utcStart} /> –{" "}
                      <ViewerTime instant={s.endsAt} utcText={s.utcEnd} />
                    </>
                  ) : null}
                </p>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t("festivals.form.targets")}</legend>
        <div className="phase-fields__pair">
          <Input label={t("festivals.form.targetOrders")} field={field("targetOrders")} type="number" />
          <Input label={t("festivals.form.targetUnits")} field={field("targetUnits")} type="number" />
          <Input label={t("festivals.form.targetGmv")} field={field("targetGmv")} hint={t("festivals.form.targetGmvHint")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("festivals.funding.legend")}</legend>
        <Input label={t("festivals.funding.budget")} field={field("subsidyBudget")} hint={t("festivals.funding.budgetHint")} />
      </fieldset>
      <p className="field-hint">{t(allLanguages ? "festivals.form.languagesAll" : "festivals.form.languagesDraft")}</p>
      {LANGS.map((lang) => (
        <fieldset key={lang} lang={lang} data-language={lang}>
          <legend>{t("festivals.form.language", { language: LANG_NAMES[lang] })}</legend>
          <Input label={t("festivals.form.name")} field={field(`name_${lang}`)} />
          <TextArea label={t("festivals.form.pitch")} field={field(`pitch_${lang}`)} lang={lang} />
        </fieldset>
      ))}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
