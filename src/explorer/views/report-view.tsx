import { useEffect } from 'preact/hooks';
import { useQuery } from '../api.js';
import { Show } from '../components/status.js';
import { NotFound } from './not-found.js';

interface ReportData {
  readonly node: {
    readonly __typename: string;
    readonly name?: string;
    readonly period?: string | null;
    readonly source?: string;
    readonly text?: {
      readonly lineCount: number;
      readonly lines: readonly { readonly number: number; readonly text: string }[];
    } | null;
  } | null;
}

const REPORT = `query Report($id: ID!) {
  node(id: $id) { __typename ... on Report { name period source text { lineCount lines { number text } } } }
}`;

/** `60-62` → [60, 62]; anything else → none lit. */
function range(lines: string): [number, number] | null {
  const match = /^(\d+)(?:-(\d+))?$/.exec(lines);
  if (!match) return null;
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  return first <= last ? [first, last] : null;
}

/** `/reports/<id>?lines=60-62`: a report's text (emails masked by the API), the cited lines lit. */
export function ReportView(props: { readonly id: string; readonly lines: string }) {
  const loaded = useQuery<ReportData>(REPORT, { id: props.id }, props.id);
  const lit = range(props.lines);
  useEffect(() => {
    if (loaded.state === 'done' && lit)
      document.getElementById(`L${lit[0]}`)?.scrollIntoView({ block: 'center' });
  }, [loaded.state, props.lines]);
  return (
    <Show
      loaded={loaded}
      what="the report"
      done={({ node }) => {
        if (node?.__typename !== 'Report' || !node.text)
          return <NotFound what={`No report has the id “${props.id}”.`} />;
        return (
          <article>
            <h1>{node.name}</h1>
            <p class="muted">
              {node.period ? `${node.period} · ` : ''}
              {node.source} · {node.text.lineCount} lines
              {lit ? ` · lines ${lit[0]}–${lit[1]} lit` : ''}
            </p>
            <ol class="report-text" aria-label="The report's text, line by line">
              {node.text.lines.map((line) => {
                const cited = lit !== null && line.number >= lit[0] && line.number <= lit[1];
                return (
                  <li key={line.number} id={`L${line.number}`} class={cited ? 'cited' : undefined}>
                    <span class="number" aria-hidden="true">
                      {line.number}
                    </span>
                    <span>{cited ? <mark>{line.text || ' '}</mark> : line.text || ' '}</span>
                  </li>
                );
              })}
            </ol>
          </article>
        );
      }}
    />
  );
}
