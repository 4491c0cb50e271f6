import { PERIOD_BASES } from '../model/periods.js';
import { oneOf } from '../model/properties.js';
import type { builder } from './builder.js';
import { PeriodBasis } from './period-basis.js';

type Types = typeof builder.$inferSchemaTypes;

/** The period properties every dated thing stores (model/periods.ts derives the last three). */
export type PeriodKey = 'period' | 'periodText' | 'periodFrom' | 'periodTo' | 'periodBasis';

/** What differs between the types that carry a period: how it is described. */
export interface PeriodTexts {
  readonly period: string;
  readonly periodText: string;
  readonly periodBasis: string;
}

/**
 * The five period fields of a dated type (a figure, a relationship): the period as written, the
 * report's words, its first and last month and its basis, read from the parent by `read`.
 */
export function periodFields<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  read: (parent: Parent, key: PeriodKey) => string | null,
  texts: PeriodTexts,
) {
  return {
    period: t.string({ nullable: true, description: texts.period, resolve: (p) => read(p, 'period') }),
    periodText: t.string({
      nullable: true,
      description: texts.periodText,
      resolve: (p) => read(p, 'periodText'),
    }),
    periodFrom: t.string({
      nullable: true,
      description: 'The first month of the period, YYYY-MM.',
      resolve: (p) => read(p, 'periodFrom'),
    }),
    periodTo: t.string({
      nullable: true,
      description: 'The last month of the period, YYYY-MM.',
      resolve: (p) => read(p, 'periodTo'),
    }),
    periodBasis: t.field({
      type: PeriodBasis,
      nullable: true,
      description: texts.periodBasis,
      resolve: (p) => oneOf(read(p, 'periodBasis'), PERIOD_BASES),
    }),
  };
}
