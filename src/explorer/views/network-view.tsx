import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useRef } from 'preact/hooks';
import Sigma from 'sigma';
import { gql, type Loaded, useQuery } from '../api.js';
import { Show } from '../components/status.js';
import { words } from '../format.js';
import { entityHref, Link, navigate } from '../router.js';

const MEASURES = [
  'PAGERANK',
  'BETWEENNESS',
  'CLOSENESS',
  'DEGREE',
  'WEIGHTED_DEGREE',
  'EIGENVECTOR',
] as const;
type Measure = (typeof MEASURES)[number];
const KINDS = ['FUNDS', 'LEADS', 'DELIVERS', 'PARTNERS_WITH'] as const;
const PERIODS = ['', '2015/16', '2016/17', '2017/18', '2018/19', '2019/20', '2015 to 2020'] as const;
/** Colours for communities 1 to 10 (darker than 3:1 against white, told apart also by the legend). */
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#ff7f0e',
];
const colour = (community: number) => PALETTE[(community - 1) % PALETTE.length] ?? '#555555';

interface NetNode {
  readonly node: { readonly __typename: string; readonly seedId: string; readonly name: string };
  readonly community: number;
  readonly pagerank: number;
  readonly betweenness: number;
  readonly closeness: number;
  readonly degree: number;
  readonly weightedDegree: number;
  readonly eigenvector: number | null;
}

interface NetworkData {
  readonly summary: {
    readonly nodes: number;
    readonly edges: number;
    readonly communities: number;
    readonly modularity: number;
  };
  readonly communities: readonly { readonly id: number; readonly size: number }[];
  readonly edges: readonly {
    readonly source: { readonly seedId: string };
    readonly target: { readonly seedId: string };
    readonly weight: number;
  }[];
  readonly nodes: readonly NetNode[];
}

const REF = '__typename ... on Entity { seedId name }';
const NETWORK = `query Network($kinds: [RelationshipKind!], $period: String, $after: String) {
  network(kinds: $kinds, period: $period) {
    summary { nodes edges communities modularity }
    communities { id size }
    edges { source { ... on Entity { seedId } } target { ... on Entity { seedId } } weight }
    nodes(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { node { ${REF} } community pagerank betweenness closeness degree weightedDegree eigenvector } }
    }
  }
}`;

interface Page {
  readonly network: Omit<NetworkData, 'nodes'> & {
    readonly nodes: {
      readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
      readonly edges: readonly { readonly node: NetNode }[];
    };
  };
}

/** Every node of the network, a page of 100 at a time (the API's page size). */
async function loadNetwork(variables: Record<string, unknown>): Promise<NetworkData> {
  const nodes: NetNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = await gql<Page>(NETWORK, { ...variables, after });
    nodes.push(...page.network.nodes.edges.map((e) => e.node));
    if (!page.network.nodes.pageInfo.hasNextPage || nodes.length >= 5000) {
      const { nodes: _n, ...rest } = page.network;
      return { ...rest, nodes };
    }
    after = page.network.nodes.pageInfo.endCursor;
  }
}

