import { builder } from './builder.js';

export const SortDirection = builder.enumType('SortDirection', {
  description: 'Ascending or descending.',
  values: { ASC: { value: 'asc' }, DESC: { value: 'desc' } } as const,
});
