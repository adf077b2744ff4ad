import type { LoaderFunctionArgs } from "@remix-run/node";
import { readUpload } from "~/modules/uploads/images.server";

/**
 * Uploaded product images. Only server-chosen names (hex-width.webp) are
 * served, always as image/webp, never sniffed, cached for a year (a new
 * upload always gets a new name).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const body = await readUpload(params.file ?? "");
  if (!body) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(body.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
