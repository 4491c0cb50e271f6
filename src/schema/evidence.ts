import type { Context } from '../context.js';
import type { EdgeView, Evidence, NodeView } from '../model/records.js';
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

/**
 * A node's evidence: as read with the node when the query asked for evidence (the usual case), or
 * through the evidence loader when the node came from a read that did not (a primed neighbour).
 */
export async function nodeEvidence(ctx: Context, node: NodeView): Promise<Evidence[]> {
  if (node.evidence) return [...node.evidence];
  return [...((await ctx.loaders.nodeWithEvidence.load(node.id))?.evidence ?? [])];
}

/** A relationship's evidence, read with it or, failing that, by id. */
export async function edgeEvidence(ctx: Context, edge: EdgeView): Promise<Evidence[]> {
  if (edge.evidence) return [...edge.evidence];
  return [...((await ctx.loaders.edgeById.load(edge.id))?.evidence ?? [])];
}
