import type { FIGURE_STATUSES } from '../model/graph-model.js';
import { builder } from './builder.js';

export const FigureStatus = builder.enumType('FigureStatus', {
  description:
    'How a figure stands against other reports of the same thing: alone, agreeing with them, or disagreeing (every value is kept, each with its evidence).',
  values: {
    SINGLE: { value: 'single', description: 'No other figure for the same thing.' },
    CORROBORATED: { value: 'corroborated', description: 'Other figures for the same thing agree.' },
    CONFLICTING: { value: 'conflicting', description: 'Other figures for the same thing disagree.' },
  } as const satisfies Record<string, { value: (typeof FIGURE_STATUSES)[number]; description: string }>,
});
