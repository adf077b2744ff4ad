/**
 * Every protected route starts with a guard: a static check over the route
 * files, so a new owner or organiser page without one fails the build's tests.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve("app/routes");
const PROTECTED = /^\(\$lang\)\.(dashboard_?|organiser|account)(\.|$)/;
const GUARD = /await require(User|Owner|Organiser|StoreOwner)\(request/;

const files = fs.readdirSync(ROUTES).filter((f) => PROTECTED.test(f));

describe("protected routes use the guard helpers", () => {
  it("has protected routes to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of files) {
    it(`${file}: every loader and action begins with a guard`, () => {
      const source = fs.readFileSync(path.join(ROUTES, file), "utf8");
      for (const kind of ["loader", "action"]) {
        const match = new RegExp(`export (async )?function ${kind}\\([^)]*\\)[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(source);
        if (!match) continue;
        const firstStatement = match[2].trim().split("\n")[0];
        expect(firstStatement, `${file} ${kind}`).toMatch(GUARD);
      }
    });
  }
});
