import type { FUNDING_LINE_ROLES } from '../model/graph-model.js';
import { builder } from './builder.js';

export const FundingLineRole = builder.enumType('FundingLineRole', {
  description: 'How a funding line relates to others that hold the same money.',
  values: {
    TOTAL: {
      value: 'total',
      description: 'The report also breaks this line down into shares; sums count the shares.',
    },
    SHARE: {
      value: 'share',
      description: 'A share (by funder or sub-programme) of another line: see breakdownOf.',
    },
  } as const satisfies Record<string, { value: (typeof FUNDING_LINE_ROLES)[number]; description: string }>,
});
