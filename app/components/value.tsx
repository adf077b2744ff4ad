import { Fragment } from "react";
import { bidiSegments, type BidiSegment } from "~/modules/i18n/isolate";

/**
 * One value shown to people — a price, a count, a date, a time, a duration —
 * isolated from the text around it so neither reorders the other in Arabic
 * (or a Latin value in an Arabic sentence). Numbers and money read
 * left-to-right (`ltr`); dates and durations take their direction from their
 * own words ("11 ديسمبر" right-to-left, "Dec 11" left-to-right).
 */
export function Value({ children, ltr = false, className }: { children: React.ReactNode; ltr?: boolean; className?: string }) {
  return (
    <bdi dir={ltr ? "ltr" : undefined} className={className}>
      {children}
    </bdi>
  );
}

/** A sentence with values in it: each value marked with isolate(), and any other run of digits, renders in its own `<bdi>`. */
export function BidiText({ text }: { text: string }) {
  return <BidiSegments segments={bidiSegments(text)} />;
}

/**
 * A sentence already cut into runs and values on the server (bidiSegments):
 * for loader data of shared pages, which then carries no invisible isolate
 * characters in the page's hydration data.
 */
export function BidiSegments({ segments }: { segments: BidiSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.isolated ? (
          <bdi key={i} dir={s.ltr ? "ltr" : undefined}>
            {s.text}
          </bdi>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
