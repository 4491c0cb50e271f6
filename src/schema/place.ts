import { PLACE_CATEGORIES } from '../model/graph-model.js';
import { nodeString, oneOf } from '../model/properties.js';
import { listConnection } from '../services/node-lists.js';
import { builder } from './builder.js';
import { EntityRef, PlaceRef } from './refs.js';
import { relationshipField } from './relationship-fields.js';

type Category = (typeof PLACE_CATEGORIES)[number];

export const PlaceCategory = builder.enumType('PlaceCategory', {
  description: 'What kind of place it is.',
  values: Object.fromEntries(PLACE_CATEGORIES.map((value) => [value.toUpperCase(), { value }])) as Record<
    Uppercase<Category>,
    { value: Category }
  >,
});

builder.objectFields(PlaceRef, (t) => ({
  category: t.field({
    type: PlaceCategory,
    resolve: (n) => oneOf(nodeString(n, 'category'), PLACE_CATEGORIES) ?? 'site',
  }),
  work: relationshipField(t, {
    type: EntityRef,
    typeName: 'Entity',
    spec: { kinds: ['RUNS_IN'], direction: 'in' },
    description: 'The programmes and projects done, piloted or rolled out here (relationship.role says how).',
  }),
  coveredBy: relationshipField(t, {
    type: EntityRef,
    typeName: 'Entity',
    spec: { kinds: ['COVERS'], direction: 'in' },
    description: 'The organisations that serve it (a CCG or council its borough, an STP its footprint).',
  }),
  within: relationshipField(t, {
    type: PlaceRef,
    typeName: 'Place',
    spec: { kinds: ['PART_OF'], direction: 'out' },
    description: 'The larger places it is part of, as the reports state it.',
  }),
  parts: relationshipField(t, {
    type: PlaceRef,
    typeName: 'Place',
    spec: { kinds: ['PART_OF'], direction: 'in' },
    description: 'The places within it, as the reports state it.',
  }),
}));

const PlaceFilter = builder.inputType('PlaceFilter', {
  fields: (t) => ({
    nameContains: t.string({ description: 'Part of the name or of an alias, any case, accents ignored.' }),
    category: t.field({ type: PlaceCategory }),
  }),
});

builder.queryField('places', (t) =>
  t.connection({
    type: PlaceRef,
    description: 'Places the reports name, by name.',
    args: { filter: t.arg({ type: PlaceFilter }) },
    resolve: (_root, args, ctx, info) =>
      listConnection(
        ctx,
        info,
        'Place',
        args,
        { nameContains: args.filter?.nameContains ?? null, category: args.filter?.category ?? null },
        'name',
        'asc',
      ),
  }),
);
