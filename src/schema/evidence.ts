import type { Evidence } from '../model/records.js';
import { builder } from './builder.js';

/** Where a fact comes from. Every node and every relationship carries a list of these. */
export const EvidenceRef = builder.objectRef<Evidence>('Evidence').implement({
  description: 'Where in which report a fact is stated: the file, a line range and the section or table.',
  fields: (t) => ({
    source: t.exposeString('source', { description: 'File name of the report under shared/sources.' }),
    firstLine: t.int({ description: 'First line of the passage (1-based).', resolve: (e) => e.lines[0] }),
    lastLine: t.int({ description: 'Last line of the passage (inclusive).', resolve: (e) => e.lines[1] }),
    section: t.exposeString('section', { description: 'Section or table the passage sits in.' }),
  }),
});
