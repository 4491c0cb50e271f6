# The HLP Graph API. Sources run through tsx, so the image needs no build step.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY cypher ./cypher
COPY seeds ./seeds
COPY schema ./schema
COPY tsconfig.json ./
USER node
EXPOSE 4000
CMD ["node", "bin/hlp-graph.js", "serve"]
