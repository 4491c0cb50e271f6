import type { z } from 'zod';
import {
  EDGE_MODEL,
  edgeProps,
  isEdgeKind,
  isNodeKind,
  type NodeKind,
  nodeProps,
} from '../model/graph-model.js';
import type { EdgeRecord, Evidence, GraphData, NodeRecord, PropValue } from '../model/records.js';
import { findPersonalData } from './personal-data.js';
import type { RawRecord, SeedFiles, SeedProblem } from './read-seeds.js';
import {
  edgeSchemaFor,
  nodeSchemaFor,
  type SeedEdge,
  type SeedEvidence,
  type SeedNode,
  type SeedSupplement,
  supplementSchema,
} from './seed-schema.js';

export interface ValidatedSeeds {
  readonly graph: GraphData;
  readonly problems: SeedProblem[];
}

interface Located<T> {
  readonly raw: RawRecord;
  readonly record: T;
}

const NODE_BASE = new Set(['id', 'kind', 'name', 'aliases', 'evidence']);
const EDGE_BASE = new Set(['id', 'kind', 'from', 'to', 'evidence']);

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function zodProblems(raw: RawRecord, error: z.ZodError, label: string): SeedProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
    const top = String(issue.path[0] ?? '');
    let got = raw.value as unknown;
    for (const step of issue.path)
      got = (got as Record<PropertyKey, unknown> | undefined)?.[step as PropertyKey];
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}`
        : `${issue.message}${issue.path.length > 0 ? `, got ${describeValue(got)}` : ''}`;
    return {
      file: raw.file,
      line: raw.lineOf(top),
      record: label,
      ...(field === undefined ? {} : { field }),
      message,
    };
  });
}

function labelOf(raw: RawRecord): string {
  const value = raw.value as { id?: unknown } | null;
  return typeof value?.id === 'string' ? value.id : `#${raw.index + 1} of ${raw.list}`;
}

function toEvidence(evidence: readonly SeedEvidence[]): Evidence[] {
  return evidence.map((e) => ({
    source: e.source,
    lines: [e.lines[0], e.lines[1]] as const,
    section: e.section,
  }));
}

/** The id a relationship gets when its seed record gives none: stable as long as the facts are. */
export function derivedEdgeId(edge: SeedEdge): string {
  const parts = [edge.kind.toLowerCase(), edge.from, edge.to];
  if (typeof edge['period'] === 'string') parts.push(edge['period']);
  if (typeof edge['fundingKind'] === 'string') parts.push(edge['fundingKind']);
  return parts.join(':');
}

/** A figure's value, for comparing figures in one conflict group. */
function figureOf(record: SeedNode | SeedEdge): string {
  return record.kind === 'FUNDS'
    ? `${String(record['amount'])} ${String(record['currency'])}`
    : `${String(record['value'])} ${String(record['unit'])}`;
}

/**
 * Checks every record against the model and against each other: types and required fields,
 * duplicate ids, relationships whose endpoints are missing or of a kind the model does not allow,
 * evidence that cites no known report, personal data, and conflict groups. Reports every problem;
 * the graph is only meaningful when there are none.
 */
