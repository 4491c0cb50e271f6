import type { FUNDING_KINDS } from '../model/graph-model.js';
import { amountText, fundingAmount, roundAmount } from './figures.js';
import type { NodeIndex } from './node-records.js';
import { createRandom, distinct, type Random, ZipfSampler } from './random.js';
import { evidenceIn, SECTIONS, type SeedRecordOut } from './record.js';
import { FUNDING, type GraphPlan, PERIODS } from './shape.js';

/** What the funding records came to, for the summary. */
export interface FundingStats {
  funders: number;
  lines: number;
  hubs: number;
  largestFunder: number;
  conflictGroups: number;
  breakdowns: number;
}

const KIND_MIX: readonly (readonly [(typeof FUNDING_KINDS)[number], number])[] = [
  ['core', 55],
  ['additional', 25],
  ['attracted', 15],
  ['other', 5],
];

const QUALIFIERS = ['up to', 'around', 'over', 'almost'] as const;
const ROLES = ['lead funder', 'co-funder', 'match funding', 'sponsor'] as const;

/**
 * Targets of funding live in one number space so one funder's targets can be kept distinct with
 * one list: programmes first, then projects, then organisations.
 */
class FundingTargets {
  readonly programmes: number;
  readonly projects: number;
  readonly size: number;
  private readonly programmeSampler: ZipfSampler;
  private readonly projectSampler: ZipfSampler;

  constructor(
    private readonly index: NodeIndex,
    private readonly random: Random,
  ) {
    this.programmes = index.ids.Programme.length;
    this.projects = index.ids.Project.length;
    this.size = this.programmes + this.projects + index.ids.Organisation.length;
    this.programmeSampler = new ZipfSampler(this.programmes, FUNDING.programmeExponent, random);
    this.projectSampler = new ZipfSampler(this.projects, FUNDING.projectExponent, random);
  }

  /** The target number of organisation `org`. */
  organisation(org: number): number {
    return this.programmes + this.projects + org;
  }

  /** A target drawn by the funding mix: popular programmes and projects often, organisations evenly. */
  draw(): number {
    switch (this.random.weighted(FUNDING.targetMix)) {
      case 'Programme':
        return this.programmeSampler.sample(this.random);
      case 'Project':
        return this.programmes + this.projectSampler.sample(this.random);
      default:
        return this.organisation(this.random.int(this.index.ids.Organisation.length));
    }
  }

  id(target: number): string {
    const { ids } = this.index;
    if (target < this.programmes) return ids.Programme[target] as string;
    if (target < this.programmes + this.projects) return ids.Project[target - this.programmes] as string;
    return ids.Organisation[target - this.programmes - this.projects] as string;
  }

  /** The period a line to this target is reported in: the target's own, mostly. */
  period(target: number): string {
    const own =
      target < this.programmes
        ? this.index.programmePeriod[target]
        : target < this.programmes + this.projects
          ? this.index.projectPeriod[target - this.programmes]
          : -1;
    return (
      own !== undefined && own >= 0 && this.random.chance(0.8) ? PERIODS[own] : this.random.pick(PERIODS)
    ) as string;
  }

  /** The projects of a programme target (empty for any other target). */
  projectsOf(target: number): Int32Array {
    if (target >= this.programmes) return new Int32Array(0);
    const { projectsFrom, projectsOf } = this.index;
    return projectsOf.subarray(projectsFrom[target] ?? 0, projectsFrom[target + 1] ?? 0);
  }
}

/**
 * The FUNDS records: each planned funder funds its number of distinct things, hubs about 150. A few
 * lines are reported twice (two records sharing a conflictGroup, the second amount the same or not),
 * and a few lines to a programme are also split over the programme's projects (shares whose
 * breakdownOf names the line). Every record has an explicit id, `funds:<line>` with `:alt` or
 * `:share-<n>` after it, because a funder may fund one target twice in one period. Writes exactly
 * the FUNDS budget unless the organisations run out first; updates `stats` as it goes.
 */
