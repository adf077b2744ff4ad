/**
 * Bidirectional isolation of the values inside a sentence. A value (a price,
 * a date, a duration) put into translated text is wrapped in FIRST STRONG
 * ISOLATE … POP DIRECTIONAL ISOLATE, so it reads right even where it is shown
 * as plain text (a title, an option); `<BidiText>` turns each marked value,
 * and any other run of digits, into its own `<bdi>` element.
 * User input never carries these marks: normalise.ts strips them.
 */
const LRI = "\u2066";
const FSI = "\u2068";
const PDI = "\u2069";

/**
 * `value` marked as one isolated value, for interpolating into a sentence:
 * `ltr` for numbers and money (read left-to-right, as <Value ltr>), otherwise
 * its direction comes from its own first letter (a date in Arabic reads right-to-left).
 */
export function isolate(value: string, dir: "ltr" | "auto" = "auto"): string {
  return `${dir === "ltr" ? LRI : FSI}${value}${PDI}`;
}

/**
 * A translated sentence whose values are marked `<bdi>…</bdi>` in the
 * resource files (a price, a range of days), with each marked value turned
 * into an isolate read left-to-right, for `<BidiText>`.
 */
export function isolateMarkedValues(sentence: string): string {
  return sentence.replace(/<bdi>(.*?)<\/bdi>/g, (_, value: string) => isolate(value, "ltr"));
}

export interface BidiSegment {
  text: string;
  isolated: boolean;
  ltr?: boolean;
}

// A number as Intl writes it: Latin, Arabic-Indic or Eastern Arabic-Indic digits with their separators, and a percent sign.
const DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9";
const NUMBER = new RegExp(`[${DIGITS}]+(?:[.,:/\\-\\u066B\\u066C\\u00A0\\u202F'’][${DIGITS}]+)*\\s?[%\\u066A]?`, "g");

function splitNumbers(text: string, out: BidiSegment[]) {
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    const value = m[0].trimEnd();
    if (m.index > last) out.push({ text: text.slice(last, m.index), isolated: false });
    out.push({ text: value, isolated: true, ltr: true });
    last = m.index + value.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), isolated: false });
}

/** `text` cut into plain runs and isolated values (the marks themselves dropped). */
export function bidiSegments(text: string): BidiSegment[] {
  const out: BidiSegment[] = [];
  let rest = text;
  const strip = (text: string) => text.replace(/[\u2066\u2068\u2069]/g, "");
  for (;;) {
    const open = rest.search(/[\u2066\u2068]/);
    const close = open === -1 ? -1 : rest.indexOf(PDI, open + 1);
    if (close === -1) {
      splitNumbers(strip(rest), out);
      return out;
    }
    splitNumbers(strip(rest.slice(0, open)), out);
    out.push(rest[open] === LRI ? { text: rest.slice(open + 1, close), isolated: true, ltr: true } : { text: rest.slice(open + 1, close), isolated: true });
    rest = rest.slice(close + 1);
  }
}

/**
 * Sanitised HTML (rendered Markdown) with each run of digits in its text put
 * in a `<bdi>`; tags, attributes and character references are left as they are.
 */
export function isolateNumbersInHtml(html: string): string {
  return html
    .split(/(<[^>]*>|&[#\w]+;)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      const segments: BidiSegment[] = [];
      splitNumbers(part, segments);
      return segments.map((s) => (s.isolated ? `<bdi dir="ltr">${s.text}</bdi>` : s.text)).join("");
    })
    .join("");
}
