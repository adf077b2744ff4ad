import { describe, expect, it } from "vitest";
import { deltasForPaidOrder, type CountedLine } from "./counters";

const line = (over: Partial<CountedLine>): CountedLine => ({
  storeId: 1,
  categoryId: 10,
  countryCode: "KE",
  festivalId: 5,
  quantity: 1,
  lineTotalBaseMinor: 1000,
  ...over,
});

describe("what a paid order adds to the counters", () => {
  it("counts one order per scope, units and GMV summed", () => {
    const deltas = deltasForPaidOrder([
      line({ quantity: 2, lineTotalBaseMinor: 2000 }),
      line({ storeId: 2, countryCode: "GH", categoryId: 11, festivalId: null, quantity: 3, lineTotalBaseMinor: 900 }),
    ]);
    const get = (scope: string, key: string, metric: string) =>
      deltas.find((d) => d.scope === scope && d.scopeKey === key && d.metric === metric)?.value;
    expect(get("campaign", "all", "orders")).toBe(1);
    expect(get("campaign", "all", "units")).toBe(5);
    expect(get("campaign", "all", "gmv")).toBe(2900);
    expect(get("festival", "5", "units")).toBe(2);
    expect(get("festival", "5", "orders")).toBe(1);
    expect(get("store", "2", "gmv")).toBe(900);
    expect(get("country", "GH", "orders")).toBe(1);
    expect(get("category", "10", "gmv")).toBe(2000);
  });
  it("adds nothing for an empty order", () => {
    expect(deltasForPaidOrder([])).toEqual([]);
  });
});
