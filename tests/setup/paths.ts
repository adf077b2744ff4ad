import path from "node:path";

/** Each test run works in its own folder under here, so two runs never share files. */
export const TMP_ROOT = path.resolve("tests/.tmp");

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's folder. */
    runDir: string;
    /** A migrated, seeded database made once per run (a file; on PostgreSQL a database name); each test file works on its own copy. */
    baseDb: string;
    /** On PostgreSQL (DATABASE_URL set): the server's URL the run's databases are made through; "" on SQLite. */
    postgresServer: string;
  }
}
