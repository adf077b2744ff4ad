/**
 * The one way an action reads its form. Whatever a client sends (no body,
 * JSON, broken multipart, a megabyte of text, the same field twice, a field
 * named `x[]` or `x.y`), the action gets either a FormData whose every field
 * appears once under a plain name, or a translated 400; never a 500.
 *
 *   const form = await readForm(request, t);
 *
 * Forms that take a file name it (`files: ["image"]`; `repeatedFiles` for a
 * field that takes several) and may raise the byte limit; `tryReadForm` returns the problem instead of throwing, for a form
 * that shows it next to its own field (the product image upload).
 */
import type { TFunction } from "i18next";
import { badRequest } from "./responses.server";

export type FormProblem = "unreadable" | "tooLarge" | "contentType" | "repeated" | "fieldName" | "file";

export interface FormRules {
  /** The largest body read, in bytes (the default fits a product in six languages of CJK text). */
  maxBytes?: number;
  /** Multipart fields that may carry a file; anywhere else a file is refused. */
  files?: readonly string[];
  /** File fields that may come more than once (an `<input type="file" multiple>`); text fields never may. */
  repeatedFiles?: readonly string[];
}

export const FORM_MAX_BYTES = 512 * 1024;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
// Every form in the app names its fields flat (`name_fr`, `sale_start`). Brackets and
// dots are how other parsers nest values; Conform would turn `name_fr.x` into an
// object where the schema expects text.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const RESERVED_NAMES = new Set(["__proto__", "constructor", "prototype"]);

export type FormReading = { ok: true; form: FormData } | { ok: false; problem: FormProblem };

/** The body's bytes, or null past `max` (the rest is never read). */
async function readBody(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export async function tryReadForm(request: Request, rules: FormRules = {}): Promise<FormReading> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!FORM_TYPES.has(contentType.split(";")[0].trim().toLowerCase())) return { ok: false, problem: "contentType" };
  const max = rules.maxBytes ?? FORM_MAX_BYTES;
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > max) return { ok: false, problem: "tooLarge" };
  let form: FormData;
  try {
    const body = await readBody(request, max);
    if (!body) return { ok: false, problem: "tooLarge" };
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  const seen = new Set<string>();
  for (const [name, value] of form) {
    if (!FIELD_NAME.test(name) || RESERVED_NAMES.has(name)) return { ok: false, problem: "fieldName" };
    // A repeated field reaches the schema as an array where it expects text.
    if (seen.has(name) && !(typeof value !== "string" && rules.repeatedFiles?.includes(name))) return { ok: false, problem: "repeated" };
    seen.add(name);
    if (typeof value !== "string" && !rules.files?.includes(name)) return { ok: false, problem: "file" };
  }
  return { ok: true, form: withoutNul(form) };
}

/**
 * The form with NUL characters taken out of its text: no form takes one, and
 * PostgreSQL's text cannot hold one (a query given one fails), so both
 * engines see the same text.
 */
function withoutNul(form: FormData): FormData {
  let found = false;
  for (const [, value] of form) if (typeof value === "string" && value.includes("\u0000")) found = true;
  if (!found) return form;
  const clean = new FormData();
  for (const [name, value] of form) clean.append(name, typeof value === "string" ? value.replaceAll("\u0000", "") : value);
  return clean;
}

/** The request's form, or a thrown, translated 400 (rendered by the error boundary). */
export async function readForm(request: Request, t: TFunction, rules: FormRules = {}): Promise<FormData> {
  const reading = await tryReadForm(request, rules);
  if (!reading.ok) throw badRequest(t, reading.problem);
  return reading.form;
}

/** The form's text fields as a plain object (file fields dropped), for schemas that take one. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") values[name] = value;
  return values;
}
