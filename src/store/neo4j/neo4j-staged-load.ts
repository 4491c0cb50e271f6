import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';
import { LoadInProgressError, StoreQueryError, StoreUnavailableError } from '../errors.js';
import type { FinishLoad, Params, Row, WriteTransaction } from '../executor.js';
import { stagedDeriveQueryName } from '../generated-cypher.js';
import type { GraphSource } from '../graph-source.js';
import type { LoadProgress } from '../load-progress.js';
import type { WriteSummary } from '../port.js';
import type { QuerySet } from '../queries.js';
import { mapError, RETRY_MS, toRows, withDeadline } from './neo4j-calls.js';
import { edgeWriteRow, nodeWriteRow } from './plain-values.js';

/** Query names a load runs (cypher/load/), besides the staged derive texts and the metadata's. */
export const STAGED_LOAD_QUERIES = [
  'takeLoadLease',
  'loadLease',
  'renewLoadLease',
  'releaseLoadLease',
  'deleteStagedNodes',
  'deleteRetiredNodes',
  'createStagedNodes',
  'createStagedEdges',
  'retireGraph',
  'promoteStagedGraph',
  'countStagedNodes',
  'countLeftNodes',
];

/**
 * Rows per write statement, each its own transaction. Nodes are cheap to create; each relationship
 * looks both ends up in the id index. A few thousand rows keep the statements few without making
 * any one of them large.
 */
const NODE_BATCH = 5000;
const EDGE_BATCH = 2000;
/** Nodes deleted per statement when clearing a staged or retired graph, with their relationships. */
const DELETE_BATCH = 2000;
/** How often a load renews its lease while a long statement (a derive) runs. */
const RENEW_EVERY_MS = 10_000;
/** A lease not renewed for this long belongs to a load that died: another load may take it. */
export const LEASE_STALE_MS = 60_000;

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * Replaces the served graph, all or nothing, without holding the whole graph in one transaction (a
 * million relationships with their properties did not commit on a 12 GB heap):
 *
 * 1. take the load lease (cypher/load/take-load-lease), so that one load writes at a time, and clear
 *    what an earlier load left (its staged graph, or the graph it replaced but had not deleted);
 * 2. write every node, then every relationship, under staged labels (`StagedEntity`,
 *    `StagedOrganisation`, …) that no read matches, in batches each committed on its own;
 * 3. derive on the staged graph: the derive statements' staged variants (cypher/generated/staged/),
 *    each in a transaction of its own;
 * 4. switch in one transaction: the served graph's labels swapped for `RetiredEntity`, the staged
 *    graph's for the served ones, the graph's metadata written. Only label changes: readers see the
 *    old graph until this commits and the new one after;
 * 5. delete the retired graph in batches, then free the lease.
 *
 * A load that fails before the switch deletes its staged graph; one whose process dies leaves it,
 * unseen by reads, for the next load to clear. Every write and delete checks and renews the lease
 * in its own transaction, locking it until that commits, so a load whose lease was taken over (it
 * stopped renewing for LEASE_STALE_MS) writes and deletes nothing more and cannot switch. A switch
 * whose commit answer is lost counts as made when its staged nodes are gone. Each statement, not the
 * load, is bounded by HLP_WRITE_TIMEOUT_MS.
 */
