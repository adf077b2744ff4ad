import { describe, expect, it } from "vitest";
import { deltasForPaidOrder, sessionDeltasForPaidOrder, type CountedLine } from "./counters";

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

describe("orders during a session", () => {
  const lines = [
    { productId: 1, quantity: 2, lineTotalBaseMinor: 1000 },
    { productId: 2, quantity: 1, lineTotalBaseMinor: 700 },
    { productId: 3, quantity: 4, lineTotalBaseMinor: 400 },
  ];
  it("counts the order once per running session that features one of its products, with those lines' units and GMV", () => {
    const deltas = sessionDeltasForPaidOrder(lines, [
      { sessionId: 7, productId: 1 },
      { sessionId: 7, productId: 2 },
      { sessionId: 9, productId: 3 },
    ]);
    expect(deltas).toEqual([
      { scope: "session", scopeKey: "7", metric: "orders", value: 1 },
      { scope: "session", scopeKey: "7", metric: "units", value: 3 },
      { scope: "session", scopeKey: "7", metric: "gmv", value: 1700 },
      { scope: "session", scopeKey: "9", metric: "orders", value: 1 },
      { scope: "session", scopeKey: "9", metric: "units", value: 4 },
      { scope: "session", scopeKey: "9", metric: "gmv", value: 400 },
    ]);
  });
  it("counts nothing when no running session features the order's products", () => {
    expect(sessionDeltasForPaidOrder(lines, [])).toEqual([]);
    expect(sessionDeltasForPaidOrder(lines, [{ sessionId: 7, productId: 42 }])).toEqual([]);
  });
});
