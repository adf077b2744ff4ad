/** A form field's text: the string sent, or `fallback` when the field is missing or is a file. */
export function formText(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}
