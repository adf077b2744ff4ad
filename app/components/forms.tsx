/**
 * Form building blocks shared by every form: a labelled field with its
 * translated errors next to it, a form-level error, and the honeypot.
 * Errors are i18n keys, produced by the form's zod schema on either side.
 */
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{t(e)}</li>
      ))}
    </ul>
  );
}

export function Field({
  label,
  field,
  type = "text",
  hint,
  inputProps,
}: {
  label: string;
  field: FieldMetadata<string | undefined>;
  type?: "text" | "email" | "password" | "tel";
  hint?: ReactNode;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const props = getInputProps(field, { type, ariaAttributes: true });
  return (
    <div className={`field${field.errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={field.id}>{label}</label>
      <input {...props} {...inputProps} key={props.key} />
      {hint ? (
        <p className="field-hint" id={`${field.id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Hidden from people (and assistive technology); bots that fill it are turned away. */
export function Honeypot({ name = "website" }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={`hp-${name}`}>{t("auth.honeypot")}</label>
      <input id={`hp-${name}`} type="text" name={name} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
