import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./log.server";

describe("requestIdFrom", () => {
  it("keeps a proxy's id made of safe characters", () => {
    expect(requestIdFrom("f3b2c1d0-aaaa-bbbb")).toBe("f3b2c1d0-aaaa-bbbb");
  });
  it("replaces a missing, short, long or unsafe id with a fresh UUID", () => {
    for (const bad of [undefined, "", "short", "x".repeat(129), "id with spaces", "a\nInjected: header"]) {
      const id = requestIdFrom(bad);
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
