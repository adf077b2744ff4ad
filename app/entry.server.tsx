import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { DropNulBytes } from "./modules/http/drop-nul-bytes";
import { splitLangPath } from "./modules/i18n/config";
import { i18nFor } from "./modules/i18n/i18n.server";
import { hasSessionCookie } from "./modules/auth/session.server";
import { logger } from "./modules/http/log.server";
import { NonceProvider } from "./modules/security/nonce";
import { isSharedPage } from "./modules/http/shared-pages";

export const streamTimeout = 5_000;

/** The shared page cache's view of the app (scripts/server.ts reads it from the build). */
export { pageCacheState } from "./modules/http/page-cache-state.server";
/** The live counter feeds' work counts (tests and `npm run bench:live` read them from the build). */
export { liveFeedSizes, liveFeedStats } from "./modules/festivals/live.server";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const { lang } = splitLangPath(new URL(request.url).pathname);
  const nonce = loadContext?.cspNonce ?? "";
  // A signed-in visitor's page must never be stored by a shared cache, whatever the route said;
  // shared pages read nothing of the visitor's (app/modules/http/shared-pages.ts), so they stay shared.
  if (hasSessionCookie(request) && !isSharedPage(new URL(request.url).pathname)) {
    responseHeaders.set("Cache-Control", "private, no-store");
  }
  const i18n = i18nFor(lang);
  // Bots get the whole page at once; browsers get it streamed from the shell.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          // Not a plain PassThrough: React 18.3 pads some chunks with NUL bytes (see drop-nul-bytes.ts).
          const body = new DropNulBytes();
          // Clear the abort timer as soon as the stream ends, so it does not linger per request.
          body.on("close", () => clearTimeout(timer));
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Unexpected errors from loaders, actions and rendering, logged once with the
 * request id. Not logged: a request the client gave up on, and the Responses
 * routes throw on purpose (a 404 for an unknown product, a 403 for someone
 * else's store), which are answers, not errors.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted || isRouteErrorResponse(error) || error instanceof Response) return;
  logger().error({ err: error, requestId: context.requestId, method: request.method, path: new URL(request.url).pathname }, "unexpected error");
};
