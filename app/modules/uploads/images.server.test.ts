import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { IMAGE_WIDTHS, prepareImage } from "./images.server";

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 160, g: 90, b: 40 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#2a6"/></svg>`) }])
    .jpeg()
    .toBuffer();

describe("prepareImage", () => {
  it("encodes each width of a large photo at that width", async () => {
    const prepared = await prepareImage(await photo(2000, 1500));
    const widths = await Promise.all(prepared.files.map(async (f) => (await sharp(f.bytes).metadata()).width));
    expect(widths).toEqual([...IMAGE_WIDTHS]);
    expect(new Set(prepared.files.map((f) => Buffer.from(f.bytes).toString("base64"))).size).toBe(IMAGE_WIDTHS.length);
  });

  it("never enlarges a narrow photo, and gives the wider widths the same file instead of encoding it again", async () => {
    const prepared = await prepareImage(await photo(720, 480), "bulk");
    const widths = await Promise.all(prepared.files.map(async (f) => (await sharp(f.bytes).metadata()).width));
    expect(widths).toEqual([400, 720, 720]);
    expect(prepared.files[2].bytes).toBe(prepared.files[1].bytes); // the same buffer: encoded once
    expect(prepared.files.map((f) => f.key)).toEqual(IMAGE_WIDTHS.map((w) => `${prepared.url.slice("/uploads/".length).replace(/-\d+\.webp$/, "")}-${w}.webp`));
    expect(prepared.width).toBe(720);
  });
});