export function validateSeeds(files: SeedFiles): ValidatedSeeds {
  const problems: SeedProblem[] = [...files.problems];
  const nodes: Located<SeedNode>[] = [];
  const edges: Located<SeedEdge>[] = [];
  const supplements: Located<SeedSupplement>[] = [];

  for (const raw of files.records) {
    const label = labelOf(raw);
    for (const hit of findPersonalData(raw.value)) {
      problems.push({
        file: raw.file,
        line: raw.lineOf(hit.path.split('.')[0]),
        record: label,
        field: hit.path,
        message: `looks like ${hit.kind}: personal data must never be stored`,
      });
    }
    if (raw.list === 'supplements') {
      const parsed = supplementSchema.safeParse(raw.value);
      if (parsed.success) supplements.push({ raw, record: parsed.data });
      else problems.push(...zodProblems(raw, parsed.error, label));
      continue;
    }
    const kind = (raw.value as { kind?: unknown } | null)?.kind;
    const kinds = raw.list === 'nodes' ? 'node' : 'relationship';
    if (typeof kind !== 'string' || !(raw.list === 'nodes' ? isNodeKind(kind) : isEdgeKind(kind))) {
      problems.push({
        file: raw.file,
        line: raw.lineOf('kind'),
        record: label,
        field: 'kind',
        message: `expected a ${kinds} kind, got ${describeValue(kind)}`,
      });
      continue;
    }
    if (raw.list === 'nodes') {
      const parsed = nodeSchemaFor(kind as NodeKind).safeParse(raw.value);
      if (parsed.success) nodes.push({ raw, record: parsed.data });
      else problems.push(...zodProblems(raw, parsed.error, label));
    } else {
      const parsed = edgeSchemaFor(kind as SeedEdge['kind']).safeParse(raw.value);
      if (parsed.success) edges.push({ raw, record: parsed.data });
      else problems.push(...zodProblems(raw, parsed.error, label));
    }
  }

  const byId = new Map<string, Located<SeedNode>>();
  for (const n of nodes) {
    const first = byId.get(n.record.id);
    if (first) {
      problems.push({
        file: n.raw.file,
        line: n.raw.lineOf('id'),
        record: n.record.id,
        field: 'id',
        message: `duplicate id: already used at ${first.raw.file}:${first.raw.lineOf('id')}`,
      });
    } else byId.set(n.record.id, n);
  }

  const sources = new Set(
    nodes.filter((n) => n.record.kind === 'Report').map((n) => String(n.record['source'] ?? '')),
  );
  const checkEvidence = (located: Located<{ readonly evidence: SeedEvidence[] }>, label: string) => {
    located.record.evidence.forEach((e, i) => {
      if (!sources.has(e.source)) {
        problems.push({
          file: located.raw.file,
          line: located.raw.lineOf('evidence'),
          record: label,
          field: `evidence.${i}.source`,
          message: `cites ${e.source}, which no Report node has as its source`,
        });
      }
    });
  };
  for (const n of nodes) checkEvidence(n, n.record.id);

  // Supplements: more aliases and evidence for a node another file defines.
  const extraAliases = new Map<string, string[]>();
  const extraEvidence = new Map<string, SeedEvidence[]>();
  for (const s of supplements) {
    const { record, raw } = s;
    checkEvidence(s, record.id);
    if (!byId.has(record.id)) {
      problems.push({
        file: raw.file,
        line: raw.lineOf('id'),
        record: record.id,
        field: 'id',
        message: `supplements a node that does not exist: no node has the id ${record.id}`,
      });
      continue;
    }
    extraAliases.set(record.id, [...(extraAliases.get(record.id) ?? []), ...record.aliases]);
    extraEvidence.set(record.id, [...(extraEvidence.get(record.id) ?? []), ...record.evidence]);
  }

  const edgeIds = new Map<string, Located<SeedEdge>>();
  const keptEdges: { located: Located<SeedEdge>; id: string }[] = [];
  for (const e of edges) {
    const { record, raw } = e;
    const id = record.id ?? derivedEdgeId(record);
    const where = (field: string) => raw.lineOf(field);
    checkEvidence(e, id);
    const first = edgeIds.get(id);
    if (first) {
      problems.push({
        file: raw.file,
        line: where('kind'),
        record: id,
        field: 'id',
        message: `duplicate relationship id: already used at ${first.raw.file}:${first.raw.lineOf()}${
          record.id ? '' : ' (give one of them an explicit id)'
        }`,
      });
      continue;
    }
    edgeIds.set(id, e);
    const from = byId.get(record.from)?.record.kind;
    const to = byId.get(record.to)?.record.kind;
    let ok = true;
    for (const [field, end, kind] of [
      ['from', record.from, from],
      ['to', record.to, to],
    ] as const) {
      if (!kind) {
        ok = false;
        problems.push({
          file: raw.file,
          line: where(field),
          record: id,
          field,
          message: `no node has the id ${end}`,
        });
      }
    }
    if (from && to && !EDGE_MODEL[record.kind].pairs.some(([f, t]) => f === from && t === to)) {
      ok = false;
      const allowed = EDGE_MODEL[record.kind].pairs.map(([f, t]) => `${f}->${t}`).join(', ');
      problems.push({
        file: raw.file,
        line: where('kind'),
        record: id,
        field: 'kind',
        message: `${record.kind} cannot join a ${from} to a ${to} (allowed: ${allowed})`,
      });
    }
    if (ok) keptEdges.push({ located: e, id });
  }

  const status = figureStatuses([...nodes, ...edges], problems);

  // A share names the funding line it is part of: that line must be another FUNDS line.
  const brokenDown = new Set<string>();
  for (const { located, id } of keptEdges) {
    const parent = located.record['breakdownOf'];
    if (typeof parent !== 'string') continue;
    const target = edgeIds.get(parent);
    if (target?.record.kind !== 'FUNDS' || parent === id) {
      problems.push({
        file: located.raw.file,
        line: located.raw.lineOf('breakdownOf'),
        record: id,
        field: 'breakdownOf',
        message: `expected the id of another FUNDS relationship, got ${parent}`,
      });
    } else if (typeof target.record['breakdownOf'] === 'string') {
      // A share of a share would make its parent both a total and a share: its money counted twice.
      problems.push({
        file: located.raw.file,
        line: located.raw.lineOf('breakdownOf'),
        record: id,
        field: 'breakdownOf',
        message: `${parent} is itself a share of ${target.record['breakdownOf']}: point at the line it is a share of`,
      });
    } else brokenDown.add(parent);
  }

  const graphNodes: NodeRecord[] = [...byId.values()].map(({ record }) => {
    const properties: Record<string, PropValue> = {};
    for (const key of Object.keys(nodeProps(record.kind))) {
      if (NODE_BASE.has(key) || key.startsWith('ev')) continue;
      properties[key] = (record[key] as PropValue | undefined) ?? null;
    }
    if ('status' in properties) properties['status'] = status.get(record) ?? 'single';
    const aliases = [...new Set([...record.aliases, ...(extraAliases.get(record.id) ?? [])])].filter(
      (a) => a !== record.name,
    );
    return {
      id: record.id,
      kind: record.kind,
      name: record.name,
      aliases,
      properties,
      evidence: toEvidence([...record.evidence, ...(extraEvidence.get(record.id) ?? [])]),
    };
  });
  const graphEdges: EdgeRecord[] = keptEdges.map(({ located: { record }, id }) => {
    const properties: Record<string, PropValue> = {};
    for (const key of Object.keys(edgeProps(record.kind))) {
      if (EDGE_BASE.has(key) || key.startsWith('ev')) continue;
      properties[key] = (record[key] as PropValue | undefined) ?? null;
    }
    if (record.kind === 'FUNDS') {
      properties['status'] = status.get(record) ?? 'single';
      properties['lineRole'] =
        typeof record['breakdownOf'] === 'string' ? 'share' : brokenDown.has(id) ? 'total' : null;
    }
    return {
      id,
      kind: record.kind,
      from: record.from,
      to: record.to,
      properties,
      evidence: toEvidence(record.evidence),
    };
  });

  return {
    graph: {
      nodes: graphNodes.sort((a, b) => a.id.localeCompare(b.id)),
      edges: graphEdges.sort((a, b) => a.id.localeCompare(b.id)),
    },
    problems,
  };
}

