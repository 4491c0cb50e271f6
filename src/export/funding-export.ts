import { countsInSums, fundingLineKey } from '../model/funding-lines.js';
import { periodDates } from '../model/periods.js';
import { edgeNumber, edgeString } from '../model/properties.js';
import type { FundingLineRecord } from '../store/port.js';
import { csvText } from './csv.js';

/**
 * The funding lines as a spreadsheet in 360Giving's column names (https://standard.threesixtygiving.org),
 * then the columns a funding line has that a grant does not. 360Giving-style, not a 360Giving
 * publication: identifiers are the graph's own ids (no registered 360G- or org-id prefix), so a row
 * joins with the API and the JSON export.
 *
 * - No Award Date: the reports give the period money was given for, never the day it was awarded.
 *   The period is in Period as written in the graph, and as dates in Planned Dates (the first day of
 *   its first month, the last day of its last month, from model/periods.ts).
 * - Recipient Org is filled only when the money goes to an organisation; most lines fund a programme
 *   or project, which is no organisation. Recipient:Identifier, Name and Kind always name the
 *   recipient, whatever it is.
 * - Amount Awarded is empty where the report names the funding but gives no figure (Amount As
 *   Written has its words).
 * - Sums: a row whose Counts In Sums is false is a total the report also breaks down into shares
 *   (Line Role total; its shares say Breakdown Of): its money is theirs. Rows that share a Sum Line
 *   (a conflict group: one line reported with different figures; or a joint group: one sum given by
 *   several funders together) are one line, counted once: at its lowest Amount Awarded, or its
 *   highest for the upper figure. That is how the API's fundingTotals sums (model/funding-lines.ts).
 */
export const FUNDING_COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Recipient:Identifier',
  'Recipient:Name',
  'Recipient:Kind',
  'Period',
  'Funding Kind',
  'Amount As Written',
  'Amount Qualifier',
  'Line Role',
  'Breakdown Of',
  'Joint Group',
  'Conflict Group',
  'Counts In Sums',
  'Sum Line',
  'Report',
  'Lines',
] as const;

export type FundingColumn = (typeof FUNDING_COLUMNS)[number];

/** One funding line as the export writes it: a value for every column, null where there is none. */
export type FundingRow = Readonly<Record<FundingColumn, string | number | boolean | null>>;

const KIND_LABELS: Readonly<Record<string, string>> = {
  core: 'Core',
  additional: 'Additional',
  attracted: 'Attracted',
  in_kind: 'In-kind',
  other: 'Other',
};

/** The same values, each once, in the order first seen. */
const distinct = (values: readonly string[]): string[] => [...new Set(values)];

/** One funding line as a row of the export. */
export function fundingRow({ funder, recipient, line }: FundingLineRecord): FundingRow {
  const period = edgeString(line, 'period');
  const dates = period === null ? null : periodDates(period);
  const periodText = edgeString(line, 'periodText');
  const fundingKind = edgeString(line, 'fundingKind');
  const kindLabel = KIND_LABELS[fundingKind ?? 'other'] ?? 'Other';
  const amountText = edgeString(line, 'amountText');
  const when = period === null ? '' : ` for ${periodText ? `${period} (${periodText})` : period}`;
  const toOrganisation = recipient.kind === 'Organisation';
  const evidence = line.evidence;
  return {
    Identifier: line.id,
    Title: `${kindLabel} funding from ${funder.name} to ${recipient.name}${period ? `, ${period}` : ''}`,
    Description:
      `${kindLabel} funding from ${funder.name} to the ${recipient.kind.toLowerCase()} ${recipient.name}` +
      `${when}, as the report gives it: ${amountText ?? 'no figure'}`,
    Currency: edgeString(line, 'currency'),
    'Amount Awarded': edgeNumber(line, 'amount'),
    'Planned Dates:Start Date': dates?.start ?? null,
    'Planned Dates:End Date': dates?.end ?? null,
    'Recipient Org:Identifier': toOrganisation ? recipient.id : null,
    'Recipient Org:Name': toOrganisation ? recipient.name : null,
    'Funding Org:Identifier': funder.id,
    'Funding Org:Name': funder.name,
    'Recipient:Identifier': recipient.id,
    'Recipient:Name': recipient.name,
    'Recipient:Kind': recipient.kind,
    Period: period,
    'Funding Kind': fundingKind,
    'Amount As Written': amountText,
    'Amount Qualifier': edgeString(line, 'qualifier'),
    'Line Role': edgeString(line, 'lineRole'),
    'Breakdown Of': edgeString(line, 'breakdownOf'),
    'Joint Group': edgeString(line, 'jointGroup'),
    'Conflict Group': edgeString(line, 'conflictGroup'),
    'Counts In Sums': countsInSums(line),
    'Sum Line': fundingLineKey(line),
    Report: distinct(evidence.map((e) => e.source)).join('; ') || null,
    Lines: evidence.map((e) => `${e.source}:${e.lines[0]}-${e.lines[1]}`).join('; ') || null,
  };
}

/**
 * The funding lines as CSV (RFC 4180: a header row of FUNDING_COLUMNS, CRLF line ends), in UTF-8
 * with a byte-order mark: Excel, where most funders open a spreadsheet, reads a file without one
 * in the machine's legacy code page and shows £ as Â£. Empty fields for missing values; true/false
 * for Counts In Sums.
 */
export function fundingCsv(lines: readonly FundingLineRecord[]): string {
  const rows = lines.map(fundingRow).map((row) => FUNDING_COLUMNS.map((column) => row[column]));
  return `\uFEFF${csvText(FUNDING_COLUMNS, rows)}`;
}

/**
 * The funding lines as JSON: an array of objects with the CSV's columns as keys, in the same order;
 * amounts as numbers, Counts In Sums as a boolean, null for a missing value.
 */
export function fundingJson(lines: readonly FundingLineRecord[]): string {
  return `${JSON.stringify(lines.map(fundingRow), null, 2)}\n`;
}
