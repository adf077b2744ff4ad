/**
 * db/schema.pg.ts mirrors db/schema.ts: the domain is typed against the
 * SQLite tables and runs on the PostgreSQL ones (app/db.server.ts), so the
 * two must have the same exports, tables, column keys and names, kinds of
 * value, nullability, defaults, keys, indexes, foreign keys and checks. A
 * table or column added to one file and not the other fails here; then
 * `npm run db:generate -- --name x` writes both engines' migrations.
 */
import { getTableColumns, getTableName, is, type Column, type Table } from "drizzle-orm";
import { getTableConfig as postgresTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as postgres from "./schema.pg";
import * as sqlite from "./schema";

type Named = { name: string };
const names = (columns: Named[]) => columns.map((c) => c.name);

function columnShape(column: Column) {
  return {
    name: column.name,
    // "number", "string", "boolean", "date", "json": what the TypeScript side gets back.
    // PostgreSQL's bytea is a custom column in Drizzle; it gives the same Buffer as SQLite's blob.
    kind: column.dataType === "custom" && column.getSQLType() === "bytea" ? "buffer" : column.dataType,
    enumValues: column.enumValues ?? null,
    notNull: column.notNull,
    primary: column.primary,
    // An integer primary key in SQLite is the rowid, which SQLite fills in when an insert leaves it out; only
    // one declared autoIncrement is a generated id (an identity column on PostgreSQL).
    hasDefault:
      column.hasDefault &&
      !(is(column.table, SQLiteTable) && column.primary && column.default === undefined && !isAutoIncrement(column)),
    isUnique: column.isUnique,
  };
}

const isAutoIncrement = (column: Column) => (column as Column & { autoIncrement?: boolean }).autoIncrement === true;

/** Everything that must agree, from either dialect's table config. */
function shape(table: Table, config: ReturnType<typeof sqliteTableConfig> | ReturnType<typeof postgresTableConfig>) {
  return {
    name: config.name,
    columns: Object.fromEntries(Object.entries(getTableColumns(table) as Record<string, Column>).map(([key, column]) => [key, columnShape(column)])),
    primaryKeys: config.primaryKeys.map((pk) => names(pk.columns)),
    uniques: config.uniqueConstraints.map((u) => ({ name: u.name ?? null, columns: names(u.columns) })),
    indexes: config.indexes
      .map((index) => ({
        name: index.config.name ?? "",
        columns: names(index.config.columns as Named[]),
        unique: index.config.unique ?? false,
        partial: index.config.where !== undefined,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          columns: names(ref.columns),
          table: getTableName(ref.foreignTable),
          foreignColumns: names(ref.foreignColumns),
          onDelete: fk.onDelete ?? "no action",
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

const sqliteTables = Object.entries(sqlite).filter(([, value]) => is(value, SQLiteTable)) as [string, SQLiteTable][];
const postgresTables = Object.entries(postgres).filter(([, value]) => is(value, PgTable)) as [string, PgTable][];

describe("db/schema.pg.ts mirrors db/schema.ts", () => {
  it("exports the same names: every table, and the same value lists", () => {
    expect(Object.keys(postgres).sort()).toEqual(Object.keys(sqlite).sort());
    expect(postgresTables.map(([key]) => key).sort()).toEqual(sqliteTables.map(([key]) => key).sort());
    for (const [key, value] of Object.entries(sqlite)) {
      if (Array.isArray(value)) expect({ key, value: postgres[key as keyof typeof postgres] }).toEqual({ key, value });
    }
  });

  it.each(sqliteTables)("%s: same table, columns, keys, indexes, foreign keys and checks", (key, table) => {
    const twin = postgres[key as keyof typeof postgres] as PgTable;
    expect(shape(twin, postgresTableConfig(twin))).toEqual(shape(table, sqliteTableConfig(table)));
  });
});
