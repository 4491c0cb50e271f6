import { ORGANISATION_CATEGORIES } from '../model/graph-model.js';
import { builder } from './builder.js';
import { keysetPage } from './cursor.js';
import { nodeKindRef, stringProp } from './node-kind.js';

export const OrganisationKind = builder.enumType('OrganisationKind', {
  description: 'What sort of body an organisation is.',
  values: Object.fromEntries(
    ORGANISATION_CATEGORIES.map((value) => [value.toUpperCase(), { value }]),
  ) as Record<
    Uppercase<(typeof ORGANISATION_CATEGORIES)[number]>,
    { value: (typeof ORGANISATION_CATEGORIES)[number] }
  >,
});

/** A partner: NHS body, CCG, trust, council, the Mayor, charity, company, network, ... */
export const OrganisationRef = nodeKindRef(
  'Organisation',
  'A partner named in the reports: an NHS body, council, London-wide body, charity, company or network.',
);

builder.objectFields(OrganisationRef, (t) => ({
  kind: t.field({
    type: OrganisationKind,
    description: 'What sort of body it is.',
    resolve: (node) => stringProp(node, 'category') as (typeof ORGANISATION_CATEGORIES)[number],
  }),
}));

builder.queryField('organisations', (t) =>
  t.connection({
    type: OrganisationRef,
    description: 'Every organisation, ordered by name.',
    resolve: async (_root, args, ctx) => ({
      ...(await keysetPage(args, ctx.config.paging, (window) =>
        ctx.store.nodesPage({ kind: 'Organisation', ...window }),
      )),
      totalCount: () => ctx.loaders.countByKind.load('Organisation'),
    }),
  }),
);
