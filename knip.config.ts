import type { KnipConfig } from "knip";

// Dead-code check (`npm run knip`, and a gate in `npm test`). Knip's Remix, Vite, Vitest,
// Drizzle and ESLint plugins add root.tsx and the config files as entries by themselves.
const config: KnipConfig = {
  entry: [
    "app/entry.{client,server}.tsx",
    "app/routes/**/*.{ts,tsx}",
    "scripts/*.ts",
    "tests/**/*.test.{ts,tsx}",
    "tests/setup/*.ts",
    "app/**/*.test.{ts,tsx}",
    "db/**/*.test.ts",
    // drizzle-kit's PostgreSQL config (scripts/db-generate.ts names it; knip's Drizzle plugin knows only the default file).
    "drizzle.pg.config.ts",
  ],
  project: ["app/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.ts", "tests/**/*.{ts,tsx}", "*.{ts,js}"],
  // An export used in its own file is not dead code; only exports nothing uses at all are reported.
  ignoreExportsUsedInFile: true,
  // scripts/chromium.ts installs Chromium with the system's apt-get, not an npm binary.
  ignoreBinaries: ["apt-get"],
  // The browser tests inject axe-core's file into the page (tests/browser/harness.ts resolves its path).
  ignoreDependencies: ["axe-core"],
};

export default config;
