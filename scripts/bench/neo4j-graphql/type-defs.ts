/**
 * @neo4j/graphql type definitions equivalent to our model, generated from src/model/graph-model.ts so
 * they cannot drift: every node kind with its properties, on the labels the loader writes (its kind
 * and Entity, so id lookups use the Entity id index), and the relationships the operations read, with
 * their properties.
 */
import {
  type EdgeKind,
  edgeProps,
  NODE_KINDS,
  type NodeKind,
  nodeProps,
  type PropType,
} from '../../../src/model/graph-model.js';

const SCALARS: Readonly<Record<PropType, string>> = {
  string: 'String',
  int: 'Int',
  float: 'Float',
  'string[]': '[String!]',
  'int[]': '[Int!]',
};

function fields(props: Readonly<Record<string, { readonly type: PropType }>>): string {
  return Object.entries(props)
    .map(([name, spec]) => (name === 'id' ? '  id: ID!' : `  ${name}: ${SCALARS[spec.type]}`))
    .join('\n');
}

const PROPERTIES_TYPE: Partial<Record<EdgeKind, string>> = {
  FUNDS: 'Funds',
  AIMS_AT: 'AimsAt',
  PART_OF: 'PartOf',
};

const rel = (name: string, type: string, kind: EdgeKind, direction: 'IN' | 'OUT') =>
  `  ${name}: [${type}!]! @relationship(type: "${kind}", direction: ${direction}, properties: "${PROPERTIES_TYPE[kind]}")`;

const RELATIONSHIPS: Partial<Record<NodeKind, readonly string[]>> = {
  Organisation: [rel('funded', 'Fundable', 'FUNDS', 'OUT'), rel('fundedBy', 'Organisation', 'FUNDS', 'IN')],
  Programme: [
    rel('funders', 'Organisation', 'FUNDS', 'IN'),
    rel('outcomes', 'Outcome', 'AIMS_AT', 'OUT'),
    rel('parts', 'Work', 'PART_OF', 'IN'),
  ],
  Project: [
    rel('funders', 'Organisation', 'FUNDS', 'IN'),
    rel('outcomes', 'Outcome', 'AIMS_AT', 'OUT'),
    rel('parts', 'Work', 'PART_OF', 'IN'),
  ],
  Outcome: [rel('contributors', 'Work', 'AIMS_AT', 'IN')],
};

export function typeDefs(): string {
  const nodes = NODE_KINDS.map(
    (kind) => `type ${kind} @node(labels: ["${kind}", "Entity"]) {
${fields(nodeProps(kind))}
${(RELATIONSHIPS[kind] ?? []).join('\n')}
}`,
  );
  const relationships = Object.entries(PROPERTIES_TYPE).map(
    ([kind, name]) => `type ${name} @relationshipProperties {
${fields(edgeProps(kind as EdgeKind))}
}`,
  );
  return [
    ...nodes,
    ...relationships,
    'union Fundable = Programme | Project | Organisation',
    'union Work = Programme | Project',
  ].join('\n\n');
}
