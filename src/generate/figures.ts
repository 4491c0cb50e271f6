import type { Random } from './random.js';

/**
 * Amounts and figures, and how a report writes them. The text varies in notation (£420,000, £420k,
 * £0.42m, £1.2 million) as the real reports do, and always states the same number as the value.
 */

/** 1234567 -> "1,234,567", without the locale tables Intl would read (the output must not vary by machine). */
export function groupDigits(value: number): string {
  const [whole = '0', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Rounds to two significant figures, as reported amounts mostly are (£420,000, £1,300,000). */
export function roundAmount(value: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.max(1000, Math.round(value / magnitude) * magnitude);
}

/** A funding amount between £10,000 and about £5m, log-uniform: many small grants, fewer large ones. */
export function fundingAmount(random: Random): number {
  return roundAmount(10 ** (4 + random.next() * 2.7));
}

/** Trims a decimal to at most `digits` places and drops trailing zeros (1.50 -> "1.5"). */
function decimal(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** The amount as a report might write it; every notation reads back as the same number. */
export function amountText(amount: number, random: Random): string {
  const style = random.int(10);
  if (amount >= 1_000_000 && amount % 10_000 === 0 && style < 3) {
    const m = amount / 1_000_000;
    return style === 0 ? `£${decimal(m, 2)} million` : `£${decimal(m, 2)}m`;
  }
  if (amount >= 10_000 && amount % 1000 === 0 && style < 5) return `£${groupDigits(amount / 1000)}k`;
  if (amount < 1_000_000 && style === 9 && amount % 10_000 === 0)
    return `£${decimal(amount / 1_000_000, 3)}m`;
  return `£${groupDigits(amount)}`;
}

export interface MetricFigure {
  readonly measure: string;
  readonly unit: string;
  readonly value: number;
  readonly valueText: string;
  readonly qualifier?: string;
}

interface MetricTemplate {
  readonly measure: string;
  readonly unit: string;
  /** Range of the value, drawn log-uniform between the two. */
  readonly range: readonly [number, number];
  readonly text: (value: number) => string;
}

const count = (unit: string) => (value: number) =>
  value >= 1_000_000 ? `${decimal(value / 1_000_000, 1)} million` : `${groupDigits(value)} ${unit}`;

const METRICS: readonly MetricTemplate[] = [
  { measure: 'people reached', unit: 'people', range: [500, 3_000_000], text: count('people') },
  { measure: 'app downloads', unit: 'downloads', range: [1_000, 2_000_000], text: count('downloads') },
  { measure: 'website visits', unit: 'visits', range: [5_000, 5_000_000], text: count('visits') },
  { measure: 'staff trained', unit: 'people', range: [20, 20_000], text: count('staff') },
  { measure: 'patients seen within the standard', unit: 'percent', range: [40, 99], text: (v) => `${v}%` },
  {
    measure: 'estimated annual saving',
    unit: 'GBP',
    range: [20_000, 20_000_000],
    text: (v) => `£${groupDigits(v)}`,
  },
  { measure: 'average wait', unit: 'days', range: [2, 120], text: (v) => `${v} days` },
  { measure: 'waiting time standard', unit: 'weeks', range: [2, 18], text: (v) => `${v} weeks` },
  { measure: 'referrals made', unit: 'referrals', range: [50, 200_000], text: count('referrals') },
  { measure: 'sites taking part', unit: 'sites', range: [3, 600], text: count('sites') },
];

const QUALIFIERS = ['over', 'almost', 'around', 'up to', 'estimated', 'more than'] as const;

/** A reported figure: what it measures, its unit, value and the value as written. */
export function metricFigure(random: Random): MetricFigure {
  const template = random.pick(METRICS);
  const [low, high] = template.range;
  const raw = low * (high / low) ** random.next();
  const value =
    template.unit === 'percent' || template.unit === 'days' || template.unit === 'weeks'
      ? Math.round(raw)
      : template.unit === 'GBP'
        ? roundAmount(raw)
        : // Counts as the reports round them: 1.5 million, 12,400.
          Number(raw.toPrecision(raw >= 1_000_000 ? 2 : 3));
  const figure = { measure: template.measure, unit: template.unit, value, valueText: template.text(value) };
  return random.chance(0.2) ? { ...figure, qualifier: random.pick(QUALIFIERS) } : figure;
}
