import { NODE_MODEL, type ORGANISATION_CATEGORIES, PROJECT_CATEGORIES } from '../model/graph-model.js';
import { metricFigure } from './figures.js';
import {
  type Named,
  organisationName,
  outcomeName,
  personName,
  programmeName,
  projectName,
  slug,
} from './names.js';
import { createRandom, type Random, ZipfSampler } from './random.js';
import { type EvidenceOut, evidenceIn, SECTIONS, type SeedRecordOut } from './record.js';
import { type GraphPlan, NODES_PER_RELATIONSHIP, PERIODS, type ShapedNodeKind } from './shape.js';

/**
 * What the relationship builders need to know of the nodes: their ids (by kind, in the order
 * written), their periods, and which programme each project belongs to. Relationship records
 * themselves are never kept; this index grows with the nodes only (about 0.19 per relationship).
 */
export interface NodeIndex {
  readonly ids: Readonly<Record<ShapedNodeKind, string[]>>;
  /** Index into PERIODS of each programme's period. */
  readonly programmePeriod: Int8Array;
  /** Index into PERIODS of each project's period, -1 when it has none. */
  readonly projectPeriod: Int8Array;
  /** The programme each project is PART_OF. */
  readonly projectProgramme: Int32Array;
  /** The projects of programme p are projectsOf[projectsFrom[p] .. projectsFrom[p + 1]). */
  readonly projectsFrom: Int32Array;
  readonly projectsOf: Int32Array;
}

/** Organisation categories, weighted as London's health partnerships mix them. */
const ORGANISATION_MIX: readonly (readonly [(typeof ORGANISATION_CATEGORIES)[number], number])[] = [
  ['charity', 24],
  ['company', 12],
  ['trust', 10],
  ['council', 8],
  ['ccg', 8],
  ['primary_care', 8],
  ['university', 5],
  ['network', 5],
  ['partnership', 4],
  ['public_health', 3],
  ['emergency_service', 2],
  ['stp_ics', 2],
  ['nhs_london', 2],
  ['london_body', 2],
  ['nhs_national', 1],
  ['mayor_gla', 1],
  ['government', 1],
  ['regulator', 1],
  ['professional_body', 1],
  ['other', 2],
];

const PROJECT_MIX = PROJECT_CATEGORIES.map(
  (category) => [category, category === 'deliverable' || category === 'service' ? 3 : 1] as const,
);

const PROGRAMME_CATEGORIES = ['transformation', 'enabler', 'prevention', 'clinical', 'system'] as const;
const OUTCOME_CATEGORIES = [
  'health',
  'financial',
  'experience',
  'workforce',
  'system',
  'efficiency',
] as const;

/** Decides the programme of each project up front: a few programmes hold many projects. */
export function assignProjects(
  plan: GraphPlan,
  seed: number,
): Pick<NodeIndex, 'projectProgramme' | 'projectsFrom' | 'projectsOf'> {
  const random = createRandom(seed, 'projects-of-programmes');
  const programmes = plan.nodes.Programme;
  const sampler = new ZipfSampler(programmes, 0.5, random);
  const projectProgramme = new Int32Array(plan.nodes.Project);
  const projectsFrom = new Int32Array(programmes + 1);
  for (let j = 0; j < projectProgramme.length; j++) {
    const p = sampler.sample(random);
    projectProgramme[j] = p;
    projectsFrom[p + 1] = (projectsFrom[p + 1] ?? 0) + 1;
  }
  for (let p = 0; p < programmes; p++)
    projectsFrom[p + 1] = (projectsFrom[p + 1] ?? 0) + (projectsFrom[p] ?? 0);
  const filled = projectsFrom.slice(0, programmes);
  const projectsOf = new Int32Array(projectProgramme.length);
  projectProgramme.forEach((p, j) => {
    const at = filled[p] ?? 0;
    projectsOf[at] = j;
    filled[p] = at + 1;
  });
  return { projectProgramme, projectsFrom, projectsOf };
}

/** The id of the synthetic report node. */
export const REPORT_ID = `${NODE_MODEL.Report.idPrefix}.synthetic-graph`;

/**
 * Names for one kind: mostly fresh, sometimes one already given to another node of the kind, because
 * real graphs have namesakes (two "Barnet GP Federation"s) and sorting must keep them apart by id.
 */
class NameSource {
  private readonly recent: Named[] = [];
  constructor(private readonly random: Random) {}

  next(fresh: () => Named): Named {
    if (this.recent.length > 0 && this.random.chance(0.02)) return this.random.pick(this.recent);
    const named = fresh();
    if (this.recent.length < 64) this.recent.push(named);
    else this.recent[this.random.int(64)] = named;
    return named;
  }
}

