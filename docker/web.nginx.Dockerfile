# syntax=docker/dockerfile:1
# The console as static files behind nginx, which also proxies /api and /c (public cards) to the API.
#   docker build -f docker/web.nginx.Dockerfile -t lianqiao-web .      (from the repository root)
# The API container is reached as http://api:3000 (the service name in docker/compose.yaml).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true
# Node 20's image brings npm 10; the lock file and its `allowScripts` are npm 11's.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run web:build --skip-nx-cache

# 1.28 (stable): its upstreams can re-resolve names (`server api:3000 resolve`, from 1.27.3), which
# `--scale api=N` needs; see nginx.conf.
FROM nginx:1.28-alpine AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
# Sets client_max_body_size from IMPORT_MAX_BYTES when the container starts.
COPY --chmod=755 docker/nginx-body-limit.sh /docker-entrypoint.d/40-body-limit.sh
COPY --from=build /app/dist/web /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=5s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1/healthz || exit 1
