import { groupDigits } from './figures.js';
import { type GenerateSummary, generateGraph } from './generate-graph.js';
import { commitOutput, discardOutput, OutputDirError, prepareOutput } from './output-dir.js';
import { MAX_RELATIONSHIPS } from './shape.js';

/** `hlp-graph generate` reads these flags and no others. */
const FLAGS = ['relationships', 'seed', 'out'] as const;

export interface GenerateArgs {
  readonly relationships: number;
  readonly seed: number;
  readonly out: string;
}

/** A bad flag: one line saying what was expected and what came. Exit code 2. */
export class GenerateUsageError extends Error {
  override readonly name = 'GenerateUsageError';
}

const WHOLE = /^-?\d+$/;

/**
 * Reads `generate`'s flags (the values parseArgs gave, all strings or true). Throws
 * GenerateUsageError naming the first flag that is missing or wrong.
 */
export function parseGenerateArgs(
  positionals: readonly string[],
  values: Readonly<Record<string, string | boolean | undefined>>,
): GenerateArgs {
  // Unknown options first: parseArgs reads an unknown --flag's value as a stray argument.
  const unknown = Object.keys(values).filter((key) => !(FLAGS as readonly string[]).includes(key));
  if (unknown.length > 0)
    throw new GenerateUsageError(
      `unknown option --${unknown[0]} (expected --relationships, --seed and --out)`,
    );
  const extra = positionals.slice(1);
  if (extra.length > 0) throw new GenerateUsageError(`unexpected argument "${extra[0]}"`);
  const text = (flag: (typeof FLAGS)[number]) => {
    const value = values[flag];
    if (value === true || value === '') throw new GenerateUsageError(`--${flag} needs a value`);
    return value === false ? undefined : value;
  };

  const n = text('relationships');
  if (n === undefined)
    throw new GenerateUsageError(
      `--relationships N is required (a whole number from 1 to ${groupDigits(MAX_RELATIONSHIPS)})`,
    );
  const relationships = Number(n);
  if (!/^\d+$/.test(n) || relationships < 1 || relationships > MAX_RELATIONSHIPS)
    throw new GenerateUsageError(
      `--relationships must be a whole number from 1 to ${groupDigits(MAX_RELATIONSHIPS)}, got "${n}"`,
    );

  const s = text('seed') ?? '1';
  const seed = Number(s);
  if (!WHOLE.test(s) || !Number.isSafeInteger(seed))
    throw new GenerateUsageError(`--seed must be a whole number, got "${s}"`);

  const out = text('out');
  if (out === undefined) throw new GenerateUsageError('--out DIR is required (a new or empty directory)');
  return { relationships, seed, out };
}

const EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

/** Progress on stderr at most once a second, so short runs print none. */
function progressPrinter(total: number, started: number) {
  let last = started;
  let nodes = 0;
  return (list: 'nodes' | 'edges', written: number) => {
    if (list === 'nodes') nodes = written;
    const now = performance.now();
    if (now - last < 1000) return;
    last = now;
    const seconds = (now - started) / 1000;
    const records = list === 'nodes' ? written : nodes + written;
    const what =
      list === 'nodes'
        ? `${groupDigits(written)} nodes written`
        : `${groupDigits(written)} of ${groupDigits(total)} relationships written`;
    const rate = groupDigits(Math.round(records / seconds));
    process.stderr.write(`generate: ${what} (${rate} records/s, ${seconds.toFixed(1)} s)\n`);
  };
}

/** A system error (no space left, no permission) as one line, without the stack. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function perKind(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([kind, n]) => `${kind} ${groupDigits(n)}`).join(', ');
}

function summaryText(summary: GenerateSummary, args: GenerateArgs, seconds: number): string {
  const { funding } = summary;
  const meanLines = funding.funders === 0 ? 0 : funding.lines / funding.funders;
  return [
    `generated ${groupDigits(summary.nodeCount)} nodes and ${groupDigits(summary.relationshipCount)} relationships ` +
      `(seed ${args.seed}) in ${summary.files.length} files under ${args.out} in ${seconds.toFixed(1)} s ` +
      `(${groupDigits(Math.round(summary.relationshipCount / Math.max(seconds, 0.001)))} relationships/s)`,
    `nodes: ${perKind(summary.nodes)}`,
    `relationships: ${perKind(summary.relationships)}`,
    `funding: ${groupDigits(funding.funders)} funders of ${groupDigits(funding.lines)} lines ` +
      `(${meanLines.toFixed(1)} each; ${funding.hubs} hubs, the largest funding ${funding.largestFunder}), ` +
      `${groupDigits(funding.conflictGroups)} conflict groups, ${groupDigits(funding.breakdowns)} breakdowns`,
  ].join('\n');
}

/**
 * `hlp-graph generate --relationships N [--seed S] --out DIR`: writes a synthetic graph as seed
 * files into DIR, which appears only when the graph is complete. Resolves to the exit code: 0 done,
 * 2 bad flags or an output directory in the way, 1 a system error (no space left, ...), 130 or 143
 * when interrupted by SIGINT or SIGTERM. On any failure DIR is left as it was (absent, or empty) and
 * what was written is discarded; an unexpected error is thrown after that.
 */
export async function generateCommand(
  positionals: readonly string[],
  values: Readonly<Record<string, string | boolean | undefined>>,
): Promise<number> {
  let args: GenerateArgs;
  let output: { readonly dir: string; readonly temp: string };
  try {
    args = parseGenerateArgs(positionals, values);
    output = prepareOutput(args.out);
  } catch (error) {
    if (error instanceof GenerateUsageError || error instanceof OutputDirError) {
      console.error(`hlp-graph: generate: ${error.message}`);
      return 2;
    }
    if (!isSystemError(error)) throw error;
    console.error(`hlp-graph: generate: cannot prepare --out ${String(values['out'])}: ${error.message}`);
    return 1;
  }

  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => controller.abort(signal);
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const started = performance.now();
  try {
    const summary = await generateGraph(output.temp, {
      relationships: args.relationships,
      seed: args.seed,
      signal: controller.signal,
      onProgress: progressPrinter(args.relationships, started),
    });
    commitOutput(output.temp, output.dir);
    console.log(summaryText(summary, args, (performance.now() - started) / 1000));
    return 0;
  } catch (error) {
    discardOutput(output.temp);
    if (!controller.signal.aborted) {
      if (!isSystemError(error)) throw error;
      console.error(`hlp-graph: generate: ${error.message}; ${args.out} was not written`);
      return 1;
    }
    const signal = String(controller.signal.reason);
    console.error(`hlp-graph: generate: interrupted by ${signal}; ${args.out} was not written`);
    return EXIT_CODES[signal] ?? 1;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
