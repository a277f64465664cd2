# The case engine's one image: temporal-dev.yml runs it twice, as the API (CASE_ENGINE_ROLE=api)
# and as the Temporal worker (CASE_ENGINE_ROLE=worker). TypeScript runs through tsx, as in
# development, so there is no build step and the image holds the same sources the tests ran.
# Debian (glibc), not Alpine: the Temporal worker's native core bridge and SWC ship glibc builds.
FROM node:20.20.2-bookworm-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    CASE_ENGINE_ROLE=all

WORKDIR /app
RUN chown node:node /app

# Dependencies first, so a source change does not reinstall them.
# The SDK patches (src/temporal/patches) are applied by the postinstall script, so they come first
# too, with the script that installs the patched SDK core (src/temporal/core-bridge-build.ts). This
# image has no Rust, so that script keeps the SDK's prebuilt core (README: The patched Temporal SDK).
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node src/temporal ./src/temporal
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .

USER node

EXPOSE 3000

# The API role answers /health (200 only when Postgres and Temporal are up); the worker role has
# no HTTP listener, so temporal-dev.yml disables this check for it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Node itself is PID 1 (no npm or tsx wrapper process), so SIGTERM from `docker stop` reaches
# src/main.ts, which shuts the worker, the API and the pools down in order. Same entry as `npm start`.
CMD ["node", "--import", "tsx", "src/main.ts"]
