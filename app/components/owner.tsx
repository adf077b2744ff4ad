/**
 * Building blocks of the owner's forms: a textarea and a select with their
 * translated errors beside them (same pattern as components/forms.tsx), and
 * the product form itself, shared by "new" and "edit".
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field } from "~/components/forms";
import { LANGS, LANG_NAMES, dirOf, type Lang } from "~/modules/i18n/config";
import { productSchema } from "~/modules/owner/schemas";

export function TextareaField({ label, field, hint, rows = 4, lang }: { label: string; field: FieldMetadata<string | undefined>; hint?: string; rows?: number; lang?: Lang }) {
  const props = getTextareaProps(field, { ariaAttributes: true });
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <textarea {...props} key={props.key} rows={rows} lang={lang} dir={lang ? dirOf(lang) : undefined} />
      {hint ? <p className="field-hint">{hint}</p> : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({ label, field, options, placeholder }: { label: string; field: FieldMetadata<string | undefined>; options: { value: string; label: string }[]; placeholder: string }) {
  const props = getSelectProps(field, { ariaAttributes: true });
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <select {...props} key={props.key}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

type LanguageState = "done" | "partial" | "missing";

/**
 * Which of the six languages are filled, as small labelled pills: name and
 * description (solid), name only (half: the English description is shown),
 * or nothing (struck: the English text is shown). The state is also in words
 * for screen readers and in the pill's title.
 */
/**
 * One image file to upload (a product photo, a festival banner), with the
 * upload module's refusal shown beside it, translated (owner.images.errors.*).
 */
export function ImageUploadField({ id, name, label, error }: { id: string; name: string; label: string; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        name={name}
        accept="image/jpeg,image/png,image/webp"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <ul id={`${id}-error`} className="field-errors" role="alert">
          <li>{t(`owner.images.errors.${error}`)}</li>
        </ul>
      ) : null}
    </div>
  );
}

