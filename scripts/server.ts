/**
 * The production HTTP server: Express with the Remix request handler.
 * A custom server (rather than remix-serve) gives control over logging,
 * compression, static caching and graceful shutdown.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";

export const BUILD_DIR = path.resolve(process.env.BUILD_DIR || "build");

export async function createApp() {
  const build = (await import(pathToFileURL(path.join(BUILD_DIR, "server/index.js")).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "1");
  app.use(compression());
  // Fingerprinted assets never change: cache them for a year.
  app.use("/assets", express.static(path.join(BUILD_DIR, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  return app;
}

export async function startServer(port: number, host?: string) {
  const app = await createApp();
  const server = await new Promise<import("node:http").Server>((resolve) => {
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

// `node --import tsx scripts/server.ts` serves an existing build and database as they are.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.env.NODE_ENV ??= "production";
  const port = Number(process.env.PORT ?? 3000);
  const server = await startServer(port, process.env.HOST);
  const address = server.address();
  console.log(`Listening on http://localhost:${typeof address === "object" && address ? address.port : port}`);
}
