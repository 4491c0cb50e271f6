import type { EdgeKind, OUTCOME_LINK_STATUSES } from '../model/graph-model.js';
import { personRole } from './names.js';
import type { NodeIndex } from './node-records.js';
import { createRandom, distinct, type Random, spread, ZipfSampler } from './random.js';
import { evidenceIn, SECTIONS, type SeedRecordOut } from './record.js';
import { PERIODS } from './shape.js';

/**
 * The relationships besides funding. None carries an id: each joins a pair of nodes no other
 * relationship of its kind joins (every source picks distinct targets, and no two sources share a
 * target list), so the id validation derives (kind:from:to[:period]) is unique by construction.
 *
 * Each builder spreads its budget over its sources (programmes and projects, people, metrics,
 * organisations): about the same number each, some several, never one target twice.
 */

type OutcomeLinkStatus = (typeof OUTCOME_LINK_STATUSES)[number];
const AIMED: OutcomeLinkStatus = 'aimed';
const ACHIEVED: OutcomeLinkStatus = 'achieved';

interface Context {
  readonly index: NodeIndex;
  readonly source: string;
  readonly random: Random;
}

function context(index: NodeIndex, seed: number, source: string, kind: EdgeKind): Context {
  return { index, source, random: createRandom(seed, `edges/${kind}`) };
}

/** Programmes and projects are the work organisations fund, lead and deliver: one numbering for both. */
function work(index: NodeIndex) {
  const programmes = index.ids.Programme.length;
  return {
    size: programmes + index.ids.Project.length,
    id: (w: number) =>
      (w < programmes ? index.ids.Programme[w] : index.ids.Project[w - programmes]) as string,
    /** The work item's period, when it has one. */
    period: (w: number): string | undefined => {
      const p = w < programmes ? index.programmePeriod[w] : index.projectPeriod[w - programmes];
      return p !== undefined && p >= 0 ? PERIODS[p] : undefined;
    },
  };
}

function record(
  ctx: Context,
  kind: EdgeKind,
  from: string,
  to: string,
  sections: readonly string[],
  fields: Readonly<Record<string, string | undefined>> = {},
): SeedRecordOut {
  return { kind, from, to, ...fields, evidence: [evidenceIn(ctx.source, sections, ctx.random)] };
}

/**
 * PART_OF: every project into its programme (as planned in the index), then programmes into an
 * earlier programme, then, if budget is left, projects into an earlier project. Pointing only at
 * earlier nodes keeps the hierarchy free of cycles.
 */
export function* partOfRecords(index: NodeIndex, seed: number, source: string, budget: number) {
  const ctx = context(index, seed, source, 'PART_OF');
  const { Programme: programmes, Project: projects } = index.ids;
  let remaining = budget;
  for (let j = 0; j < projects.length && remaining > 0; j++, remaining--)
    yield record(
      ctx,
      'PART_OF',
      projects[j] as string,
      programmes[index.projectProgramme[j] ?? 0] as string,
      SECTIONS.work,
    );
  for (let p = 1; p < programmes.length && remaining > 0; p++, remaining--)
    yield record(
      ctx,
      'PART_OF',
      programmes[p] as string,
      programmes[ctx.random.int(p)] as string,
      SECTIONS.work,
    );
  for (let j = 1; j < projects.length && remaining > 0; j++, remaining--)
    yield record(ctx, 'PART_OF', projects[j] as string, projects[ctx.random.int(j)] as string, SECTIONS.work);
}

/** AIMS_AT: programmes and projects aim at (or achieved) a few outcomes, some outcomes shared widely. */
export function* aimsAtRecords(index: NodeIndex, seed: number, source: string, budget: number) {
  const ctx = context(index, seed, source, 'AIMS_AT');
  const items = work(index);
  const outcomes = index.ids.Outcome;
  const sampler = new ZipfSampler(outcomes.length, 0.7, ctx.random);
  let remaining = budget;
  for (let w = 0; w < items.size && remaining > 0; w++) {
    const count = spread(remaining, items.size - w, outcomes.length, ctx.random);
    for (const o of distinct(count, outcomes.length, () => sampler.sample(ctx.random), ctx.random)) {
      yield record(ctx, 'AIMS_AT', items.id(w), outcomes[o] as string, SECTIONS.work, {
        status: ctx.random.chance(0.3) ? ACHIEVED : AIMED,
        period: ctx.random.chance(0.3) ? items.period(w) : undefined,
      });
    }
    remaining -= count;
  }
}

/** LEADS: each programme and project has a lead organisation, and often one or more lead people. */
export function* leadsRecords(index: NodeIndex, seed: number, source: string, budget: number) {
  const ctx = context(index, seed, source, 'LEADS');
  const items = work(index);
  const { Organisation: orgs, Person: people } = index.ids;
  // A few organisations lead a great deal (the partnership's core bodies).
  const leaders = new ZipfSampler(orgs.length, 0.9, ctx.random);
  let remaining = budget;
  for (let w = 0; w < items.size && remaining > 0; w++) {
    const count = spread(remaining, items.size - w, 1 + people.length, ctx.random);
    if (count === 0) continue;
    const to = items.id(w);
    const period = ctx.random.chance(0.5) ? items.period(w) : undefined;
    yield record(ctx, 'LEADS', orgs[leaders.sample(ctx.random)] as string, to, SECTIONS.work, {
      role: ctx.random.chance(0.5) ? 'lead' : undefined,
      period,
    });
    for (const p of distinct(count - 1, people.length, () => ctx.random.int(people.length), ctx.random)) {
      yield record(ctx, 'LEADS', people[p] as string, to, SECTIONS.people, {
        role: personRole(ctx.random),
        period,
      });
    }
    remaining -= count;
  }
}

