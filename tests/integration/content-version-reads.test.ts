/**
 * Issue 15 (catalogue pages on PostgreSQL): a request reads the content
 * version (site_state) once. Through the real server in this process (the
 * page cache in front of Express and Remix, as `npm start` runs it): the
 * version the page cache keyed its entry on is the one the render's kept
 * aggregates, facets and feeds are checked against, so a miss, a hit and a
 * page Express serves each send one read of it — and a write shows on the
 * very next request, which reads the version again.
 */
import { AsyncResource } from "node:async_hooks";
import { createServer, type Server } from "node:http";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { contentVersion, oneContentVersion } from "~/modules/catalog/content-version.server";
import { createApp, createPageCache, serveThrough } from "../../scripts/server";
import { watchStatements, writeRows } from "./fixtures";
import { appBuild } from "./http-client";
import type { PageCache } from "~/modules/http/page-cache";

const PORT = 37401;
const BASE = `http://localhost:${PORT}`;
let server: Server;
let cache: PageCache;
let statements: () => string[];

beforeAll(async () => {
  const build = await appBuild();
  cache = createPageCache(build);
  server = createServer(serveThrough(await createApp({ build }), cache));
  await new Promise<void>((resolve) => server.listen(PORT, resolve));
  statements = watchStatements();
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const isVersionRead = (text: string) => /from\s+"?site_state"?/i.test(text) && /content_version/i.test(text) && !/^\s*update/i.test(text);

/** The page's status and how many times answering it read the content version. */
async function versionReads(path: string, headers: Record<string, string> = {}): Promise<{ status: number; reads: number }> {
  const before = statements().length;
  const res = await fetch(`${BASE}${path}`, { headers, redirect: "manual" });
  await res.arrayBuffer();
  return { status: res.status, reads: statements().slice(before).filter(isVersionRead).length };
}

const bumpContentVersion = () => writeRows(db, sql`update site_state set content_version = content_version + 1 where id = 1`);

describe("one content version read per request", () => {
  for (const path of ["/", "/products?q=tea", "/products?q=tea&category=tea&deal=1", "/stores", "/zh"]) {
    it(`${path}: rendered (a miss), then kept (a hit), then rendered again after a write`, async () => {
      await bumpContentVersion();
      const renders = cache.stats.renders;
      expect(await versionReads(path)).toEqual({ status: 200, reads: 1 });
      expect(cache.stats.renders).toBe(renders + 1);
      expect(await versionReads(path)).toEqual({ status: 200, reads: 1 });
      expect(cache.stats.renders).toBe(renders + 1);
      await bumpContentVersion();
      expect(await versionReads(path)).toEqual({ status: 200, reads: 1 });
      expect(cache.stats.renders).toBe(renders + 2);
    });
  }

  it("a request Express serves reads it once too", async () => {
    await bumpContentVersion();
    // A first visit to "/" from a French browser: the page cache hands it to Express, whose loaders
    // (the root's and the home page's) send it to /fr.
    expect(await versionReads("/", { "Accept-Language": "fr" })).toEqual({ status: 302, reads: 1 });
  });

  it("a request keeps the version it read; the next request, and a read outside one, sees a write", async () => {
    await oneContentVersion(async () => {
      const before = statements().length;
      const first = await contentVersion();
      await bumpContentVersion();
      expect(await contentVersion()).toBe(first);
      expect(statements().slice(before).filter(isVersionRead)).toHaveLength(1);
      expect(await oneContentVersion(() => contentVersion())).toBe(first + 1);
      expect(await contentVersion()).toBe(first);
    });
    const now = await contentVersion();
    await bumpContentVersion();
    expect(await contentVersion()).toBe(now + 1);
  });

  it("what a request leaves running (a timer, a feed) reads afresh once the request is answered", async () => {
    let leftRunning: () => number | Promise<number> = () => -1;
    const read = await oneContentVersion(async () => {
      const version = await contentVersion();
      // Runs in the request's scope whenever it is called, as a timer the request started would.
      leftRunning = AsyncResource.bind(() => contentVersion());
      await bumpContentVersion();
      expect(await leftRunning()).toBe(version);
      return version;
    });
    expect(await leftRunning()).toBe(read + 1);
  });
});
