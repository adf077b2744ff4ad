import path from "node:path";

export const TMP_DIR = path.resolve("tests/.tmp");
/** A migrated, seeded database made once per run; each test file works on its own copy. */
export const BASE_DB = path.join(TMP_DIR, "base.sqlite");
