import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin, type Rollup } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The browser's files, compressed once at build time at the strongest
 * settings (brotli 11 sends about 12 % less JavaScript than gzip 6 on the
 * fly), beside the originals; the server sends them as they are
 * (scripts/server.ts). vite-plugin-compression2 was tried first and refuses
 * to run inside the Remix plugin's own Vite server.
 */
function precompressBrowserFiles(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: "precompress-browser-files",
    apply: (_config, env) => env.command === "build" && !env.isSsrBuild,
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      const files = Object.keys(bundle).filter((name) => /\.(js|css|svg|json)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name);
          const body = await fs.readFile(file);
          if (body.length < 1024) return;
          await fs.writeFile(`${file}.br`, await brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
          await fs.writeFile(`${file}.gz`, await gz(body, { level: 9 }));
        }),
      );
    },
  };
}

/**
 * Every page runs the browser entry and the root route, so everything they
 * import (React, Remix, i18next, the header and footer) is needed on every
 * page. Left to itself Rollup splits it into about fifteen chunks by which
 * routes share what, and each costs a request with its own headers (about
 * 0.4 kB on a first visit, more than several of those chunks weigh). This
 * puts all of it in one `shell` chunk; what only some routes import is still
 * split as Rollup decides.
 */
function shellChunk(): Rollup.GetManualChunk {
  let shell: Set<string> | null = null;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!shell) {
      const found = new Set<string>();
      const roots = [...getModuleIds()].filter((m) => /[/\\]app[/\\](root|entry\.client)\.tsx(\?|$)/.test(m));
      const queue = [...roots];
      while (queue.length) {
        for (const imported of getModuleInfo(queue.pop()!)?.importedIds ?? []) {
          if (found.has(imported)) continue;
          found.add(imported);
          queue.push(imported);
        }
      }
      for (const root of roots) found.delete(root);
      shell = found;
    }
    return shell.has(id) ? "shell" : undefined;
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      // BUILD_DIR lets a test run build somewhere of its own.
      buildDirectory: process.env.BUILD_DIR || "build",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
    precompressBrowserFiles(),
  ],
  // Server-only native modules must not be pre-bundled by the dev optimiser.
  optimizeDeps: { exclude: ["better-sqlite3", "@node-rs/argon2"] },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2"] },
  build: isSsrBuild ? {} : { rollupOptions: { output: { manualChunks: shellChunk() } } },
}));
