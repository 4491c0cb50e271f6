import type { GraphData } from '../model/records.js';
import type { RawRecord, SeedFiles, SeedProblem } from './read-seeds.js';
import { toEdgeRecord, toNodeRecord } from './seed-records.js';
import type { SeedEdge, SeedNode } from './seed-schema.js';
import { linesFromRecords, SeedValidator } from './seed-validator.js';

export { derivedEdgeId } from './seed-validator.js';

export interface ValidatedSeeds {
  readonly graph: GraphData;
  readonly problems: SeedProblem[];
}

/**
 * Checks seed records held in memory against the model and against each other (see SeedValidator
 * for the checks) and builds the graph they describe, nodes and edges ordered by id. Reports every
 * problem; the graph is only meaningful when there are none. For seed sets too big to hold at once,
 * stream-seeds.ts runs the same checks file by file.
 */
export function validateSeeds(files: SeedFiles): ValidatedSeeds {
  const nodes: SeedNode[] = [];
  const edges: { record: SeedEdge; id: string }[] = [];
  const validator = new SeedValidator({
    node: (record) => nodes.push(record),
    edge: (record, id) => edges.push({ record, id }),
  });
  validator.addProblems(files.problems);
  const byFile = new Map<string, RawRecord[]>();
  for (const record of files.records) {
    const list = byFile.get(record.file) ?? [];
    list.push(record);
    byFile.set(record.file, list);
  }
  for (const [file, records] of byFile) {
    validator.addFile({ file, records, problems: [] }, linesFromRecords(records));
  }
  const { problems, facts } = validator.finish();
  if (problems.length > 0) return { graph: { nodes: [], edges: [] }, problems };
  return {
    graph: {
      nodes: nodes.map((record) => toNodeRecord(record, facts)).sort((a, b) => a.id.localeCompare(b.id)),
      edges: edges
        .map(({ record, id }) => toEdgeRecord(record, id, facts))
        .sort((a, b) => a.id.localeCompare(b.id)),
    },
    problems,
  };
}
