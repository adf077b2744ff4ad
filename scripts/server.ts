/**
 * The HTTP server: Express with the Remix request handler, in production
 * (serving the build) and in development (Vite in middleware mode).
 * A custom server (rather than remix-serve) gives one place for what every
 * response needs: security headers with a fresh CSP nonce, the cross-site
 * request check, compression, static caching, quiet logs and a clean shutdown.
 */
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type Request as ExpressRequest } from "express";
import { exitOnInvalidEnvironment } from "../app/env.server";
import type { ShowcaseLoadContext } from "../app/load-context";
import { requestLogging } from "../app/modules/http/log.server";
import { securityHeaders } from "../app/modules/security/headers";
import { isCrossSiteRequest } from "../app/modules/security/origin";

export const BUILD_DIR = path.resolve(process.env.BUILD_DIR || "build");

function siteOrigins(req: ExpressRequest): string[] {
  const own = `${req.protocol}://${req.get("host")}`.toLowerCase();
  const configured = process.env.PUBLIC_ORIGIN?.replace(/\/$/, "").toLowerCase();
  return configured ? [own, configured] : [own];
}

export async function createApp(options: { dev?: boolean } = {}) {
  const dev = options.dev ?? false;
  const production = process.env.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1");

  app.use(requestLogging());
  // Headers for every response, static files included.
  app.use((req, res, next) => {
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
      siteOrigins: siteOrigins(req),
    });
    if (crossSite) {
      res.status(403).type("text/plain").send("Cross-site request refused.");
      return;
    }
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
    build = (await import(pathToFileURL(path.join(BUILD_DIR, "server/index.js")).href)) as ServerBuild;
    // Fingerprinted assets never change: cache them for a year.
    app.use("/assets", express.static(path.join(BUILD_DIR, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  }

  app.all(
    "*",
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Remix's Express handler catches its own errors and passes them to next().
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) =>
        ({
          cspNonce: String(res.locals.cspNonce),
          ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
          requestId: String(res.locals.requestId),
        }) satisfies ShowcaseLoadContext,
    }),
  );
  return app;
}

export async function startServer(port: number, host?: string, options: { dev?: boolean } = {}): Promise<Server> {
  const app = await createApp(options);
  const server = await new Promise<Server>((resolve) => {
    const s = host ? app.listen(port, host, () => resolve(s)) : app.listen(port, () => resolve(s));
  });
  const shutdown = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return server;
}

// `node --import tsx scripts/server.ts` serves an existing build and database as they are;
// with --dev it serves the sources through Vite instead.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dev = process.argv.includes("--dev");
  process.env.NODE_ENV ??= dev ? "development" : "production";
  exitOnInvalidEnvironment();
  const port = Number(process.env.PORT ?? 3000);
  const server = await startServer(port, process.env.HOST, { dev });
  const address = server.address();
  console.log(`Listening on http://localhost:${typeof address === "object" && address ? address.port : port}`);
}
