# Silk Road Showcase: one image for one server on SQLite, or for each of several app servers
# (see docs/deploy.md). Built by reading, not yet by a CI job: keep it plain.
#
#   docker build -t silk-road-showcase .
#   docker run --init -p 3000:3000 -v showcase-data:/app/data silk-road-showcase
#
# Stage 1 installs everything, builds the Remix app (build/) and bundles the server scripts to
# JavaScript (dist/scripts, `npm run build:scripts`), then drops the development dependencies.
# Stage 2 carries only what runs: node_modules for production, build/, dist/. No TypeScript
# compiler runs in the container: `node dist/scripts/start.js`, not `node --import tsx`.

ARG NODE_VERSION=20.19

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source where its prebuilt binary cannot be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The fixes to dependencies (patches/, applied by patch-package on install).
COPY patches ./patches
# `npm install`, not `npm ci`: the committed lockfile lacks other platforms' optional packages,
# which `npm ci` refuses (see the README).
RUN npm install --no-audit --no-fund
COPY . .
RUN NODE_ENV=production npm run build && npm run build:scripts && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_PATH=/app/data/showcase.sqlite \
    UPLOADS_DIR=/app/data/uploads
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
COPY --from=build --chown=node:node /app/dist ./dist
# The start checks whether the sources are newer than the build; none are in this image, and the
# build is made the newest file so no copy's timestamp can ever ask for a rebuild (which would need
# the development dependencies left behind in stage 1).
RUN mkdir -p /app/data && chown node:node /app/data && touch build/server/index.js
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Migrates, seeds an empty database (once, under the set-up lock), then one server process per
# core (WEB_CONCURRENCY). Stops gracefully on SIGTERM; run with --init so signals reach it.
CMD ["node", "dist/scripts/start.js"]
