/** A value of one CSV field: null and undefined are written as an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

/** Fields holding one of these must be quoted (RFC 4180 section 2, rules 6 and 7). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * How a text a spreadsheet would run as a formula begins (OWASP's CSV injection): a name such as
 * `=HYPERLINK(…)` in the seeds would otherwise be a live formula in whoever opens the download.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. A text
 * that begins like a formula gets a leading apostrophe, which spreadsheets show as text and do not
 * run; numbers (negative amounts among them) are written as they are.
 */
export function csvField(value: CsvValue): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
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
