/**
 * TRUST_PROXY → Express's "trust proxy" setting, which decides what `req.ip`
 * (the address every per-IP limit counts) is.
 *
 * `X-Forwarded-For` is a list each proxy appends to; whatever the client put
 * in it comes first. Trusting "everything" (Express's `true`) makes the
 * left-most entry the client's address, so a client that writes its own
 * header picks its own address and dodges every limit. So the setting says
 * which hops to believe, counted from this server outwards:
 *
 * - unset, empty, `0`, `false`, `off`: no proxy; the socket's address.
 * - a hop count, `1` to `10`: that many proxies in front (a load balancer
 *   alone is `1`); the address the outermost of them saw.
 * - a comma-separated list of the proxies' addresses or CIDR ranges (and
 *   Express's names `loopback`, `linklocal`, `uniquelocal`): the right-most
 *   address not in the list.
 *
 * Anything else (including `true`) stops the server at start with a message.
 */
import net from "node:net";

export type TrustProxySetting = false | number | string[];

export class TrustProxyError extends Error {}

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);
const MAX_HOPS = 10;

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  if (rest.length || !address) return false;
  const family = net.isIP(address);
  if (!family) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export function parseTrustProxy(value: string | undefined): TrustProxySetting {
  const raw = (value ?? "").trim();
  if (raw === "" || raw === "0" || /^(false|off|no)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > MAX_HOPS) throw new TrustProxyError(`TRUST_PROXY=${raw}: a hop count is 1 to ${MAX_HOPS} (the number of proxies in front of the app).`);
    return hops;
  }
  const entries = raw.split(",").map((e) => e.trim()).filter(Boolean);
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (!entries.length || wrong.length) {
    throw new TrustProxyError(
      `TRUST_PROXY=${raw}: expected a hop count (e.g. 1) or a comma-separated list of proxy addresses or CIDR ranges ` +
        `(e.g. 10.0.0.0/8,127.0.0.1); not understood: ${wrong.join(", ") || raw}. ` +
        "Trusting every hop would let clients choose their own address for rate limits.",
    );
  }
  return entries;
}
