/**
 * The shared page cache: rendered shared pages (shared-pages.ts) kept per
 * normalised URL with their headers, compressed once per encoding a request
 * asks for (brotli, gzip) and answered straight from `node:http`, before Express and Remix.
 *
 * An entry lives for the lifetime its route asked for (its s-maxage), never
 * past the next festival phase boundary or flash window (a cached page must
 * not show a deal price after its sale ends, nor miss one that starts), and
 * not past a change of the database's content version, which triggers move
 * whenever something a shared page shows is written — by any process, or any
 * server sharing the database. Concurrent misses for one URL render once.
 *
 * Shared pages carry no per-request nonce: their CSP lists the SHA-256 of
 * each inline script of the entry instead, so the policy stays strict
 * (no 'unsafe-inline') and belongs to the bytes it protects.
 * See docs/decisions/0014-shared-pages-and-page-cache.md.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { DEFAULT_LANG } from "../i18n/config";
import { isFirstVisitToHome } from "../i18n/first-visit";
import { securityHeaders } from "../security/headers";
import { isSharedPage, sharedCacheControl, sharedLifetimeSeconds } from "./shared-pages";

/** What the cache needs to know of the app; the app's own instances, so clocks and connections are shared. */
export interface PageCacheState {
  /** The database's content version (site_state): a number where the engine reads it synchronously (SQLite), else a promise. */
  contentVersion(): number | Promise<number>;
  /**
   * Runs a request so that it reads the content version once: a render at
   * `version` (the one the cache read for its key), or a request Express
   * serves, at the version its first reader reads.
   */
  oneContentVersion<T>(run: () => T, version?: number): T;
  /** The app's clock (the test clock, where one is set). */
  now(): number;
  /** The first instant after `at` at which a price may change (phase boundary, flash window), or Infinity. */
  nextPriceChange(at: number, contentVersion: number): number | Promise<number>;
  /** The language a first visit to "/" is sent to (the root loader's own rule), from Accept-Language. */
  homeLanguage(acceptLanguage: string): Promise<string>;
}

export interface PageCacheOptions {
  state: PageCacheState;
  /** Renders a shared page through Remix (no cookies reach it). */
  render(request: Request, requestId: string): Promise<Response>;
  /** The site's origin for this request (PUBLIC_ORIGIN, else the request's own). */
  originOf(req: IncomingMessage): string;
  production: boolean;
  /** Off: every shared page is rendered per request (what `npm run bench` compares against). */
  store?: boolean;
  /** The request's id (X-Request-Id), sent with every answer; a render gets it for its log lines. */
  requestIdOf?: (req: IncomingMessage) => string;
  maxEntries?: number;
  maxBytes?: number;
}

type Encoding = "br" | "gzip" | "identity";

/** One encoding of an entry as sent: prepared once, so that a hit only fills in its freshness. */
interface Prepared {
  body: Buffer;
  /** Flat [name, value, …] for writeHead, in the order the headers are sent. */
  headers: string[];
  /** Where the per-request Cache-Control value goes (in a copy of `headers`), or -1 when they are sent as they are. */
  cacheControlAt: number;
}

interface Rendered {
  status: number;
  /** The page's own headers and the security headers, as rendered. */
  headers: Record<string, string>;
  identity: Buffer;
  /**
   * Per encoding, made when first asked for. A render pays for the encoding
   * its own request wants; another encoding is compressed by the first request
   * that wants it, once per entry (a rare filter's page then never costs a gzip
   * copy no browser asks for).
   */
  sent: Partial<Record<Encoding, Prepared>>;
  compressible: boolean;
  etag: string;
  /** App-clock instants: fresh until, and the next price change. */
  expiresAt: number;
  changeAt: number;
  /** Stored for later requests (a 200 whose route made it public); otherwise served to the waiting requests only. */
  cacheable: boolean;
  /** "Vary" as sent: the encoding, and for "/" the language (a first visit there depends on it). */
  vary: string;
  /** What the entry holds (its identity body and each encoding made so far), counted against `maxBytes` while stored. */
  bytes: number;
  stored: boolean;
}

