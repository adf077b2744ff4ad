/**
 * The PostgreSQL side of the test set-up (DATABASE_URL set, as `npm test`'s
 * PostgreSQL pass does): DATABASE_URL names a server and a database to
 * connect to for administration; each run makes its own databases beside it,
 * named after the run, a base one migrated once, and one copy per test file
 * (`CREATE DATABASE … TEMPLATE base`, the PostgreSQL counterpart of copying
 * the SQLite file), and drops them all at the end.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** DATABASE_URL with another database name. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** This run's databases start with this prefix (lower case: PostgreSQL folds unquoted names). */
export const runPrefix = (pid = process.pid) => `showcase_test_${pid}_`;

/** Creates this run's empty base database and returns its name. */
export function createBaseDatabase(serverUrl: string): Promise<string> {
  const name = `${runPrefix()}base`;
  return withAdmin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    return name;
  });
}

/** A fresh copy of the base database (which must have no open connection); returns its URL. */
export function copyBasePostgresDatabase(serverUrl: string, base: string, label: string): Promise<string> {
  return createRunDatabase(serverUrl, base, label, `TEMPLATE "${base}"`);
}

/** A new empty database of this run (named after the base database); returns its URL. */
export function createEmptyPostgresDatabase(serverUrl: string, base: string, label: string): Promise<string> {
  return createRunDatabase(serverUrl, base, label, "");
}

function createRunDatabase(serverUrl: string, base: string, label: string, options: string): Promise<string> {
  const name = `${base.replace(/base$/, "")}${label}_${randomBytes(6).toString("hex")}`;
  return withAdmin(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}" ${options}`);
    return databaseUrl(serverUrl, name);
  });
}

/** Drops every database this run made. */
export function dropRunDatabases(serverUrl: string, prefix: string): Promise<void> {
  return withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
      prefix,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
