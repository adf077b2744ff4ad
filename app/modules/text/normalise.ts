/**
 * The one text normaliser for everything people type that the app stores:
 * names, cities, stories, descriptions, reasons, addresses. Unicode NFC (so
 * "é" typed two ways is one string for search and comparison), and no
 * invisible characters that have no place in shop text: C0/C1 controls (NUL
 * included), zero-width space and BOM, and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) that can make "Kikoy \u202Eexe.gpj"
 * display as another name. Kept on purpose: the left-to-right and
 * right-to-left marks (U+200E/U+200F, U+061C), which only steer neutral
 * characters and which Arabic text mixed with numbers needs, and the joiners
 * ZWJ/ZWNJ (U+200C/U+200D), which Persian, Indic scripts and emoji need.
 *
 * Shapes: a "line" is one line (all white space runs become one space); a
 * "paragraphs" text keeps line breaks (at most one blank line in a row) and
 * tidies spaces within lines; "markdown" keeps line breaks and the spaces and
 * tabs that Markdown gives meaning to (indents, hard breaks).
 */
import { z } from "zod";

export type TextShape = "line" | "paragraphs" | "markdown";

// Tab, LF and CR are C0 controls too, but they are white space: each shape decides about them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed.
export const INVISIBLE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function normaliseText(input: string, shape: TextShape = "line"): string {
  const text = input.normalize("NFC").replace(INVISIBLE_CHARACTERS, "");
  if (shape === "line") return text.replace(/\s+/g, " ").trim();
  const lines = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
  if (shape === "markdown") return lines.replace(/^\n+/, "").trimEnd();
  return lines
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Typed by what a form field holds (text), which is what Conform derives its field types from.
export type RequiredText = z.ZodType<string, z.ZodTypeDef, string>;
export type OptionalText = z.ZodType<string | undefined, z.ZodTypeDef, string | undefined>;

interface TextRules {
  /** The message when the field is absent or normalises to nothing; without it the field is optional. */
  required?: string;
  min?: [number, string];
  max: [number, string];
}

/**
 * A zod string normalised before it is checked, so the limits count what is
 * stored. Text that normalises to nothing counts as not given. Anything that
 * is not a string (an array from a repeated field, a file) is `invalid`.
 */
export function normalisedText(shape: TextShape, rules: TextRules & { required: string }): RequiredText;
export function normalisedText(shape: TextShape, rules: TextRules): OptionalText;
export function normalisedText(shape: TextShape, rules: TextRules): RequiredText | OptionalText {
  const invalid = rules.required ?? rules.max[1];
  let checked = z.string({ required_error: rules.required ?? invalid, invalid_type_error: invalid }).max(rules.max[0], rules.max[1]);
  if (rules.min) checked = checked.min(rules.min[0], rules.min[1]);
  const input = z.preprocess(
    (value) => {
      if (value === undefined || value === null) return undefined;
      if (typeof value !== "string") return value;
      return normaliseText(value, shape) || undefined;
    },
    rules.required ? checked : checked.optional(),
  );
  return input as RequiredText | OptionalText;
}
