import path from "node:path";

/** Each test run works in its own folder under here, so two runs never share files. */
export const TMP_ROOT = path.resolve("tests/.tmp");

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's folder. */
    runDir: string;
    /** A migrated, seeded database made once per run; each test file works on its own copy. */
    baseDb: string;
  }
}
