import { Link, reportHref } from '../router.js';

export interface EvidenceItem {
  readonly source: string;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly section: string;
  readonly report: { readonly seedId: string; readonly name: string } | null;
}

export const EVIDENCE_FIELDS = 'source firstLine lastLine section report { seedId name }';

/** Where the reports state a fact: each passage as a link to the report view with its lines lit. */
export function Evidence(props: { readonly items: readonly EvidenceItem[] }) {
  if (props.items.length === 0) return null;
  return (
    <ul class="evidence">
      {props.items.map((e, i) => (
        <li key={`${e.source}:${e.firstLine}:${i}`}>
          {e.report ? (
            <Link href={reportHref(e.report.seedId, e.firstLine, e.lastLine)}>
              {e.report.name}, lines {e.firstLine}
              {e.lastLine !== e.firstLine ? `–${e.lastLine}` : ''}
            </Link>
          ) : (
            <span>
              {e.source}, lines {e.firstLine}–{e.lastLine}
            </span>
          )}
          <span class="section"> · {e.section}</span>
        </li>
      ))}
    </ul>
  );
}