/** A small seeded generator (mulberry32): the same seed lays the network out the same way. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const value = (n: NetNode, measure: Measure): number =>
  ({
    PAGERANK: n.pagerank,
    BETWEENNESS: n.betweenness,
    CLOSENESS: n.closeness,
    DEGREE: n.degree,
    WEIGHTED_DEGREE: n.weightedDegree,
    EIGENVECTOR: n.eigenvector ?? 0,
  })[measure];

function Drawing(props: { readonly data: NetworkData; readonly measure: Measure; readonly seed: number }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element || props.data.nodes.length === 0) return;
    const graph = new Graph({ type: 'undirected', multi: false });
    const random = seeded(props.seed);
    const max = Math.max(...props.data.nodes.map((n) => value(n, props.measure)), Number.MIN_VALUE);
    for (const n of props.data.nodes) {
      graph.addNode(n.node.seedId, {
        label: n.node.name,
        x: random() * 100,
        y: random() * 100,
        size: 3 + 12 * Math.sqrt(value(n, props.measure) / max),
        color: colour(n.community),
      });
    }
    for (const e of props.data.edges) {
      if (
        graph.hasNode(e.source.seedId) &&
        graph.hasNode(e.target.seedId) &&
        !graph.hasEdge(e.source.seedId, e.target.seedId)
      )
        graph.addEdge(e.source.seedId, e.target.seedId, { size: 0.5, color: '#c9d1d9' });
    }
    // Seeded start, fixed iterations: ForceAtlas2 is deterministic from there.
    forceAtlas2.assign(graph, {
      iterations: 300,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 },
    });
    let renderer: Sigma | null = null;
    try {
      renderer = new Sigma(graph, element, {
        labelRenderedSizeThreshold: 8,
        labelColor: { color: '#1b1f24' },
      });
      renderer.on('clickNode', ({ node }) => navigate(entityHref(node)));
      element.dataset['ready'] = 'true';
    } catch (error) {
      // No WebGL (an old browser, a locked-down machine): the table below has the same facts.
      element.textContent = `The drawing needs WebGL, which this browser does not offer (${String(error)}). The table below lists the network.`;
    }
    return () => renderer?.kill();
  }, [props.data, props.measure, props.seed]);
  return (
    <div
      ref={container}
      class="network-canvas"
      role="img"
      aria-label={`The network drawn: ${props.data.nodes.length} nodes coloured by community, sized by ${words(props.measure)}. Click a node to open it; the table below lists them.`}
    />
  );
}

/** `/network`: the partnership network drawn, coloured by community, sized by a chosen measure. */
export function NetworkView(props: { readonly params: URLSearchParams }) {
  const { params } = props;
  const period = params.get('period') ?? '';
  const kinds = (params.get('kinds') ?? '')
    .split(',')
    .filter((k) => (KINDS as readonly string[]).includes(k));
  const measure = (MEASURES as readonly string[]).includes(params.get('measure') ?? '')
    ? (params.get('measure') as Measure)
    : 'PAGERANK';
  const seed = Number.parseInt(params.get('seed') ?? '42', 10) || 42;
  const key = `${period}|${kinds.join(',')}`;
  const loaded = useNetwork({ ...(period ? { period } : {}), ...(kinds.length ? { kinds } : {}) }, key);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    navigate(`/network?${next.toString()}`, true);
  };
  return (
    <section>
      <h1>The partnership network</h1>
      <p>
        Organisations joined when they are tied (by the relationships ticked) to the same programmes and
        projects; coloured by Louvain community, sized by the chosen centrality. Click a node to open it.
      </p>
      <div class="filters">
        <label>
          Period
          <select value={period} onChange={(e) => set({ period: (e.target as HTMLSelectElement).value })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {p || 'All periods'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Size by
          <select value={measure} onChange={(e) => set({ measure: (e.target as HTMLSelectElement).value })}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {words(m)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Relationships (none ticked: delivery)</legend>
          {KINDS.map((k) => (
            <label key={k} class="check">
              <input
                type="checkbox"
                checked={kinds.includes(k)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  set({ kinds: (on ? [...kinds, k] : kinds.filter((x) => x !== k)).join(',') });
                }}
              />{' '}
              {words(k)}
            </label>
          ))}
        </fieldset>
      </div>
      <Show
        loaded={loaded}
        what="the network"
        done={(data) => {
          const ranked = [...data.nodes].sort((a, b) => value(b, measure) - value(a, measure)).slice(0, 25);
          return (
            <>
              <p role="status">
                {data.summary.nodes} organisations, {data.summary.edges} ties, {data.summary.communities}{' '}
                communities (modularity {data.summary.modularity.toFixed(2)}).
              </p>
              {data.nodes.length > 0 ? (
                <Drawing data={data} measure={measure} seed={seed} />
              ) : (
                <p>No ties in this selection.</p>
              )}
              <ul class="legend" aria-label="Communities">
                {data.communities.slice(0, PALETTE.length).map((c) => (
                  <li key={c.id}>
                    <span class="swatch" style={{ background: colour(c.id) }} />
                    Community {c.id} ({c.size})
                  </li>
                ))}
              </ul>
              <div class="table-scroll">
                <table>
                  <caption>The most central, by {words(measure)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Organisation</th>
                      <th scope="col">Community</th>
                      <th scope="col" class="amount">
                        {words(measure)}
                      </th>
                      <th scope="col" class="amount">
                        Ties
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ranked.map((n) => (
                      <tr key={n.node.seedId}>
                        <td>
                          <Link href={entityHref(n.node.seedId)}>{n.node.name}</Link>
                        </td>
                        <td>{n.community}</td>
                        <td class="amount">{value(n, measure).toFixed(3)}</td>
                        <td class="amount">{n.degree}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      />
    </section>
  );
}

/** The network of the filters, every page of it; a newer filter's answer replaces an older one's. */
function useNetwork(variables: Record<string, unknown>, key: string): Loaded<NetworkData> {
  return useQuery<NetworkData>('', variables, key, loadNetwork);
}
