/**
 * Drives the built app in-process through Remix's request handler (the same
 * HTTP layer the server uses), with a tiny cookie jar per shopper.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";

export const ORIGIN = "http://localhost";
type Handler = (request: Request) => Promise<Response>;
let handler: Handler | null = null;

/** The built app's server module (its entry exports what tests may read of the app's own state). */
export async function appBuild(): Promise<ServerBuild> {
  const file = path.resolve(process.env.BUILD_DIR || "build", "server/index.js");
  if (!fs.existsSync(file)) throw new Error("No build: run `npm test` (it builds first) or `npm run build`.");
  return (await import(pathToFileURL(file).href)) as ServerBuild;
}

export async function appHandler(): Promise<Handler> {
  if (handler) return handler;
  const build = await appBuild();
  const handle = createRequestHandler(build, "production");
  handler = (request) => handle(request);
  return handler;
}

export class Shopper {
  cookies = new Map<string, string>();
  constructor(private readonly base = ORIGIN) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(pathname: string, fetcher: Handler | typeof fetch = fetch) {
    const request = new Request(new URL(pathname, this.base), { headers: { Cookie: this.cookieHeader, Host: new URL(this.base).host }, redirect: "manual" });
    const res = await fetcher(request);
    this.remember(res);
    return res;
  }

  /** A form POST, as a browser without JavaScript sends it (same-site Origin included). */
  async post(pathname: string, form: Record<string, string | number>, fetcher: Handler | typeof fetch = fetch) {
    const body = new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)]));
    const request = new Request(new URL(pathname, this.base), {
      method: "POST",
      body,
      redirect: "manual",
      headers: { Cookie: this.cookieHeader, Host: new URL(this.base).host, Origin: new URL(this.base).origin, "Content-Type": "application/x-www-form-urlencoded" },
    });
    const res = await fetcher(request);
    this.remember(res);
    return res;
  }
}

// China asks for province and district, and every country for a phone number couriers can call.
export const ADDRESS = { email: "Wang.Fang@Example.com", name: "Wang Fang", phone: "138 0013 8000", province: "Shanghai", city: "Shanghai", district: "Huangpu", line1: "88 Nanjing Road", country: "CN" };
