import { useState } from 'preact/hooks';
import { ApiError, gql, type Loaded, useQuery } from '../api.js';
import { EVIDENCE_FIELDS, Evidence, type EvidenceItem } from '../components/evidence.js';
import { SearchBox } from '../components/search-box.js';
import { Failure, Show } from '../components/status.js';
import { money, words } from '../format.js';
import { entityHref, Link, navigate } from '../router.js';

const KINDS = ['CORE', 'ADDITIONAL', 'ATTRACTED', 'IN_KIND', 'OTHER'] as const;
const PAGE = 50;

interface Ref {
  readonly __typename: string;
  readonly seedId: string;
  readonly name: string;
}

interface Line {
  readonly seedId: string;
  readonly from: Ref;
  readonly to: Ref;
  readonly amount: { readonly value: number; readonly currency: string } | null;
  readonly amountText: string | null;
  readonly period: string | null;
  readonly fundingKind: string | null;
  readonly lineRole: string | null;
  readonly conflictGroup: string | null;
  readonly jointGroup: string | null;
  readonly figureStatus: string | null;
  readonly evidence: readonly EvidenceItem[];
}

interface Lines {
  readonly fundingLines: {
    readonly totalCount: number;
    readonly total: { readonly value: number; readonly currency: string };
    readonly totalHigh: { readonly value: number; readonly currency: string };
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly edges: readonly { readonly node: Line }[];
  };
}

const REF = '__typename ... on Entity { seedId name }';
const LINES = `query FundingLines($filter: FundingLineFilter, $after: String) {
  fundingLines(filter: $filter, first: ${PAGE}, after: $after) {
    totalCount total { value currency } totalHigh { value currency }
    pageInfo { hasNextPage endCursor }
    edges { node { seedId from { ${REF} } to { ${REF} } amount { value currency } amountText period fundingKind lineRole conflictGroup jointGroup figureStatus evidence { ${EVIDENCE_FIELDS} } } }
  }
}`;
const PERIODS = `query Periods { fundingTotals(groupBy: PERIOD) { key } }`;
const NAMES = `query Names($ids: [ID!]!) { nodes(ids: $ids) { ${REF} } }`;

function LinesTable(props: {
  readonly first: Lines['fundingLines'];
  readonly filter: Record<string, unknown>;
}) {
  const [pages, setPages] = useState<readonly Lines['fundingLines'][]>([props.first]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const last = pages[pages.length - 1] ?? props.first;
  const lines = pages.flatMap((p) => p.edges.map((e) => e.node));
  return (
    <>
      <div class="table-scroll">
        <table>
          <caption>
            Funding lines ({lines.length} of {props.first.totalCount} shown)
          </caption>
          <thead>
            <tr>
              <th scope="col">Funder</th>
              <th scope="col">Recipient</th>
              <th scope="col" class="amount">
                Amount
              </th>
              <th scope="col">Period</th>
              <th scope="col">Kind</th>
              <th scope="col">Role</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.seedId} class={l.figureStatus === 'CONFLICTING' ? 'conflict' : undefined}>
                <td>
                  <Link href={entityHref(l.from.seedId)}>{l.from.name}</Link>
                </td>
                <td>
                  <Link href={entityHref(l.to.seedId)}>{l.to.name}</Link>
                </td>
                <td class="amount">
                  {money(l.amount)}
                  {l.figureStatus === 'CONFLICTING' ? <div class="badge">conflicting</div> : null}
                  {l.jointGroup ? <div class="badge">joint</div> : null}
                </td>
                <td>{l.period ?? '—'}</td>
                <td>{l.fundingKind ? words(l.fundingKind) : '—'}</td>
                <td>{l.lineRole ? words(l.lineRole) : '—'}</td>
                <td>
                  <Evidence items={l.evidence} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failure ? <Failure error={failure} what="more funding lines" /> : null}
      {last.pageInfo.hasNextPage ? (
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setFailure(null);
            try {
              const next = await gql<Lines>(LINES, { filter: props.filter, after: last.pageInfo.endCursor });
              setPages([...pages, next.fundingLines]);
            } catch (error) {
              setFailure(error instanceof ApiError ? error : new ApiError(String(error), null));
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? 'Loading…' : `Show ${PAGE} more`}
        </button>
      ) : null}
    </>
  );
}

/** `/funding`: every funding line, filtered by funder, recipient, period and kind, with totals and downloads. */
export function FundingView(props: { readonly params: URLSearchParams }) {
  const { params } = props;
  const funder = params.get('funder') ?? '';
  const recipient = params.get('recipient') ?? '';
  const period = params.get('period') ?? '';
  const kind = (KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') ?? '')
    : '';
  const filter = {
    ...(funder ? { funder } : {}),
    ...(recipient ? { recipient } : {}),
    ...(period ? { period } : {}),
    ...(kind ? { fundingKind: kind } : {}),
  };
  const key = JSON.stringify(filter);
  const loaded: Loaded<Lines> = useQuery<Lines>(LINES, { filter }, key);
  const periods = useQuery<{ fundingTotals: { key: string }[] }>(PERIODS, {}, 'periods');
  const names = useQuery<{ nodes: (Ref | null)[] }>(
    NAMES,
    funder || recipient ? { ids: [funder, recipient].filter(Boolean) } : null,
    `${funder}|${recipient}`,
  );
  const nameOf = (id: string) =>
    (names.state === 'done' ? names.data.nodes.find((n) => n?.seedId === id)?.name : '') ?? '';
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    const query = next.toString();
    navigate(`/funding${query ? `?${query}` : ''}`, true);
  };
  return (
    <section>
      <h1>Funding</h1>
      <div class="filters">
        <SearchBox label="Funder" initial={nameOf(funder)} onPick={(s) => set({ funder: s.node.seedId })} />
        <SearchBox
          label="Recipient"
          initial={nameOf(recipient)}
          onPick={(s) => set({ recipient: s.node.seedId })}
        />
        <label>
          Period
          <select value={period} onChange={(e) => set({ period: (e.target as HTMLSelectElement).value })}>
            <option value="">All periods</option>
            {(periods.state === 'done' ? periods.data.fundingTotals.map((t) => t.key).sort() : []).map(
              (p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ),
            )}
          </select>
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => set({ kind: (e.target as HTMLSelectElement).value })}>
            <option value="">All kinds</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </select>
        </label>
        {funder || recipient || period || kind ? (
          <button type="button" class="secondary" onClick={() => navigate('/funding', true)}>
            Clear filters
          </button>
        ) : null}
      </div>
      <Show
        loaded={loaded}
        what="the funding lines"
        done={(data) => (
          <>
            <div class="totals" role="status">
              <div>
                Total: <strong>{money(data.fundingLines.total)}</strong>
                {data.fundingLines.totalHigh.value !== data.fundingLines.total.value
                  ? ` to ${money(data.fundingLines.totalHigh)} where reports differ`
                  : ''}
              </div>
              <div>{data.fundingLines.totalCount} funding lines</div>
            </div>
            <p class="muted">
              Totals count each sum once: a total the reports also break into shares is left to its shares, a
              joint sum counts once, and conflicting figures count at the lower (and upper) figure.
            </p>
            <LinesTable key={key} first={data.fundingLines} filter={filter} />
          </>
        )}
      />
      <h2>Downloads</h2>
      <p class="downloads">
        <a href="/export/funding.csv" download>
          Every funding line (CSV, 360Giving columns)
        </a>
        <a href="/export/funding.json" download>
          Every funding line (JSON)
        </a>
      </p>
    </section>
  );
}
