import type { LoaderFunctionArgs } from "@remix-run/node";
import sharp from "sharp";
import { artFor } from "~/modules/art/art.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = /^([a-z0-9-]{1,120})\.(svg|png)$/.exec(params.file ?? "");
  const svg = match ? await artFor(params.kind ?? "", match[1], new URL(request.url).searchParams.get("kind")) : null;
  if (!svg) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  // Product feeds link the PNG: Google's and Meta's catalogues take photos, not SVG.
  if (match?.[2] === "png") {
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    return new Response(png, {
      headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
    });
  }
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
