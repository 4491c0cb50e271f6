import { useState } from 'preact/hooks';
import { ApiError, gql, useQuery } from '../api.js';
import { EVIDENCE_FIELDS, Evidence, type EvidenceItem } from '../components/evidence.js';
import { Failure, Show } from '../components/status.js';
import { money, words } from '../format.js';
import { entityHref, Link } from '../router.js';
import { NotFound } from './not-found.js';

interface Ref {
  readonly __typename: string;
  readonly seedId: string;
  readonly name: string;
}

interface Relationship {
  readonly kind: string;
  readonly direction: 'IN' | 'OUT';
  readonly role: string | null;
  readonly period: string | null;
  readonly node: Ref;
  readonly evidence: readonly EvidenceItem[];
}

export interface FundingLine {
  readonly amount: { readonly value: number; readonly currency: string } | null;
  readonly amountText: string;
  readonly period: string | null;
  readonly fundingKind: string;
  readonly lineRole: string | null;
  readonly conflictGroup: string | null;
  readonly jointGroup: string | null;
  readonly status: string;
  readonly node: Ref;
  readonly evidence: readonly EvidenceItem[];
}

interface MetricEdge {
  readonly period: string | null;
  readonly node: Ref & {
    readonly valueText: string;
    readonly status: string;
    readonly evidence: readonly EvidenceItem[];
  };
}

