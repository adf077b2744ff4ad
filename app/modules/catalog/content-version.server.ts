/**
 * `site_state.content_version` goes up, by database triggers (migration
 * 0004), whenever something a shared page shows changes: a listing, a
 * translation, a store's status, stock, a deal, an organiser's decision.
 * The page cache keys its entries on it; the catalogue's aggregates (the
 * campaign tracker, category tiles, featured stores) are kept on it too, so
 * a page rendered after a change never mixes fresh and stale numbers.
 */
import { db, statements } from "~/db.server";

const prepared = statements((client) => ({
  contentVersion: client.prepare<[], number>("SELECT content_version FROM site_state WHERE id = 1").pluck(),
}));

export function contentVersion(): number {
  return prepared(db).contentVersion.get() ?? 0;
}

const kept = statements(() => new Map<string, { version: number; value: unknown }>());

/**
 * `compute()`'s result, computed again only when the content version has
 * moved since it was kept under `key`. Only for results that depend on
 * nothing but the database's content (never on the clock or the visitor);
 * kept per connection, so a test's fresh database starts empty.
 */
export function untilContentChanges<T>(key: string, compute: () => T): T {
  const version = contentVersion();
  const byKey = kept(db);
  const hit = byKey.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  byKey.set(key, { version, value });
  return value;
}
