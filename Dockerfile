# The HLP Graph API. Sources run through tsx, so the server needs no build step; the explorer's
# bundle is built in a stage of its own (esbuild is a development dependency) and copied in.
FROM node:20-bookworm-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY scripts/build-explorer.ts ./scripts/
COPY src/explorer ./src/explorer
RUN npx tsx scripts/build-explorer.ts

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# npm ci runs `prepare` (the explorer build), which finds no sources here and says so.
COPY scripts/build-explorer.ts ./scripts/
RUN npm ci --omit=dev && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY cypher ./cypher
COPY seeds ./seeds
COPY schema ./schema
COPY tsconfig.json ./
COPY --from=explorer /app/dist/explorer ./dist/explorer
USER node
EXPOSE 4000
CMD ["node", "bin/hlp-graph.js", "serve"]
