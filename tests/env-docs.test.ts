/**
 * The README's configuration table and .env.example are printed from the one
 * environment schema (app/env.server.ts, `npm run env:docs`): a variable added
 * to the schema, or described differently, without them fails here.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema } from "~/env.server";
import { configurationTable, envExample } from "../scripts/env-docs";

const readme = fs.readFileSync("README.md", "utf8");

function readmeTable(): string {
  const section = readme.slice(readme.indexOf("\n## Configuration\n"));
  const lines = section.split("\n");
  const first = lines.findIndex((l) => l.startsWith("| variable |"));
  const rest = lines.slice(first);
  return rest.slice(0, rest.findIndex((l) => !l.startsWith("|"))).join("\n");
}

describe("configuration docs", () => {
  it("the README's table lists exactly the schema's variables, in its order", () => {
    const listed = [...readmeTable().matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(envSchema._def.schema.shape));
  });

  it("the README's table is the one the schema prints (npm run env:docs)", () => {
    expect(readmeTable()).toBe(configurationTable());
  });

  it(".env.example is the one the schema prints (npm run env:docs -- --example)", () => {
    expect(fs.readFileSync(".env.example", "utf8")).toBe(envExample());
  });
});
