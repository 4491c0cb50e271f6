import { rmSync } from 'node:fs';
import { EDGE_MODEL, type EdgeKind, type NodeKind } from '../../model/graph-model.js';
import { edgeToRow, nodeToRow, type StoreRow } from '../../model/records.js';
import { StoreQueryError } from '../errors.js';
import type { FinishLoad, Row, WriteTransaction } from '../executor.js';
import type { GraphSource } from '../graph-source.js';
import type { LoadProgress } from '../load-progress.js';
import type { WriteSummary } from '../port.js';
import { CopyFiles } from './copy-files.js';
import {
  copiedRows,
  copyEdgesStatement,
  copyNodesStatement,
  edgeCopyColumns,
  nodeCopyColumns,
} from './copy-statements.js';

/**
 * A Kuzu database a bulk load is building, beside the one the store serves and invisible to it:
 * statements each in a transaction of their own, or several in one.
 */
export interface StagingDatabase {
  /** Runs one statement on its own (Kuzu commits it at once); `name` is for messages. */
  run(name: string, text: string): Promise<Row[]>;
  /** Runs `work` in one write transaction, committed if it resolves. */
  transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
}

/**
 * Writes the whole graph of `source` into an empty staging database whose tables exist: every node
 * and relationship into CSV files in `folder` (one per node table and per relationship table and
 * endpoint pair), then one COPY per file, nodes before the relationships that need them, then
 * `finish` (derive statements and metadata), each statement committed on its own. Removes `folder` when done or
 * failed. Throws StoreQueryError when a relationship joins kinds the model does not allow or a
 * missing node, or a COPY copies fewer rows than written.
 *
 * Measured on Kuzu 0.11.3 (so do not "simplify" these):
 * - COPY runs inside an explicit transaction and rolls back with it, but replacing a loaded graph
 *   in place (DETACH DELETE, then COPY, in one transaction) ran for over 15 minutes at a million
 *   relationships and left the file twice its size; a fresh database takes COPY in about two.
 * - COPY into a relationship table that already has rows rewrites it: copying a million rows in
 *   chunks of 100,000 took several times longer than one COPY per file. One file per table and
 *   endpoint pair, copied once.
 * - A COPY of half a million relationships needs several hundred MB of buffer pool (256 MB ran
 *   out at 350,000 FUNDS rows): the staging database gets its own pool (HLP_KUZU_LOAD_BUFFER_POOL_MB).
 */
export async function bulkLoad(
  db: StagingDatabase,
  folder: string,
  source: GraphSource,
  finish: FinishLoad,
  progress: LoadProgress,
): Promise<WriteSummary> {
  const files = new CopyFiles(folder);
  try {
    progress.phase('staging nodes as CSV', { total: source.nodeCount, unit: 'nodes' });
    let nodes = 0;
    for await (const batch of source.nodes()) {
      for (const node of batch) {
        const columns = nodeCopyColumns(node.kind);
        const row = nodeToRow(node);
        files.file(node.kind, columns).append(
          columns.map((c) => row[c]),
          node.id,
        );
      }
      nodes += batch.length;
      progress.advance(batch.length);
    }
    const nodeFiles = files.entries();
    progress.phase('staging relationships as CSV', { total: source.edgeCount, unit: 'relationships' });
    let edges = 0;
    for await (const batch of source.edges()) {
      for (const edge of batch) {
        const from = source.kindOf(edge.from);
        const to = source.kindOf(edge.to);
        if (!from || !to || !EDGE_MODEL[edge.kind].pairs.some(([f, t]) => f === from && t === to)) {
          throw new StoreQueryError(
            'copyFiles',
            `relationship ${edge.id} (${edge.kind}) joins kinds the model does not allow, or a missing node`,
          );
        }
        const columns = edgeCopyColumns(edge.kind);
        const row: StoreRow = { from: edge.from, to: edge.to, ...edgeToRow(edge) };
        files.file(JSON.stringify([edge.kind, from, to]), columns).append(
          columns.map((c) => row[c]),
          edge.id,
        );
      }
      edges += batch.length;
      progress.advance(batch.length);
    }
    files.closeAll();
    const edgeFiles = files.entries().slice(nodeFiles.length);

    progress.phase('copying nodes into Kuzu', { total: nodes, unit: 'nodes' });
    for (const [kind, file] of nodeFiles) {
      await copy(db, `copy ${kind}`, copyNodesStatement(kind as NodeKind, file), file.rows);
      progress.advance(file.rows);
    }
    progress.phase('copying relationships into Kuzu', { total: edges, unit: 'relationships' });
    for (const [key, file] of edgeFiles) {
      const [kind, from, to] = JSON.parse(key) as [EdgeKind, NodeKind, NodeKind];
      const text = copyEdgesStatement(kind, from, to, file);
      await copy(db, `copy ${kind} ${from}->${to}`, text, file.rows);
      progress.advance(file.rows);
    }
    await db.transaction(async (tx) => {
      await finish.derive(tx);
      await finish.record(tx);
    });
    return { nodes, edges };
  } finally {
    files.closeAll();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function copy(db: StagingDatabase, name: string, text: string, expected: number): Promise<void> {
  const copied = copiedRows(await db.run(name, text));
  if (copied !== expected) {
    throw new StoreQueryError(name, `copied ${String(copied)} of ${expected} rows`);
  }
}