export function LanguageStatus({ filled, described }: { filled: readonly string[]; described: readonly string[] }) {
  const { t } = useTranslation();
  const stateOf = (l: string): LanguageState => (described.includes(l) ? "done" : filled.includes(l) ? "partial" : "missing");
  return (
    <ul className="lang-status" aria-label={t("owner.product.languages")}>
      {LANGS.map((l) => {
        const state = stateOf(l);
        const label = `${LANG_NAMES[l]}: ${t(`owner.product.langState.${state}`)}`;
        return (
          <li key={l} className={`lang-status__${state}`} title={label} data-lang={l} data-state={state}>
            <span aria-hidden="true">{l.toUpperCase()}</span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The key to the pills, once above the lists that use them. */
export function LanguageStatusLegend() {
  const { t } = useTranslation();
  return (
    <p className="lang-legend" aria-hidden="true">
      {(["done", "partial", "missing"] as const).map((state) => (
        <span key={state} className="lang-legend__item">
          <span className={`lang-legend__swatch lang-status__${state}`}>AB</span> {t(`owner.product.langState.${state}`)}
        </span>
      ))}
    </p>
  );
}

/** Several photos in one file field; a refused one is named, and the browser cannot refill a file field, so the note says to choose again. */
function PhotosField({ field, max, failed }: { field: FieldMetadata<string | undefined>; max: number; failed: { n: number; name: string } | null }) {
  const { t } = useTranslation();
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={`field owner-photos${invalid ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{t("owner.images.chooseSeveral", { count: max })}</label>
      <input
        id={field.id}
        type="file"
        name={field.name}
        multiple
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={invalid || undefined}
        aria-describedby={`${field.id}-hint${invalid ? ` ${field.errorId}` : ""}`}
      />
      <p className="field-hint" id={`${field.id}-hint`}>
        {t("owner.images.severalHint", { count: max })}
      </p>
      {invalid ? (
        <ul id={field.errorId} className="field-errors" role="alert">
          {field.errors!.map((e) => (
            <li key={e}>
              {failed ? <>{t("owner.images.whichPhoto", { n: failed.n, name: failed.name })} </> : null}
              {t(e)} {t("owner.images.chooseAgain")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ProductForm({
  id,
  lastResult,
  defaultValue,
  categories,
  submitLabel,
  busy,
  photos,
}: {
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, string>;
  categories: { slug: string; name: string }[];
  submitLabel: string;
  busy: boolean;
  /** The new-product form takes photos in the same submit: at most `max`; `failed` names the one refused. */
  photos?: { max: number; failed: { n: number; name: string } | null };
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productSchema }),
  });
  const f = fields as unknown as Record<string, FieldMetadata<string | undefined>>;
  const filled = (lang: Lang) => Boolean(f[`name_${lang}`].value?.trim());
  const hasError = (lang: Lang) => ["name", "description", "originNote"].some((k) => f[`${k}_${lang}`].errors?.length);
  return (
    <Form method="post" className="form-card owner-form" encType={photos ? "multipart/form-data" : undefined} {...getFormProps(form)}>
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="owner-form__grid">
        <SelectField label={t("owner.product.category")} field={f.category} placeholder={t("owner.product.chooseCategory")} options={categories.map((c) => ({ value: c.slug, label: c.name }))} />
        <Field label={t("owner.product.price")} field={f.price} hint={t("owner.product.priceHint")} inputProps={{ inputMode: "decimal", autoComplete: "off" }} />
        <div className={`field${f.stock.errors?.length ? " field--invalid" : ""}`}>
          <label htmlFor={f.stock.id}>{t("owner.product.stock")}</label>
          <input {...getInputProps(f.stock, { type: "number", ariaAttributes: true })} min={0} step={1} inputMode="numeric" key={f.stock.key} />
          <ErrorList id={f.stock.errorId} errors={f.stock.errors} />
        </div>
      </div>
      <div className="field">
        <div className="field--check">
          <input {...getInputProps(f.feedOptOut, { type: "checkbox", ariaAttributes: true })} aria-describedby={`${f.feedOptOut.id}-hint`} key={f.feedOptOut.key} />
          <label htmlFor={f.feedOptOut.id}>{t("feeds.ownerOptOut")}</label>
        </div>
        <p className="field-hint" id={`${f.feedOptOut.id}-hint`}>
          {t("feeds.ownerOptOutHint")}
        </p>
      </div>
      <fieldset className="owner-langs">
        <legend>{t("owner.product.content")}</legend>
        <p className="field-hint">{t("owner.product.contentHint")}</p>
        {LANGS.map((lang) => (
          <details key={lang} className="owner-lang" open={lang === "en" || filled(lang) || hasError(lang)}>
            <summary>
              <span lang={lang}>{LANG_NAMES[lang]}</span>{" "}
              <span className={`owner-lang__state owner-lang__state--${filled(lang) ? "done" : "missing"}`}>
                {lang === "en" ? t("owner.product.required") : filled(lang) ? t("owner.product.filled") : t("owner.product.fallsBack")}
              </span>
            </summary>
            <div className="owner-lang__body">
              <Field label={t("owner.product.nameIn", { lang: LANG_NAMES[lang] })} field={f[`name_${lang}`]} inputProps={{ lang, dir: dirOf(lang) }} />
              <TextareaField label={t("owner.product.descriptionIn", { lang: LANG_NAMES[lang] })} field={f[`description_${lang}`]} rows={6} hint={t("owner.product.markdownHint")} lang={lang} />
              <Field label={t("owner.product.originNoteIn", { lang: LANG_NAMES[lang] })} field={f[`originNote_${lang}`]} inputProps={{ lang, dir: dirOf(lang) }} />
            </div>
          </details>
        ))}
      </fieldset>
      {photos ? <PhotosField field={f.photos} max={photos.max} failed={photos.failed} /> : null}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
