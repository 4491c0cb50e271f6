import { z } from 'zod';
import { DEFAULT_SEED } from '../analysis/analyse.js';
import { DEFAULT_TIE_KINDS, type ProjectionOptions, TIE_KINDS } from '../analysis/projection.js';
import type { EdgeKind } from '../model/graph-model.js';

export interface NetworkRequest extends ProjectionOptions {
  readonly seed: number;
}

/** What an analysis may be asked for, typed (GraphQL's arguments); unset parts take their defaults. */
export interface NetworkOptions {
  readonly projection?: ProjectionOptions['projection'] | undefined;
  readonly weighting?: ProjectionOptions['weighting'] | undefined;
  readonly period?: string | null | undefined;
  /** The relationship kinds to count as ties; each must be one of TIE_KINDS. */
  readonly kinds?: readonly EdgeKind[] | null | undefined;
  readonly seed?: number | undefined;
}

/** Thrown with every bad parameter at once. */
export class NetworkRequestError extends Error {
  readonly code = 'BAD_USER_INPUT';
}

const isTieKind = (kind: string): kind is EdgeKind => (TIE_KINDS as readonly string[]).includes(kind);

/** What is wrong with a list of tie kinds (GraphQL's enum also holds kinds that tie nothing), or null. */
function kindsProblem(kinds: readonly string[]): string | null {
  const bad = kinds.filter((k) => !isTieKind(k));
  return bad.length > 0 ? `expected some of ${TIE_KINDS.join(', ')}; got ${bad.join(', ')}` : null;
}

/** The request an analysis runs: the options with their defaults; throws NetworkRequestError. */
export function networkRequest(options: NetworkOptions): NetworkRequest {
  const kinds = options.kinds?.length ? [...options.kinds] : [...DEFAULT_TIE_KINDS];
  const problem = kindsProblem(kinds);
  if (problem) throw new NetworkRequestError(`kinds=${JSON.stringify(kinds.join(','))}: ${problem}`);
  return {
    projection: options.projection ?? 'organisations',
    weighting: options.weighting ?? 'funding',
    period: options.period || null,
    kinds: kinds.filter(isTieKind),
    seed: options.seed ?? DEFAULT_SEED,
  };
}

/** What an analysis may be asked for as text: a URL's query string or the CLI's flags. */
const textSchema = z.object({
  projection: z
    .enum(['two-mode', 'organisations'], { error: 'expected two-mode or organisations' })
    .optional(),
  weight: z.enum(['funding', 'count'], { error: 'expected funding or count' }).optional(),
  period: z.string().min(1).optional(),
  kinds: z.string().optional(),
  seed: z.coerce.number({ error: 'expected a whole number' }).int('expected a whole number').optional(),
});

/**
 * Reads analysis options from text parameters (a URL's, the CLI's), then as networkRequest; throws
 * NetworkRequestError naming every bad one.
 */
export function parseNetworkRequest(params: Readonly<Record<string, string | undefined>>): NetworkRequest {
  const present = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = textSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (i) => `${String(i.path[0])}=${JSON.stringify(present[String(i.path[0])])}: ${i.message}`,
      );
  const kinds = present['kinds']?.split(',').map((k) => k.trim().toUpperCase());
  const kindsWrong = kinds ? kindsProblem(kinds) : null;
  if (kindsWrong) problems.push(`kinds=${JSON.stringify(present['kinds'])}: ${kindsWrong}`);
  if (!parsed.success || problems.length > 0) throw new NetworkRequestError(problems.join('; '));
  const { projection, weight, period, seed } = parsed.data;
  return networkRequest({ projection, weighting: weight, period, kinds: kinds?.filter(isTieKind), seed });
}

/** A file name that says what the file holds: hlp-network-organisations-funding-2019-20. */
export function networkFileStem(request: NetworkRequest): string {
  const period = request.period ? `-${request.period.replace(/[^A-Za-z0-9]+/g, '-')}` : '';
  return `hlp-network-${request.projection}-${request.weighting}${period}`;
}
