import { NODE_KINDS, type NodeKind } from '../model/graph-model.js';
import { builder } from './builder.js';

export const EntityType = builder.enumType('EntityType', {
  description: 'The kinds of node in the graph.',
  values: Object.fromEntries(NODE_KINDS.map((k) => [k.toUpperCase(), { value: k }])) as Record<
    Uppercase<NodeKind>,
    { value: NodeKind }
  >,
});
