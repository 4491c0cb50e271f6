import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aimsAtRecords,
  deliversRecords,
  leadsRecords,
  measuresRecords,
  partnersWithRecords,
  partOfRecords,
  worksForRecords,
} from './edge-records.js';
import { type FundingStats, fundingRecords } from './funding-records.js';
import { createNodeIndex, nodeRecords } from './node-records.js';
import { createRandom } from './random.js';
import { type SeedRecordOut, syntheticSource } from './record.js';
import {
  type GeneratedEdgeKind,
  type GraphPlan,
  MAX_RECORDS_PER_FILE,
  MAX_RELATIONSHIPS,
  planGraph,
} from './shape.js';
import { SeedFileWriter } from './yaml-writer.js';

export interface GenerateOptions {
  readonly relationships: number;
  readonly seed: number;
  /** Stops the run at the next chunk (the caller discards what was written). */
  readonly signal: AbortSignal;
  /** Called at every chunk written: which list, and how many of its records so far. */
  readonly onProgress?: (list: 'nodes' | 'edges', written: number) => void;
}

export interface GenerateSummary {
  readonly plan: GraphPlan;
  readonly nodes: ReadonlyMap<string, number>;
  readonly relationships: ReadonlyMap<string, number>;
  readonly nodeCount: number;
  readonly relationshipCount: number;
  /** File names, nodes first, in the order written. */
  readonly files: readonly string[];
  readonly funding: FundingStats;
  readonly source: string;
}

/** The manifest written next to the seed files (not YAML, so seed readers pass it by). */
export const MANIFEST = 'generated.json';

/**
 * Writes a synthetic graph of `relationships` relationships into `dir` (an empty directory): node
 * files, then relationship files, then a manifest. The same relationships and seed give the same
 * bytes. Holds the node ids and a chunk of text, never the relationship records.
 */
export async function generateGraph(dir: string, options: GenerateOptions): Promise<GenerateSummary> {
  const { relationships, seed, signal, onProgress } = options;
  const plan = planGraph(relationships, createRandom(seed, 'plan'));
  const source = syntheticSource(seed, relationships);
  const header =
    `# A synthetic HLP graph (hlp-graph generate --relationships ${relationships} --seed ${seed}).\n` +
    '# Made-up names and figures for load tests: not facts from the reports.\n';
  const digits = Math.max(3, String(Math.ceil((MAX_RELATIONSHIPS * 1.2) / MAX_RECORDS_PER_FILE)).length);
  const writer = (list: 'nodes' | 'edges') =>
    new SeedFileWriter(dir, {
      list,
      maxRecordsPerFile: MAX_RECORDS_PER_FILE,
      digits,
      header,
      signal,
      ...(onProgress ? { onChunk: (written: number) => onProgress(list, written) } : {}),
    });

  const index = createNodeIndex(plan, seed);
  const nodes = writer('nodes');
  try {
    await nodes.writeAll(nodeRecords(plan, seed, source, index));
    await nodes.close();
  } finally {
    nodes.abandon();
  }

  const edges = writer('edges');
  const funding: FundingStats = {
    funders: 0,
    lines: 0,
    hubs: 0,
    largestFunder: 0,
    conflictGroups: 0,
    breakdowns: 0,
  };
  const builders: readonly (readonly [GeneratedEdgeKind, (budget: number) => Iterable<SeedRecordOut>])[] = [
    ['FUNDS', () => fundingRecords(plan, index, seed, source, funding)],
    ['PART_OF', (budget) => partOfRecords(index, seed, source, budget)],
    ['AIMS_AT', (budget) => aimsAtRecords(index, seed, source, budget)],
    ['LEADS', (budget) => leadsRecords(index, seed, source, budget)],
    ['DELIVERS', (budget) => deliversRecords(index, seed, source, budget)],
    ['WORKS_FOR', (budget) => worksForRecords(index, seed, source, budget)],
    ['MEASURES', (budget) => measuresRecords(index, seed, source, budget)],
    // Last: it takes whatever budget the kinds before it could not use, so the total is as asked.
    ['PARTNERS_WITH', () => partnersWithRecords(index, seed, source, relationships - edges.written)],
  ];
  try {
    for (const [kind, build] of builders) await edges.writeAll(build(plan.budgets[kind]));
    await edges.close();
  } finally {
    edges.abandon();
  }

  const summary: GenerateSummary = {
    plan,
    nodes: nodes.counts,
    relationships: edges.counts,
    nodeCount: nodes.written,
    relationshipCount: edges.written,
    files: [...nodes.files, ...edges.files],
    funding,
    source,
  };
  writeFileSync(join(dir, MANIFEST), manifestJson(summary, seed));
  return summary;
}

function manifestJson(summary: GenerateSummary, seed: number): string {
  const manifest = {
    generator: 'hlp-graph generate',
    relationships: summary.plan.relationships,
    seed,
    source: summary.source,
    nodes: { total: summary.nodeCount, ...Object.fromEntries(summary.nodes) },
    edges: { total: summary.relationshipCount, ...Object.fromEntries(summary.relationships) },
    funding: summary.funding,
    files: summary.files,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
