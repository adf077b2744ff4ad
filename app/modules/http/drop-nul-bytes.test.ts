import { describe, expect, it } from "vitest";
import { DropNulBytes, withoutNulBytes } from "./drop-nul-bytes";

describe("dropping NUL bytes from React's HTML stream", () => {
  it("leaves multi-byte characters whole and removes only 0x00 bytes", () => {
    const text = "阿尔及利亚 · العربية · Kiswahili";
    const bytes = Buffer.from(text, "utf8");
    // What React 18.3 sent: a buffer's zeroed tail in the middle of the text.
    const broken = Buffer.concat([bytes.subarray(0, 7), Buffer.alloc(2), bytes.subarray(7)]);
    expect(withoutNulBytes(broken).toString("utf8")).toBe(text);
    expect(withoutNulBytes(bytes)).toBe(bytes);
  });

  it("works as a stream over chunks split anywhere", async () => {
    const text = "<p>多尔泽山织坊</p>".repeat(50);
    const bytes = Buffer.from(text, "utf8");
    const stream = new DropNulBytes();
    const out: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => out.push(chunk));
    for (let i = 0; i < bytes.length; i += 7) stream.write(Buffer.concat([bytes.subarray(i, i + 7), Buffer.alloc(i % 3)]));
    stream.end();
    await new Promise((resolve) => stream.on("end", resolve));
    expect(Buffer.concat(out).toString("utf8")).toBe(text);
  });
});
