import type { FUNDING_KINDS } from '../model/graph-model.js';
import { builder } from './builder.js';

export const FundingKind = builder.enumType('FundingKind', {
  description: 'What kind of funding a line is, as the reports class it.',
  values: {
    CORE: { value: 'core', description: 'Core funding (from the London CCGs or NHS England).' },
    ADDITIONAL: { value: 'additional', description: 'Additional funding.' },
    ATTRACTED: { value: 'attracted', description: 'Funding HLP attracted from other sources.' },
    IN_KIND: { value: 'in_kind', description: 'Goods, staff or services given instead of money.' },
    OTHER: { value: 'other', description: 'Funding the reports do not class as any of these.' },
  } as const satisfies Record<string, { value: (typeof FUNDING_KINDS)[number]; description: string }>,
});
