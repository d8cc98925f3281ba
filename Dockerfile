# The app as one small image: Next.js's standalone output (server.js, the traced node_modules, the migrations and
# the policies; see next.config.js) on node:20-slim, run by an unprivileged user. Configuration comes from the
# environment at run time (.env.example lists it); nothing secret is baked in.
#   docker build -t contacts-app .
#   docker run --env-file .env.production -p 127.0.0.1:3000:3000 contacts-app

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# `npm run build` = next build + the static assets copied next to server.js (scripts/copy-standalone-assets.mjs).
RUN npm run build

FROM node:20-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# The standalone output only: no sources, no dev dependencies, no build cache.
COPY --from=build --chown=node:node /app/.next/standalone ./
# The image's own non-root user (uid 1000).
USER node
EXPOSE 3000
# Liveness: /api/health answers without touching a dependency. Readiness (PDP, JWKS, database) is /api/ready, for
# the load balancer or orchestrator that decides where traffic goes.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
