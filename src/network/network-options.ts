import { z } from 'zod';
import { DEFAULT_SEED } from '../analysis/analyse.js';
import { DEFAULT_TIE_KINDS, type ProjectionOptions, TIE_KINDS } from '../analysis/projection.js';
import type { EdgeKind } from '../model/graph-model.js';

export interface NetworkRequest extends ProjectionOptions {
  readonly seed: number;
}

/** What an analysis may be asked for, from a URL's query string or the CLI's flags (all strings). */
const requestSchema = z.object({
  projection: z
    .enum(['two-mode', 'organisations'], { error: 'expected two-mode or organisations' })
    .default('organisations'),
  weight: z.enum(['funding', 'count'], { error: 'expected funding or count' }).default('funding'),
  period: z.string().min(1).optional(),
  kinds: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return [...DEFAULT_TIE_KINDS];
      const kinds = value.split(',').map((k) => k.trim().toUpperCase());
      const bad = kinds.filter((k) => !(TIE_KINDS as readonly string[]).includes(k));
      if (bad.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: `expected some of ${TIE_KINDS.join(', ')}; got ${bad.join(', ')}`,
        });
      return kinds as EdgeKind[];
    }),
  seed: z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .default(DEFAULT_SEED),
});

/** Thrown with every bad parameter at once. */
export class NetworkRequestError extends Error {
  readonly code = 'BAD_USER_INPUT';
}

/** Reads analysis options from string parameters; throws NetworkRequestError naming every bad one. */
export function parseNetworkRequest(params: Readonly<Record<string, string | undefined>>): NetworkRequest {
  const present = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = requestSchema.safeParse(present);
  if (!parsed.success) {
    throw new NetworkRequestError(
      parsed.error.issues
        .map((i) => `${String(i.path[0])}=${JSON.stringify(present[String(i.path[0])])}: ${i.message}`)
        .join('; '),
    );
  }
  const r = parsed.data;
  return {
    projection: r.projection,
    weighting: r.weight,
    period: r.period ?? null,
    kinds: r.kinds,
    seed: r.seed,
  };
}

/** A file name that says what the file holds: hlp-network-organisations-funding-2019-20. */
export function networkFileStem(request: NetworkRequest): string {
  const period = request.period ? `-${request.period.replace(/[^A-Za-z0-9]+/g, '-')}` : '';
  return `hlp-network-${request.projection}-${request.weighting}${period}`;
}
