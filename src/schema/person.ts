import { nodeString } from '../model/properties.js';
import { listConnection } from '../services/node-lists.js';
import { builder } from './builder.js';
import { AwardRef, EntityRef, OrganisationRef, PersonRef } from './refs.js';
import { relationshipField } from './relationship-fields.js';

builder.objectFields(PersonRef, (t) => ({
  title: t.string({
    nullable: true,
    description: 'Job title or role as stated.',
    resolve: (n) => nodeString(n, 'title'),
  }),
  roles: relationshipField(t, {
    type: EntityRef,
    typeName: 'Entity',
    spec: { kinds: ['WORKS_FOR', 'LEADS', 'CHAIRS', 'COMMENTED_ON'], direction: 'out' },
    open: true,
    description:
      'Where they work, what they lead or chair, and what they are quoted on, with the role as stated.',
  }),
  employers: relationshipField(t, {
    type: OrganisationRef,
    typeName: 'Organisation',
    spec: { kinds: ['WORKS_FOR'], direction: 'out' },
    description: 'The organisations they work for.',
  }),
  awards: relationshipField(t, {
    type: AwardRef,
    typeName: 'Award',
    spec: { kinds: ['WON'], direction: 'out' },
    description: 'Awards they received.',
  }),
}));

const PersonFilter = builder.inputType('PersonFilter', {
  fields: (t) => ({
    nameContains: t.string({ description: 'Part of the name or of an alias, any case, accents ignored.' }),
  }),
});

builder.queryField('people', (t) =>
  t.connection({
    type: PersonRef,
    description: 'People, by name.',
    args: { filter: t.arg({ type: PersonFilter }) },
    resolve: (_root, args, ctx, info) =>
      listConnection(
        ctx,
        info,
        'Person',
        args,
        { nameContains: args.filter?.nameContains ?? null },
        'name',
        'asc',
      ),
  }),
);
