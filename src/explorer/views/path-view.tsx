import { useQuery } from '../api.js';
import { EVIDENCE_FIELDS, Evidence, type EvidenceItem } from '../components/evidence.js';
import { SearchBox } from '../components/search-box.js';
import { Show } from '../components/status.js';
import { money, words } from '../format.js';
import { entityHref, Link, navigate } from '../router.js';

interface Ref {
  readonly __typename: string;
  readonly seedId: string;
  readonly name: string;
}

interface Hop {
  readonly forward: boolean;
  readonly from: Ref;
  readonly to: Ref;
  readonly relationship: {
    readonly kind: string;
    readonly role: string | null;
    readonly period: string | null;
    readonly amount: { readonly value: number; readonly currency: string } | null;
    readonly inferred: boolean;
  };
  readonly evidence: readonly EvidenceItem[];
}

interface PathData {
  readonly path: {
    readonly length: number | null;
    readonly shortestCount: number;
    readonly from: Ref;
    readonly to: Ref;
    readonly paths: readonly { readonly length: number; readonly hops: readonly Hop[] }[];
  };
}

const REF = '__typename ... on Entity { seedId name }';
const PATH = `query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to, first: 6, maxHops: 4) {
    length shortestCount from { ${REF} } to { ${REF} }
    paths { length hops { forward from { ${REF} } to { ${REF} } relationship { kind role period amount { value currency } inferred } evidence { ${EVIDENCE_FIELDS} } } }
  }
}`;

const NAMES = `query Names($ids: [ID!]!) { nodes(ids: $ids) { ${REF} } }`;

function Route(props: { readonly hops: readonly Hop[]; readonly index: number; readonly shortest: boolean }) {
  return (
    <li class="route">
      <h3>
        Route {props.index + 1}: {props.hops.length} step{props.hops.length === 1 ? '' : 's'}
        {props.shortest ? ' (shortest)' : ' (alternative)'}
      </h3>
      <ol class="hops">
        {props.hops.map((hop, i) => (
          <li key={i}>
            <Link href={entityHref(hop.from.seedId)}>{hop.from.name}</Link>{' '}
            <span class="relation">
              {[
                `${hop.forward ? '' : '← '}${words(hop.relationship.kind)}${hop.forward ? ' →' : ''}`,
                hop.relationship.role,
                hop.relationship.amount ? money(hop.relationship.amount) : null,
                hop.relationship.period,
                hop.relationship.inferred ? 'inferred' : null,
              ]
                .filter(Boolean)
                .join(', ')}
            </span>{' '}
            <Link href={entityHref(hop.to.seedId)}>{hop.to.name}</Link>
            <Evidence items={hop.evidence} />
          </li>
        ))}
      </ol>
    </li>
  );
}

/** `/path?from=…&to=…`: pick two entities by search; the routes between them, each hop with evidence. */
export function PathView(props: { readonly from: string; readonly to: string }) {
  const { from, to } = props;
  const ends = useQuery<{ nodes: (Ref | null)[] }>(
    NAMES,
    from || to ? { ids: [from, to].filter(Boolean) } : null,
    `${from}|${to}`,
  );
  const names = ends.state === 'done' ? ends.data.nodes : [];
  const nameOf = (id: string) => names.find((n) => n?.seedId === id)?.name ?? '';
  const routes = useQuery<PathData>(PATH, from && to ? { from, to } : null, `${from}->${to}`);
  const go = (f: string, t: string) =>
    navigate(
      `/path?${new URLSearchParams({ ...(f ? { from: f } : {}), ...(t ? { to: t } : {}) }).toString()}`,
    );
  return (
    <section>
      <h1>Routes between two entities</h1>
      <div class="pickers">
        <SearchBox label="From" initial={nameOf(from)} onPick={(s) => go(s.node.seedId, to)} />
        <SearchBox label="To" initial={nameOf(to)} onPick={(s) => go(from, s.node.seedId)} />
      </div>
      {from && to ? (
        <Show
          loaded={routes}
          what="the routes"
          done={({ path }) =>
            path.paths.length === 0 ? (
              <p role="status" class="notice">
                No route joins {path.from.name} and {path.to.name} within 4 steps.
              </p>
            ) : (
              <>
                <p role="status">
                  {path.paths.length} route{path.paths.length === 1 ? '' : 's'} from {path.from.name} to{' '}
                  {path.to.name}: {path.shortestCount} shortest of {path.length} step
                  {path.length === 1 ? '' : 's'}
                  {path.paths.length > path.shortestCount ? ', then alternatives' : ''}.
                </p>
                <ol class="routes">
                  {path.paths.map((p, i) => (
                    <Route key={i} hops={p.hops} index={i} shortest={i < path.shortestCount} />
                  ))}
                </ol>
              </>
            )
          }
        />
      ) : (
        <p>Pick both ends to see how they are connected.</p>
      )}
    </section>
  );
}
