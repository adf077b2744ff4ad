/**
 * Built feeds kept in the app, per (platform, language, currency, origin),
 * on the same two rules as the shared page cache (app/modules/http/page-cache.ts):
 * an entry serves only while the database's content version is the one it
 * was built at (triggers move it on any write a feed shows: a price, stock, a
 * translation, a deal, a rate, a shipping rate, by any process or server) and
 * only from the instant it was built until the next price change (a festival
 * phase boundary or flash window: `nextPriceChange`), so no feed shows a deal
 * price after its sale ends or misses one that starts. Concurrent requests for
 * a feed being built wait for that one build.
 */
import { createHash } from "node:crypto";
import { db } from "~/db.server";
import { contentVersion } from "../catalog/content-version.server";
import { pageCacheState } from "../http/page-cache-state.server";

export interface BuiltFeed {
  body: string;
  /** A strong ETag of the body. */
  etag: string;
  /** App-clock instants: when it was built, and the next price change (Infinity when none is scheduled). */
  builtAt: number;
  changeAt: number;
}

interface Entry {
  version: number;
  builtAt: number;
  changeAt: number;
  feed: Promise<BuiltFeed>;
  /** Characters of its body, once built. */
  size: number;
}

/**
 * At most this much feed text is kept (about ten feeds of the 1,000 seeded
 * products); the least recently built go first. Bounded because the origin
 * is part of the key when PUBLIC_ORIGIN is unset.
 */
const MAX_CHARS = 24 * 1024 * 1024;

// Per database (tests open a fresh one per file), as the catalogue's kept aggregates are.
const cachesByDatabase = new WeakMap<object, Map<string, Entry>>();

/** The feed under `key` as of `at`: kept, or built by `build(at)` and kept. */
export async function cachedFeed(key: string, at: number, build: (at: number) => Promise<string>): Promise<BuiltFeed> {
  let cache = cachesByDatabase.get(db);
  if (!cache) {
    cache = new Map();
    cachesByDatabase.set(db, cache);
  }
  // Read before building: a write during the build leaves the entry under the older version, so the next request builds again.
  // Awaited: a number at once on SQLite, a promise on PostgreSQL.
  const version = await contentVersion();
  const hit = cache.get(key);
  if (hit && hit.version === version && hit.builtAt <= at && at < hit.changeAt) return hit.feed;
  const changeAt = await pageCacheState.nextPriceChange(at, version);
  const feed = build(at).then((body) => ({ body, etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`, builtAt: at, changeAt }));
  const entry: Entry = { version, builtAt: at, changeAt, feed, size: 0 };
  cache.delete(key);
  cache.set(key, entry);
  const kept = cache;
  feed.then(
    (built) => {
      if (kept.get(key) !== entry) return;
      entry.size = built.body.length;
      let total = 0;
      for (const e of kept.values()) total += e.size;
      // Oldest first (a Map keeps insertion order, and a rebuilt key is inserted again).
      for (const [k, e] of kept) {
        if (total <= MAX_CHARS || e === entry) break;
        total -= e.size;
        kept.delete(k);
      }
    },
    () => {
      // A failed build is not kept: the next request tries again.
      if (kept.get(key) === entry) kept.delete(key);
    },
  );
  return feed;
}