/** Response headers that the cache sets itself or that must not be replayed. */
const DROPPED_HEADERS = new Set([
  "cache-control",
  "content-length",
  "content-encoding",
  "content-security-policy",
  "transfer-encoding",
  "connection",
  "date",
  "vary",
  "set-cookie",
  "etag",
]);

/** Request headers a shared page may depend on; cookies never reach it, except the `lang` marker on "/". */
const FORWARDED_HEADERS = ["accept", "accept-language", "user-agent", "sec-fetch-site", "referer"];

export class PageCache {
  private readonly entries = new Map<string, Rendered>();
  private readonly rendering = new Map<string, Promise<Rendered>>();
  private version = -1;
  private bytes = 0;
  /** Counted for tests and the benchmark: how requests were answered. */
  readonly stats = { hits: 0, renders: 0, notModified: 0, compressions: 0 };

  constructor(private readonly options: PageCacheOptions) {}

  /**
   * Answers the request if it is for a shared page; otherwise (or for a first
   * visit to "/" that goes to another language) hands it to `next`.
   */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") return next();
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt >= 0 ? url.slice(0, queryAt) : url;
    if (!isSharedPage(pathname)) return next();
    const origin = this.options.originOf(req);
    const acceptLanguage = header(req, "accept-language");
    if (pathname !== "/" || !acceptLanguage) return this.serve(req, res, origin, pathname, queryAt, false);
    // "/" depends on the visitor's language: a first visit from outside may be sent to it (the app
    // redirects and sets the cookie); anyone else gets the shared English page, but a CDN must not
    // keep the copy served to a visitor who prefers another language, or it would answer the next
    // such visitor's first visit with it.
    const firstVisit = isFirstVisitToHome({
      pathname,
      cookieHeader: req.headers.cookie,
      secFetchSite: header(req, "sec-fetch-site"),
      referer: header(req, "referer"),
      origin,
    });
    this.homeLanguage(acceptLanguage).then(
      (lang) => {
        if (lang === DEFAULT_LANG) this.serve(req, res, origin, pathname, queryAt, false);
        else if (firstVisit) next();
        else this.serve(req, res, origin, pathname, queryAt, true);
      },
      () => next(),
    );
  }

  private readonly homeLanguages = new Map<string, Promise<string>>();
  private homeLanguage(acceptLanguage: string): Promise<string> {
    let lang = this.homeLanguages.get(acceptLanguage);
    if (!lang) {
      if (this.homeLanguages.size > 1000) this.homeLanguages.clear();
      lang = this.options.state.homeLanguage(acceptLanguage);
      this.homeLanguages.set(acceptLanguage, lang);
    }
    return lang;
  }

  private serve(req: IncomingMessage, res: ServerResponse, origin: string, pathname: string, queryAt: number, privateCopy: boolean): void {
    const url = req.url ?? "/";
    const key = `${origin}${normaliseUrl(pathname, queryAt >= 0 ? url.slice(queryAt + 1) : "")}`;
    const version = this.options.state.contentVersion();
    // SQLite answers at once, so a hit is sent without waiting a tick; PostgreSQL's answer is awaited.
    if (typeof version === "number") this.serveAt(req, res, origin, key, version, privateCopy);
    else
      version.then(
        (v) => this.serveAt(req, res, origin, key, v, privateCopy),
        (error: unknown) => this.fail(res, error),
      );
  }

  private fail(res: ServerResponse, error: unknown): void {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal error");
  }

  private serveAt(req: IncomingMessage, res: ServerResponse, origin: string, key: string, version: number, privateCopy: boolean): void {
    const { state } = this.options;
    if (version !== this.version) this.clear(version);
    const at = state.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > at) {
      this.stats.hits++;
      this.send(req, res, entry, at, privateCopy);
      return;
    }
    if (entry) this.drop(key);
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = this.renderEntry(req, key, origin, version, at);
      // With storing off (the benchmark's "cache off"), every request pays its own render.
      if (this.options.store !== false) {
        this.rendering.set(key, pending);
        void pending.finally(() => this.rendering.delete(key)).catch(() => {});
      }
    }
    pending.then(
      (rendered) => this.send(req, res, rendered, this.options.state.now(), privateCopy),
      (error: unknown) => this.fail(res, error),
    );
  }

  /** Drops every entry (tests; a content version change does it by itself). */
  clear(version = this.version): void {
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }


  private async renderEntry(req: IncomingMessage, key: string, origin: string, version: number, at: number): Promise<Rendered> {
    this.stats.renders++;
    const headers = new Headers();
    for (const name of FORWARDED_HEADERS) {
      const value = header(req, name);
      if (value) headers.set(name, value);
    }
    const langMarker = /(?:^|;\s*)(lang=[^;]*)/.exec(req.headers.cookie ?? "");
    if (langMarker) headers.set("cookie", langMarker[1]);
    const request = new Request(`${origin}${req.url ?? "/"}`, { method: "GET", headers });
    const response = await this.options.state.oneContentVersion(() => this.options.render(request, this.requestId(req)), version);
    const body = Buffer.from(await response.arrayBuffer());
    const lifetime = response.status === 200 && !response.headers.has("set-cookie") ? sharedLifetimeSeconds(response.headers.get("cache-control")) : 0;
    const changeAt = await this.options.state.nextPriceChange(at, version);
    const cacheable = lifetime > 0 && this.options.store !== false && this.version === version;
    const contentType = response.headers.get("content-type") ?? "";
    const kept: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!DROPPED_HEADERS.has(name)) kept[name] = value;
    });
    const scriptHashes = contentType.includes("text/html") ? inlineScriptHashes(body.toString("utf8")) : [];
    Object.assign(kept, securityHeaders({ nonce: "", scriptHashes, production: this.options.production }));
    // Only a fresh entry may say how long a shared cache may keep it; anything else is not for storing.
    if (lifetime === 0) kept["cache-control"] = response.headers.get("cache-control") ?? "no-store";
    const rendered: Rendered = {
      status: response.status,
      headers: kept,
      identity: body,
      sent: {},
      compressible: body.length > 1024 && /text\/|json|xml|javascript/.test(contentType),
      etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`,
      expiresAt: Math.min(at + lifetime * 1000, changeAt),
      changeAt,
      cacheable,
      vary: new URL(key).pathname === "/" ? "Accept-Encoding, Accept-Language" : "Accept-Encoding",
      bytes: body.length,
      stored: false,
    };
    if (cacheable && rendered.expiresAt > at) this.store(key, rendered);
    return rendered;
  }

  private store(key: string, rendered: Rendered): void {
    const maxEntries = this.options.maxEntries ?? 2000;
    const maxBytes = this.options.maxBytes ?? 128 * 1024 * 1024;
    this.drop(key);
    // Oldest first: a Map keeps insertion order.
    for (const [oldKey] of this.entries) {
      if (this.entries.size < maxEntries && this.bytes + rendered.bytes <= maxBytes) break;
      this.drop(oldKey);
    }
    this.entries.set(key, rendered);
    rendered.stored = true;
    this.bytes += rendered.bytes;
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    old.stored = false;
    this.bytes -= old.bytes;
  }

  private requestId(req: IncomingMessage): string {
    const known = (req as IncomingMessage & { requestId?: string }).requestId;
    if (known) return known;
    const id = this.options.requestIdOf?.(req) ?? "";
    (req as IncomingMessage & { requestId?: string }).requestId = id;
    return id;
  }

  /** The entry in the encoding a request accepts, made once per entry; its size counts against `maxBytes` while stored. */
  private prepared(entry: Rendered, wanted: Encoding): Prepared {
    const encoding = entry.compressible ? wanted : "identity";
    const done = entry.sent[encoding];
    if (done) return done;
    const made = (entry.sent[encoding] = prepare(entry, encoding));
    if (encoding !== "identity") {
      this.stats.compressions++;
      entry.bytes += made.body.length;
      if (entry.stored) this.bytes += made.body.length;
    }
    return made;
  }

  private send(req: IncomingMessage, res: ServerResponse, entry: Rendered, at: number, privateCopy: boolean): void {
    const requestId = this.requestId(req);
    let cacheControl = "private, no-store";
    if (entry.cacheable && !privateCopy) {
      cacheControl = sharedCacheControl((entry.expiresAt - at) / 1000, (entry.changeAt - at) / 1000);
      if (header(req, "if-none-match") === entry.etag) {
        this.stats.notModified++;
        res.writeHead(304, ["cache-control", cacheControl, "etag", entry.etag, "vary", entry.vary, ...(requestId ? ["x-request-id", requestId] : [])]);
        res.end();
        return;
      }
    }
    const sent = this.prepared(entry, pickEncoding(header(req, "accept-encoding")));
    let headers = sent.headers;
    if (sent.cacheControlAt >= 0 || requestId) {
      headers = headers.slice();
      if (sent.cacheControlAt >= 0) headers[sent.cacheControlAt] = cacheControl;
      if (requestId) headers.push("x-request-id", requestId);
    }
    res.writeHead(entry.status, headers);
    res.end(req.method === "HEAD" ? undefined : sent.body);
  }
}

/**
 * An entry in one encoding, compressed and its headers laid out on first use:
 * the page's own and the security headers, then (for a stored entry) its
 * freshness, filled in per request, and its ETag, then encoding and length.
 */
function prepare(entry: Rendered, encoding: Encoding): Prepared {
  const body =
    encoding === "gzip"
      ? gzipSync(entry.identity, { level: 6 })
      : encoding === "br"
        ? brotliCompressSync(entry.identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })
        : entry.identity;
  const headers: string[] = [];
  for (const [name, value] of Object.entries(entry.headers)) headers.push(name, value);
  let cacheControlAt = -1;
  if (entry.cacheable) {
    headers.push("cache-control", "");
    cacheControlAt = headers.length - 1;
    headers.push("etag", entry.etag);
  }
  if (encoding !== "identity") headers.push("content-encoding", encoding);
  // Only what the bytes depend on: the encoding when there is a choice of them, the language for "/".
  const vary = entry.compressible ? entry.vary : entry.vary.replace(/^Accept-Encoding(, )?/, "");
  if (vary) headers.push("vary", vary);
  headers.push("content-length", String(body.length));
  return { body, headers, cacheControlAt };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** One key for one page: parameters sorted, so `?b=1&a=2` and `?a=2&b=1` share an entry. */
export function normaliseUrl(pathname: string, query: string): string {
  if (!query) return pathname;
  const params = [...new URLSearchParams(query)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sorted = new URLSearchParams(params).toString();
  return sorted ? `${pathname}?${sorted}` : pathname;
}

/** "NAME" or "NAME;q=…" with a q above 0, as one entry of Accept-Encoding; compiled once. */
const accepting = (name: string) => new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q=(?!0(?:\\.0*)?\\s*(?:,|$))[\\d.]+)?\\s*(?:,|$)`, "i");
const ACCEPTS_BR = accepting("br");
const ACCEPTS_GZIP = accepting("gzip");

export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  if (ACCEPTS_BR.test(acceptEncoding)) return "br";
  if (ACCEPTS_GZIP.test(acceptEncoding)) return "gzip";
  return "identity";
}

/** The CSP source of every inline script in a page: `'sha256-…'` of its text, as the browser hashes it. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]) || match[2].length === 0) continue;
    hashes.add(`'sha256-${createHash("sha256").update(match[2], "utf8").digest("base64")}'`);
  }
  return [...hashes];
}
