/**
 * Structured logs: one JSON line per event on standard output (pino), at
 * LOG_LEVEL (default `info`, `warn` under NODE_ENV=test so test runs stay
 * quiet). Every line written while a request is handled carries its request
 * id; production also writes one `request` line per response.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import pino, { type Logger } from "pino";
import { env } from "../../env.server";

/**
 * The request being handled. Kept on globalThis because the server script and
 * the Remix build each load their own copy of this module, and both must see
 * the id the server's middleware set.
 */
const requests: AsyncLocalStorage<{ requestId: string }> = ((
  globalThis as { __showcaseRequests?: AsyncLocalStorage<{ requestId: string }> }
).__showcaseRequests ??= new AsyncLocalStorage());

let instance: Logger | null = null;

/** The app's logger, created on first use (after the environment is settled and validated). */
export function logger(): Logger {
  if (instance) return instance;
  const { LOG_LEVEL, NODE_ENV } = env();
  instance = pino({
    level: LOG_LEVEL ?? (NODE_ENV === "test" ? "warn" : "info"),
    base: undefined,
    // A line that names its request itself (the per-response line, handleError) keeps that id.
    mixin: (line: object) => {
      const requestId = requests.getStore()?.requestId;
      return requestId && !("requestId" in line) ? { requestId } : {};
    },
  });
  return instance;
}

/** An incoming X-Request-Id worth keeping (a proxy's or a load balancer's): short, and only safe characters. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Express middleware: gives every request an id (the incoming X-Request-Id
 * when it is sane, else a new one), echoes it in the response, keeps it in
 * `res.locals.requestId` for the Remix load context, and in production logs
 * one line per response.
 */
export function requestLogging(): RequestHandler {
  const production = env().NODE_ENV === "production";
  return (req, res, next) => {
    const requestId = requestIdFrom(req.get("x-request-id"));
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    if (production) {
      const started = performance.now();
      res.once("close", () => {
        const line = { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(performance.now() - started) };
        logger().info(res.writableFinished ? line : { ...line, aborted: true }, "request");
      });
    }
    requests.run({ requestId }, next);
  };
}
