/**
 * A throw-away PostgreSQL server for `npm test`'s PostgreSQL pass: finds
 * PostgreSQL's programs (Debian's `/usr/lib/postgresql/<version>/bin`, or
 * `initdb` on the PATH), installs Debian's `postgresql postgresql-contrib`
 * with apt-get where they are missing and that can be done (root with
 * apt-get, as scripts/chromium.ts does for Chromium), then makes a cluster in
 * a temporary folder and starts it listening on a Unix socket in that folder
 * only (no TCP port, so it meets no other server). PostgreSQL refuses to run
 * as root: as root it runs as the `postgres` user. Durability is off
 * (fsync, synchronous commit): a test cluster is thrown away.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const DEBIAN_ROOT = "/usr/lib/postgresql";

export function findPostgresBin(): string | null {
  if (fs.existsSync(DEBIAN_ROOT)) {
    const versions = fs
      .readdirSync(DEBIAN_ROOT)
      .filter((v) => fs.existsSync(path.join(DEBIAN_ROOT, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return path.join(DEBIAN_ROOT, versions[0], "bin");
  }
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  return onPath.status === 0 && onPath.stdout.trim() ? path.dirname(onPath.stdout.trim()) : null;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function ensurePostgresBin(log: (m: string) => void): string {
  const found = findPostgresBin();
  if (found) return found;
  if (isRoot() && spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0) {
    log(
      "No PostgreSQL found: installing Debian's postgresql and postgresql-contrib packages with apt-get (for the PostgreSQL pass)…",
    );
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql", "postgresql-contrib"], {
      stdio: "inherit",
      env,
    });
    const installed = findPostgresBin();
    if (installed) return installed;
  }
  throw new Error(
    "The PostgreSQL pass needs PostgreSQL (15 or later) and none was found. Install it (Debian/Ubuntu: " +
      "`sudo apt-get install postgresql postgresql-contrib`), or put its `initdb` and `pg_ctl` on the PATH.",
  );
}

export interface TemporaryPostgres {
  /** A connection URL to the server's `postgres` database, through its Unix socket. */
  url: string;
  /** Stops the server (immediately) and removes its folder; safe to call twice. */
  stop: () => void;
  /**
   * CPU time (user + system) used so far by the server's processes (the
   * postmaster and every backend), in µs, from /proc; NaN where there is no
   * /proc. `except`: backends not to count (a benchmark's own monitoring
   * connection). For benchmarks: what the database did per request.
   */
  cpuUs: (except?: readonly number[]) => number;
}

/** User + system CPU ticks of every process whose parent is `parent` (its children), and of `parent` itself. */
function familyCpuTicks(parent: string, except: readonly string[]): number {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid) || except.includes(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (pid === parent || fields[1] === parent) ticks += Number(fields[11]) + Number(fields[12]); // ppid, utime, stime
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks;
}

/** `settings`: more server settings (`name=value`), e.g. a benchmark's `shared_preload_libraries=pg_stat_statements`. */
export function startTemporaryPostgres(log: (m: string) => void = console.log, settings: readonly string[] = []): TemporaryPostgres {
  const bin = ensurePostgresBin(log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "showcase-pg-"));
  const dataDir = path.join(dir, "data");
  // As root, every PostgreSQL program runs as the `postgres` user, which owns the folder.
  const asServerUser = (program: string, args: string[]) => {
    const file = path.join(bin, program);
    return isRoot() ? { command: "runuser", args: ["-u", "postgres", "--", file, ...args] } : { command: file, args };
  };
  const run = (program: string, args: string[]) => {
    const { command, args: all } = asServerUser(program, args);
    execFileSync(command, all, { stdio: ["ignore", "ignore", "inherit"] });
  };
  if (isRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    // C.UTF-8: text sorts by code point, as SQLite's BINARY collation does.
    run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    const options = [
      `-k ${dir}`,
      "-c listen_addresses=''",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
      ...settings.map((setting) => `-c ${setting}`),
    ].join(" ");
    run("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-o", options, "-w", "start"]);
  } catch (error) {
    const logFile = path.join(dir, "server.log");
    if (fs.existsSync(logFile)) log(fs.readFileSync(logFile, "utf8"));
    stop();
    throw error;
  }
  // The postmaster's process id: the first line of postmaster.pid.
  const postmaster = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0].trim();
  const cpuUs = (except: readonly number[] = []) => {
    if (!fs.existsSync("/proc/self/stat")) return NaN;
    return familyCpuTicks(postmaster, except.map(String)) * (1e6 / 100); // Linux's USER_HZ: 100 ticks a second
  };
  return { url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`, stop, cpuUs };
}
