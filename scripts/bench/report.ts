/**
 * The markdown report (bench/results/latest.md), computed from the run's records: per size the
 * inputs, the loads, the answers' checks, and one table of latency, throughput and statements per
 * (operation, engine) with the ratios ours ÷ raw and ours ÷ @neo4j/graphql; memory; then the issue's
 * targets, each marked pass, fail or not measured.
 */
import { OPERATIONS } from './operations/index.js';
import type { Engine, SystemName } from './options.js';
import { type BenchRecord, select } from './records.js';
import { checkTargets } from './targets.js';

const f1 = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(1);
const f0 = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(0);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || !b ? '–' : (a / b).toFixed(2);

const LABEL: Readonly<Record<SystemName, string>> = {
  ours: 'ours',
  raw: 'raw',
  'neo4j-graphql': '@neo4j/graphql',
};

export function markdown(records: readonly BenchRecord[]): string {
  const [run] = select(records, 'run');
  const [before] = select(records, 'loadavg').filter((r) => r.when === 'before');
  const [after] = select(records, 'loadavg').filter((r) => r.when === 'after');
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# HLP Graph bench: latest run',
    '',
    `Run ${run?.at ?? '?'} on commit ${run?.commit ?? '?'}${run?.dirty ? ' (with uncommitted changes)' : ''}, node ${run?.node}, ${run?.cpus} cores, ${f0(run?.memGiB)} GiB.`,
    `Load average before ${before ? `${before.load1.toFixed(2)} / ${before.load5.toFixed(2)} / ${before.load15.toFixed(2)}` : '–'}, after ${after ? `${after.load1.toFixed(2)} / ${after.load5.toFixed(2)} / ${after.load15.toFixed(2)}` : '–'} (1 / 5 / 15 min).`,
    `Options: \`${JSON.stringify(run?.options)}\``,
    '',
    'Latency: one client, every (system, operation) pair in turn, round-robin, after untimed warm-up rounds; p50 / p95 / p99 in ms, until the last byte.',
    'Throughput: autocannon in its own process, one pair at a time, each after one untimed second at the same concurrency. Statements / transactions per request: the service\'s `x-store-statements` / `x-store-transactions` headers (HLP_STORE_STATS=on; n/a when it sends none; "(k sent)": on Neo4j the statements of one tick go to the database as k, `x-store-sent-statements`), counted in the transport for raw Cypher and in a wrapped driver for @neo4j/graphql.',
    '',
  );
  const sizes = [...new Set(select(records, 'dataset').flatMap((d) => (d.size ? [d.size] : [])))];
  for (const size of sizes) {
    const [dataset] = select(records, 'dataset', { size });
    push(
      `## ${size} (${dataset?.origin}${dataset?.relationships ? `, ${dataset.relationships} relationships` : ''})`,
      '',
    );
    const [inputs] = select(records, 'inputs', { size });
    if (inputs) push(`Inputs: \`${JSON.stringify(inputs.inputs)}\``, '');
    const loads = select(records, 'load', { size });
    if (loads.length) {
      push('| engine | load | loader peak RSS | |', '|---|---:|---:|---|');
      for (const l of loads)
        push(
          `| ${l.engine} | ${(l.ms / 1000).toFixed(1)} s | ${f0(l.peakRssMiB)} MiB | ${l.cached ? `cached: loaded ${l.at}` : 'loaded in this run'} |`,
        );
      push('');
    }
    push(
      '| op | engine | ours p50 / p95 / p99 | raw p50 / p95 / p99 | @neo4j/graphql p50 / p95 / p99 | ours ÷ raw | ours ÷ @n/g | req/s ours / raw / @n/g | req/s ours ÷ @n/g | stmts/tx ours | stmts/tx raw | stmts/tx @n/g | answers |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const op of OPERATIONS) {
      for (const engine of ['neo4j', 'kuzu'] as Engine[]) {
        const lat = (system: SystemName) =>
          select(records, 'latency', { size, engine, op: op.id }).find((r) => r.system === system);
        const thr = (system: SystemName) =>
          select(records, 'throughput', { size, engine, op: op.id }).find((r) => r.system === system);
        const ours = lat('ours');
        const raw = lat('raw');
        const peer = engine === 'neo4j' ? lat('neo4j-graphql') : undefined;
        if (!ours && !raw && !peer) continue;
        const cell = (r: typeof ours) =>
          r && r.n > 0
            ? `${f1(r.p50)} / ${f1(r.p95)} / ${f1(r.p99)}${r.n < 10 ? ` (n=${r.n})` : ''}`
            : r
              ? `errors ${r.errors}`
              : '–';
        const sent = (r: NonNullable<typeof ours>) =>
          r.sent !== undefined && r.sent !== null && r.sent !== r.statements ? ` (${r.sent} sent)` : '';
        const st = (r: typeof ours) =>
          r ? `${r.statements ?? 'n/a'}${sent(r)} / ${r.transactions ?? 'n/a'}` : '–';
        const checks = select(records, 'check', { size, engine, op: op.id })
          .filter((c) => c.verdict !== 'same')
          .map((c) => `${LABEL[c.system ?? 'ours']} vs ${c.against}: ${c.verdict}`);
        const unsupported =
          engine === 'neo4j' && select(records, 'unsupported', { size, engine, op: op.id }).length > 0;
        push(
          `| ${op.id} | ${engine} | ${cell(ours)} | ${cell(raw)} | ${engine === 'neo4j' ? (unsupported ? 'not expressible' : cell(peer)) : ''} | ${ratio(ours?.p50, raw?.p50)} | ${ratio(ours?.p50, peer?.p50)} | ${f0(thr('ours')?.rps)} / ${f0(thr('raw')?.rps)} / ${engine === 'neo4j' ? f0(thr('neo4j-graphql')?.rps) : ''} | ${ratio(thr('ours')?.rps, thr('neo4j-graphql')?.rps)} | ${st(ours)} | ${st(raw)} | ${engine === 'neo4j' ? st(peer) : ''} | ${checks.length ? checks.join('; ') : 'same facts'} |`,
        );
      }
    }
    push('');
    const memory = select(records, 'memory', { size });
    if (memory.length) {
      push('| process | RSS at the end | peak RSS |', '|---|---:|---:|');
      for (const m of memory) push(`| ${m.process} | ${f0(m.rssMiB)} MiB | ${f0(m.peakMiB)} MiB |`);
      push('');
    }
    const failures = select(records, 'failed', { size });
    for (const f of failures)
      push(`- **failed** ${f.engine ?? ''} ${f.system ?? ''} ${f.op ?? ''}: ${f.error}`);
    const skipped = select(records, 'skipped', { size });
    for (const k of skipped) push(`- ${k.what} skipped for ${k.op} ${k.system}@${k.engine}: ${k.reason}`);
    const notes = select(records, 'check', { size }).filter((c) => c.verdict !== 'same');
    for (const n of notes)
      push(
        `- ${n.verdict === 'known' ? 'known difference' : '**differs**'}: ${n.op} ${n.engine} ${LABEL[n.system ?? 'ours']} vs ${n.against}${n.reason ? ` (${n.reason})` : ''}: ${n.diff.slice(0, 4).join('; ')}`,
      );
    if (failures.length || notes.length || skipped.length) push('');
  }
  push('## What each system cannot say', '');
  for (const op of OPERATIONS) {
    if ('unsupported' in op.neo4jGraphql)
      push(`- (${op.id}) ${op.title}: @neo4j/graphql: ${op.neo4jGraphql.unsupported}`);
    if (op.known) push(`- (${op.id}) ${op.title}: ${op.known.reason}`);
  }
  push('', '## Targets (issue 11)', '', '| target | subject | measured | result |', '|---|---|---:|---|');
  for (const t of checkTargets(records))
    push(`| ${t.target} | ${t.subject} | ${t.value} | ${t.outcome === 'fail' ? '**fail**' : t.outcome} |`);
  push('');
  return lines.join('\n');
}
