import { PROJECT_CATEGORIES } from '../model/graph-model.js';
import { nodeString, oneOf } from '../model/properties.js';
import { builder } from './builder.js';
import { ProjectRef } from './refs.js';
import { workFields } from './work-fields.js';
import { WorkOrder, workList } from './work-list.js';

type Category = (typeof PROJECT_CATEGORIES)[number];

export const ProjectKind = builder.enumType('ProjectKind', {
  description: 'What sort of project or product it is.',
  values: Object.fromEntries(PROJECT_CATEGORIES.map((value) => [value.toUpperCase(), { value }])) as Record<
    Uppercase<Category>,
    { value: Category }
  >,
});

builder.objectFields(ProjectRef, (t) => ({
  kind: t.field({
    type: ProjectKind,
    description: 'What sort of project or product it is.',
    resolve: (n) => oneOf(nodeString(n, 'category'), PROJECT_CATEGORIES) ?? 'other',
  }),
  period: t.string({
    nullable: true,
    description: 'When it ran or was launched.',
    resolve: (n) => nodeString(n, 'period'),
  }),
  ...workFields(t),
}));

const ProjectFilter = builder.inputType('ProjectFilter', {
  fields: (t) => ({
    nameContains: t.string({ description: 'Part of the name or of an alias, any case, accents ignored.' }),
    kinds: t.field({ type: [ProjectKind], description: 'Only projects of these kinds.' }),
    period: t.string(),
    minFunders: t.int({ description: 'Only projects with at least this many funders.' }),
  }),
});

builder.queryField('projects', (t) =>
  t.connection({
    type: ProjectRef,
    description: 'Projects and products, filtered and ordered (by name unless asked otherwise).',
    args: { filter: t.arg({ type: ProjectFilter }), orderBy: t.arg({ type: WorkOrder }) },
    resolve: (_root, args, ctx, info) => workList(ctx, info, 'Project', args),
  }),
);
