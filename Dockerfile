# The headless executor (`stepgraph serve`) as a container: docs/DEPLOY.md.
# Build: docker build -t stepgraph .   Run: docker run -p 7590:7590 stepgraph
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build:cli

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# only what dist-cli leaves out of its bundle (the Babel parser, SES, sucrase) and their dependencies
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY bin ./bin
COPY --from=build /app/dist-cli ./dist-cli
USER node
EXPOSE 7590
HEALTHCHECK --interval=10s --timeout=2s CMD node -e "fetch('http://127.0.0.1:7590/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# 0.0.0.0 inside the container; publish the port only to the load balancer
CMD ["node", "bin/stepgraph.js", "serve", "--host", "0.0.0.0", "--port", "7590"]