/**
 * Figures that share a conflictGroup are reports of the same thing: "conflicting" when their
 * values differ, "corroborated" when they agree. A group of one is a mistake worth reporting.
 */
function figureStatuses(
  located: readonly Located<SeedNode | SeedEdge>[],
  problems: SeedProblem[],
): Map<SeedNode | SeedEdge, string> {
  const groups = new Map<string, Located<SeedNode | SeedEdge>[]>();
  for (const l of located) {
    const group = l.record['conflictGroup'];
    if (typeof group !== 'string') continue;
    groups.set(group, [...(groups.get(group) ?? []), l]);
  }
  const status = new Map<SeedNode | SeedEdge, string>();
  for (const [group, members] of groups) {
    const kinds = new Set(members.map((m) => m.record.kind));
    const first = members[0];
    if (!first) continue;
    if (members.length < 2 || kinds.size > 1) {
      problems.push({
        file: first.raw.file,
        line: first.raw.lineOf('conflictGroup'),
        record: String(first.record.id ?? group),
        field: 'conflictGroup',
        message:
          members.length < 2
            ? `conflict group ${group} has only this figure; give the other figures the same group or drop it`
            : `conflict group ${group} mixes ${[...kinds].join(' and ')} records`,
      });
      continue;
    }
    const values = new Set(members.map((m) => figureOf(m.record)));
    for (const m of members) status.set(m.record, values.size > 1 ? 'conflicting' : 'corroborated');
  }
  return status;
}
