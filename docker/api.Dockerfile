# syntax=docker/dockerfile:1
# The API image: the NestJS server plus the built console on one port.
#   docker build -f docker/api.Dockerfile -t lianqiao-api .      (from the repository root)
# It always runs against DATABASE_URL (docker/compose.yaml gives it one); the embedded PostgreSQL
# is for laptops only.

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. deps — every package, for building. Only the manifests are copied, so this layer is reused
#    until package.json or the lock changes.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true
# Node 20's image brings npm 10; the lock file and its `allowScripts` are npm 11's.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. build — SWC compiles the API (and the shared libs it uses) to dist/api; Vite builds the
#    console to dist/web. Then the dev dependencies are pruned away for the runtime stage.
FROM deps AS build
COPY . .
RUN npx nx run-many -t build -p api web --skip-nx-cache \
 && npm prune --omit=dev --no-audit --no-fund

# 3. runtime — only what `node dist/api/apps/api/src/main.js` needs, as an unprivileged user.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    WEB_DIST_DIR=/app/dist/web \
    DATA_DIR=/app/.data
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/api ./dist/api
COPY --from=build /app/dist/web ./dist/web
# The first admin's generated password is written under DATA_DIR when ADMIN_PASSWORD is not set.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Ready means the database answers too (GET /api/health/ready → 200, else 503).
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "--enable-source-maps", "--max-old-space-size=256", "dist/api/apps/api/src/main.js"]