/**
 * The node records of a planned graph: the Report, then every organisation, programme, project,
 * outcome, metric and person, each with made-up evidence in the synthetic report. Fills `index` as
 * it goes (ids, periods). Ids are the model's prefix, the name's words and the node's number in its
 * kind (base 36), so namesakes get different ids.
 */
export function* nodeRecords(
  plan: GraphPlan,
  seed: number,
  source: string,
  index: NodeIndex,
): Generator<SeedRecordOut> {
  yield {
    id: REPORT_ID,
    kind: 'Report',
    name: `Synthetic graph report (seed ${seed}, ${plan.relationships} relationships)`,
    source,
    period: '2015/16 to 2019/20',
    evidence: [{ source, lines: [1, 3], section: 'Cover' }],
  };
  for (const kind of Object.keys(NODES_PER_RELATIONSHIP) as ShapedNodeKind[]) {
    const random = createRandom(seed, `nodes/${kind}`);
    const names = new NameSource(random);
    const prefix = NODE_MODEL[kind].idPrefix;
    const ids = index.ids[kind];
    const evidence = (sections: readonly string[]): EvidenceOut[] => {
      const first = evidenceIn(source, sections, random);
      return random.chance(0.1) ? [first, evidenceIn(source, sections, random)] : [first];
    };
    for (let i = 0; i < plan.nodes[kind]; i++) {
      let record: SeedRecordOut;
      let named: Named;
      switch (kind) {
        case 'Organisation': {
          const category = random.weighted(ORGANISATION_MIX);
          named = names.next(() => organisationName(category, random));
          record = { kind, category, evidence: evidence(SECTIONS.work) };
          break;
        }
        case 'Programme': {
          const period = random.int(PERIODS.length);
          index.programmePeriod[i] = period;
          named = names.next(() => programmeName(random));
          record = {
            kind,
            period: PERIODS[period],
            category: random.chance(0.5) ? random.pick(PROGRAMME_CATEGORIES) : undefined,
            evidence: evidence(SECTIONS.work),
          };
          break;
        }
        case 'Project': {
          const category = random.weighted(PROJECT_MIX);
          // Most projects run in their programme's period; some carry on into another.
          const own = index.programmePeriod[index.projectProgramme[i] ?? 0] ?? 0;
          const period = random.chance(0.3) ? -1 : random.chance(0.8) ? own : random.int(PERIODS.length);
          index.projectPeriod[i] = period;
          named = names.next(() => projectName(category, random));
          record = { kind, category, period: PERIODS[period], evidence: evidence(SECTIONS.work) };
          break;
        }
        case 'Outcome':
          named = names.next(() => outcomeName(random));
          record = { kind, category: random.pick(OUTCOME_CATEGORIES), evidence: evidence(SECTIONS.work) };
          break;
        case 'Metric': {
          const figure = metricFigure(random);
          const about = projectName(random.weighted(PROJECT_MIX), random).name;
          named = { name: `${about} – ${figure.measure}`.slice(0, 150), aliases: [] };
          record = {
            kind,
            value: figure.value,
            unit: figure.unit,
            valueText: figure.valueText,
            measure: figure.measure,
            period: random.chance(0.6) ? random.pick(PERIODS) : undefined,
            qualifier: figure.qualifier,
            evidence: evidence(SECTIONS.figures),
          };
          break;
        }
        case 'Person': {
          const person = personName(random);
          named = person;
          record = { kind, title: person.title, evidence: evidence(SECTIONS.people) };
          break;
        }
      }
      const id = `${prefix}.${slug(named.name)}-${i.toString(36)}`;
      ids.push(id);
      const { kind: _, ...fields } = record;
      yield {
        id,
        kind,
        name: named.name,
        aliases: named.aliases.length > 0 ? named.aliases : undefined,
        ...fields,
      };
    }
  }
}

/** An empty index sized for the plan, with the projects already placed in their programmes. */
export function createNodeIndex(plan: GraphPlan, seed: number): NodeIndex {
  const ids = Object.fromEntries(
    (Object.keys(NODES_PER_RELATIONSHIP) as ShapedNodeKind[]).map((kind) => [kind, [] as string[]]),
  ) as Record<ShapedNodeKind, string[]>;
  return {
    ids,
    programmePeriod: new Int8Array(plan.nodes.Programme),
    projectPeriod: new Int8Array(plan.nodes.Project).fill(-1),
    ...assignProjects(plan, seed),
  };
}
