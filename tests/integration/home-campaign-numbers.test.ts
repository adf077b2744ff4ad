/**
 * The home page's campaign numbers encourage shoppers (issue 13, point 12): what has sold so far
 * in the live festival, how many stores and countries take part, and the time left; the targets
 * and percentages ("45 of 500 orders (9%)") are for the organiser's pages only.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { campaignTracker } from "~/modules/catalog/catalog.server";
import { readCounters } from "~/modules/counters/counters.server";
import { featuredFestival } from "~/modules/festivals/festivals.server";
import { formatNumber } from "~/modules/i18n/format";
import en from "~/modules/i18n/resources/en";
import zh from "~/modules/i18n/resources/zh";

const BUILD = path.resolve(process.env.BUILD_DIR || "build", "server/index.js");
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  if (!fs.existsSync(BUILD)) throw new Error("No build: run `npm test` (it builds first) or `npm run build`.");
  const build = (await import(pathToFileURL(BUILD).href)) as ServerBuild;
  handle = createRequestHandler(build, "production");
});

async function html(pathname: string): Promise<string> {
  const res = await handle(new Request(`http://localhost${pathname}`));
  expect(res.status, pathname).toBe(200);
  return res.text();
}

/** The meter values of a <dl> by data-metric. */
function meters(page: string, dlClass: string): Record<string, string> {
  const dl = new RegExp(`<dl class="${dlClass}"[^>]*>([\\s\\S]*?)</dl>`).exec(page)?.[1] ?? "";
  return Object.fromEntries(
    [...dl.matchAll(/data-metric="(\w+)"[\s\S]*?<strong class="meter__value"><bdi dir="ltr">([^<]*)<\/bdi>/g)].map((m) => [m[1], m[2]]),
  );
}

describe("the home page's campaign numbers", () => {
  it("shows sales so far, stores, countries and the time left, with no targets or percentages", async () => {
    const now = Date.now();
    const festival = (await featuredFestival("en", now))!;
    expect(festival.clock.state).toBe("live");
    const counters = (await readCounters("festival", [String(festival.id)])).get(String(festival.id))!;
    const tracker = await campaignTracker();
    const page = await html("/");

    const sold = meters(page, "festival-banner__counters");
    expect(sold.orders).toBe(formatNumber(counters.orders, "en"));
    expect(sold.units).toBe(formatNumber(counters.units, "en"));
    expect(sold.gmv).toMatch(/\d/);
    const campaign = meters(page, "tracker__meters");
    expect(campaign).toEqual({
      stores: formatNumber(tracker.storesLive, "en"),
      products: formatNumber(tracker.productsListed, "en"),
      countries: formatNumber(tracker.countries, "en"),
    });
    expect(page).toContain(en.tracker.storesTakingPart);
    // Time left in the live festival.
    expect(page).toContain(en.festival.countdown.saleEnds);
    expect(page).toMatch(/<time class="countdown"/);

    // No goals: no "Target …", no "63 of 100", no progress bars.
    expect(page).not.toContain('class="meter__target"');
    expect(page).not.toContain('class="meter__bar"');
    expect(page).not.toContain(en.festival.target.replace("{{value}}", "").trim());
    expect(page).not.toContain(en.tracker.progress.replace("{{value}}", formatNumber(tracker.storesLive, "en")).replace("{{target}}", "100"));
  });

  it("reads the same way in Chinese", async () => {
    const page = await html("/zh");
    expect(page).toContain(zh.tracker.storesTakingPart);
    expect(page).not.toContain('class="meter__target"');
    expect(Object.keys(meters(page, "festival-banner__counters"))).toEqual(["orders", "units", "gmv"]);
  });
});
