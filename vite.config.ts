import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
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
  ],
  // Server-only native modules must not be pre-bundled by the dev optimiser.
  optimizeDeps: { exclude: ["better-sqlite3", "@node-rs/argon2"] },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2"] },
});