export async function stagedLoad(
  driver: Driver,
  config: Neo4jConfig,
  queries: QuerySet,
  source: GraphSource,
  finish: FinishLoad,
  progress: LoadProgress,
): Promise<WriteSummary> {
  const owner = randomUUID();
  const newSession = () => driver.session({ database: config.database, defaultAccessMode: 'WRITE' });
  const limit = config.writeTimeoutMs + config.connectTimeoutMs + RETRY_MS;
  const bounded = <T>(work: Promise<T>, what: string) =>
    withDeadline(
      work,
      limit,
      () => new StoreUnavailableError(`Neo4j at ${config.uri} did not finish ${what} within ${limit} ms`),
    );
  let current = 'takeLoadLease';
  /** One statement in a transaction of its own. */
  const run = async (name: string, params: Params = {}): Promise<Row[]> => {
    current = name;
    // A session of its own: a session keeps every result it ran, parameters included, until it is
    // closed, and a load's parameters are its whole graph (the loader grew by 0.9 GB over 1M
    // relationships on one session).
    const session = newSession();
    try {
      const result = await bounded(session.run(queries.get(name).text, { ...params }), name);
      return toRows(result.records);
    } finally {
      session.close().catch(() => undefined);
    }
  };
  const count = (rows: readonly Row[], column: string): number => Number(rows[0]?.[column] ?? 0);
  /**
   * Deletes every node of a staged or retired graph, a batch per transaction, while this load holds
   * the lease (a batch finds nothing once it does not); `report`: count them as progress.
   */
  const clear = async (name: 'deleteStagedNodes' | 'deleteRetiredNodes', report = true) => {
    for (let n = -1; n !== 0; ) {
      n = count(await run(name, { owner, limit: neo4j.int(DELETE_BATCH) }), 'deleted');
      if (report) progress.advance(n);
    }
  };

  let held = false;
  let switched = false;
  let renewing: NodeJS.Timeout | undefined;
  try {
    await takeLease(run, owner, config);
    held = true;
    // Between batches every write renews the lease; a derive statement can run for minutes.
    renewing = setInterval(() => {
      const side = newSession();
      side
        .run(queries.get('renewLoadLease').text, { owner })
        .catch(() => undefined)
        .finally(() => side.close().catch(() => undefined));
    }, RENEW_EVERY_MS);
    renewing.unref();

    progress.phase('clearing an earlier load', { unit: 'nodes' });
    await clear('deleteStagedNodes');
    await clear('deleteRetiredNodes');

    const write = async (name: string, rows: Record<string, unknown>[]) => {
      const created = count(await run(name, { owner, rows }), 'created');
      if (created === rows.length) return;
      if (count(await run('renewLoadLease', { owner }), 'renewed') === 0) {
        held = false;
        throw new LoadInProgressError(
          `another load took this load's lease on Neo4j at ${config.uri} over (this load had not renewed it ` +
            `for ${seconds(LEASE_STALE_MS)} s); it stopped without switching`,
        );
      }
      throw new StoreQueryError(name, `wrote ${created} of ${rows.length}: an endpoint is missing`);
    };
    /** Every record of `records`, in statements of `size` rows; how many were written. */
    const writeAll = async <T>(
      name: 'createStagedNodes' | 'createStagedEdges',
      records: AsyncIterable<readonly T[]>,
      size: number,
      toRow: (record: T) => Record<string, unknown>,
    ) => {
      let written = 0;
      for await (const batch of records) {
        for (let i = 0; i < batch.length; i += size) {
          const rows = batch.slice(i, i + size).map(toRow);
          await write(name, rows);
          written += rows.length;
          progress.advance(rows.length);
        }
      }
      return written;
    };
    progress.phase('writing nodes', { total: source.nodeCount, unit: 'nodes' });
    const nodes = await writeAll('createStagedNodes', source.nodes(), NODE_BATCH, nodeWriteRow);
    progress.phase('writing relationships', { total: source.edgeCount, unit: 'relationships' });
    const edges = await writeAll('createStagedEdges', source.edges(), EDGE_BATCH, edgeWriteRow);

    // Each derive statement, as its staged variant, in a transaction of its own.
    await finish.derive({ run: (query, params) => run(stagedDeriveQueryName(query.name), params) });

    progress.phase('switching');
    await inSwitch(
      newSession(),
      bounded,
      nodes,
      async () => count(await run('countStagedNodes'), 'staged'),
      async (tx) => {
        const txRun = async (name: string, params: Params = {}) => {
          current = name;
          return toRows((await bounded(tx.run(queries.get(name).text, { ...params }), name)).records);
        };
        if (count(await txRun('renewLoadLease', { owner }), 'renewed') === 0) {
          held = false;
          throw new LoadInProgressError(
            `another load took this load's lease on Neo4j at ${config.uri} over before its switch; the graph is unchanged`,
          );
        }
        await txRun('retireGraph');
        const promoted = count(await txRun('promoteStagedGraph'), 'promoted');
        if (promoted !== nodes) {
          throw new StoreQueryError(
            'promoteStagedGraph',
            `found ${promoted} staged nodes of the ${nodes} written`,
          );
        }
        const record: WriteTransaction = { run: (query, params) => txRun(query.name, params) };
        await finish.record(record);
        // Renewed again last: this transaction holds the lease's lock, so the heartbeat timer waits
        // and a loader taking the lease reads it only once this commits. Renewed at the start alone,
        // a switch longer than LEASE_STALE_MS (16 to 18 s at 1M relationships) would look dead then.
        await txRun('renewLoadLease', { owner });
        current = 'the switch commit';
      },
    );
    switched = true;

    // The new graph is served. The old one is out of every read; deleting it can fail without
    // undoing the load (the next load clears what is left).
    progress.phase('deleting the replaced graph', { unit: 'nodes' });
    await clear('deleteRetiredNodes').catch(() => undefined);
    return { nodes, edges };
  } catch (error) {
    // Named before the staged graph is cleared, which runs statements of its own.
    const failure = mapError(error, current, config, config.writeTimeoutMs);
    if (held && !switched) {
      await withDeadline(
        clear('deleteStagedNodes', false),
        limit,
        () => new Error('clearing timed out'),
      ).catch(() => undefined);
    }
    throw failure;
  } finally {
    clearInterval(renewing);
    if (held) await run('releaseLoadLease', { owner }).catch(() => undefined);
  }
}

