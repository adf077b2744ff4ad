/**
 * The live festival's page at a peak (issue 11): every approved deal is
 * reachable by following "next" from the first page, each exactly once, in
 * pages the catalogue's size; filters narrow the deals and stay in the URL
 * (and in the pager's links, with the chosen currency); a bad or too large
 * page number never fails.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { PER_PAGE } from "~/modules/catalog/list-view.server";
import { listFestivals } from "~/modules/festivals/festivals.server";
import { appHandler, Shopper } from "./http-client";

let handle: Awaited<ReturnType<typeof appHandler>>;
beforeAll(async () => {
  handle = await appHandler();
});

const liveFestival = async () => (await listFestivals("en", Date.now())).find((f) => f.clock.state === "live")!;

/** The live festival's approved deals a shopper may see (active product, live store), by slug. */
function approvedDeals(festivalId: number) {
  return db
    .select({ slug: schema.products.slug, category: schema.categories.slug, country: schema.stores.countryCode })
    .from(schema.festivalDeals)
    .innerJoin(schema.festivalEnrolments, eq(schema.festivalEnrolments.id, schema.festivalDeals.enrolmentId))
    .innerJoin(schema.products, eq(schema.products.id, schema.festivalDeals.productId))
    .innerJoin(schema.stores, eq(schema.stores.id, schema.products.storeId))
    .innerJoin(schema.categories, eq(schema.categories.id, schema.products.categoryId))
    .where(
      and(
        eq(schema.festivalEnrolments.festivalId, festivalId),
        eq(schema.festivalEnrolments.status, "approved"),
        eq(schema.festivalDeals.status, "approved"),
        eq(schema.products.status, "active"),
        eq(schema.stores.status, "live"),
      ),
    );
}

const decode = (href: string) => href.replace(/&amp;/g, "&");
const dealsOn = (html: string) => [...html.matchAll(/data-deal="([^"]+)"/g)].map((m) => m[1]);
const nextHref = (html: string) => {
  const match = /<a[^>]*rel="next"[^>]*href="([^"]+)"/.exec(html) ?? /<a[^>]*href="([^"]+)"[^>]*rel="next"/.exec(html);
  return match ? decode(match[1]) : null;
};

/** Follows "next" from `start` to the last page, as a shopper without JavaScript would; returns every deal seen, in order. */
async function walk(start: string) {
  const seen: string[] = [];
  const visited: string[] = [];
  let href: string | null = start;
  while (href) {
    expect(visited).not.toContain(href);
    visited.push(href);
    const res = await new Shopper().get(href, handle);
    expect(res.status).toBe(200);
    const html = await res.text();
    const deals = dealsOn(html);
    expect(deals.length).toBeGreaterThan(0);
    expect(deals.length).toBeLessThanOrEqual(PER_PAGE);
    seen.push(...deals);
    href = nextHref(html);
    // Bounded: no walk is longer than the deals could fill.
    expect(visited.length).toBeLessThanOrEqual(200);
  }
  return { seen, pages: visited };
}

describe("the live festival's deals, page by page", () => {
  it("reaches every approved deal exactly once by following next, with the total and the page shown", async () => {
    const festival = await liveFestival();
    const expected = (await approvedDeals(festival.id)).map((d) => d.slug);
    expect(expected.length).toBeGreaterThan(PER_PAGE * 2);
    const { seen, pages } = await walk(`/festivals/${festival.slug}`);
    expect(seen.length).toBe(expected.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(pages.length).toBe(Math.ceil(expected.length / PER_PAGE));
    expect(pages[1]).toBe(`/festivals/${festival.slug}?page=2#deals`);

    const first = await (await new Shopper().get(`/festivals/${festival.slug}`, handle)).text();
    expect(first).toContain(`${expected.length} deals`);
    expect(first).toContain(`Page 1 of ${pages.length}`);
    // The festival's name is the page's one h1.
    expect(first.match(/<h1\b/g)).toHaveLength(1);
    expect(first).toMatch(new RegExp(`<h1[^>]*>${festival.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</h1>`));
  });

  it("narrows the deals by category and by country, keeping the filters and the currency in the pager's links", async () => {
    const festival = await liveFestival();
    const all = await approvedDeals(festival.id);
    const byCategory = new Map<string, string[]>();
    for (const d of all) byCategory.set(d.category, [...(byCategory.get(d.category) ?? []), d.slug]);
    // The category with the most deals, so it may span pages.
    const [category, inCategory] = [...byCategory].sort((a, b) => b[1].length - a[1].length)[0];
    expect(inCategory.length).toBeLessThan(all.length);
    const { seen } = await walk(`/festivals/${festival.slug}?category=${category}&currency=KES`);
    expect([...seen].sort()).toEqual([...inCategory].sort());

    const country = all[0].country;
    const inCountry = all.filter((d) => d.country === country).map((d) => d.slug);
    const res = await new Shopper().get(`/sw/festivals/${festival.slug}?country=${country}`, handle);
    const html = await res.text();
    expect([...dealsOn(html)].sort()).toEqual([...inCountry].sort().slice(0, PER_PAGE));
    expect(html).toContain(`ofa ${inCountry.length}`);

    // A page of a filtered list links on with the filter and the currency.
    if (inCategory.length > PER_PAGE) {
      const page = await (await new Shopper().get(`/festivals/${festival.slug}?category=${category}&currency=KES`, handle)).text();
      const next = new URL(nextHref(page)!, "http://x");
      expect(Object.fromEntries(next.searchParams)).toEqual({ category, currency: "KES", page: "2" });
    }
    // The GET filter form keeps the chosen currency without JavaScript.
    const form = /<form[^>]*aria-label="Filter the festival&#x27;s deals"[^>]*>([\s\S]*?)<\/form>/.exec(
      await (await new Shopper().get(`/festivals/${festival.slug}?currency=KES`, handle)).text(),
    );
    expect(form?.[1]).toContain('name="currency" value="KES"');
  });

  it("reads a bad page number as page 1 and one past the end as the last page", async () => {
    const festival = await liveFestival();
    const total = (await approvedDeals(festival.id)).length;
    const lastPage = Math.ceil(total / PER_PAGE);
    const page = async (query: string) => dealsOn(await (await new Shopper().get(`/festivals/${festival.slug}${query}`, handle)).text());
    const first = await page("");
    expect(await page("?page=abc")).toEqual(first);
    expect(await page("?page=0")).toEqual(first);
    expect(await page("?page=-3")).toEqual(first);
    const last = await page(`?page=${lastPage}`);
    expect(last.length).toBe(total - (lastPage - 1) * PER_PAGE);
    expect(await page("?page=999")).toEqual(last);
    // An unknown category is dropped, like any bad filter value: the whole list.
    expect(await page("?category=no-such-thing")).toEqual(first);
  });
});
