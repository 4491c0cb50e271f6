import { badUserInput } from '../request/errors.js';
import { builder } from './builder.js';
import { ReportLineRef, type ReportLineShape } from './report-line.js';

export interface ReportTextShape {
  readonly lineCount: number;
  readonly from: number;
  readonly to: number;
  readonly lines: readonly ReportLineShape[];
}

export const ReportTextRef = builder.objectRef<ReportTextShape>('ReportText').implement({
  description: 'A range of the lines of a report, as its text file has them.',
  fields: (t) => ({
    lineCount: t.exposeInt('lineCount', { description: 'Lines in the whole report.' }),
    from: t.exposeInt('from', { description: 'The first line served.' }),
    to: t.exposeInt('to', {
      description:
        'The last line served: the `to` asked for, or the last line of the report if that comes first.',
    }),
    lines: t.field({
      type: [ReportLineRef],
      description: 'The lines `from` to `to`, in order.',
      resolve: (text) => [...text.lines],
    }),
  }),
});

/**
 * Lines `from` to `to` (1-based, inclusive) of a report's lines; by default all of them. A `to` past
 * the end stops at the last line, so a viewer can ask for a cited passage with context around it
 * without knowing the report's length. Throws BAD_USER_INPUT for a range that holds no line.
 */
export function reportTextRange(
  lines: readonly string[],
  from: number | null | undefined,
  to: number | null | undefined,
): ReportTextShape {
  const first = from ?? 1;
  // Asked for explicitly only: an empty report's whole text is no lines, not a refusal.
  if (from != null && first > lines.length) {
    throw badUserInput(`from must be at most the report's last line (${lines.length}), got ${first}`);
  }
  const last = Math.min(to ?? lines.length, lines.length);
  return {
    lineCount: lines.length,
    from: first,
    to: last,
    lines: lines.slice(first - 1, last).map((text, i) => ({ number: first + i, text })),
  };
}

/** The checks of a range that need no report: run before its file is read, so a bad range is refused even when the file is missing. */
export function checkReportRange(from: number | null | undefined, to: number | null | undefined): void {
  if (from != null && from < 1)
    throw badUserInput(`from must be at least 1 (lines count from 1), got ${from}`);
  if (to != null && to < 1) throw badUserInput(`to must be at least 1 (lines count from 1), got ${to}`);
  if (from != null && to != null && from > to) {
    throw badUserInput(`from must not come after to, got from ${from} and to ${to}`);
  }
}
