import type { PERIOD_BASES } from '../model/periods.js';
import { builder } from './builder.js';

export const PeriodBasis = builder.enumType('PeriodBasis', {
  description: 'Where a fact’s period comes from.',
  values: {
    STATED: { value: 'stated', description: 'The report dates the fact.' },
    REPORT: {
      value: 'report',
      description: 'The report does not date it: the period is the one the report covers.',
    },
  } as const satisfies Record<string, { value: (typeof PERIOD_BASES)[number]; description: string }>,
});
