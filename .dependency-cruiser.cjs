/**
 * The layers of src/ and what each may import: dependencies point down only (ARCHITECTURE.md draws
 * them). `npm run deps:check` (part of `npm test`) fails on any import that breaks a rule here.
 *
 * A layer may import its own files and the layers listed in `uses`; anything else in src/ is refused.
 * Type-only imports count too: a type is a dependency when the code is changed.
 */

/** One regular expression from several path patterns. */
const any = (...patterns) => `^(${patterns.join('|')})`;

const LAYERS = {
  // Wires everything together: the CLI, the server, the app and the choice of store adapter.
  composition: any('src/cli\\.ts$', 'src/server\\.ts$', 'src/app\\.ts$', 'src/store/open-store\\.ts$'),
  // HTTP: yoga plugins, limits, downloads, the explorer's pages, the GraphiQL examples.
  http: any('src/http/', 'src/limits/', 'src/graphiql/'),
  // The GraphQL schema: types and resolvers, which call loaders and services.
  schema: any('src/schema/'),
  // What the API does: loaders, services, network analysis, caches, exports, seed loading, the generator.
  services: any(
    'src/services/',
    'src/loaders/',
    'src/network/',
    'src/analysis/',
    'src/cache/',
    'src/export/',
    'src/seed/',
    'src/generate/',
    'src/context\\.ts$',
  ),
  // What a GraphQL request asks of a list (its page, its selection) and the refusals: for schema and services.
  request: any('src/request/'),
  // The store port: the interface every store implements, its errors and the shapes it hands over.
  port: any(
    'src/store/port\\.ts$',
    'src/store/errors\\.ts$',
    'src/store/engine\\.ts$',
    'src/store/load-progress\\.ts$',
    'src/store/graph-source\\.ts$',
  ),
  // The adapters: the Cypher store shared by both engines, then Kuzu's and Neo4j's executors (every
  // file of src/store/ that is not the port's or open-store).
  adapters: any(
    'src/store/(?!port\\.ts$|errors\\.ts$|engine\\.ts$|load-progress\\.ts$|graph-source\\.ts$|open-store\\.ts$)',
  ),
  // The model of the graph, the settings and the logger: everything may use them, they use nothing.
  base: any('src/model/', 'src/types/', 'src/config\\.ts$', 'src/logger\\.ts$', 'src/port-check\\.ts$'),
};

const USES = {
  composition: ['http', 'schema', 'services', 'request', 'port', 'adapters', 'base'],
  http: ['services', 'request', 'port', 'base'],
  schema: ['services', 'request', 'port', 'base'],
  services: ['request', 'port', 'base'],
  request: ['base'],
  port: ['base'],
  adapters: ['port', 'base'],
  base: [],
};

/** One rule a layer: from its files, nothing in src/ outside itself and the layers it uses. */
function layerRules() {
  return Object.keys(LAYERS).map((name) => ({
    name: `layer-${name}`,
    severity: 'error',
    comment: `${name} may import only ${[name, ...USES[name]].join(', ')} (.dependency-cruiser.cjs)`,
    from: { path: LAYERS[name] },
    to: { path: '^src/', pathNot: [name, ...USES[name]].map((n) => LAYERS[n]) },
  }));
}

/** Only an engine's adapter talks to the engine's package. */
function onlyItsAdapter(pkg, adapter) {
  return {
    name: `${pkg}-only-in-its-adapter`,
    severity: 'error',
    comment: `Only ${adapter} imports ${pkg}.`,
    from: { path: '^src/', pathNot: `^${adapter}` },
    to: { path: `node_modules/${pkg}/` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: no module may depend on itself through others.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules(),
    {
      name: 'every-file-in-a-layer',
      severity: 'error',
      comment: 'A file of src/ that no layer above names: give it a layer, so that the rules reach it.',
      from: { path: '^src/', pathNot: [...Object.values(LAYERS), '^src/explorer/'] },
      to: {},
    },
    {
      name: 'schema-names-port-types-only',
      severity: 'error',
      comment: 'Resolvers never call the store: the schema may name the port’s types, not its values.',
      from: { path: LAYERS.schema },
      to: { path: LAYERS.port, dependencyTypesNot: ['type-only'] },
    },
    onlyItsAdapter('kuzu', 'src/store/kuzu/'),
    onlyItsAdapter('neo4j-driver', 'src/store/neo4j/'),
    {
      name: 'explorer-apart',
      severity: 'error',
      comment: 'The explorer runs in the browser on the public API only: it and the server share no code.',
      from: { path: '^src/explorer/' },
      to: { path: '^src/', pathNot: '^src/explorer/' },
    },
    {
      name: 'server-not-into-explorer',
      severity: 'error',
      comment: 'The server serves the built explorer (dist/explorer); it imports none of its code.',
      from: { path: '^src/', pathNot: '^src/explorer/' },
      to: { path: '^src/explorer/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that names no file or package.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