interface Connection<T> {
  readonly totalCount: number;
  readonly edges: readonly T[];
  readonly pageInfo?: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

interface EntityData {
  readonly node:
    | (Ref & {
        readonly aliases: readonly string[];
        readonly formerSeedIds: readonly string[];
        readonly evidence: readonly EvidenceItem[];
        readonly relationships: Connection<Relationship>;
        readonly funded?: Connection<FundingLine>;
        readonly fundedBy?: Connection<FundingLine>;
        readonly funders?: Connection<FundingLine>;
        readonly metrics?: Connection<MetricEdge>;
        readonly category?: string | null;
        readonly organisationKind?: string;
        readonly period?: string | null;
        readonly valueText?: string;
        readonly unit?: string | null;
        readonly status?: string;
        readonly date?: string | null;
        readonly source?: string;
      })
    | null;
}

const REF = '__typename ... on Entity { seedId name }';
const FUNDING = `totalCount edges { amount { value currency } amountText period fundingKind lineRole conflictGroup jointGroup status node { ${REF} } evidence { ${EVIDENCE_FIELDS} } }`;
const METRICS = `metrics(first: 100) { totalCount edges { period node { ${REF} valueText status evidence { ${EVIDENCE_FIELDS} } } } }`;

const RELATIONSHIP_PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { kind direction role period node { ${REF} } evidence { ${EVIDENCE_FIELDS} } }`;
const MORE_RELATIONSHIPS = `query MoreRelationships($id: ID!, $after: String) {
  node(id: $id) { ... on Entity { relationships(first: 100, after: $after) { ${RELATIONSHIP_PAGE} } } }
}`;

const ENTITY_QUERY = `query Entity($id: ID!) {
  node(id: $id) {
    ${REF}
    ... on Entity {
      aliases formerSeedIds evidence { ${EVIDENCE_FIELDS} }
      relationships(first: 100) { ${RELATIONSHIP_PAGE} }
    }
    ... on Organisation { organisationKind: kind funded(first: 100) { ${FUNDING} } fundedBy(first: 100) { ${FUNDING} } ${METRICS} }
    ... on Programme { category period funders(first: 100) { ${FUNDING} } ${METRICS} }
    ... on Project { period funders(first: 100) { ${FUNDING} } ${METRICS} }
    ... on Outcome { category ${METRICS} }
    ... on Metric { valueText unit period status }
    ... on Award { category date }
    ... on Report { period source }
  }
}`;

/** Relationships grouped by kind and direction, in the order the API gives them (kind, then name). */
function groups(relationships: readonly Relationship[]): [string, Relationship[]][] {
  const byGroup = new Map<string, Relationship[]>();
  for (const r of relationships) {
    const key = `${words(r.kind)} (${r.direction === 'OUT' ? 'to' : 'from'})`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), r]);
  }
  return [...byGroup];
}

/**
 * Funding lines with the figures of one conflict group side by side: one row per line as reported,
 * the conflicting figures in one cell.
 */
function FundingTable(props: {
  readonly caption: string;
  readonly lines: readonly FundingLine[];
  readonly other: string;
}) {
  const rows = new Map<string, FundingLine[]>();
  props.lines.forEach((line, i) => {
    const key = line.conflictGroup ?? `line-${i}`;
    rows.set(key, [...(rows.get(key) ?? []), line]);
  });
  return (
    <table class="funding">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.other}</th>
          <th scope="col">Amount</th>
          <th scope="col">Period</th>
          <th scope="col">Kind</th>
          <th scope="col">Role</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {[...rows.values()].map((lines, row) => {
          const [first] = lines;
          if (!first) return null;
          return (
            <tr
              key={`${row}:${first.node.seedId}`}
              class={lines.some((l) => l.status === 'CONFLICTING') ? 'conflict' : undefined}
            >
              <td>
                <Link href={entityHref(first.node.seedId)}>{first.node.name}</Link>
              </td>
              <td class="amount">
                {lines.map((l, i) => (
                  <div key={`${l.amountText}:${i}`}>
                    {money(l.amount)}
                    {l.amount ? null : <span class="muted"> ({l.amountText})</span>}
                  </div>
                ))}
                {lines.some((l) => l.status === 'CONFLICTING') ? (
                  <div class="badge">conflicting figures</div>
                ) : lines.length > 1 ? (
                  <div class="badge">stated {lines.length} times</div>
                ) : null}
                {first.jointGroup ? <div class="badge">joint sum</div> : null}
              </td>
              <td>{first.period ?? '—'}</td>
              <td>{words(first.fundingKind)}</td>
              <td>{first.lineRole ? words(first.lineRole) : '—'}</td>
              <td>
                <Evidence items={lines.flatMap((l) => l.evidence)} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Metrics(props: { readonly metrics: Connection<MetricEdge> }) {
  const byPeriod = new Map<string, MetricEdge[]>();
  for (const m of props.metrics.edges) {
    const key = m.period ?? 'no period';
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), m]);
  }
  const periods = [...byPeriod.keys()].sort();
  return (
    <section aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Figures by period ({props.metrics.totalCount})</h2>
      {periods.map((period) => (
        <div key={period} class="period">
          <h3>{period}</h3>
          <ul>
            {(byPeriod.get(period) ?? []).map((m) => (
              <li key={m.node.seedId}>
                <Link href={entityHref(m.node.seedId)}>{m.node.name}</Link>:{' '}
                <strong>{m.node.valueText}</strong>
                {m.node.status === 'CONFLICTING' ? <span class="badge">conflicting</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Every relationship, grouped by kind and direction: the first 100, then 100 more at a time. */
function Relationships(props: { readonly id: string; readonly first: Connection<Relationship> }) {
  const [pages, setPages] = useState<readonly Connection<Relationship>[]>([props.first]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const last = pages[pages.length - 1] ?? props.first;
  const edges = pages.flatMap((p) => p.edges);
  const more = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const data = await gql<{ node: { relationships: Connection<Relationship> } | null }>(
        MORE_RELATIONSHIPS,
        {
          id: props.id,
          after: last.pageInfo?.endCursor ?? null,
        },
      );
      if (data.node) setPages([...pages, data.node.relationships]);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(String(error), null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="relationships-heading">
      <h2 id="relationships-heading">
        Relationships ({props.first.totalCount}
        {props.first.totalCount > edges.length ? `, ${edges.length} shown` : ''})
      </h2>
      {groups(edges).map(([group, items]) => (
        <div key={group} class="relationship-group">
          <h3>{group}</h3>
          <ul>
            {items.map((r, i) => (
              <li key={`${r.node.seedId}:${i}`}>
                <Link href={entityHref(r.node.seedId)}>{r.node.name}</Link>{' '}
                <span class={`kind kind-${r.node.__typename}`}>{r.node.__typename}</span>
                {r.role ? <span class="muted"> · {r.role}</span> : null}
                {r.period ? <span class="muted"> · {r.period}</span> : null}
                <details>
                  <summary>evidence</summary>
                  <Evidence items={r.evidence} />
                </details>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {failure ? <Failure error={failure} what="more relationships" /> : null}
      {last.pageInfo?.hasNextPage ? (
        <button type="button" class="secondary" disabled={busy} onClick={more}>
          {busy ? 'Loading…' : 'Show 100 more relationships'}
        </button>
      ) : null}
    </section>
  );
}

export function EntityView(props: { readonly id: string }) {
  const loaded = useQuery<EntityData>(ENTITY_QUERY, { id: props.id }, props.id);
  return (
    <Show
      loaded={loaded}
      what="the entity"
      done={({ node }) => {
        if (!node) return <NotFound what={`No entity has the id “${props.id}”.`} />;
        const facts: [string, string][] = [
          ['Kind', node.__typename],
          ['Id', node.seedId],
          ...(node.organisationKind ? [['Category', words(node.organisationKind)] as [string, string]] : []),
          ...(node.category ? [['Category', words(node.category)] as [string, string]] : []),
          ...(node.period ? [['Period', node.period] as [string, string]] : []),
          ...(node.valueText ? [['Figure', node.valueText] as [string, string]] : []),
          ...(node.status && node.status !== 'SINGLE'
            ? [['Status', words(node.status)] as [string, string]]
            : []),
          ...(node.date ? [['Date', node.date] as [string, string]] : []),
          ...(node.aliases.length ? [['Also called', node.aliases.join(', ')] as [string, string]] : []),
        ];
        const given = node.funded?.edges ?? [];
        const received = [...(node.fundedBy?.edges ?? []), ...(node.funders?.edges ?? [])];
        return (
          <article class="entity">
            <h1>
              {node.name} <span class={`kind kind-${node.__typename}`}>{node.__typename}</span>
            </h1>
            <p>
              <Link href={`/path?from=${encodeURIComponent(node.seedId)}`}>Find a route from here…</Link>
            </p>
            <dl class="facts">
              {facts.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <section aria-labelledby="evidence-heading">
              <h2 id="evidence-heading">Where the reports state it</h2>
              <Evidence items={node.evidence} />
            </section>
            <div class="table-scroll">
              {given.length > 0 ? (
                <FundingTable caption="Funding given" lines={given} other="Funded" />
              ) : null}
              {received.length > 0 ? (
                <FundingTable caption="Funding received" lines={received} other="Funder" />
              ) : null}
            </div>
            {node.metrics && node.metrics.totalCount > 0 ? <Metrics metrics={node.metrics} /> : null}
            <Relationships id={node.seedId} first={node.relationships} />
          </article>
        );
      }}
    />
  );
}
