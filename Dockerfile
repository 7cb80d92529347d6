# syntax=docker/dockerfile:1
# The headless AutoInfraSnap agent (`autoinfrasnap serve`): dashboard, API, /metrics. Multi-stage: the
# build stage has the toolchain and dev dependencies; the runtime stage has Node, the production
# dependencies and the built files only, and runs as the unprivileged `node` user.
#
#   docker build -t autoinfrasnap .
#   docker run -d --name autoinfrasnap -p 8780:8780 -v ais-data:/data autoinfrasnap
#   docker exec autoinfrasnap cat /data/initial-admin-key          # the first admin key; then delete it
#
# A container sees its own processes, network and filesystems: add --pid=host --network=host to watch
# the host's. docs/server.md ("Docker") covers TLS files, the engine socket and what stays invisible.

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
# Electron is a dev dependency for the desktop build; the agent never needs its binary.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:cli && npm run build:app \
 && npm ci --omit=dev --ignore-scripts \
 && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOME=/data \
    XDG_CONFIG_HOME=/data/config
WORKDIR /app
COPY --from=build --chown=root:root /src/package.json ./package.json
COPY --from=build --chown=root:root /src/bin ./bin
COPY --from=build --chown=root:root /src/dist/cli ./dist/cli
COPY --from=build --chown=root:root /src/out/renderer ./out/renderer
COPY --from=build --chown=root:root /src/node_modules ./node_modules
# Only /data is writable by the agent: keys (hashed), audit log, history, settings, snapshots.
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
USER node
VOLUME ["/data"]
EXPOSE 8780
# A TCP check works with and without TLS; /api/v1/health answers over the same port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "require('node:net').connect(8780,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/bin/autoinfrasnap.js", "serve", "--host", "0.0.0.0", "--port", "8780", "--data-dir", "/data"]
# Extra flags go here, e.g. --tls-cert /run/secrets/tls.crt --tls-key /run/secrets/tls.key --allow-host mon.example.com
CMD []
