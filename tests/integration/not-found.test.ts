/**
 * Issue 13, point 14: a 404 page that helps. Through the real HTTP server: an
 * unknown address, an unknown product and an unknown language prefix answer
 * 404 (never cached as a page), translated, with a search form that works
 * without JavaScript and suggestions that each lead to a real page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../browser/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const suggestionLinks = (html: string) => {
  const box = /<nav[^>]*class="not-found__suggestions"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
  return [...box.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
};

describe("the 404 page", () => {
  const cases = [
    { path: "/no-such-page", lang: "en", title: "Page not found", search: "/search" },
    { path: "/zh/no-such-page", lang: "zh", title: "页面未找到", search: "/zh/search" },
    { path: "/products/no-such-product", lang: "en", title: "Page not found", search: "/search" },
    { path: "/zh/products/no-such-product", lang: "zh", title: "页面未找到", search: "/zh/search" },
  ];
  for (const c of cases) {
    it(`answers ${c.path} with a translated 404 that searches and suggests`, async () => {
      const res = await fetch(`${server.url}${c.path}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain(`<html lang="${c.lang === "zh" ? "zh-Hans" : "en"}"`);
      expect(html).toMatch(new RegExp(`<h1>${c.title}</h1>`));
      expect(html).toContain('<meta name="robots" content="noindex"/>');
      // A plain GET form: it works before (or without) JavaScript.
      expect(html).toMatch(new RegExp(`<form method="get" action="${c.search}"[^>]*role="search"[^>]*class="not-found__search"`));
      const links = suggestionLinks(html);
      // Popular categories, the festival and new products.
      expect(links.filter((l) => l.includes("/categories/")).length).toBeGreaterThanOrEqual(3);
      expect(links.some((l) => l.includes("/festivals/"))).toBe(true);
      expect(links.filter((l) => l.includes("/products/")).length).toBeGreaterThanOrEqual(1);
      for (const link of links) {
        if (c.lang === "zh") expect(link).toMatch(/^\/zh\//);
        const target = await fetch(`${server.url}${link}`);
        expect(target.status, link).toBe(200);
      }
    });
  }

  it("answers an unknown language prefix with a 404 page too", async () => {
    const res = await fetch(`${server.url}/xx/products`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('class="not-found__search"');
    expect(suggestionLinks(html).length).toBeGreaterThan(0);
  });

  it("is not stored as a shared page", async () => {
    const first = await fetch(`${server.url}/products/no-such-product`);
    expect(first.status).toBe(404);
    expect(first.headers.get("Cache-Control") ?? "").not.toMatch(/public/);
    expect(first.headers.get("ETag")).toBeNull();
  });
});
