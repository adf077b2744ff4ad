/**
 * `site_state.content_version` goes up, by database triggers (migration
 * 0004), whenever something a shared page shows changes: a listing, a
 * translation, a store's status, stock, a deal, an organiser's decision.
 * The page cache keys its entries on it; the catalogue's aggregates (the
 * campaign tracker, category tiles, featured stores) are kept on it too, so
 * a page rendered after a change never mixes fresh and stale numbers.
 *
 * Still synchronous (docs/decisions/0026-one-asynchronous-data-layer.md): the
 * page cache's hit path (page-cache.ts) and the catalogue's and festivals'
 * `untilContentChanges` callers read it synchronously; it becomes an awaited
 * read when they await it.
 */
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";

const { siteState } = schema;

// Read by every shared-page request (the page cache's hit path): prepared once, as building the
// query per call cost about 12 times running it (210 µs against 17 µs per read, measured here).
// Prepared on first use, not on import: importing a module must not need the schema (scripts migrate after importing).
let versionQuery: ReturnType<typeof prepareVersionQuery> | null = null;
const prepareVersionQuery = () => db.select({ version: siteState.contentVersion }).from(siteState).where(eq(siteState.id, 1)).prepare();

export function contentVersion(): number {
  versionQuery ??= prepareVersionQuery();
  return versionQuery.get()?.version ?? 0;
}

// Kept per database (tests open a fresh one per file), so a test's fresh database starts empty.
type Kept = Map<string, { version: number; value: unknown }>;
const keptByDatabase = new WeakMap<object, Kept>();

/**
 * `compute()`'s result, computed again only when the content version has
 * moved since it was kept under `key`. Only for results that depend on
 * nothing but the database's content (never on the clock or the visitor).
 */
export function untilContentChanges<T>(key: string, compute: () => T): T {
  const version = contentVersion();
  let byKey = keptByDatabase.get(db);
  if (!byKey) {
    byKey = new Map<string, { version: number; value: unknown }>();
    keptByDatabase.set(db, byKey);
  }
  const hit = byKey.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  byKey.set(key, { version, value });
  return value;
}