export function* fundingRecords(
  plan: GraphPlan,
  index: NodeIndex,
  seed: number,
  source: string,
  stats: FundingStats,
): Generator<SeedRecordOut> {
  const random = createRandom(seed, 'edges/FUNDS');
  const targets = new FundingTargets(index, random);
  const hubs = new Set(plan.hubs);
  const [minShares, maxShares] = FUNDING.breakdownShares;
  let remaining = plan.budgets.FUNDS;
  let line = 0;
  const evidence = () => [evidenceIn(source, SECTIONS.funding, random)];

  const organisations = index.ids.Organisation;
  for (let funder = 0; funder < organisations.length && remaining > 0; funder++) {
    const from = organisations[funder] as string;
    // Past the planned funders (conflicts and breakdowns took fewer records than planned for), the
    // spare organisations fund what is left, drawn the same way.
    const planned = plan.funderLines[funder] ?? 1 + random.geometric(FUNDING.meanExtraLines);
    const chosen = distinct(
      planned,
      targets.size,
      () => targets.draw(),
      random,
      targets.organisation(funder),
    );
    let written = 0;
    for (const target of chosen) {
      if (remaining <= 0) break;
      line++;
      written++;
      const id = `funds:${line}`;
      const amount = fundingAmount(random);
      const common = {
        kind: 'FUNDS',
        from,
        to: targets.id(target),
        role: random.chance(0.1) ? random.pick(ROLES) : undefined,
      } as const;
      const fundingKind = random.weighted(KIND_MIX);
      const period = targets.period(target);
      const qualifier = random.chance(0.05) ? random.pick(QUALIFIERS) : undefined;
      const projects = targets.projectsOf(target);

      // The first line that can be broken down is, and the first line that is not is reported
      // twice, so that even a small graph exercises both funding rules.
      if (
        remaining > maxShares &&
        projects.length >= minShares &&
        (stats.breakdowns === 0 || random.chance(FUNDING.breakdownShare))
      ) {
        // The line, then its shares: the same money split over the programme's projects.
        const total = Math.max(amount, 100_000);
        const parts = distinct(
          random.between(minShares, Math.min(maxShares, projects.length)),
          projects.length,
          () => random.int(projects.length),
          random,
        );
        yield {
          id,
          ...common,
          amount: total,
          currency: 'GBP',
          amountText: amountText(total, random),
          fundingKind,
          period,
          evidence: evidence(),
        };
        // Round shares but the last, which takes the rest: the shares add up to the line exactly.
        const weights = parts.map(() => 0.5 + random.next());
        const weightSum = weights.reduce((a, b) => a + b, 0);
        let left = total;
        for (const [n, part] of parts.entries()) {
          const share = n === parts.length - 1 ? left : roundAmount((total * (weights[n] ?? 1)) / weightSum);
          left -= share;
          yield {
            id: `${id}:share-${n + 1}`,
            kind: 'FUNDS',
            from,
            to: index.ids.Project[projects[part] ?? 0] as string,
            amount: share,
            currency: 'GBP',
            amountText: amountText(share, random),
            fundingKind,
            period,
            breakdownOf: id,
            evidence: evidence(),
          };
        }
        remaining -= 1 + parts.length;
        stats.breakdowns++;
        continue;
      }

      if (remaining >= 2 && (stats.conflictGroups === 0 || random.chance(FUNDING.conflictShare))) {
        // The same line as two reports give it: the second amount agrees, or differs a little.
        const group = `funding-line-${line}`;
        const other = random.chance(FUNDING.corroboratedShare)
          ? amount
          : roundAmount(amount * random.pick([0.5, 0.8, 0.9, 1.1, 1.25, 2]));
        yield {
          id,
          ...common,
          amount,
          currency: 'GBP',
          amountText: amountText(amount, random),
          fundingKind,
          period,
          qualifier,
          conflictGroup: group,
          evidence: evidence(),
        };
        yield {
          id: `${id}:alt`,
          ...common,
          amount: other,
          currency: 'GBP',
          amountText: amountText(other, random),
          fundingKind,
          period,
          conflictGroup: group,
          evidence: evidence(),
        };
        remaining -= 2;
        stats.conflictGroups++;
        continue;
      }

      yield {
        id,
        ...common,
        amount,
        currency: 'GBP',
        amountText: amountText(amount, random),
        fundingKind,
        period,
        qualifier,
        evidence: evidence(),
      };
      remaining--;
    }
    if (written > 0) {
      stats.funders++;
      stats.lines += written;
      stats.largestFunder = Math.max(stats.largestFunder, written);
      if (hubs.has(funder)) stats.hubs++;
    }
  }
}
