/**
 * A product translated only in part (issue 13, point 5): with a name but no description in the
 * page's language, the page shows the English description marked as not yet translated
 * (lang="en"), and never an empty label ("产地" with nothing after it).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import en from "~/modules/i18n/resources/en";
import zh from "~/modules/i18n/resources/zh";
import { PARTIAL_TRANSLATIONS } from "../../db/seed/seed";

const BUILD = path.resolve(process.env.BUILD_DIR || "build", "server/index.js");
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  if (!fs.existsSync(BUILD)) throw new Error("No build: run `npm test` (it builds first) or `npm run build`.");
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild;
  handle = createRequestHandler(build, "production");
});

async function page(pathname: string): Promise<string> {
  const res = await handle(new Request(`http://localhost${pathname}`));
  expect(res.status, pathname).toBe(200);
  return res.text();
}

/** The facts list as label → [value, its lang attribute]. */
function facts(html: string): Map<string, [string, string | null]> {
  const dl = /<dl class="facts">([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? "";
  const out = new Map<string, [string, string | null]>();
  // A value may sit in an isolating element (<bdi>): its text is what counts.
  for (const m of dl.matchAll(/<dt>([^<]*)<\/dt><dd(?: lang="(\w+)")?>([\s\S]*?)<\/dd>/g)) out.set(m[1], [m[3].replace(/<[^>]*>/g, ""), m[2] ?? null]);
  return out;
}

const [slug, langs] = Object.entries(PARTIAL_TRANSLATIONS).find(([, l]) => l.includes("zh"))!;

describe("a product translated in part", () => {
  it("shows the English description in Chinese, marked as not yet translated, and no empty origin", async () => {
    expect(langs).toContain("zh");
    const enHtml = await page(`/products/${slug}`);
    const zhHtml = await page(`/zh/products/${slug}`);
    const description = (html: string) => /<div class="product-page__description"([^>]*)>([\s\S]*?)<\/div>/.exec(html);
    const enDescription = description(enHtml)!;
    const zhDescription = description(zhHtml)!;
    // The English text, in an element that says it is English.
    expect(zhDescription[2]).toBe(enDescription[2]);
    expect(zhDescription[2].length).toBeGreaterThan(40);
    expect(zhDescription[1]).toContain('lang="en"');
    expect(enDescription[1]).not.toContain("lang=");
    // The Chinese name stays, and the page says the text is not yet translated.
    expect(/<h1>([\s\S]*?)<\/h1>/.exec(zhHtml)![1].replace(/<[^>]*>/g, "")).toMatch(/[\u4e00-\u9fff]/);
    expect(zhHtml).toContain(zh.content.fallback);
    expect(enHtml).not.toContain(en.content.fallback);
    // Every fact has a value: the origin falls back to the English one, marked as such.
    const zhFacts = facts(zhHtml);
    const origin = zhFacts.get(zh.product.origin);
    expect(origin?.[0].trim()).toBeTruthy();
    expect(origin?.[1]).toBe("en");
    for (const [label, [value]] of zhFacts) expect(value.trim(), label).not.toBe("");
  });

  it("keeps a fully translated product in its own language, with no fallback mark", async () => {
    const zhHtml = await page("/zh/products/sidama-highland-coffee-coffee-washed-highland-arabica");
    const d = /<div class="product-page__description"([^>]*)>([\s\S]*?)<\/div>/.exec(zhHtml)!;
    expect(d[1]).not.toContain("lang=");
    expect(d[2]).toMatch(/[\u4e00-\u9fff]/);
    expect(zhHtml).not.toContain(zh.content.fallback);
    expect(facts(zhHtml).get(zh.product.origin)?.[1]).toBeNull();
  });
});
