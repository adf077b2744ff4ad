/**
 * The HTTP server: Express with the Remix request handler, in production
 * (serving the build) and in development (Vite in middleware mode).
 * A custom server (rather than remix-serve) gives one place for what every
 * response needs: security headers with a fresh CSP nonce, the cross-site
 * request check, compression, static caching, quiet logs and a clean shutdown.
 *
 * In production, shared pages (app/modules/http/shared-pages.ts) are answered
 * by the page cache straight from `node:http`, before Express and Remix see
 * the request; everything else goes through Express.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createFetchHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import expressStaticGzip from "express-static-gzip";
import express, { type Request as ExpressRequest } from "express";
import { exitOnInvalidEnvironment } from "../app/env.server";
import type { ShowcaseLoadContext } from "../app/load-context";
import { PageCache, type PageCacheState } from "../app/modules/http/page-cache";
import { requestIdFrom, requestLogging } from "../app/modules/http/log.server";
import { assetHeaders, isBuildScriptOrStyle, securityHeaders } from "../app/modules/security/headers";
import { parseTrustProxy } from "../app/modules/http/trust-proxy";
import { isCrossSiteRequest } from "../app/modules/security/origin";
import { crossSiteRefusalPage } from "../app/modules/security/refusal";
import { LANG_TAGS } from "../app/modules/i18n/config";
import { startedAs } from "./main-script";

export const BUILD_DIR = path.resolve(process.env.BUILD_DIR || "build");

function siteOrigins(req: ExpressRequest): string[] {
  const own = `${req.protocol}://${req.get("host")}`.toLowerCase();
  const configured = process.env.PUBLIC_ORIGIN?.replace(/\/$/, "").toLowerCase();
  return configured ? [own, configured] : [own];
}

/** The site's origin as shared pages name it: PUBLIC_ORIGIN, else the request's own. */
function originOf(req: IncomingMessage): string {
  const configured = process.env.PUBLIC_ORIGIN?.replace(/\/$/, "");
  if (configured) return configured;
  const forwarded = process.env.TRUST_PROXY ? String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() : "";
  const protocol = forwarded === "https" || forwarded === "http" ? forwarded : "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
  return `${protocol}://${req.headers.host ?? "localhost"}`.toLowerCase();
}

async function loadBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(path.join(BUILD_DIR, "server/index.js")).href)) as ServerBuild;
}

/** What the build's entry exports for the server: its content version, clock and price changes. */
const pageCacheStateOf = (build: ServerBuild) => (build.entry.module as unknown as { pageCacheState: PageCacheState }).pageCacheState;

/** The page cache in front of the app, sharing the build's clock and connection (entry.server exports them). */
export function createPageCache(build: ServerBuild): PageCache {
  const state = pageCacheStateOf(build);
  const handle = createFetchHandler(build, process.env.NODE_ENV);
  return new PageCache({
    state,
    // Every answer carries its request id; a render's goes on its log lines (errors included). Hits write
    // no log line, so that a peak costs no log I/O (a CDN in front logs them anyway).
    requestIdOf: (req) => requestIdFrom(req.headers["x-request-id"] as string | undefined),
    render: (request, requestId) => handle(request, { cspNonce: "", ip: "shared", requestId } satisfies ShowcaseLoadContext),
    originOf,
    production: process.env.NODE_ENV === "production",
    store: process.env.PAGE_CACHE !== "off",
  });
}

