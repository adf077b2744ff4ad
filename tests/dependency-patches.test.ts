/**
 * The fixes in patches/ (applied by patch-package after `npm install`) are in
 * place, and the route matcher they change still matches as before: the
 * ranked branches are kept per routes array, the compiled patterns per pattern.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router");
type Route = { id: string; path?: string; index?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; route: Route };
// The CommonJS build, as the server's Remix packages load it (the patched one).
const { matchRoutes } = require("@remix-run/router") as { matchRoutes: (routes: Route[], pathname: string) => Match[] | null };

function tree(): Route[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        {
          id: "lang",
          path: ":lang?",
          children: [
            { id: "home", index: true },
            { id: "products", path: "products" },
            { id: "product", path: "products/:slug" },
            { id: "catch-all", path: "*" },
          ],
        },
        { id: "healthz", path: "healthz" },
      ],
    },
  ];
}

const ids = (routes: Route[], pathname: string) => matchRoutes(routes, pathname)?.map((m) => m.route.id);

describe("patches/@remix-run+router", () => {
  it("is applied to the router the server loads", () => {
    const source = fs.readFileSync(routerFile, "utf8");
    expect(source).toContain("rankedBranchesCache");
    expect(source).toContain("compilePathUncached");
  });

  it("matches the same routes on every call, and each routes array by its own shape", () => {
    const routes = tree();
    for (let i = 0; i < 3; i++) {
      expect(ids(routes, "/")).toEqual(["root", "lang", "home"]);
      expect(ids(routes, "/zh/products")).toEqual(["root", "lang", "products"]);
      expect(matchRoutes(routes, "/products/silk-scarf")?.at(-1)?.params).toEqual({ slug: "silk-scarf" });
      expect(ids(routes, "/healthz")).toEqual(["root", "healthz"]);
      expect(ids(routes, "/zh/nowhere/at-all")).toEqual(["root", "lang", "catch-all"]);
    }
    // Another array (another shape) is ranked on its own, not from the first one's branches:
    // without its own "healthz" route, the optional language segment takes the word.
    const fewer = tree();
    fewer[0].children = fewer[0].children!.filter((r) => r.id !== "healthz");
    expect(ids(fewer, "/healthz")).toEqual(["root", "lang", "home"]);
    expect(ids(routes, "/healthz")).toEqual(["root", "healthz"]);
  });

  it("matches case-insensitively and to the end as before, from one compiled pattern", () => {
    const routes = tree();
    expect(matchRoutes(routes, "/PRODUCTS/Silk-Scarf")?.at(-1)?.params).toEqual({ slug: "Silk-Scarf" });
    expect(matchRoutes(routes, "/products/")?.at(-1)?.route.id).toBe("products");
  });
});
