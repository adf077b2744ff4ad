import { describe, expect, it } from "vitest";
import { LANGS } from "./config";
import { countryName, formatDate, formatDateTime, formatDuration, formatMoney, formatNumber, timeZoneName } from "./format";

describe("Intl formatting for every language", () => {
  const instant = Date.UTC(2026, 10, 11, 16, 0);
  for (const lang of LANGS) {
    it(`formats in ${lang}`, () => {
      expect(formatMoney(123456, "USD", lang)).toMatch(/1.?234/);
      expect(formatNumber(1000, lang)).toMatch(/1.?000/);
      expect(formatDate(instant, lang)).toBeTruthy();
      expect(formatDateTime(instant, lang, "Asia/Shanghai")).toBeTruthy();
      expect(countryName("KE", lang)).not.toBe("KE");
      expect(formatDuration(90_061_000, lang)).toBeTruthy();
    });
  }
  it("shows festival times in the festival's zone", () => {
    // 16:00 UTC is midnight in Beijing on the 12th.
    expect(formatDateTime(instant, "en", "Asia/Shanghai")).toMatch(/12.*12:00|00:00/);
    expect(countryName("CN", "zh")).toBe("中国");
  });
  it("counts down in days, hours and minutes", () => {
    expect(formatDuration(90_061_000, "en")).toBe("1d 1h 1m");
    expect(formatDuration(-5, "en")).toBe("0s");
  });
  it("names a time zone in the page's language, never by its IANA id", () => {
    expect(timeZoneName("Asia/Shanghai", "en")).toBe("China Standard Time");
    expect(timeZoneName("Asia/Shanghai", "zh")).toBe("中国标准时间");
    expect(timeZoneName("Asia/Shanghai", "ar")).toMatch(/^توقيت الصين/);
    expect(timeZoneName("Asia/Shanghai", "fr")).toMatch(/Chine/);
    // UTC's generic name is only an offset ("GMT+00:00"): its long name is used instead.
    expect(timeZoneName("UTC", "en")).toBe("Coordinated Universal Time");
    expect(timeZoneName("UTC", "zh")).toBe("协调世界时");
    for (const lang of LANGS) expect(timeZoneName("Africa/Nairobi", lang)).not.toMatch(/\/|\d/);
  });
});
