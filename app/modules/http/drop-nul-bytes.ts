/**
 * React 18.3's `renderToPipeableStream` encodes HTML into 2 KiB buffers; when a
 * multi-byte character (Chinese, Arabic…) does not fit at the end of one, it
 * sends the whole buffer, unfilled (zeroed) tail included, so pages carried
 * one or two NUL bytes at such boundaries. In UTF-8 a 0x00 byte is only ever
 * U+0000, never part of another character, and the app writes none of its
 * own (owner text is cleaned of control characters), so dropping every 0x00
 * byte from the stream restores exactly the intended bytes. React 19 sends
 * only the filled part; this can go when we move to it.
 */
import { Transform, type TransformCallback } from "node:stream";

export function withoutNulBytes(chunk: Buffer): Buffer {
  if (chunk.indexOf(0) === -1) return chunk;
  const kept = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
  return kept.subarray(0, length);
}

/** A pass-through for React's HTML stream that drops NUL bytes (see above). */
export class DropNulBytes extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    done(null, withoutNulBytes(chunk));
  }
}
