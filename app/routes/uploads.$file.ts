import type { LoaderFunctionArgs } from "@remix-run/node";
import { readUpload } from "~/modules/uploads/images.server";

/**
 * Uploaded images, from the upload storage (the database), so any app server
 * answers. Only server-chosen names (hash-width.webp) are served, with the
 * stored type, never sniffed. A name is a hash of the bytes, so it never
 * changes meaning: cached for a year, immutable, and the name is a strong
 * ETag.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = params.file ?? "";
  const file = await readUpload(name);
  if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  const headers = {
    ETag: `"${name.replace(/\.webp$/, "")}"`,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  const asked = request.headers.get("If-None-Match");
  if (asked && asked.split(",").some((tag) => tag.trim().replace(/^W\//, "") === headers.ETag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.bytes), { headers: { ...headers, "Content-Type": file.contentType, "Content-Length": String(file.bytes.byteLength) } });
}
