import { describe, expect, it } from "vitest";
import { LANGS } from "../i18n/config";
import { CANDIDATES, rankCandidates, type Ranked } from "./engine";

/** A stand-in for an engine's ranking of candidates: `visibleIn(rows)` items are visible among the first `rows` rows read. */
function ranking(visibleIn: (rows: number) => number, rowsInSet: number) {
  const calls: number[] = [];
  const rank = (rows: number): Promise<Ranked[]> => {
    calls.push(rows);
    const scored = Math.min(rows, rowsInSet);
    const visible = visibleIn(scored);
    return Promise.resolve(
      Array.from({ length: visible }, (_, i) => ({ id: i + 1, score: i, total: visible, scored, capped: true })),
    );
  };
  return { rank, calls };
}

describe("rankCandidates", () => {
  it("reads first only the rows a small limit needs, one per language twice over", async () => {
    const { rank, calls } = ranking((rows) => Math.floor(rows / LANGS.length), 10_000);
    const found = await rankCandidates("product", 4, rank);
    expect(calls).toEqual([4 * LANGS.length * 2]);
    expect(found).toHaveLength(8);
  });

  it("reads every candidate when those rows held fewer visible items than asked for and more rows may follow", async () => {
    // Hidden items (archived, or in a store not live) fill the first rows read.
    const { rank, calls } = ranking((rows) => Math.max(0, rows - 100), 10_000);
    await rankCandidates("product", 4, rank);
    expect(calls).toEqual([48, CANDIDATES]);
  });

  it("reads no more when the set had fewer rows than were asked for, or when nothing at all was visible it reads on", async () => {
    const small = ranking(() => 2, 30);
    expect(await rankCandidates("product", 4, small.rank)).toHaveLength(2);
    expect(small.calls).toEqual([48]);
    const none = ranking(() => 0, 10_000);
    await rankCandidates("product", 4, none.rank);
    expect(none.calls).toEqual([48, CANDIDATES]);
  });

  it("a page's full list reads the candidates at once", async () => {
    const { rank, calls } = ranking((rows) => rows, 10_000);
    await rankCandidates("product", 1000, rank);
    expect(calls).toEqual([CANDIDATES]);
  });
});
