/** A value of one CSV field: null and undefined are written as an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

/** Fields holding one of these must be quoted (RFC 4180 section 2, rules 6 and 7). */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV document as RFC 4180 describes it: a header row, then one record per row, each line ended
 * by CRLF (the RFC's line break, which spreadsheets and csv libraries all read). A line break inside
 * a field is kept as it is, inside the field's quotes.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
