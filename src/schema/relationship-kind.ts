import { EDGE_KINDS, EDGE_MODEL, type EdgeKind } from '../model/graph-model.js';
import { builder } from './builder.js';

export const RelationshipKind = builder.enumType('RelationshipKind', {
  description: 'The kinds of relationship in the graph.',
  values: Object.fromEntries(
    EDGE_KINDS.map((k) => [k, { value: k, description: EDGE_MODEL[k].doc }]),
  ) as Record<EdgeKind, { value: EdgeKind; description: string }>,
});

export const Direction = builder.enumType('Direction', {
  description: 'Which way a relationship points, seen from the node it is read from.',
  values: {
    OUT: { value: 'out', description: 'From this node to the other.' },
    IN: { value: 'in', description: 'From the other node to this one.' },
    BOTH: { value: 'both', description: 'Either way.' },
  } as const,
});
