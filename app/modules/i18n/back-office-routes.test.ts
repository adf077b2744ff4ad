/**
 * Back-office pages download their strings on the way in (a route
 * `clientLoader`); no shopper's page and not root has a `clientLoader`,
 * because Remix fetches such a route's data in a request of its own, and on
 * root that meant a second request after every form a shopper sends.
 * A static check over the route files, as tests/guards.test.ts does.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBackOfficePath } from "./config";

const ROUTES = path.resolve("app/routes");
const CLIENT_LOADER = /export \{ backOfficeClientLoader as clientLoader \} from "~\/modules\/i18n\/back-office-strings";/;
const ANY_CLIENT_LOADER = /\bclientLoader\b/;

/** `($lang).dashboard_.festivals.$slug.tsx` → `/dashboard/festivals/$slug`. */
function urlPathOf(file: string): string {
  const segments = file
    .replace(/\.tsx$/, "")
    .split(".")
    .filter((segment) => segment !== "($lang)" && segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""));
  return `/${segments.join("/")}`;
}

const pages = fs
  .readdirSync(ROUTES)
  .filter((file) => file.endsWith(".tsx"))
  .map((file) => ({ file, source: fs.readFileSync(path.join(ROUTES, file), "utf8") }))
  .filter(({ source }) => /export default/.test(source));

describe("the back office's strings", () => {
  const backOffice = pages.filter(({ file }) => isBackOfficePath(urlPathOf(file)));
  it("finds the back office's pages and the shoppers'", () => {
    expect(backOffice.length).toBeGreaterThanOrEqual(20);
    expect(pages.length - backOffice.length).toBeGreaterThanOrEqual(20);
  });
  for (const { file, source } of pages) {
    if (isBackOfficePath(urlPathOf(file))) {
      it(`${file} waits for them before it renders`, () => expect(source).toMatch(CLIENT_LOADER));
    } else {
      it(`${file} has no clientLoader (no extra request)`, () => expect(source).not.toMatch(ANY_CLIENT_LOADER));
    }
  }
  it("root has no clientLoader", () => {
    expect(fs.readFileSync(path.resolve("app/root.tsx"), "utf8")).not.toMatch(ANY_CLIENT_LOADER);
  });
});
