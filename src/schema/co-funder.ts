import type { CoFunder, SharedFunding } from '../services/co-funders.js';
import { builder } from './builder.js';
import { MoneyRef } from './money.js';
import { EntityRef, OrganisationRef, RelationshipRef } from './refs.js';
import { nodeOf } from './related.js';

// The API keeps `mine`/`theirs` and `myAmount`/`theirAmount` (published names); inside the service
// they are the organisation's `own` line and the co-funder's `other`.

const SharedFundingRef = builder.objectRef<SharedFunding>('SharedFunding').implement({
  description: 'A programme, project or organisation two funders both fund, with each one’s funding line.',
  fields: (t) => ({
    node: t.field({
      type: EntityRef,
      description: 'What both fund.',
      resolve: (s, _a, ctx) => nodeOf(ctx, s.via),
    }),
    mine: t.field({
      type: RelationshipRef,
      description: 'This organisation’s funding of it.',
      resolve: (s) => s.own,
    }),
    theirs: t.field({
      type: RelationshipRef,
      description: 'The co-funder’s funding of it.',
      resolve: (s) => s.other,
    }),
  }),
});

export const CoFunderRef = builder.objectRef<CoFunder>('CoFunder').implement({
  description: 'Another organisation that funds some of the same programmes, projects or organisations.',
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, resolve: (c) => c.organisation }),
    shared: t.field({ type: [SharedFundingRef], resolve: (c) => [...(c.shared ?? [])] }),
    sharedCount: t.int({
      description: 'How many things both fund.',
      resolve: (c) => c.sharedCount,
    }),
    myAmount: t.field({
      type: MoneyRef,
      description:
        'This organisation’s funding of the shared things (a line reported twice counts once, at the lower value).',
      resolve: (c) => ({ value: c.own, currency: 'GBP' }),
    }),
    theirAmount: t.field({
      type: MoneyRef,
      description:
        'The co-funder’s funding of the shared things (a line reported twice counts once, at the lower value).',
      resolve: (c) => ({ value: c.other, currency: 'GBP' }),
    }),
  }),
});
