import { formerIdsOf } from '../model/records.js';
import { builder } from './builder.js';
import { EvidenceRef, nodeEvidence } from './evidence.js';
import { EntityRef } from './refs.js';
import { relationshipField } from './relationship-fields.js';

builder.interfaceType(EntityRef, {
  description:
    'Any node of the graph: every one has a name, its aliases, its evidence and its relationships.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (node) => node.kind,
  fields: (t) => ({
    seedId: t.string({
      description:
        'Its id in the seed files and in the JSON export (the global `id` encodes it with its type; node(id:) and every id argument take either): joins API results to exports.',
      resolve: (node) => node.id,
    }),
    formerSeedIds: t.stringList({
      description:
        'Seed ids of records merged into this one (one node per real thing); a global id made from one of them still finds this node.',
      resolve: (node) => formerIdsOf(node),
    }),
    name: t.exposeString('name', { description: 'Name as the reports give it.' }),
    aliases: t.exposeStringList('aliases', {
      description: 'Every other name the reports use for it (abbreviations, variants).',
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'Where the reports state it.',
      resolve: (node, _a, ctx) => nodeEvidence(ctx, node),
    }),
    relationships: relationshipField(t, {
      type: EntityRef,
      typeName: 'Entity',
      spec: { direction: 'both' },
      open: true,
      defaultOrder: 'kind',
      description:
        'Every relationship of this node in either direction (or the kinds and direction asked for), with the node at the other end.',
    }),
  }),
});
