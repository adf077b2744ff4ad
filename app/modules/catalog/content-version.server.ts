/**
 * `site_state.content_version` goes up, by database triggers (migration
 * 0004), whenever something a shared page shows changes: a listing, a
 * translation, a store's status, stock, a deal, an organiser's decision.
 * The page cache keys its entries on it; the catalogue's aggregates (the
 * campaign tracker, category tiles, featured stores) are kept on it too, so
 * a page rendered after a change never mixes fresh and stale numbers.
 *
 * On SQLite the read is synchronous, so the page cache's hit path
 * (page-cache.ts) answers without waiting a tick; on PostgreSQL it is a
 * promise, which the page cache awaits.
 *
 * One request reads it once: the server runs each request in a scope
 * (`oneContentVersion`), and every reader in it (the kept aggregates, the
 * facets, the feeds) gets the version read first — for a page the cache
 * renders, the one it keyed the entry on. A request that starts after a
 * write reads the version again (no read is shared between requests), so a
 * change shows on the next request.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { eq } from "drizzle-orm";
import { db, isPostgres, schema } from "~/db.server";
import { keepTestClockOffset } from "../clock/now.server";

const { siteState } = schema;

// Read by every shared-page request (the page cache's hit path): prepared once, as building the
// query per call cost about 12 times running it (210 µs against 17 µs per read, measured here).
// Prepared on first use, not on import: importing a module must not need the schema (scripts migrate after importing).
let versionQuery: ReturnType<typeof prepareVersionQuery> | null = null;
const prepareVersionQuery = () =>
  db
    .select({ version: siteState.contentVersion, clockOffset: siteState.clockOffsetMs })
    .from(siteState)
    .where(eq(siteState.id, 1))
    .prepare();

/** A request's scope: the version it read, once read (a promise on PostgreSQL until it is answered). */
interface Scope {
  version?: number | Promise<number>;
  /** The request is answered: what it left running (a timer, a feed it started) reads for itself. */
  ended: boolean;
}
const requestScope = new AsyncLocalStorage<Scope>();

/**
 * Runs `run` (a request) in a scope in which the content version is read at
 * most once: given as `version` (the page cache's, read for its key), or
 * read by the first reader that asks; until `run`'s promise settles.
 */
export function oneContentVersion<T>(run: () => T, version?: number): T {
  const scope: Scope = { version, ended: false };
  const result = requestScope.run(scope, run);
  const end = () => {
    scope.ended = true;
  };
  if (result instanceof Promise) result.then(end, end);
  else end();
  return result;
}

/** The content version: a number on SQLite (read synchronously), a promise of one on PostgreSQL; within a request, the request's. */
export function contentVersion(): number | Promise<number> {
  const scope = requestScope.getStore();
  if (!scope || scope.ended) return readContentVersion();
  if (scope.version === undefined) {
    const read = readContentVersion();
    scope.version = read;
    if (typeof read !== "number")
      // Kept as the number once answered; a failed read is not kept (the next reader reads again).
      read.then(
        (version) => {
          if (scope.version === read) scope.version = version;
        },
        () => {
          if (scope.version === read) scope.version = undefined;
        },
      );
  }
  return scope.version;
}

function readContentVersion(): number | Promise<number> {
  versionQuery ??= prepareVersionQuery();
  // SQLite-only: the synchronous read of better-sqlite3.
  if (!isPostgres(db)) return versionQuery.get()?.version ?? 0;
  // PostgreSQL: awaited. The test clock's offset comes with it (now() cannot read the database synchronously there).
  return versionQuery.execute().then(([row]) => {
    keepTestClockOffset(row?.clockOffset ?? 0);
    return row?.version ?? 0;
  });
}

// Kept per database (tests open a fresh one per file), so a test's fresh database starts empty.
type Kept = Map<string, { version: number; value: unknown }>;
const keptByDatabase = new WeakMap<object, Kept>();

/**
 * `compute()`'s result, computed again only when the content version has
 * moved since it was kept under `key`. Only for results that depend on
 * nothing but the database's content (never on the clock or the visitor).
 */
export async function untilContentChanges<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const version = await contentVersion();
  let byKey = keptByDatabase.get(db);
  if (!byKey) {
    byKey = new Map<string, { version: number; value: unknown }>();
    keptByDatabase.set(db, byKey);
  }
  const hit = byKey.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  byKey.set(key, { version, value });
  return value;
}
