import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("keeps the safe subset", () => {
    const html = renderMarkdown("Hand-woven **raffia**, *dyed* with indigo.\n\n- one\n- two\n\n[our farm](https://example.com/farm)");
    expect(html).toContain("<strong>raffia</strong>");
    expect(html).toContain("<em>dyed</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.com/farm" rel="nofollow ugc noopener noreferrer">our farm</a>');
  });
  it("escapes raw HTML instead of dropping it", () => {
    const html = renderMarkdown('Nice <script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("onerror");
  });
  it("refuses javascript: and data: links", () => {
    for (const src of ["[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)"]) {
      const html = renderMarkdown(src);
      expect(html, src).not.toMatch(/href="(javascript|data|vbscript)/i);
    }
  });
  it("has no images, headings or tables", () => {
    const html = renderMarkdown("# Big\n\n![a](https://example.com/x.png)\n\n| a | b |\n|---|---|");
    expect(html).not.toMatch(/<h1|<img|<table/);
    expect(html).toContain("Big");
  });
});