export async function createApp(options: { dev?: boolean; build?: ServerBuild } = {}) {
  const dev = options.dev ?? false;
  const production = process.env.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", parseTrustProxy(process.env.TRUST_PROXY));

  app.use(requestLogging());
  // Headers for every response, static files included.
  app.use((req, res, next) => {
    if (isBuildScriptOrStyle(req.path)) {
      for (const [name, value] of Object.entries(assetHeaders({ production }))) res.setHeader(name, value);
      next();
      return;
    }
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    for (const [name, value] of Object.entries(securityHeaders({ nonce, production, dev }))) res.setHeader(name, value);
    next();
  });

  // Cross-site request protection: refuse state-changing requests from elsewhere.
  app.use((req, res, next) => {
    const crossSite = isCrossSiteRequest({
      method: req.method,
      path: req.path,
      origin: req.get("origin"),
      referer: req.get("referer"),
      secFetchSite: req.get("sec-fetch-site"),
      siteOrigins: siteOrigins(req),
    });
    if (crossSite) {
      const refusal = crossSiteRefusalPage(req.path);
      res.status(403).type("html").setHeader("Content-Language", LANG_TAGS[refusal.lang]);
      res.send(refusal.html);
      return;
    }
    // "Origin: null" (a form on a no-referrer page) says nothing once the check above has judged the
    // request by Sec-Fetch-Site; left in, Remix's own origin/host comparison would refuse it with a 500.
    if (req.headers.origin === "null") delete req.headers.origin;
    next();
  });

  app.use(compression());

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    build = options.build ?? (await loadBuild());
    // Fingerprinted assets never change: cache them for a year, and send the
    // brotli or gzip copy the build made (vite.config.ts) rather than compress per request.
    app.use("/assets", expressStaticGzip(path.join(BUILD_DIR, "client/assets"), { enableBrotli: true, orderPreference: ["br", "gz"], index: false, serveStatic: { immutable: true, maxAge: "1y", etag: false, lastModified: false } }));
    // A build file that is not there (an old page asking for a replaced chunk): a plain 404, not a page.
    app.use("/assets", (_req, res) => {
      res.status(404).type("text/plain").send("Not found");
    });
    app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  }

  const remix = createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) =>
      ({
        cspNonce: String(res.locals.cspNonce),
        ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
        requestId: String(res.locals.requestId),
      }) satisfies ShowcaseLoadContext,
  });
  // A page request reads the content version once (the build's own scope; in development Vite reloads
  // the modules, and every reader reads for itself). Not a form post: its loaders run after its action's
  // write, and must read the version that write moved.
  const state = typeof build === "function" ? undefined : pageCacheStateOf(build);
  app.all("*", (req, res, next) => {
    // Remix's Express handler catches its own errors and passes them to next().
    if (state && (req.method === "GET" || req.method === "HEAD")) void state.oneContentVersion(() => remix(req, res, next));
    else void remix(req, res, next);
  });
  return app;
}

/** What `node:http` calls per request: the page cache first (shared pages), else Express. */
export function serveThrough(app: express.Express, pageCache?: PageCache) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const toApp = () => void app(req, res);
    if (pageCache) pageCache.handle(req, res, toApp);
    else toApp();
  };
}

export async function startServer(port: number, host?: string, options: { dev?: boolean } = {}): Promise<Server> {
  const build = options.dev ? undefined : await loadBuild();
  const app = await createApp({ ...options, build });
  const server = createServer(serveThrough(app, build ? createPageCache(build) : undefined));
  // Longer than any client's or load balancer's idle timeout, so that the server is never the side that
  // closes an idle keep-alive connection just as a client sends on it (the client then sees "other side closed").
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => (host ? server.listen(port, host, resolve) : server.listen(port, resolve)));
  const shutdown = () => {
    // Finish the requests in flight, then leave; open event streams end themselves on the signal.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}

// `node --import tsx scripts/server.ts` serves an existing build and database as they are;
// with --dev it serves the sources through Vite instead.
if (startedAs("server")) {
  const dev = process.argv.includes("--dev");
  process.env.NODE_ENV ??= dev ? "development" : "production";
  exitOnInvalidEnvironment();
  const port = Number(process.env.PORT ?? 3000);
  const server = await startServer(port, process.env.HOST, { dev });
  const address = server.address();
  console.log(`Listening on http://localhost:${typeof address === "object" && address ? address.port : port}`);
}