/**
 * This host as a load lease names it: its name and, on Linux, its process-id namespace. Containers
 * can share a host name (host networking) without sharing process ids, and a process id is only
 * tested for life (`running`) where the namespace is the same.
 */
function processHost(): string {
  try {
    return `${hostname()} ${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return hostname();
  }
}

/** True when `pid` is a running process of this host (one that is not ours to signal counts as running). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Takes the load lease, or throws LoadInProgressError. A holder on this host whose process has
 * ended (a load killed or stopped with Ctrl-C) loses it at once; any other holder keeps it until it
 * has not renewed it for LEASE_STALE_MS.
 */
async function takeLease(
  run: (name: string, params: Params) => Promise<Row[]>,
  owner: string,
  config: Neo4jConfig,
): Promise<void> {
  const host = processHost();
  const params = { owner, host, pid: neo4j.int(process.pid), staleMs: neo4j.int(LEASE_STALE_MS) };
  let [lease] = await run('takeLoadLease', { ...params, deadOwner: null });
  if (lease?.['taken'] !== true && endedHere(lease)) {
    [lease] = await run('takeLoadLease', { ...params, deadOwner: lease?.['owner'] ?? null });
  }
  if (lease?.['taken'] === true) return;
  throw new LoadInProgressError(anotherLoad(lease, config));
}

/**
 * What holds the load lease, without taking it: a sentence naming the other load, or null when a
 * load could take it now (nobody holds it, its holder stopped renewing it, or ended on this host).
 * `run` is a read, which makes integer parameters Neo4j's itself.
 */
export async function loadLeaseHolder(
  run: (name: string, params: Params) => Promise<Row[]>,
  config: Neo4jConfig,
): Promise<string | null> {
  const [lease] = await run('loadLease', { staleMs: LEASE_STALE_MS });
  if (lease?.['fresh'] !== true || endedHere(lease)) return null;
  return anotherLoad(lease, config);
}

/**
 * What loads left behind, when no load is running to use it or clear it: a sentence, or null. Reads
 * never see it; it holds disk until the next load deletes it first.
 */
export async function leftByLoads(
  run: (name: string, params: Params) => Promise<Row[]>,
  config: Neo4jConfig,
): Promise<string | null> {
  const [left] = await run('countLeftNodes', {});
  const staged = Number(left?.['staged'] ?? 0);
  const retired = Number(left?.['retired'] ?? 0);
  if (staged + retired === 0 || (await loadLeaseHolder(run, config)) !== null) return null;
  const parts = [
    ...(staged > 0 ? [`${staged} nodes of a load that did not switch`] : []),
    ...(retired > 0 ? [`${retired} nodes of a replaced graph not yet deleted`] : []),
  ];
  return `Neo4j at ${config.uri} holds ${parts.join(' and ')}, unseen by reads: the next load deletes them first`;
}

/** Whether a lease's holder is a process of this host that no longer runs. */
function endedHere(lease: Row | undefined): boolean {
  const pid = Number(lease?.['pid']);
  return lease?.['host'] === processHost() && Number.isInteger(pid) && !running(pid);
}

function anotherLoad(lease: Row | undefined, config: Neo4jConfig): string {
  const started = new Date(Number(lease?.['startedAt'])).toISOString();
  const who = lease?.['host'] ? ` (process ${String(lease['pid'])} on ${String(lease['host'])})` : '';
  return (
    `another load${who} has been writing to ` +
    `Neo4j at ${config.uri} since ${started}; wait for it to end, or for ${seconds(LEASE_STALE_MS)} s ` +
    'after it stopped, then load again'
  );
}

/**
 * Runs `work` in one explicit transaction and commits it. Not a managed transaction: the driver
 * would run a failed switch again on a transient error, and the load's own error handling decides.
 * A commit whose answer is lost (the deadline passed, the connection dropped) may have been made:
 * if the `staged` nodes are gone then (`stagedLeft`), they were promoted and the switch stands.
 */
async function inSwitch(
  session: Session,
  bounded: <T>(work: Promise<T>, what: string) => Promise<T>,
  staged: number,
  stagedLeft: () => Promise<number>,
  work: (tx: Transaction) => Promise<void>,
): Promise<void> {
  const tx = session.beginTransaction();
  let committing = false;
  try {
    await work(tx);
    committing = true;
    await bounded(tx.commit(), 'the switch commit');
  } catch (error) {
    if (committing && staged > 0 && (await stagedLeft().catch(() => staged)) === 0) return;
    // A server that has stopped answering cannot roll back either: do not wait long for it.
    if (tx.isOpen())
      await withDeadline(tx.rollback(), 1000, () => new Error('rollback timed out')).catch(() => undefined);
    throw error;
  } finally {
    session.close().catch(() => undefined);
  }
}
