import { fundingLines } from './a-funding-lines.js';
import { organisationsDeep } from './b-organisations-deep.js';
import { coFunders } from './c-co-funders.js';
import { listPage } from './d-list-page.js';
import { programme } from './e-programme.js';
import { search } from './f-search.js';
import { coFundedOutcomes } from './g-co-funded-outcomes.js';
import { path } from './h-path.js';
import { networkSummary } from './i-network-summary.js';
import type { Operation } from './types.js';

/** Every operation, in report order. */
export const OPERATIONS: readonly Operation[] = [
  fundingLines,
  organisationsDeep,
  coFunders,
  listPage,
  programme,
  search,
  coFundedOutcomes,
  path,
  networkSummary,
];

export function operation(id: string): Operation {
  const op = OPERATIONS.find((o) => o.id === id);
  if (!op)
    throw new Error(`bench: no operation "${id}" (there are ${OPERATIONS.map((o) => o.id).join(', ')})`);
  return op;
}
