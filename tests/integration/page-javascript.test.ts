/**
 * What a first visit downloads in JavaScript, counted in the build's own
 * precompressed files (what the server sends), for the pages issue #11 measures
 * with Lighthouse. Counting bytes, not timing anything: a library that slips
 * into the shell every page loads (zod did, through the cart link) fails
 * here rather than in a benchmark run weeks later.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { appHandler, Shopper } from "./http-client";

/** Issue #11's target for JavaScript transferred, in kB (1,000 bytes) as Lighthouse reports it. */
const JS_TARGET_KB = 121;
/** Lighthouse counts response headers too: about this many bytes a script response (measured with bench:lighthouse). */
const HEADER_BYTES_PER_SCRIPT = 450;

const CLIENT = path.resolve(process.env.BUILD_DIR || "build", "client");

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

async function html(pathname: string): Promise<string> {
  const res = await new Shopper().get(pathname, handle);
  expect(res.status).toBe(200);
  return res.text();
}

/** The first link on a page to a path under `prefix`. */
async function firstLink(page: string, prefix: string): Promise<string> {
  const match = new RegExp(`href="(${prefix}[^"?#]+)"`).exec(await html(page));
  if (!match) throw new Error(`no link to ${prefix}… on ${page}`);
  return match[1];
}

/** The scripts a first visit loads: the held module preloads, and the page language's strings (loaded by the entry). */
function scriptsOf(page: string, lang: string): string[] {
  const preloads = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
  const strings = fs.readdirSync(path.join(CLIENT, "assets")).filter((f) => new RegExp(`^${lang}-[\\w-]+\\.js$`).test(f));
  expect(strings).toHaveLength(1);
  return [...new Set([...preloads, `/assets/${strings[0]}`])];
}

/** What the server sends for an asset: its brotli file, or the file itself when it is too small to compress (vite.config.ts). */
function sentBytes(asset: string): number {
  const file = path.join(CLIENT, asset);
  return fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : fs.statSync(file).size;
}

it("keeps the shell every page loads free of the form-validation library", () => {
  const shell = fs.readdirSync(path.join(CLIENT, "assets")).filter((f) => /^shell-[\w-]+\.js$/.test(f));
  expect(shell).toHaveLength(1);
  const code = fs.readFileSync(path.join(CLIENT, "assets", shell[0]), "utf8");
  expect(code).not.toContain("ZodError");
});

it("keeps each hot page's JavaScript within issue #11's budget", async () => {
  const pages: [string, string][] = [
    ["/", "en"],
    ["/zh", "zh"],
    [await firstLink("/products", "/products/"), "en"],
    [await firstLink("/festivals", "/festivals/"), "en"],
  ];
  const measured: Record<string, number> = {};
  for (const [pathname, lang] of pages) {
    const scripts = scriptsOf(await html(pathname), lang);
    expect(scripts.length).toBeGreaterThan(3);
    const bytes = scripts.reduce((sum, s) => sum + sentBytes(s) + HEADER_BYTES_PER_SCRIPT, 0);
    measured[pathname] = Math.round(bytes / 100) / 10;
  }
  for (const [pathname, kb] of Object.entries(measured)) expect({ pathname, kb, within: kb <= JS_TARGET_KB }).toMatchObject({ within: true });
});
