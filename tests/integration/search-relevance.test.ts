/**
 * The relevance set (tests/fixtures/search-relevance.ts) against the seeded
 * catalogue, as the search page runs it (typo correction, then the ranked
 * product ids). Prints precision at 10 per query and overall.
 */
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { parseQuery } from "~/modules/search/query";
import { resolveQuery, searchIds } from "~/modules/search/search.server";
import { ALL_PRODUCT_TYPES } from "../../db/seed/seed";
import { RELEVANCE_CASES, type RelevanceCase } from "../fixtures/search-relevance";

// Longest key first, so "home-bolga-basket" is not taken for a shorter key it contains.
const KEYS = ALL_PRODUCT_TYPES.map((t) => t.key).sort((a, b) => b.length - a.length);

/** A product's type key, from its slug (`<store slug>-<type key>[-<variant>]`, db/seed/seed.ts). */
function typeKey(slug: string): string {
  const key = KEYS.find((k) => slug.includes(`-${k}`));
  if (!key) throw new Error(`No product type in slug ${slug}`);
  return key;
}

const matches = (key: string, pattern: string) =>
  pattern.split("|").some((p) => (p.endsWith("-") ? key.startsWith(p) : key === p));

async function run(c: RelevanceCase) {
  const { query, corrected } = await resolveQuery(parseQuery(c.q), c.lang);
  const hits = await searchIds("product", query);
  const slugs = hits.ids.length
    ? new Map(
        (
          await db
            .select({ id: schema.products.id, slug: schema.products.slug })
            .from(schema.products)
            .where(inArray(schema.products.id, hits.ids))
        ).map((r) => [r.id, r.slug]),
      )
    : new Map<number, string>();
  const keys = hits.ids.map((id) => typeKey(slugs.get(id)!));
  const first = keys.slice(0, 10);
  const relevantInFirst = first.filter((k) => c.relevant.some((r) => matches(k, r))).length;
  return { corrected, total: hits.total, keys, first, precision: first.length ? relevantInFirst / first.length : 0 };
}

describe("search relevance set", () => {
  it("has at least 60 queries in all six languages", () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(RELEVANCE_CASES.map((c) => c.lang)).size).toBe(6);
  });

  it("ranks what each query means first, never shows what it does not, and reaches precision at 10 ≥ 0.9", async () => {
    const [{ n: catalogue }] = await db
      .select({ n: db.$count(schema.products) })
      .from(schema.products)
      .limit(1);
    const failures: string[] = [];
    const lines: string[] = [];
    let sum = 0;
    for (const c of RELEVANCE_CASES) {
      const r = await run(c);
      sum += r.precision;
      lines.push(
        `${r.precision.toFixed(2)}  ${String(r.total).padStart(4)}  [${c.lang}] ${c.q}${r.corrected ? ` → ${r.corrected}` : ""}`,
      );
      for (const t of c.top)
        if (!r.first.some((k) => matches(k, t)))
          failures.push(`${c.q} [${c.lang}]: nothing of ${t} in the first 10 (${r.first.join(", ")})`);
      const shown = r.keys.filter((k) => c.never.some((n) => matches(k, n)));
      if (shown.length) failures.push(`${c.q} [${c.lang}]: shows ${[...new Set(shown)].join(", ")}`);
      if (!c.broad && r.total > catalogue / 3) failures.push(`${c.q} [${c.lang}]: ${r.total} of ${catalogue} products`);
      if (c.corrected !== undefined && r.corrected !== c.corrected)
        failures.push(`${c.q} [${c.lang}]: corrected to ${r.corrected}, not ${c.corrected}`);
    }
    const precision = sum / RELEVANCE_CASES.length;
    console.log(
      `precision@10  results  query\n${lines.join("\n")}\nSearch relevance: ${RELEVANCE_CASES.length} queries, precision at 10 = ${precision.toFixed(3)}`,
    );
    expect(failures).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it("answers the issue's tea queries with teas first and fewer than 150 products", async () => {
    for (const [q, lang] of [
      ["thé", "fr"],
      ["chá", "pt"],
      ["tea", "en"],
      ["chai", "sw"],
      ["茶", "zh"],
      ["شاي", "ar"],
    ] as const) {
      const r = await run({ q, lang, relevant: ["tea-"], top: [], never: [] });
      expect(r.total, q).toBeLessThan(150);
      expect(
        r.first.every((k) => k.startsWith("tea-")),
        q,
      ).toBe(true);
    }
  });

  it("shows coffee for “cofee”, and what was typed when asked for exactly that", async () => {
    expect((await resolveQuery(parseQuery("cofee"), "en")).corrected).toBe("coffee");
    expect((await resolveQuery(parseQuery("cofee"), "en", true)).corrected).toBeNull();
    expect((await resolveQuery(parseQuery("coffee"), "en")).corrected).toBeNull();
  });
});
