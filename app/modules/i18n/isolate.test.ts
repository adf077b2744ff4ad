import { describe, expect, it } from "vitest";
import { bidiSegments, isolate, isolateMarkedValues, isolateNumbersInHtml } from "./isolate";

describe("bidirectional isolation of values in text", () => {
  it("cuts marked values out of a sentence, dropping the marks", () => {
    expect(bidiSegments(`Target ${isolate("US$1,000.00", "ltr")}`)).toEqual([
      { text: "Target ", isolated: false },
      { text: "US$1,000.00", isolated: true, ltr: true },
    ]);
    expect(bidiSegments(`من ${isolate("11 ديسمبر 2026")} إلى ${isolate("12 ديسمبر")}`).filter((s) => s.isolated).map((s) => s.text)).toEqual(["11 ديسمبر 2026", "12 ديسمبر"]);
  });
  it("isolates unmarked numbers whole: separators, dates, times, percentages and Arabic-Indic digits", () => {
    const values = (text: string) => bidiSegments(text).filter((s) => s.isolated).map((s) => s.text);
    expect(values("10 منتجات")).toEqual(["10"]);
    expect(values("السعر بتاريخ (2026-12-06)")).toEqual(["2026-12-06"]);
    expect(values("1,234.5 and 12:30")).toEqual(["1,234.5", "12:30"]);
    expect(values("وفّر 20%")).toEqual(["20%"]);
    expect(values("٣٬٤٥٦ قطعة")).toEqual(["٣٬٤٥٦"]);
    expect(bidiSegments("10 منتجات")[0]).toEqual({ text: "10", isolated: true, ltr: true });
    expect(bidiSegments("no numbers")).toEqual([{ text: "no numbers", isolated: false }]);
  });
  it("turns values a translation marks with <bdi> into left-to-right isolates, each range whole", () => {
    const sentence = isolateMarkedValues("الشحن إلى كينيا: <bdi>US$12</bdi>، يصل خلال <bdi>5–10</bdi> يومًا");
    expect(sentence).not.toContain("<bdi>");
    expect(bidiSegments(sentence).filter((s) => s.isolated)).toEqual([
      { text: "US$12", isolated: true, ltr: true },
      { text: "5–10", isolated: true, ltr: true },
    ]);
  });
  it("wraps numbers in HTML text but not in tags or character references", () => {
    expect(isolateNumbersInHtml('<p class="x2">500 g &#39;net&#39;</p>')).toBe('<p class="x2"><bdi dir="ltr">500</bdi> g &#39;net&#39;</p>');
  });
});
