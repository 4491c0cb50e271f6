import { builder } from './builder.js';

export interface MoneyShape {
  readonly value: number;
  readonly currency: string;
}

export const MoneyRef = builder.objectRef<MoneyShape>('Money').implement({
  description: 'An amount of money.',
  fields: (t) => ({
    value: t.exposeFloat('value', {
      description: 'The amount, in units of the currency (pounds, not pence).',
    }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code (GBP).' }),
  }),
});
