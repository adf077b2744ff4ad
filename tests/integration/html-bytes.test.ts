/**
 * Pages in Chinese and Arabic are long runs of multi-byte characters: React
 * 18.3 padded its stream with NUL bytes wherever one did not fit at the end
 * of a 2 KiB buffer (app/modules/http/drop-nul-bytes.ts). No page may carry one.
 */
import { beforeAll, expect, it } from "vitest";
import { appHandler, Shopper } from "./http-client";

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

it("sends no NUL bytes in any language's catalogue pages", async () => {
  const pages = ["/products", "/stores", "/search?q=%E5%92%96%E5%95%A1", "/festivals", "/"];
  let checked = 0;
  for (const lang of ["/zh", "/ar", "/sw"]) {
    for (const page of pages) {
      const res = await new Shopper().get(`${lang}${page}`, handle);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(10_000);
      expect({ page: `${lang}${page}`, nul: bytes.indexOf(0) }).toEqual({ page: `${lang}${page}`, nul: -1 });
      checked++;
    }
  }
  expect(checked).toBe(15);
});
