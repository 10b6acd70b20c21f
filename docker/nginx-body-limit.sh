#!/bin/sh
# Run by the nginx image's entrypoint (/docker-entrypoint.d) before nginx starts: lets through
# every upload the API accepts. IMPORT_MAX_BYTES is the API's own limit for an import file (the
# same value docker/compose.yaml gives the api service); 1 MiB more leaves room for the multipart
# framing and the form's other fields, so the API, not nginx, answers an import that is too large.
set -eu
import_max_bytes="${IMPORT_MAX_BYTES:-104857600}"
case "$import_max_bytes" in
  '' | *[!0-9]*)
    echo "nginx-body-limit: IMPORT_MAX_BYTES must be a number of bytes, not '$import_max_bytes'" >&2
    exit 1
    ;;
esac
limit=$((import_max_bytes + 1048576))
# conf.d/*.conf is included at the http level, so every server and location inherits it.
echo "client_max_body_size $limit;" > "${NGINX_BODY_LIMIT_CONF:-/etc/nginx/conf.d/body-limit.conf}"
echo "nginx-body-limit: client_max_body_size $limit (IMPORT_MAX_BYTES $import_max_bytes + 1 MiB)"
