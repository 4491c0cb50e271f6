import { nodeString } from '../model/properties.js';
import { builder } from './builder.js';
import { ProgrammeRef } from './refs.js';
import { workFields } from './work-fields.js';
import { WorkOrder, workList } from './work-list.js';

builder.objectFields(ProgrammeRef, (t) => ({
  period: t.string({
    nullable: true,
    description: 'The period it is reported in.',
    resolve: (n) => nodeString(n, 'period'),
  }),
  category: t.string({
    nullable: true,
    description: 'Its grouping as the report gives it.',
    resolve: (n) => nodeString(n, 'category'),
  }),
  ...workFields(t),
}));

const ProgrammeFilter = builder.inputType('ProgrammeFilter', {
  fields: (t) => ({
    nameContains: t.string({ description: 'Part of the name or of an alias, any case, accents ignored.' }),
    period: t.string({ description: 'Only programmes of this period (2015/16, 2017/18, 2019/20).' }),
    minFunders: t.int({ description: 'Only programmes with at least this many funders.' }),
  }),
});

builder.queryField('programmes', (t) =>
  t.connection({
    type: ProgrammeRef,
    description: 'Programmes, filtered and ordered (by name unless asked otherwise).',
    args: { filter: t.arg({ type: ProgrammeFilter }), orderBy: t.arg({ type: WorkOrder }) },
    resolve: (_root, args, ctx, info) => workList(ctx, info, 'Programme', args),
  }),
);
