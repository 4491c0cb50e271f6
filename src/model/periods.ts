/**
 * The one way a period is written, and the months it spans.
 *
 * The glossary of graph-model.ts, here in full.
 * A **period** is when a fact holds or was reported for, written in one of a few forms (below) so
 * that both engines and every client read it alike; `periodText` keeps the report's words when they
 * say more (since, by, launched, target). A fact whose report states no period takes its report's
 * (`periodBasis: report`); one the report dates is `stated`.
 *
 * Forms, and what they span (inclusive, as year-months):
 * - a financial year, `2019/20`: April 2019 to March 2020;
 * - a calendar year, `2018`: January to December 2018;
 * - a month, `March 2020`;
 * - two of those joined by ` to `: `2015/16 to 2019/20`, `November 2017 to March 2020`,
 *   `2015 to 2020`, from the start of the first to the end of the second;
 * - two months of one year, `April to June 2016`.
 */

export const PERIOD_BASES = ['stated', 'report'] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

/** A period's first and last month, as `YYYY-MM` (text order is time order). */
export interface PeriodSpan {
  readonly from: string;
  readonly to: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const FINANCIAL_YEAR = /^(\d{4})\/(\d{2})$/;
const YEAR = /^(\d{4})$/;
const MONTH = /^([A-Za-z]+) (\d{4})$/;
const MONTH_RANGE = /^([A-Za-z]+) to ([A-Za-z]+) (\d{4})$/;

function yearMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function monthOf(name: string): number | null {
  const index = MONTHS.indexOf(name.toLowerCase() as (typeof MONTHS)[number]);
  return index < 0 ? null : index + 1;
}

/** One period that is not a range. */
function single(text: string): PeriodSpan | null {
  const fy = FINANCIAL_YEAR.exec(text);
  if (fy) {
    const start = Number(fy[1]);
    // 2019/20, never 2019/21: the second part must be the next year.
    if ((start + 1) % 100 !== Number(fy[2])) return null;
    return { from: yearMonth(start, 4), to: yearMonth(start + 1, 3) };
  }
  const year = YEAR.exec(text);
  if (year) return { from: yearMonth(Number(year[1]), 1), to: yearMonth(Number(year[1]), 12) };
  const month = MONTH.exec(text);
  if (month) {
    const m = monthOf(month[1] ?? '');
    if (m === null) return null;
    const at = yearMonth(Number(month[2]), m);
    return { from: at, to: at };
  }
  return null;
}

/** The months a period spans, or null when it is not written in one of the forms above. */
export function parsePeriod(text: string): PeriodSpan | null {
  const months = MONTH_RANGE.exec(text);
  if (months) {
    const first = monthOf(months[1] ?? '');
    const last = monthOf(months[2] ?? '');
    const year = Number(months[3]);
    if (first === null || last === null || first > last) return null;
    return { from: yearMonth(year, first), to: yearMonth(year, last) };
  }
  const parts = text.split(' to ');
  if (parts.length === 1) return single(text);
  if (parts.length !== 2) return null;
  const start = single(parts[0] ?? '');
  const end = single(parts[1] ?? '');
  if (!start || !end || start.from > end.to) return null;
  return { from: start.from, to: end.to };
}

export const PERIOD_FORMS =
  'a period like 2019/20, 2018, March 2020, or two of them joined by " to " (2015 to 2020, April to June 2016)';

/**
 * A period as ISO dates: the first day of its first month to the last day of its last month
 * (2019/20 is 2019-04-01 to 2020-03-31); null when it is not written in a form parsePeriod reads.
 */
export function periodDates(text: string): { readonly start: string; readonly end: string } | null {
  const span = parsePeriod(text);
  if (!span) return null;
  const [year, month] = span.to.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one, leap years included.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: `${span.from}-01`, end: `${span.to}-${String(lastDay).padStart(2, '0')}` };
}
