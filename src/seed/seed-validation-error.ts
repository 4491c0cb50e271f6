import { formatProblem, type SeedProblem } from './read-seeds.js';

/** Problems ordered for reading: by file, then line; problems at one place keep the order they were found in. */
export function sortProblems(problems: readonly SeedProblem[]): SeedProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The seeds did not validate: nothing was written. Carries every problem, one message each, in file order. */
export class SeedValidationError extends Error {
  readonly code = 'SEED_INVALID';
  readonly problems: readonly SeedProblem[];
  constructor(problems: readonly SeedProblem[]) {
    const sorted = sortProblems(problems);
    const lines = sorted.map(formatProblem);
    super(`the seeds have ${sorted.length} problem(s); nothing was written:\n  ${lines.join('\n  ')}`);
    this.name = 'SeedValidationError';
    this.problems = sorted;
  }
}