/** DELIVERS: organisations deliver programmes and projects; large providers deliver many. */
export function* deliversRecords(index: NodeIndex, seed: number, source: string, budget: number) {
  const ctx = context(index, seed, source, 'DELIVERS');
  const items = work(index);
  const orgs = index.ids.Organisation;
  const sampler = new ZipfSampler(orgs.length, 0.9, ctx.random);
  let remaining = budget;
  for (let w = 0; w < items.size && remaining > 0; w++) {
    const count = spread(remaining, items.size - w, orgs.length, ctx.random);
    for (const o of distinct(count, orgs.length, () => sampler.sample(ctx.random), ctx.random)) {
      yield record(ctx, 'DELIVERS', orgs[o] as string, items.id(w), SECTIONS.work, {
        period: ctx.random.chance(0.5) ? items.period(w) : undefined,
      });
    }
    remaining -= count;
  }
}

/** WORKS_FOR: every person works for an organisation, some for two; large employers employ many. */
export function* worksForRecords(index: NodeIndex, seed: number, source: string, budget: number) {
  const ctx = context(index, seed, source, 'WORKS_FOR');
  const { Organisation: orgs, Person: people } = index.ids;
  const sampler = new ZipfSampler(orgs.length, 0.7, ctx.random);
  let remaining = budget;
  for (let p = 0; p < people.length && remaining > 0; p++) {
    const count = spread(remaining, people.length - p, orgs.length, ctx.random);
    for (const o of distinct(count, orgs.length, () => sampler.sample(ctx.random), ctx.random)) {
      yield record(ctx, 'WORKS_FOR', people[p] as string, orgs[o] as string, SECTIONS.people, {
        role: ctx.random.chance(0.4) ? personRole(ctx.random) : undefined,
      });
    }
    remaining -= count;
  }
}

const MEASURED = ['Programme', 'Project', 'Organisation', 'Outcome'] as const;

/** MEASURES: each figure is reported for one thing (a programme, project, organisation or outcome), a few for two. */
export function* measuresRecords(index: NodeIndex, seed: number, source: string, budget: number) {
  const ctx = context(index, seed, source, 'MEASURES');
  const metrics = index.ids.Metric;
  let remaining = budget;
  for (let m = 0; m < metrics.length && remaining > 0; m++) {
    const count = spread(remaining, metrics.length - m, MEASURED.length, ctx.random);
    // One subject per kind: distinct kinds make distinct subjects.
    const kinds = distinct(
      count,
      MEASURED.length,
      () =>
        ctx.random.weighted([
          [0, 35],
          [1, 35],
          [2, 15],
          [3, 15],
        ]),
      ctx.random,
    );
    for (const k of kinds) {
      const subjects = index.ids[MEASURED[k] ?? 'Programme'];
      yield record(
        ctx,
        'MEASURES',
        metrics[m] as string,
        subjects[ctx.random.int(subjects.length)] as string,
        SECTIONS.figures,
      );
    }
    remaining -= kinds.length;
  }
}

/**
 * PARTNERS_WITH: three quarters of the budget on programmes and projects (popular partners on many),
 * the rest between organisations. Comes last and is given whatever budget the other kinds left.
 */
export function* partnersWithRecords(index: NodeIndex, seed: number, source: string, budget: number) {
  const ctx = context(index, seed, source, 'PARTNERS_WITH');
  const items = work(index);
  const orgs = index.ids.Organisation;
  const sampler = new ZipfSampler(orgs.length, 0.8, ctx.random);
  let remaining = Math.round(budget * 0.75);
  for (let w = 0; w < items.size && remaining > 0; w++) {
    const count = spread(remaining, items.size - w, orgs.length, ctx.random);
    for (const o of distinct(count, orgs.length, () => sampler.sample(ctx.random), ctx.random)) {
      yield record(ctx, 'PARTNERS_WITH', orgs[o] as string, items.id(w), SECTIONS.work, {
        role: ctx.random.chance(0.3) ? 'partner' : undefined,
        period: ctx.random.chance(0.4) ? items.period(w) : undefined,
      });
    }
    remaining -= count;
  }
  // Between organisations, with whatever the work items did not take.
  remaining += budget - Math.round(budget * 0.75);
  for (let a = 0; a < orgs.length && remaining > 0; a++) {
    const count = spread(remaining, orgs.length - a, orgs.length - 1, ctx.random);
    for (const b of distinct(count, orgs.length, () => ctx.random.int(orgs.length), ctx.random, a)) {
      yield record(ctx, 'PARTNERS_WITH', orgs[a] as string, orgs[b] as string, SECTIONS.work);
    }
    remaining -= count;
  }
}
