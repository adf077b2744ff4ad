/**
 * The session form (the organiser schedules; a store proposes): one zod
 * schema (sessionSchema) checks it in the browser and again in the action;
 * overlaps and "already started" are checked again in the transaction.
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList } from "~/components/forms";
import type { Phase } from "~/modules/festivals/clock";
import { LANG_NAMES, LANGS } from "~/modules/i18n/config";
import { SESSION_CHANNELS, SESSION_KINDS } from "~/modules/programme/kinds";
import type { SessionWindow } from "~/modules/programme/schedule";
import { sessionSchema } from "~/modules/programme/schemas";

type F = FieldMetadata<string | undefined>;

function Wrap({ field, label, children, hint }: { field: F; label: string; children: React.ReactNode; hint?: string }) {
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      {children}
      {hint ? <p className="field-hint">{hint}</p> : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export interface SessionFormProps {
  id: string;
  timeZone: string;
  zoneLabel: string;
  phases: Phase[];
  stores: { id: number; name: string }[];
  products: { id: number; name: string }[];
  others: SessionWindow[];
  /** The organiser's form: a named speaker may host, and any of the festival's stores; a store's proposal: itself only. */
  speakerAllowed: boolean;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  intent: string;
  /** A stored session's values (the organiser's edit page); a new session starts from the defaults. */
  defaultValue?: Record<string, string>;
}

export function SessionForm(props: SessionFormProps) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const context = {
    timeZone: props.timeZone,
    phases: props.phases,
    productIds: props.products.map((p) => p.id),
    storeIds: props.stores.map((s) => s.id),
    speakerAllowed: props.speakerAllowed,
    others: props.others,
  };
  const [form, fields] = useForm({
    id: props.id,
    lastResult: props.lastResult ?? undefined,
    defaultValue: props.defaultValue ?? {
      kind: "livestream",
      channel: SESSION_CHANNELS[0],
      host: props.speakerAllowed ? "store" : undefined,
      hostStore: props.stores.length === 1 ? String(props.stores[0].id) : "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sessionSchema(context) }),
  });
  const field = (name: string) => (fields as unknown as Record<string, F>)[name];
  // Conform's props carry a React key, which must not be spread into JSX.
  const select = (name: string) => {
    const { key: _key, ...props } = getSelectProps(field(name), { ariaAttributes: true });
    return props;
  };
  const input = (name: string, type: "text" | "datetime-local" | "url" = "text") => {
    const { key: _key, ...props } = getInputProps(field(name), { type: type as "text", ariaAttributes: true });
    return props;
  };
  const host = field("host");
  return (
    <Form method="post" className="form-card session-form" {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={props.intent} />
      <fieldset>
        <legend>{t("programme.form.details")}</legend>
        <Wrap field={field("kind")} label={t("programme.form.kind")}>
          <select key={field("kind").key} {...select("kind")}>
            {SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`programme.kind.${k}`)}
              </option>
            ))}
          </select>
        </Wrap>
        <Wrap field={field("channel")} label={t("programme.form.channel")}>
          <select key={field("channel").key} {...select("channel")}>
            {SESSION_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`programme.channel.${c}`)}
              </option>
            ))}
          </select>
        </Wrap>
        {props.speakerAllowed ? (
          <div className={`field${host.errors?.length ? " field--invalid" : ""}`} role="radiogroup" aria-labelledby={`${props.id}-host-label`}>
            <span id={`${props.id}-host-label`} className="field-label">
              {t("programme.form.host")}
            </span>
            <label className="checkbox">
              <input type="radio" name="host" value="store" defaultChecked={host.initialValue !== "speaker"} /> {t("programme.form.hostStore")}
            </label>
            <label className="checkbox">
              <input type="radio" name="host" value="speaker" defaultChecked={host.initialValue === "speaker"} /> {t("programme.form.hostSpeaker")}
            </label>
            <ErrorList id={host.errorId} errors={host.errors} />
          </div>
        ) : null}
        <Wrap field={field("hostStore")} label={t("programme.form.store")}>
          <select key={field("hostStore").key} {...select("hostStore")}>
            {props.stores.length !== 1 ? <option value="">{t("programme.form.chooseStore")}</option> : null}
            {props.stores.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </Wrap>
        {props.speakerAllowed ? (
          <Wrap field={field("speakerName")} label={t("programme.form.speakerName")}>
            <input key={field("speakerName").key} {...input("speakerName")} />
          </Wrap>
        ) : null}
        <div className="phase-fields__pair">
          <Wrap field={field("start")} label={t("programme.form.start")} hint={t("programme.form.timesHint", { zone: props.zoneLabel })}>
            <input key={field("start").key} {...input("start", "datetime-local")} />
          </Wrap>
          <Wrap field={field("end")} label={t("programme.form.end")}>
            <input key={field("end").key} {...input("end", "datetime-local")} />
          </Wrap>
        </div>
        <Wrap field={field("watchUrl")} label={t("programme.form.watchUrl")} hint={t("programme.form.watchUrlHint")}>
          <input key={field("watchUrl").key} {...input("watchUrl", "url")} inputMode="url" dir="ltr" />
        </Wrap>
      </fieldset>
      <fieldset>
        <legend>{t("programme.form.products")}</legend>
        {props.products.length ? (
          <ul className="checkbox-list">
            {props.products.map((p) => (
              <li key={p.id}>
                <label className="checkbox">
                  <input type="checkbox" name={`product_${p.id}`} value="on" defaultChecked={field(`product_${p.id}`).initialValue === "on"} /> {p.name}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("programme.form.noProducts")}</p>
        )}
      </fieldset>
      {LANGS.map((lang) => {
        const title = field(`title_${lang}`);
        const summary = field(`summary_${lang}`);
        const { key: areaKey, ...area } = getTextareaProps(summary, { ariaAttributes: true });
        return (
          <fieldset key={lang} lang={lang} data-language={lang}>
            <legend>{t("programme.form.language", { language: LANG_NAMES[lang] })}</legend>
            <Wrap field={title} label={t("programme.form.sessionTitle")}>
              <input key={title.key} {...input(`title_${lang}`)} dir={lang === "ar" ? "rtl" : "ltr"} />
            </Wrap>
            <Wrap field={summary} label={t("programme.form.summary")}>
              <textarea key={areaKey} {...area} rows={3} dir={lang === "ar" ? "rtl" : "ltr"} />
            </Wrap>
          </fieldset>
        );
      })}
      <button type="submit" className="button" disabled={busy}>
        {props.submitLabel}
      </button>
    </Form>
  );
}
